#include "risk_buffer.h"

#include <algorithm>
#include <cmath>

#include "mc_paths.h"
#include "mc_risk_off.h"
#include "mc_stats.h"

namespace swv {

namespace {

// The buffer levels of these shortfalls (exact type 7, by selection: reorders them).
BufferLevels levels_of(std::vector<double>& shortfall) {
  const Percentiles q = percentiles_type7(shortfall);
  BufferLevels b;
  for (size_t i = 0; i < b.kConfidence.size(); ++i) b.required[i] = required_buffer(q.p[kBufferPercentile[i]]);
  return b;
}

// Each path's shortfall below the plan (sc.plan_equity, fixed by prepare_for_monte_carlo).
std::vector<double> shortfalls(const Scenario& sc, const PathTable& t) {
  std::vector<double> s(t.paths, kNoShortfall);
  for (size_t p = 0; p < t.paths; ++p)
    for (size_t y = 0; y < t.years; ++y) s[p] = path_shortfall(s[p], sc.plan_equity[y], t.at(t.equity, p, y));
  return s;
}

// Work in units of whole runs (for check_decision_work): two full runs, one draw per risk,
// path and year, and a rerun without the risk's loop for each path the risk hits.
double work_in_runs(const Scenario& sc) {
  const double per_run = static_cast<double>(sc.lines.size() + sc.risks.size()) + kWorkPerYear;
  double runs = 2;
  for (const Risk& r : sc.risks) {
    double miss = 1;
    for (int y = sc.first_year; y <= sc.last_year; ++y)
      if (r.active(y)) miss *= 1 - std::clamp(r.probability.mean(y), 0.0, 1.0);
    runs += (1 + (1 - miss) * (static_cast<double>(sc.lines.size()) + kWorkPerYear)) / per_run;
  }
  return runs;
}

// The buffer with every risk switched off (kans 0): one run of its own.
BufferLevels without_any_risk(const Scenario& sc, const McOptions& opt) {
  Scenario off = sc;
  for (Risk& r : off.risks) r.probability = Value::fixed(0);
  std::vector<double> s = shortfalls(sc, run_paths(off, opt));  // checks paths, memory, overflow
  return levels_of(s);
}

}  // namespace

BufferAnalysis analyse_buffer(const Scenario& sc, const McOptions& opt) {
  check_decision_work(sc, work_in_runs(sc), "weerstandsvermogen met " + std::to_string(sc.risks.size()) + " risico's");
  BufferAnalysis a;
  a.paths = static_cast<size_t>(sc.paths);
  a.start_equity = sc.start.equity;
  a.available = sc.start.equity;
  for (const auto& r : sc.reserves) a.available -= r.balance;
  a.without_any = without_any_risk(sc, opt);
  a.risks.resize(sc.risks.size());
  std::vector<double> all = shortfalls_per_risk_off(sc, opt, [&](size_t k, std::vector<double>& s) {
    const Risk& rk = sc.risks[k];
    RiskContribution c{rk.code, rk.name, levels_of(s), {}};
    a.risks[k] = std::move(c);
  });
  a.with_all = levels_of(all);
  for (RiskContribution& c : a.risks)
    for (size_t i = 0; i < c.contribution.size(); ++i) c.contribution[i] = a.with_all.required[i] - c.without.required[i];
  return a;
}

}  // namespace swv
