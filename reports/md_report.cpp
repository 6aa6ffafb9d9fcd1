#include "md_report.h"

#include "calibration_text.h"
#include "decision_report.h"
#include "format_nl.h"
#include "report_paths.h"
#include "report_terms.h"
#include "report_text.h"

namespace swv {

namespace {

// Markdown-safe text: no table breaks, no HTML, no emphasis surprises.
std::string md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') out += ' ';
    else if (c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

// Benodigd weerstandsvermogen per confidence against the algemene reserve, with the NAR class.
std::string buffer_table(const Result& r) {
  if (r.buffers.empty()) return "";
  std::string s = "\n## Weerstandsvermogen\n\n| Zekerheid | Benodigd weerstandsvermogen | Beschikbaar (algemene reserve) | Ratio | Klasse |\n"
                  "|---|---|---|---|---|\n";
  for (const auto& b : r.buffers) {
    const BufferVerdict v = buffer_verdict(r.start_general_reserve, b.required);
    s += "| " + pct(b.confidence, 0) + " | " + euro(b.required) + " | " + euro(r.start_general_reserve) + " | " + v.ratio_text + " | " +
         v.class_text + " |\n";
  }
  return s + "\n" + md(kBufferDefinition) + " Klassen: " + md(nar_scale_text()) + ".\n";
}

// The meerjarenbegroting: every line of each side, the side's total right after its lines (so the
// lines visibly add up to it), then saldo and equity with its parts. Monte Carlo: means.
std::string mjb_table(const ReportInput& in) {
  const Result& r = in.result;
  std::string s = std::string("\n## Meerjarenbegroting") + (in.monte_carlo() ? " (gemiddelde over de paden)" : "") + "\n\n| Post |";
  for (int y : r.years) s += " " + std::to_string(y) + " |";
  s += "\n|---|";
  for (size_t y = 0; y < r.years.size(); ++y) s += "---:|";
  s += "\n";
  auto row = [&](const std::string& label, const std::vector<double>& v) {
    s += "| " + label + " |";
    for (double x : v) s += " " + euro(x) + " |";
    s += "\n";
  };
  auto series = [&](const char* key) { return r.find(key) ? r.find(key)->mean : std::vector<double>(r.years.size(), 0.0); };
  const std::pair<Side, const char*> sides[] = {{Side::Income, "totale_baten"}, {Side::Reduction, "kortingen"}, {Side::Cost, "totale_lasten"}};
  const char* totals[] = {"**Totale baten**", "**Totale kortingen**", "**Totale lasten**"};
  for (size_t k = 0; k < 3; ++k) {
    std::vector<const std::vector<double>*> amounts;
    for (const auto& l : r.lines)
      if (l.side == sides[k].first) amounts.push_back(&l.realised);
    const auto printed = printed_lines(amounts, series(sides[k].second));  // the printed lines add up to the printed total
    size_t i = 0;
    for (const auto& l : r.lines)
      if (l.side == sides[k].first) row(md(l.code + " " + l.name), printed[i++]);
    if (!amounts.empty() || sides[k].first != Side::Reduction) row(totals[k], series(sides[k].second));
  }
  row("**Saldo**", series("saldo"));
  row("**Eigen vermogen 31-12**", series("eigen_vermogen"));
  row("Algemene reserve", series("algemene_reserve"));
  row("Bestemmingsreserves", series("bestemmingsreserves"));
  return s;
}

}  // namespace

std::string markdown_summary(const ReportInput& in) {
  const Result& r = in.result;
  std::string s = "# " + md(r.scenario_name) + "\n\n";
  s += "Meerjarenbegroting " + std::to_string(r.years.front()) + "–" + std::to_string(r.years.back()) + ", " +
       (in.monte_carlo() ? "Monte Carlo met " + num_nl(static_cast<double>(r.paths)) + " paden (zaad " + std::to_string(r.seed) + ")"
                         : std::string("deterministisch")) +
       ".\n\n";
  if (in.scenario)
    for (const auto& line : rules_words(*in.scenario)) s += "Bekostigingsregels: " + md(line) + ".\n\n";
  for (const auto& line : summary_sentences(in)) s += "- " + md(line) + "\n";
  if (in.kaderbrief) {
    s += "\n**Voor de kaderbrief.** " + md(kaderbrief_sentence(*in.kaderbrief)) + "\n";
    for (const std::string& n : kaderbrief_notes(*in.kaderbrief)) s += "\n" + md(n) + "\n";
  }
  const Probability* target = find_flag(r, "onder_streefvermogen");
  const auto shares = pupil_shares(r);  // participation and waiting lists: one column each
  s += std::string("\n| Jaar | Bovenmatig | Onder ondergrens | Negatief | Eigen vermogen") + (in.monte_carlo() ? " (mediaan)" : "") +
       " | Signaleringswaarde |" + (target ? " Algemene reserve onder streefvermogen |" : "");
  for (const PupilShare& p : shares) s += " " + p.label + (in.monte_carlo() ? " (gemiddelde)" : "") + " |";
  s += std::string("\n|---|---|---|---|---|---|") + (target ? "---|" : "");
  for (size_t i = 0; i < shares.size(); ++i) s += "---|";
  s += "\n";
  const Series* ev = r.find("eigen_vermogen");
  const Series* sw = r.find("signaleringswaarde");
  for (size_t y = 0; y < r.years.size(); ++y) {
    auto cell = [&](double p, Light l) {
      const std::string v = in.monte_carlo() ? chance(p) : (p > 0 ? "ja" : "nee");
      return l == Light::Red ? "**" + v + " (rood)**" : v + " (" + light_name(l) + ")";
    };
    s += "| " + std::to_string(r.years[y]) + " | " + cell(r.excessive.value[y], light_excessive(in, y)) + " | " +
         cell(r.below_floor.value[y], light_floor(in, y)) + " | " + (in.monte_carlo() ? chance(r.negative.value[y]) : (r.negative.value[y] > 0 ? "ja" : "nee")) +
         " | " + euro(ev ? ev->p50[y] : 0) + " | " + euro(sw ? sw->mean[y] : 0) + " |";
    if (target) s += " " + (in.monte_carlo() ? chance(target->value[y]) : (target->value[y] > 0 ? "ja" : "nee")) + " |";
    for (const PupilShare& p : shares) s += " " + pupil_share_text(p, p.series->mean[y]) + " |";
    s += "\n";
  }
  if (!shares.empty())
    s += "\nDeelname op de teldatum: " +
         std::string(r.sector == Sector::Po ? "SBO als aandeel van BaO + SBO, SO van alle leerlingen (BaO + SBO + SO)"
                                            : "VSO als aandeel van VO + VSO, PrO van VO + PrO") +
         (shares.back().percent ? "" : "; wachtlijst in leerlingen die op een plaats wachten") + ".\n";
  s += mjb_table(in);
  s += buffer_table(r);
  if (in.scenario && in.scenario->calibration.given) s += "\n" + md(calibration_source_text(in.scenario->calibration)) + "\n";
  if (!r.warnings.empty()) {
    s += "\nWaarschuwingen:\n\n";
    for (const auto& w : report_warnings(r)) s += "- " + md(w) + "\n";
  }
  s += "\nswvsim " + r.engine_version +
       (in.monte_carlo() ? "; percentielen Hyndman–Fan type 7.\n" : "; deterministische begroting (elke verdeling op haar verwachting).\n");
  return s;
}

}  // namespace swv
