#pragma once
// Internal to the Monte-Carlo room: the pieces one run_monte_carlo is made of, shared by the plain
// run (mc.cpp), precision on demand (mc_precision.cpp) and runs split into parts (shard*.cpp), so the
// three sum, select and assemble in exactly the same way:
//   plan_memory -> McRun -> run_chunks (blocks in chunks, sums per block, values per path)
//   -> check_totals (overflow, the draws' counters) -> percentiles -> finish_result.
// Every promise of mc.h holds for each of them: sums are per block and added in block order,
// percentiles come from all values of a cell.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "mc.h"
#include "mc_blocks.h"
#include "mc_draws.h"
#include "mc_lanes.h"
#include "mc_stats.h"
#include "mc_sums.h"
#include "model.h"
#include "path_series.h"

namespace swv::mc_detail {

// How a run uses its memory: the store mode, how many blocks are summed per chunk and how many
// histogram sets the streaming pass keeps at once (one per thread when they fit). None of these
// changes a result: sums are reduced in block order and histogram counts are integers.
struct MemoryPlan {
  StoreMode mode = StoreMode::ExactDouble;
  size_t chunk_blocks = 1, histograms = 1, bytes = 0;
};
// The plan of a run of sc.paths paths; RunError (naming --geheugen) when it cannot fit.
MemoryPlan plan_memory(const Scenario& sc, size_t budget, size_t threads);

// One run's fixed inputs, set up before any path runs. `sc` is the run's prepared copy; n its paths.
struct McRun {
  const Scenario& sc;
  const McOptions& opt;
  const MemoryPlan plan;
  const size_t n, years, blocks;
  const bool streaming;
  const Shape shape;
  const size_t cells;  // every kept (series, year) + the shortfall
  const std::vector<std::string> keys, flag_keys;
  const std::vector<ExtraLine> extra;
  const Model model;
  const Eigen::Matrix3d chol;
  McRun(const Scenario& s, const McOptions& o, const MemoryPlan& p)
      : sc(s), opt(o), plan(p), n(static_cast<size_t>(s.paths)), years(static_cast<size_t>(s.years())), blocks(block_count(n)),
        streaming(p.mode == StoreMode::Histogram), shape(shape_of(s, streaming)), cells(shape.cells()), keys(path_series_keys(s)),
        flag_keys(path_flag_keys(s)), extra(extra_lines(s)), model(s), chol(correlation_factor(s)) {}
};

// Where the values of a chunk's paths go: `store` (null: nowhere; streaming keeps ranges instead),
// in which path p has column slot p - first_path.
struct ChunkStore {
  SeriesStore* store = nullptr;
  size_t first_path = 0;
};

// Runs blocks [first, last) of `run` (paths below run.n), `chunk` blocks at a time, kLanes paths
// side by side (mc_lanes.h). Before a chunk,
// before(b0, b1) says where its values go; every block sums its own paths into its own Block; after
// the chunk, after(b0, b1, blocks) gets them (block b at blocks[b - b0]), serially and in block
// order. Whatever `after` adds in that order does not depend on the number of threads.
template <class Before, class After>
void run_chunks(const McRun& run, size_t first, size_t last, size_t chunk, Before&& before, After&& after) {
  if (first >= last) return;
  const Block empty(run.shape);
  std::vector<Block> acc(std::min(chunk, last - first), empty);
  for (size_t b0 = first; b0 < last; b0 += chunk) {
    const size_t b1 = std::min(last, b0 + chunk);
    std::fill(acc.begin(), acc.end(), empty);
    const ChunkStore cs = before(b0, b1);
    for_each_lane_group(run.sc, run.chol, b0, b1, run.n, run.opt, [&](LaneDraws& dr, size_t b, size_t p0, int active) {
      Block& blk = acc[b - b0];
      std::array<PathSink, kLanes> sinks;
      for (int i = 0; i < active; ++i)
        sinks[static_cast<size_t>(i)] = PathSink{&blk, cs.store, p0 + static_cast<size_t>(i), &run.shape, &run.sc, &run.extra, &run.keys,
                                                 kNoShortfall, cs.first_path, run.opt.finance};
      LaneSplitSink<PathSink> split{sinks.data(), active, dr.scratch_amounts()};
      run.model.run_path(dr, split);
      for (int i = 0; i < active; ++i) sinks[static_cast<size_t>(i)].finish();
      dr.end_paths(blk.counters, active);
    });
    after(b0, b1, acc);
  }
}

// After all paths, before any percentile: a non-finite value is a RunError naming its first path,
// and the draws' counters give the run-time input checks' errors and warnings (appended).
void check_totals(const McRun& run, const Block& total, std::vector<std::string>& warnings);

// Percentiles of every cell of an exact store (cells in parallel); the store is freed afterwards.
std::vector<Percentiles> exact_percentiles(std::unique_ptr<SeriesStore> store, size_t cells);

// The Result from the totals and the percentiles (mode MonteCarlo, run.sc.paths paths), checked
// for non-finite numbers, with the plausibility warnings; `seconds` is left to the caller.
Result finish_result(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const std::vector<std::string>& warnings,
                     int threads);

// A plain run of the prepared `sc` (all its paths), as run_monte_carlo does it.
Result run_fixed(const Scenario& sc, const std::vector<std::string>& warnings, const McOptions& opt, int threads, const MemoryPlan& plan);

// Precision on demand (mc_precision.cpp): rounds of kPrecisionRoundBlocks blocks until every
// probability's standard error is at most opt.precision or opt.max_paths paths ran.
Result run_precision(const Scenario& sc, const std::vector<std::string>& warnings, const McOptions& opt, int threads);

// The largest standard error of the probabilities a Result reports (bovenmatig, onder ondergrens,
// negatief and every flag, each year) after n paths, from the block totals.
double largest_std_error(const Block& total, double n);

}  // namespace swv::mc_detail
