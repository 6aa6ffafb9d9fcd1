// Precision on demand (mc.h, McOptions::precision): paths in rounds of kPrecisionRoundBlocks blocks
// until the largest standard error of the reported probabilities is at most the target, or the cap.
//
// Why the Result equals a plain run of the same number of paths, bit for bit: the rounds run blocks
// 0, 1, 2, ... and add each block's sums to the total in block order, exactly as run_fixed does;
// the decision after a round reads only that total, so it depends on the scenario and the seed,
// never on the threads. The percentiles come from every value of a cell in the precision a plain
// run of that many paths would keep (its memory plan): while the values of all rounds fit in
// --geheugen they are kept per round and gathered per cell; otherwise the chosen number of paths
// runs once more as a plain run.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "mc_run.h"

namespace swv::mc_detail {

namespace {

// The values (double) of one round's paths.
struct Segment {
  size_t paths;
  std::unique_ptr<SeriesStore> store;
};

// Percentiles of every cell over the segments' paths, as a store of type T of a plain run gives
// them: the cell's values in path order (converted to T, as SeriesStore::put converts), selected.
template <class T>
std::vector<Percentiles> gathered_percentiles(const std::vector<Segment>& segs, size_t cells, size_t n) {
  std::vector<Percentiles> pct(cells);
  tbb::enumerable_thread_specific<std::vector<T>> buffers;
  tbb::parallel_for(size_t{0}, cells, [&](size_t cell) {
    std::vector<T>& v = buffers.local();
    v.resize(n);
    size_t at = 0;
    for (const Segment& s : segs) {
      const double* col = reinterpret_cast<const double*>(s.store->column(cell));
      for (size_t i = 0; i < s.paths; ++i) v[at++] = static_cast<T>(col[i]);
    }
    pct[cell] = percentiles_type7(v.data(), n);
  });
  return pct;
}

}  // namespace

Result run_precision(const Scenario& sc, const std::vector<std::string>& warnings, const McOptions& opt, int threads) {
  // The rounds keep ranges in their blocks (a path without a store writes its range), so the block
  // shape is the streaming one; its sums are the same as in any other shape.
  MemoryPlan rounds_plan;
  rounds_plan.mode = StoreMode::Histogram;
  const McRun run(sc, opt, rounds_plan);
  if (opt.progress) opt.progress->total = run.n;
  const double budget = static_cast<double>(std::max(opt.memory_budget, kMinMemoryBudget));
  const double per_path = static_cast<double>(run.cells + static_cast<size_t>(threads)) * sizeof(double);
  const double fixed = static_cast<double>((kPrecisionRoundBlocks + 2) * block_bytes(run.shape));

  std::vector<Segment> segs;
  bool keep = true;
  Block total(run.shape);
  size_t done = 0;
  double se = 0;
  for (size_t b0 = 0; b0 < run.blocks; b0 += kPrecisionRoundBlocks) {
    const size_t b1 = std::min(run.blocks, b0 + kPrecisionRoundBlocks);
    const size_t p0 = b0 * kBlockPaths, p1 = std::min(run.n, b1 * kBlockPaths);
    // Keep this round's values while every kept value and a gather column per thread fit the budget.
    if (keep && fixed + static_cast<double>(p1) * per_path > budget) keep = false, segs.clear();
    if (keep) segs.push_back({p1 - p0, std::make_unique<SeriesStore>(p1 - p0, run.cells, false)});
    SeriesStore* store = keep ? segs.back().store.get() : nullptr;
    run_chunks(
        run, b0, b1, kPrecisionRoundBlocks, [&](size_t, size_t) { return ChunkStore{store, p0}; },
        [&](size_t c0, size_t c1, const std::vector<Block>& acc) {
          for (size_t b = c0; b < c1; ++b) add_block(total, acc[b - c0]);  // block order, as run_fixed
        });
    done = p1;
    if (total.bad_path != SIZE_MAX) break;  // reported below, before anything else
    se = largest_std_error(total, static_cast<double>(done));
    if (se <= opt.precision) break;
  }

  Scenario chosen = sc;
  chosen.paths = static_cast<int64_t>(done);
  const MemoryPlan plan = plan_memory(chosen, opt.memory_budget, static_cast<size_t>(threads));
  Result r;
  if (total.bad_path != SIZE_MAX || !keep || plan.mode == StoreMode::Histogram) {
    // The values are not all kept (or a path overflowed): the chosen paths once more, as a plain run.
    if (opt.progress) opt.progress->done = 0, opt.progress->total = done;
    r = run_fixed(chosen, warnings, opt, threads, plan);
  } else {
    const McRun final_run(chosen, opt, plan);
    std::vector<std::string> all_warnings = warnings;
    check_totals(final_run, total, all_warnings);
    const std::vector<Percentiles> pct = plan.mode == StoreMode::ExactFloat ? gathered_percentiles<float>(segs, run.cells, done)
                                                                             : gathered_percentiles<double>(segs, run.cells, done);
    segs.clear();
    r = finish_result(final_run, total, pct, all_warnings, threads);
  }
  r.precision = {opt.precision, se, opt.max_paths, se <= opt.precision && static_cast<int64_t>(done) >= kMinPrecisionPaths};
  return r;
}

}  // namespace swv::mc_detail
