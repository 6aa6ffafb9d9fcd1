#include "kaderbrief.h"

#include <algorithm>

#include "deterministic.h"
#include "mc_paths.h"
#include "risk_load.h"
#include "targets.h"

namespace swv {

namespace {

// The scenario a run's close ran on: targets solved and the plan fixed (plan_spend, plan_equity),
// as prepare_for_monte_carlo leaves them; the value tables are not needed to replay the close.
Scenario with_plan(const Scenario& sc) {
  Scenario s = sc;
  solve_targets(s);
  fix_plan(s);
  return s;
}

// Expected risk load per year: what the plan leaves out (scenario-format section 1).
std::vector<double> risk_load(const Scenario& sc) {
  std::vector<double> v;
  for (int y = sc.first_year; y <= sc.last_year; ++y) {
    double e = 0;
    for (const Risk& r : sc.risks) e += expected_risk_load(r, sc.first_year, y);
    v.push_back(e);
  }
  return v;
}

}  // namespace

SpendingQuery kaderbrief_query(const Scenario& sc) {
  SpendingQuery q;
  q.target_year = sc.last_year;
  q.trade_off = false;
  return q;
}

size_t kaderbrief_paths(int64_t paths) { return static_cast<size_t>(std::clamp<int64_t>(paths, 1, kKaderbriefMaxPaths)); }

SpendingRoom kaderbrief_room(const Scenario& sc, const FinanceTable& table, const McOptions& opt) {
  const Scenario s = with_plan(sc);
  const CloseReplay close(s);
  SpendingRoom room = solve_spending(close, table, kaderbrief_query(s), opt.cancel);
  room.risk_load = risk_load(sc);
  return room;
}

SpendingRoom kaderbrief_room(const Scenario& sc, const McOptions& opt) {
  Scenario s = sc;
  s.paths = static_cast<int64_t>(kaderbrief_paths(sc.paths));
  prepare_for_monte_carlo(s);
  FinanceTable table(s, static_cast<size_t>(s.paths));
  McOptions o = opt;
  o.progress = nullptr;
  run_paths(s, o, Pin{}, &table);
  const CloseReplay close(s);
  SpendingRoom room = solve_spending(close, table, kaderbrief_query(s), opt.cancel);
  room.risk_load = risk_load(sc);
  return room;
}

SpendingRoom deterministic_spending(const Scenario& sc, const SpendingQuery& q) {
  Scenario s = sc;
  solve_targets(s);  // the plan itself: no fixed bestedingsplan, the close computes it (model_finance.h)
  const PlanTrace plan = trace_plan(s);
  FinanceTable table(s, 1);
  for (size_t y = 0; y < plan.years.size(); ++y) table.record(0, static_cast<int>(y), plan.years[y].in);
  const CloseReplay close(s);
  SpendingRoom room = solve_spending(close, table, q);
  room.risk_load = risk_load(sc);
  room.plan_with_risk_load = sc.plan_risk_load;
  return room;
}

}  // namespace swv
