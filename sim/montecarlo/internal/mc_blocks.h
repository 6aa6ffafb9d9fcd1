#pragma once
// The room's one loop over paths: fixed blocks of kBlockPaths paths, run in parallel.
//
// Contract:
// - Path p belongs to block p / kBlockPaths, whatever the number of threads; a block is run by one
//   task, its paths in ascending order. A path's draws depend only on (seed, path) (random.h), so a
//   path's numbers never depend on threads or scheduling.
// - Whoever sums over paths sums per block and adds the blocks in block order (run_monte_carlo), or
//   writes each path only to its own slot (run_paths, analyse_buffer): results are bit-identical
//   for any thread count.
// - opt.cancel is checked before every block (Cancelled is thrown); opt.progress, when set, counts
//   the paths of every finished block.
// - No allocation per path: each task makes its McDraws once and reuses it for all its paths.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <Eigen/Core>
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>

#include "mc.h"
#include "mc_draws.h"
#include "scenario.h"

namespace swv {

inline constexpr size_t kBlockPaths = 256;

// Blocks that hold `paths` paths (the last one may be partial).
inline size_t block_count(size_t paths) { return (paths + kBlockPaths - 1) / kBlockPaths; }

// The number of threads a run uses: opt.threads, or all cores when 0.
inline int thread_count(const McOptions& opt) {
  return opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Runs the paths of blocks [first, last) of a run of `paths` paths once, in parallel: for each
// path p, dr.start_path(p) and then visit(dr, block, p), where dr is the task's McDraws (seed
// sc.seed, holding `pin`).
template <class Visit>
void for_each_path(const Scenario& sc, const Eigen::Matrix3d& chol, const Pin& pin, size_t first, size_t last, size_t paths,
                   const McOptions& opt, Visit&& visit) {
  tbb::parallel_for(tbb::blocked_range<size_t>(first, last, 1), [&](const tbb::blocked_range<size_t>& br) {
    McDraws dr(sc, chol, sc.seed);
    dr.set_pin(pin);
    for (size_t b = br.begin(); b != br.end(); ++b) {
      if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
      const size_t end = std::min(paths, (b + 1) * kBlockPaths);
      for (size_t p = b * kBlockPaths; p < end; ++p) {
        dr.start_path(p);
        visit(dr, b, p);
      }
      if (opt.progress) opt.progress->done.fetch_add(end - b * kBlockPaths, std::memory_order_relaxed);
    }
  });
}

}  // namespace swv
