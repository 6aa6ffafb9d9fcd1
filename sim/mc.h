#pragma once
// Monte-Carlo mode: many paths of the same model, each drawn from counter-based random streams
// keyed by (seed, path, driver, year, draw), run in parallel over fixed blocks of paths. A path's
// numbers depend only on (seed, path), never on threads or scheduling; sums are reduced in block
// order, so results are bit-identical for any thread count.
#include "result.h"
#include "scenario.h"

namespace swv {

struct McOptions {
  int threads = 0;  // 0 = all cores
};

Result run_monte_carlo(const Scenario& sc, const std::vector<std::string>& warnings = {}, const McOptions& opt = {});

// Hyndman-Fan type 7 percentile of sorted data (numpy's default): linear interpolation between
// order statistics at h = (n - 1) p.
double percentile_type7(const std::vector<double>& sorted, double p);

}  // namespace swv
