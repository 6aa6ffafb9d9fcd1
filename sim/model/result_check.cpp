#include "result_check.h"

#include <cmath>
#include <utility>

namespace swv {

std::string overflow_message(const std::string& file, const std::string& what, int year, const std::string& where) {
  return file + ": fout: berekening: " + what + " in " + std::to_string(year) + where +
         " is geen eindig getal (overloop: de bedragen groeien onbegrensd); verklein indexatie, groei of bedragen\n";
}

void check_finite(const Result& r, const std::string& file) {
  auto scan = [&](const std::vector<double>& v, const std::string& what) {
    for (size_t i = 0; i < v.size(); ++i)
      if (!std::isfinite(v[i])) throw RunError(overflow_message(file, what, i < r.years.size() ? r.years[i] : 0, ""));
  };
  for (const Series& s : r.series)
    for (auto [v, stat] : {std::pair{&s.mean, "gemiddelde"}, {&s.p5, "p5"}, {&s.p25, "p25"}, {&s.p50, "p50"}, {&s.p75, "p75"}, {&s.p95, "p95"}, {&s.p10, "p10"}, {&s.p90, "p90"}})
      scan(*v, s.key + " (" + stat + ")");
  for (auto [p, key] : {std::pair{&r.excessive, "kans bovenmatig"}, {&r.below_floor, "kans onder_ondergrens"}, {&r.negative, "kans negatief"}})
    scan(p->value, key), scan(p->std_error, std::string(key) + " (standaardfout)");
  for (const LineResult& l : r.lines) scan(l.budget, "post " + l.code), scan(l.realised, "post " + l.code), scan(l.computed, "post " + l.code);
  scan(r.expected_risk_cost, "verwachte_risicolast");
  for (const RiskResult& k : r.risks) scan(k.expected, "risico " + k.code), scan(k.hit_share, "risico " + k.code);
  scan(r.expected_excess, "verwacht_overschot");
  for (const BufferResult& b : r.buffers)
    if (!std::isfinite(b.shortfall) || !std::isfinite(b.required))
      throw RunError(file + ": fout: berekening: het benodigd weerstandsvermogen is geen eindig getal (overloop); verklein indexatie, groei of bedragen\n");
  for (const auto& [key, v] : r.policy_fired) scan(v, "beleid_actief." + key);
}

namespace {
std::string years_text(const std::vector<int>& years) {
  std::string out;
  for (size_t i = 0; i < years.size();) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + std::to_string(years[i]) + (j > i ? "–" + std::to_string(years[j]) : "");
    i = j + 1;
  }
  return out;
}
}  // namespace

void add_plausibility_warnings(const std::string& file, Result& r) {
  const bool mc = r.mode == Mode::MonteCarlo;
  for (const auto& [rule, share] : r.policy_fired) {
    if (rule != "cap") continue;
    std::vector<int> years;
    for (size_t y = 0; y < share.size(); ++y)
      if (share[y] > (mc ? 0.01 : 0.0)) years.push_back(r.years[y]);
    if (!years.empty())
      r.warnings.push_back(file + ": waarschuwing: afdrachten: in " + years_text(years) +
                           (mc ? " dragen in meer dan 1% van de paden" : " dragen") +
                           " de ondersteuningsbaten de DUO-afdrachten niet: DUO verrekent per component (SBO met de lichte, SO/VSO "
                           "met de zware ondersteuning, LWOO/PrO met zijn eigen budget) en wat een component niet draagt, komt ten "
                           "laste van de scholen in de regio (cap): controleer de leerlingaantallen en de regels");
  }
  const Series *floor = r.find("ondergrens"), *signal = r.find("signaleringswaarde");
  if (!floor || !signal) return;
  std::vector<int> years;
  for (size_t y = 0; y < r.years.size(); ++y)
    if (floor->mean[y] > signal->mean[y]) years.push_back(r.years[y]);
  if (!years.empty())
    r.warnings.push_back(file + ": waarschuwing: normen.ondergrens: de ondergrens ligt in " + years_text(years) +
                         " boven de signaleringswaarde" + (mc ? " (gemiddeld)" : "") +
                         ": dan is het eigen vermogen altijd óf bovenmatig óf onder de eigen grens; kies een ondergrens onder de signaleringswaarde");
}

}  // namespace swv
