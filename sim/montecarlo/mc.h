#pragma once
// Monte-Carlo mode: many paths of the same model, each drawn from counter-based random streams
// keyed by (seed, path, driver, year, draw), run in parallel over fixed blocks of paths. A path's
// numbers depend only on (seed, path), never on threads or scheduling; sums are reduced in block
// order, so results are bit-identical for any thread count.
#include <atomic>
#include <cstdint>
#include <stdexcept>

#include "result.h"
#include "result_check.h"
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

// The engine's own checks, whatever the caller checked before (exit 2 through RunError):
// 1 <= paths <= kMaxPaths (the path number is part of the stream key: it must stay below 2^32).
void check_paths(const Scenario& sc);
// The memory a Monte-Carlo run takes beyond the scenario (bytes): the per-path store or the
// histograms, and the per-block sums. RunError (naming --geheugen) when even its minimum does not
// fit in opt.memory_budget (a floor of kMinMemoryBudget is always allowed).
constexpr size_t kMinMemoryBudget = size_t{64} << 20;
size_t monte_carlo_memory(const Scenario& sc, const McOptions& opt);

// Tabulates the costly quantile functions (beta, pert) and lognormal shapes of every value for the
// planperiode (Value::prepare). run_monte_carlo does this on its own copy; only code that drives
// McDraws directly (tests) calls it.
void prepare_for_monte_carlo(Scenario& sc);

Result run_monte_carlo(const Scenario& sc, const std::vector<std::string>& warnings = {}, const McOptions& opt = {});

// Hyndman-Fan type 7 percentile of sorted data (numpy's default): linear interpolation between
// order statistics at h = (n - 1) p.
double percentile_type7(const std::vector<double>& sorted, double p);

}  // namespace swv
