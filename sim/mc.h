#pragma once
// Monte-Carlo mode: many paths of the same model, each drawn from counter-based random streams
// keyed by (seed, path, driver, year, draw), run in parallel over fixed blocks of paths. A path's
// numbers depend only on (seed, path), never on threads or scheduling; sums are reduced in block
// order, so results are bit-identical for any thread count.
#include <atomic>
#include <cstdint>
#include <stdexcept>

#include "result.h"
#include "scenario.h"

namespace swv {

// Progress of a run, readable from another thread (the CLI's progress bar).
struct Progress {
  std::atomic<uint64_t> done{0}, total{0};  // paths simulated (a streaming run passes twice)
};

struct McOptions {
  int threads = 0;                                  // 0 = all cores
  size_t memory_budget = size_t{1} << 30;           // bytes for per-path series (mc_stats.h)
  Progress* progress = nullptr;                     // optional
  const std::atomic<bool>* cancel = nullptr;        // optional: set to stop the run (Ctrl-C)
};

// Thrown when `cancel` was set: no result.
struct Cancelled : std::runtime_error {
  Cancelled() : std::runtime_error("berekening afgebroken") {}
};
// Thrown when the draws show an input error only a run can reveal (rates of a state that sum to 1
// or more in more than 0.1% of the paths). The message is complete, in Dutch, one line per error.
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Tabulates the costly quantile functions (beta, pert) and lognormal shapes of every value for the
// planperiode (Value::prepare). run_monte_carlo does this on its own copy; only code that drives
// McDraws directly (tests) calls it.
void prepare_for_monte_carlo(Scenario& sc);

Result run_monte_carlo(const Scenario& sc, const std::vector<std::string>& warnings = {}, const McOptions& opt = {});

// Hyndman-Fan type 7 percentile of sorted data (numpy's default): linear interpolation between
// order statistics at h = (n - 1) p.
double percentile_type7(const std::vector<double>& sorted, double p);

}  // namespace swv
