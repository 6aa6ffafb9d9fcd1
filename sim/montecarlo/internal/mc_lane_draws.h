#pragma once
// The random draws of kLanes Monte-Carlo paths side by side (issue 31), in the interface
// Model::run_path expects with V = Lane (lane.h).
//
// Contract:
// - Lane i draws exactly what McDraws draws for its path (mc_draws.h: the same layout, the same
//   operations), so a path's numbers do not depend on the lane it runs in, on its lane group or on
//   whether it ran in lanes at all: a run over lanes is bit-identical to one path at a time.
// - One LaneDraws serves many lane groups in turn (start_paths ... end_paths) and allocates
//   nothing per group once warm. No pins: decision support's pinned runs stay one path at a time.
// - A group may hold fewer than kLanes paths (the last of a run): the other lanes run paths past the
//   end, whose numbers nobody reads and whose events end_paths forgets.
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <vector>

#include "lane.h"
#include "random.h"
#include "mc_draws.h"
#include "model.h"
#include "risk_load.h"
#include "scenario.h"

namespace swv {

class LaneDraws {
 public:
  LaneDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed);
  // Lane i runs path first + i.
  void start_paths(uint64_t first);
  // Folds the events of the first `active` lanes into `c` (in lane order), forgets the others.
  void end_paths(DrawCounters& c, int active);

  std::vector<std::array<Lane, 4>>& index_factors() { return F_; }
  BasicLineAmounts<Lane>& line_amounts() { return amt_; }
  // One lane's amounts, for sinks that take one path at a time (mc_lanes.h).
  LineAmounts& scratch_amounts() { return scratch_; }

  Lane value(const Value& v, int Y);
  Lane rate(const Value& v, int Y);
  std::array<Lane, 3> index_rates(int Y);
  Lane line_shock(size_t i, int Y);
  // Risk r in year Y for the lanes in `need` (the others: nothing drawn, no event).
  BasicRiskEvent<Lane> risk_event(size_t r, int Y, const LaneMask& need);
  void moves(int Y, int state, const Lane& count, const Lane* rates, int k, Lane* out);
  Lane demography_z(int Y);
  Lane round_intake(const Lane& x, int Y);
  void note_negative_intake(const LaneMask& m);
  void note_negative_balance(int Y, const LaneMask& m);

 private:
  const Scenario& sc_;
  std::vector<McDraws> lane_;  // the draws of each lane's path
  uint64_t seed_;
  std::array<Stream, kLanes> s_;                   // each lane's stream (seed, path)
  std::array<std::array<bool, 6>, kLanes> rate_sum_{};  // moves: rates of a state summed >= 1
  std::vector<std::array<Lane, 4>> F_;
  BasicLineAmounts<Lane> amt_;
  LineAmounts scratch_;
};

}  // namespace swv
