#pragma once
// The Monte-Carlo room: many paths of the same model, each with its own random draws, summarised
// into one Result (run_monte_carlo), or kept path by path for decision support (mc_paths.h).
//
// What the room promises:
// - Reproducible: the same scenario and seed give bit-identical results whatever the number of
//   threads. A draw is a pure function of (seed, path, stream id, year, draw) (random.h); paths run
//   in fixed blocks of 256 (mc_blocks.h); sums are kept per block and added in block order;
//   percentiles are computed per cell from all its values, never from partial results.
// - Common random numbers: an input's stream id is the hash of its key (stream_id.h), so a variant
//   draws the same numbers as its base for every input both have, path by path.
// - Bounded: a run takes at most opt.memory_budget beyond the scenario (monte_carlo_memory), or
//   refuses before it allocates; the path loop allocates nothing per path or year.
// - Honest numbers: a non-finite value anywhere is a RunError naming series, year and path, never a
//   number in the result.
// Its layers: random.h (streams) <- binomial.h, mc_draws.h (draws of one path) <- mc_blocks.h (the
// block loop) <- mc_run.h (the steps of a run, internal) <- mc.h, mc_paths.h, shard.h (runs; a run
// in parts over machines); mc_stats.h (percentiles, required buffer, stores).
#include <atomic>
#include <cstdint>
#include <stdexcept>

#include "result.h"
#include "result_check.h"
#include "scenario.h"

namespace swv {

class FinanceTable;

// Progress of a run, readable from another thread (the CLI's progress bar).
struct Progress {
  std::atomic<uint64_t> done{0}, total{0};  // paths simulated (a streaming run passes twice)
};

struct McOptions {
  int threads = 0;                                  // 0 = all cores
  size_t memory_budget = size_t{1} << 30;           // bytes for per-path series (mc_stats.h)
  Progress* progress = nullptr;                     // optional
  const std::atomic<bool>* cancel = nullptr;        // optional: set to stop the run (Ctrl-C)
  // Precision on demand (run --precisie, simulatie.precisie; mc_precision.cpp): when > 0, paths run
  // in rounds of kPrecisionRoundBlocks blocks until the largest standard error of the reported
  // probabilities is at most `precision`, or max_paths paths ran; sc.paths is then not used. The
  // stopping round is decided from the block sums in block order after each complete round, so it
  // depends on the scenario and seed only; the Result equals a plain run of that many paths.
  double precision = 0;
  int64_t max_paths = kDefaultMaxPaths;
  // Optional: records the year inputs to the close of the run's first finance->paths() paths
  // (finance_table.h), for the kaderbrief figure from the same simulation. Its memory counts
  // against memory_budget; after a run with precision on demand it holds at most the paths run.
  FinanceTable* finance = nullptr;
};

// Precision on demand: paths per round (16 blocks of 256: 4.096 paths).
constexpr size_t kPrecisionRoundBlocks = 16;
// Precision counts as met only after at least one full round: with a handful of paths a probability
// is estimated as 0 or 1 and its standard error is 0, which says nothing (1 path reported "0,000
// procentpunt ... gehaald"). A cap below it (--max-paden 1) runs, but reports the target not met.
constexpr int64_t kMinPrecisionPaths = static_cast<int64_t>(kPrecisionRoundBlocks) * 256;

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

// The run-time input checks on what the draws of `n` paths counted (scenario-format sections 1 and
// 6), one definition for every command: drawn flow rates of a state summing to 1 or more in more
// than 0.1% of the paths is a RunError (exit 2); fewer, clamped rates and a negative intake are
// warnings appended to `warnings`.
struct DrawCounters;
void report_counters(const Scenario& sc, const DrawCounters& c, size_t n, std::vector<std::string>& warnings);

// Tabulates the costly quantile functions (beta, pert) and lognormal shapes of every value for the
// planperiode (Value::prepare). run_monte_carlo does this on its own copy; run_paths and the
// decision room, which run a scenario many times, expect their caller to have done it once.
void prepare_for_monte_carlo(Scenario& sc);

// The Monte-Carlo Result of `sc` (mode MonteCarlo; sc.paths paths, or as many as opt.precision asks): per series and year the mean and P5-P95
// (percentile method exact, exact (float) or histogram: mc_stats.h, chosen by the memory budget),
// probabilities with their standard errors, mean line and risk amounts, the required buffer at
// 80/90/95% and how often each policy rule fired; `warnings` are carried over and the run's own
// (counted by the draws) appended. Throws RunError (input or overflow) and Cancelled.
Result run_monte_carlo(const Scenario& sc, const std::vector<std::string>& warnings = {}, const McOptions& opt = {});

}  // namespace swv
