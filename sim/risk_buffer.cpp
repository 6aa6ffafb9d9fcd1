#include "risk_buffer.h"

#include <algorithm>
#include <cmath>

#include "mc_paths.h"

namespace swv {

namespace {

BufferLevels levels(const Scenario& sc, const McOptions& opt) {
  const PathTable t = run_paths(sc, opt);
  std::vector<double> shortfall(t.paths, -INFINITY);
  for (size_t p = 0; p < t.paths; ++p)
    for (size_t y = 0; y < t.years; ++y) shortfall[p] = std::max(shortfall[p], t.at(t.floor, p, y) - t.at(t.equity, p, y));
  std::sort(shortfall.begin(), shortfall.end());
  BufferLevels b;
  for (size_t i = 0; i < b.kConfidence.size(); ++i)
    b.required[i] = std::max(0.0, sc.start.equity + percentile_type7(shortfall, b.kConfidence[i]));
  return b;
}

}  // namespace

BufferAnalysis analyse_buffer(const Scenario& sc, const McOptions& opt) {
  BufferAnalysis a;
  a.paths = static_cast<size_t>(sc.paths);
  a.start_equity = sc.start.equity;
  a.with_all = levels(sc, opt);
  Scenario off = sc;
  for (Risk& r : off.risks) r.probability = Value::fixed(0);
  a.without_any = levels(off, opt);
  for (size_t k = 0; k < sc.risks.size(); ++k) {
    Scenario s = sc;
    s.risks[k].probability = Value::fixed(0);  // the other risks keep their streams
    RiskContribution c{sc.risks[k].code, sc.risks[k].name, levels(s, opt), {}};
    for (size_t i = 0; i < c.contribution.size(); ++i) c.contribution[i] = a.with_all.required[i] - c.without.required[i];
    a.risks.push_back(std::move(c));
  }
  return a;
}

}  // namespace swv
