#pragma once
// The room's loop over paths in lane groups (issue 31): the paths of a block kLanes at a time
// through Model::run_path with V = Lane, each lane's years handed to its own one-path sink.
//
// Contract (as for_each_path in mc_blocks.h, whose blocks it keeps):
// - Path p belongs to block p / kBlockPaths and to the lane group of the kLanes paths from
//   p - p % kLanes; a block is run by one task, its groups in ascending order. A lane's numbers are
//   those of its path run alone (mc_lane_draws.h), so results do not depend on threads, on --deel
//   or on lanes at all.
// - The last group of a run may be partial: its lanes past the end run paths nobody reads.
// - opt.cancel before every block, opt.progress after it, no allocation per group.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <Eigen/Core>
#include <algorithm>
#include <array>

#include "lane_record.h"
#include "mc_blocks.h"
#include "mc_lane_draws.h"

namespace swv {

static_assert(kBlockPaths % kLanes == 0, "a lane group never spans two blocks");

// Runs the paths of blocks [first, last) of a run of `paths` paths, kLanes at a time: for each group
// starting at path p0 with `active` paths (kLanes but in the last), dr.start_paths(p0) and then
// visit(dr, block, p0, active).
template <class Visit>
void for_each_lane_group(const Scenario& sc, const Eigen::Matrix3d& chol, size_t first, size_t last, size_t paths, const McOptions& opt,
                         Visit&& visit) {
  tbb::parallel_for(tbb::blocked_range<size_t>(first, last, 1), [&](const tbb::blocked_range<size_t>& br) {
    LaneDraws dr(sc, chol, sc.seed);
    for (size_t b = br.begin(); b != br.end(); ++b) {
      if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
      const size_t end = std::min(paths, (b + 1) * kBlockPaths);
      for (size_t p = b * kBlockPaths; p < end; p += kLanes) {
        dr.start_paths(p);
        visit(dr, b, p, static_cast<int>(std::min<size_t>(kLanes, end - p)));
      }
      if (opt.progress) opt.progress->done.fetch_add(end - b * kBlockPaths, std::memory_order_relaxed);
    }
  });
}

// A sink for a lane group: each year of lane i goes to sinks[i] as one path's year (lane_record.h),
// for the first `active` lanes.
// `amt` is scratch shaped like the scenario's amounts (LaneDraws::scratch_amounts).
template <class Sink>
struct LaneSplitSink {
  Sink* sinks;
  int active;
  LineAmounts& amt;
  YearRecord rec{};
  void year(int yi, const BasicYearRecord<Lane>& r, const BasicLineAmounts<Lane>& a) {
    for (int i = 0; i < active; ++i) {
      lane_record(r, i, rec);
      lane_amounts(a, i, amt);
      sinks[i].year(yi, rec, amt);
    }
  }
};

}  // namespace swv
