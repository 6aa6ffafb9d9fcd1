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
    for (auto [v, stat] : {std::pair{&s.mean, "gemiddelde"}, {&s.p5, "p5"}, {&s.p25, "p25"}, {&s.p50, "p50"}, {&s.p75, "p75"}, {&s.p95, "p95"}})
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

}  // namespace swv
