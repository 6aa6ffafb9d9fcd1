#pragma once
// What a run reports per path and year (resultaat.json `reeksen`, `posten` and the flags of
// `kansen`): one definition for deterministic and Monte-Carlo mode, so both report the same
// series, lines and flags from the same year of a path.
#include <string>
#include <vector>

#include "year_record.h"
#include "result.h"

namespace swv {

// The series keys of this scenario, in output order: series_keys() (the contract's twelve), then
// participation (deelname_sbo, deelname_so for po; deelname_vso, deelname_pro for vo), the waiting
// lists where capaciteit is set (wachtlijst_sbo, wachtlijst_so or wachtlijst_vso),
// afstand_signaleringswaarde (equity minus the norm: its mean and median replace the one-sided
// "verwacht overschot" in reports), algemene_reserve, bestemmingsreserves, streefvermogen (when given), one
// bestemmingsreserve.<code> per reserve, and the balance sheet (when [balans] is given).
std::vector<std::string> path_series_keys(const Scenario& sc);
// The values of one year, in path_series_keys order, into out[0 .. path_series_keys(sc).size()).
void path_series_values(const Scenario& sc, const YearRecord& r, const LineAmounts& a, double* out);

// Which series are the same in every path (in path_series_keys order): their value follows from
// fixed inputs alone (the balance items that do not move, a fixed floor, target or reserve, the
// pupil count of the other sector). Monte Carlo takes them from the plan instead of keeping every
// path's value: no store, no percentile work.
std::vector<bool> path_series_constant(const Scenario& sc);

// Participation at the teldatum of a year (scenario-format 14.4): k = 0 SBO / (BaO + SBO) for po,
// PrO / (VO + PrO) for vo; k = 1 SO / (BaO + SBO + SO) for po, VSO / (VO + VSO) for vo. 0 when empty.
double participation(const Scenario& sc, const YearRecord& r, int k);

// Per-year yes/no flags beyond bovenmatig/onder_ondergrens/negatief, in output order:
// onder_streefvermogen (algemene reserve below the target, when given) and the Inspectie's
// continuity signals (when [balans] is given): solvabiliteit_onder_signaal (< 0,30),
// liquiditeit_onder_signaal (< 0,75), drie_jaar_negatief_resultaat; and per participation target
// (stromen.doel) doel_<type>_gehaald (targets.h: target_met), so Monte Carlo gives the chance that
// each target is met.
std::vector<std::string> path_flag_keys(const Scenario& sc);
inline constexpr size_t kMaxFlags = 6;
void path_flag_values(const Scenario& sc, const YearRecord& r, bool* out);  // out[kMaxFlags]
// The most series a scenario can have (12 + 2 participation + 2 waiting lists + 3 + kMaxReserves + 10).
inline constexpr size_t kMaxSeries = 30 + kMaxReserves;
inline constexpr double kSolvencySignal = 0.30, kLiquiditySignal = 0.75;

// The lines beyond the budget lines (scenario-format 14.3), in output order: the policy lines the
// scenario uses (beleid.*), then one line per risk (risico.<code>). `source` says where a line's
// amount comes from: a PolicyLine or a risk index.
struct ExtraLine {
  std::string code, name;
  Side side = Side::Cost;
  bool is_risk = false;
  int index = 0;  // PolicyLine, or the risk's index
};
std::vector<ExtraLine> extra_lines(const Scenario& sc);
// The realised and budget amount of an extra line in one year.
inline double extra_realised(const ExtraLine& e, const LineAmounts& a) {
  return e.is_risk ? a.risk[static_cast<size_t>(e.index)] : a.policy[static_cast<size_t>(e.index)];
}
inline double extra_budget(const ExtraLine& e, const LineAmounts& a) {
  return e.is_risk ? 0.0 : a.policy_budget[static_cast<size_t>(e.index)];  // the plan has no risks
}

}  // namespace swv
