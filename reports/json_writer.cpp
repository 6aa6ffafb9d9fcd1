#include "json_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "decision_report.h"
#include "coverage.h"
#include "report_paths.h"
#include "report_terms.h"

namespace swv {

namespace {
using json = nlohmann::ordered_json;

// Cents are the precision of a budget; rounding keeps files stable and readable. A non-finite
// number never reaches a result (check_finite refuses the run); should one slip through it is
// written as null, like the decision JSON, never as a plausible 0.
json tidy(double x) {
  if (!std::isfinite(x)) return nullptr;
  return std::round(x * 1e6) / 1e6;
}
json arr(const std::vector<double>& v) {
  json a = json::array();
  for (double x : v) a.push_back(tidy(x));
  return a;
}
}  // namespace

json kaderbrief_json(const SpendingRoom& k) {
  auto bound = [](const SpendingBound& b) { return json{{"gevonden", b.found}, {"bedrag", b.found ? tidy(b.amount) : json(nullptr)}}; };
  auto amount = [](double x) { return std::isfinite(x) ? tidy(x) : json(nullptr); };
  const Recommendation& a = k.recommended;
  json j = {{"doeljaar", k.query.target_year},
            {"tot_en_met", k.end_year},
            {"zekerheid", k.query.confidence},
            {"ondergrens_zekerheid", k.query.floor_confidence},
            {"paden", k.paths},
            {"bedrag_per_jaar", amount(a.amount)},
            {"soort", recommendation_kind_key(a.kind)},
            {"minimum", bound(k.minimum)},
            {"maximum", bound(k.maximum)},
            {"bovenmatig_doeljaar", tidy(a.excessive_target)},
            {"onder_ondergrens_enig_jaar", tidy(a.below_floor_any)},
            {"eigen_vermogen_doeljaar", tidy(a.median_target)},
            {"eigen_vermogen_laatste_jaar", tidy(a.median_last)},
            {"risicolast_per_jaar", arr(k.risk_load)},
            {"risicolast_in_begroting", k.paths == 0 && k.plan_with_risk_load},
            {"toelichting", kaderbrief_notes(k)}};
  if (a.kind == Recommendation::Kind::FloorUnreachable)
    j["onhaalbaar"] = {{"jaar", a.breach_year}, {"grootste_bezuiniging", tidy(a.largest_cut)}, {"tekort", tidy(a.shortfall)},
                       {"bij_start_onder_ondergrens", a.below_at_start}};
  if (k.other_given)
    j["andere_modus"] = {{"modus", k.paths ? "deterministisch" : "montecarlo"}, {"paden", k.other_paths}, {"soort", recommendation_kind_key(k.other.kind)},
                         {"bedrag_per_jaar", amount(k.other.amount)}};
  return j;
}

// [kalibratie] of the scenario (docs/kalibratie.md): the history its spreads came from and the back-test.
json calibration_info_json(const CalibrationInfo& c) {
  json o = {{"bestand", c.file}, {"historie", c.history}, {"historie_sha256", c.history_sha256}, {"eerste_jaar", c.first_year},
            {"laatste_jaar", c.last_year}, {"methode", c.method}};
  if (c.has_backtest) {
    const Coverage cov{c.coverage50, c.coverage90, c.points};
    o["terugtoets"] = {{"dekking_50", c.coverage50}, {"dekking_90", c.coverage90}, {"punten", c.points}, {"oordeel", verdict_word(verdict(cov))}};
    if (c.horizon > 0) o["terugtoets"]["horizon"] = c.horizon;
  }
  return o;
}

std::string result_json(const Result& r, const SpendingRoom* kaderbrief) {
  json j;
  j["swvsim"] = r.engine_version;
  j["scenario"] = {{"naam", r.scenario_name}, {"bestand", report_file(r, r.scenario_file)}, {"sha256", r.scenario_sha256}};
  json inputs = json::array();
  for (const auto& f : r.inputs) inputs.push_back({{"rol", f.role}, {"bestand", report_file(r, f.path)}, {"sha256", f.sha256}});
  j["invoer"] = inputs;
  j["sector"] = sector_name(r.sector);
  j["simulatie"] = {{"modus", r.mode == Mode::Deterministic ? "deterministisch" : "montecarlo"},
                    {"paden", r.paths},
                    {"zaad", r.seed},
                    {"threads", r.threads},
                    {"seconden", std::round(r.seconds * 1000) / 1000}};
  if (!r.percentile_method.empty()) j["simulatie"]["percentielen"] = r.percentile_method;
  if (r.precision.target > 0)  // precision on demand (run --precisie): the target, what was reached, with how many paths
    j["simulatie"]["precisie"] = {{"doel", r.precision.target},
                                  {"behaald", std::round(r.precision.achieved * 1e9) / 1e9},
                                  {"paden", r.paths},
                                  {"max_paden", r.precision.max_paths},
                                  {"gehaald", r.precision.met}};
  j["jaren"] = r.years;
  j["start"] = {{"eigen_vermogen", tidy(r.start_equity)},
                {"algemene_reserve", tidy(r.start_general_reserve)},
                {"bestemmingsreserves", tidy(r.start_equity - r.start_general_reserve)}};
  json series = json::object();
  for (const auto& s : r.series) {
    series[s.key] = {{"gemiddelde", arr(s.mean)}, {"p5", arr(s.p5)},   {"p25", arr(s.p25)},
                     {"p50", arr(s.p50)},         {"p75", arr(s.p75)}, {"p95", arr(s.p95)}};
    // P10 and P90 (the 80% band of page 1) after the contract's keys.
    if (!s.p10.empty()) series[s.key]["p10"] = arr(s.p10);
    if (!s.p90.empty()) series[s.key]["p90"] = arr(s.p90);
  }
  j["reeksen"] = series;
  auto prob = [](const Probability& p) { return json{{"waarde", arr(p.value)}, {"standaardfout", arr(p.std_error)}}; };
  j["kansen"] = {{"bovenmatig", prob(r.excessive)}, {"onder_ondergrens", prob(r.below_floor)}, {"negatief", prob(r.negative)}};
  for (const auto& [key, p] : r.more_flags) j["kansen"][key] = prob(p);
  json lines = json::array();
  for (const auto& l : r.lines) {
    json o = {{"code", l.code}, {"naam", l.name}, {"kant", side_name(l.side)}};
    if (!l.group.empty()) o["groep"] = l.group;
    o["begroot"] = arr(l.budget);
    o["bedragen"] = arr(l.realised);
    if (l.has_override) o["berekend_bedrag"] = arr(l.computed);
    lines.push_back(o);
  }
  j["posten"] = lines;
  j["verwachte_risicolast"] = arr(r.expected_risk_cost);
  j["verwacht_overschot"] = arr(r.expected_excess);
  if (!r.risks.empty()) {
    json risks = json::array();
    for (const auto& k : r.risks)
      risks.push_back({{"code", k.code}, {"naam", k.name}, {"kant", k.lost_income ? "baten" : "lasten"},
                       {"blijvend", k.lasting}, {"verwachte_last", arr(k.expected)}, {"kans_geraakt", arr(k.hit_share)}});
    j["risicos"] = risks;
  }
  // Beschikbaar is the algemene reserve at the start. The ratio is null when nothing is needed
  // (JSON has no infinity); the class is then A.
  json wv = {{"definitie", kBufferDefinitionShort}, {"beschikbaar", tidy(r.start_general_reserve)}};
  if (!r.buffers.empty()) {
    json req = json::array();
    for (const auto& b : r.buffers) {
      const BufferVerdict v = buffer_verdict(r.start_general_reserve, b.required);
      req.push_back({{"zekerheid", b.confidence}, {"grootste_tekort", tidy(b.shortfall)}, {"benodigd", tidy(b.required)},
                     {"ratio", tidy(v.ratio)}, {"klasse", std::string(1, v.nar.letter)}, {"oordeel", v.nar.label}});
    }
    wv["benodigd"] = req;
  }
  j["weerstandsvermogen"] = wv;
  json fired = json::object();
  for (const auto& [k, v] : r.policy_fired) fired[k] = arr(v);
  j["beleid_actief"] = fired;
  j["normen"] = {{"signaleringswaarde", {{"percentage", r.signal_percentage}, {"minimum", r.signal_minimum}}},
                 {"percentielen", "Hyndman-Fan type 7"}};
  if (r.calibration.given) j["kalibratie"] = calibration_info_json(r.calibration);
  if (kaderbrief) j["kaderbrief"] = kaderbrief_json(*kaderbrief);
  j["waarschuwingen"] = report_warnings(r);
  return j.dump(2) + "\n";
}

}  // namespace swv
