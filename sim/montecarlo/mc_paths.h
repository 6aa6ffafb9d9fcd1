#pragma once
// Per-path Monte-Carlo runs for decision support (with mc_risk_off.h and mc_record.h, the only way
// into the paths for the rooms above: the path model itself is not on their include path).
//
// Contract:
// - run_paths runs the same paths as run_monte_carlo (same seed, same draws, same block loop), but
//   keeps each path's equity, signaleringswaarde and floor per year instead of statistics, and
//   skips everything else (percentiles, reports), so a solver can run it many times.
// - Two tables of one seed can be compared path by path (paired differences under common random
//   numbers); a table is bit-identical for any thread count (each path writes its own rows).
// - Bounded before it runs: memory (two tables within opt.memory_budget) and work
//   (check_decision_work); a non-finite value is a RunError naming series, year and path.
// - The same run-time input checks as run_monte_carlo (report_counters): a scenario `run` refuses
//   with exit 2 is refused here too, whatever the decision command.
#include <cstddef>
#include <string>
#include <vector>

#include "finance_table.h"
#include "mc.h"
#include "mc_pin.h"
#include "scenario.h"

namespace swv {

struct PathTable {
  size_t paths = 0, years = 0;
  std::vector<double> equity, signal, floor;  // [path * years + year]
  std::vector<std::string> warnings;          // the run-time warnings of run (clamped rates, ...)
  double at(const std::vector<double>& v, size_t p, size_t y) const { return v[p * years + y]; }
  // Mean over the paths of one of the three series in year y.
  double mean(const std::vector<double>& v, size_t y) const;
  // Share of paths with equity above the signaleringswaarde in year y (bovenmatig).
  double excessive(size_t y) const;
  // Share of paths with equity below the floor in year y, and in any year.
  double below_floor(size_t y) const;
  double below_floor_any() const;
};

// Limits of decision support, checked before anything runs (RunError: exit 2, naming --paden).
// Memory: a decision command holds at most two path tables at once (paths x years x 24 bytes
// each), within opt.memory_budget (1 GB unless set). Work: `runs` runs of paths x years x (posts +
// risks + kWorkPerYear) steps each must stay under kMaxDecisionWork (about a quarter of an hour on
// two cores); `what` names the command and why it needs that many runs.
constexpr double kWorkPerYear = 16;        // the flows, indices and demography of a path-year, in post-equivalents
constexpr double kMaxDecisionWork = 3.5e10;  // steps: ~15 min at the measured ~4e7 steps/s on 2 cores (docs/performance.md)
double decision_work(const Scenario& sc, double runs);
void check_decision_work(const Scenario& sc, double runs, const std::string& what);

// `sc` must be prepared (prepare_for_monte_carlo) once by the caller: decision support runs many
// times and tabulates once. `pin` holds one input at a quantile (sensitivity analysis). `finance`
// (optional) records each path's year inputs to the close, for replays (finance_table.h); its
// memory counts in the check above.
PathTable run_paths(const Scenario& sc, const McOptions& opt, const Pin& pin = {}, FinanceTable* finance = nullptr);

}  // namespace swv
