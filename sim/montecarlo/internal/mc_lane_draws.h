#pragma once
// The random draws of kLanes Monte-Carlo paths side by side (issue 31), in the interface
// Model::run_path expects with V = Lane (lane.h).
//
// Contract:
// - Lane i draws exactly what McDraws draws for its path (mc_draws.h: the same layout, the same
//   operations), so a path's numbers do not depend on the lane it runs in, on its lane group or on
//   whether it ran in lanes at all: a run over lanes is bit-identical to one path at a time
//   (tests/montecarlo/test_lanes_identity.cpp).
// - The words of all lanes come from one batch Philox call per counter (philox_batch.h: AVX2 or
//   portable, the same words as Random123), the uniforms and normal scores in batches (normal_batch.h,
//   with the tails from normal_quantile so every score has the bits McDraws gives it).
// - One LaneDraws serves many lane groups in turn (start_paths ... end_paths) and allocates
//   nothing per group once warm. No pins: decision support's pinned runs stay one path at a time.
// - A group may hold fewer than kLanes paths (the last of a run): the other lanes run paths past the
//   end, whose numbers nobody reads and whose events end_paths forgets.
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "lane.h"
#include "mc_draws.h"
#include "model.h"
#include "random.h"
#include "risk_load.h"
#include "scenario.h"
#include "simd_isa.h"

namespace swv {

class LaneDraws {
 public:
  LaneDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed);
  // Lane i runs path first + i.
  void start_paths(uint64_t first);
  // Folds the events of the first `active` lanes into `c` (in lane order), forgets the others.
  void end_paths(DrawCounters& c, int active);
  // Forgets every lane's events (nobody reports them: a second pass over the same paths).
  void end_paths() {
    DrawCounters none;
    end_paths(none, 0);
  }

  std::vector<std::array<Lane, 4>>& index_factors() { return F_; }
  BasicLineAmounts<Lane>& line_amounts() { return amt_; }
  // One lane's amounts, for sinks that take one path at a time (mc_lanes.h).
  LineAmounts& scratch_amounts() { return scratch_; }

  Lane value(const Value& v, int Y) { return v.is_random() ? random_value(v, Y) : Lane(v.p[0].at(Y)); }
  Lane rate(const Value& v, int Y) { return rate(v, Y, LaneMask{{true, true, true, true, true, true, true, true}}); }
  std::array<Lane, 3> index_rates(int Y);
  Lane line_shock(size_t i, int Y);
  // Risk r in year Y for the lanes in `need` (the others: nothing drawn, no event).
  BasicRiskEvent<Lane> risk_event(size_t r, int Y, const LaneMask& need);
  void moves(int Y, int state, const Lane& count, const Lane* rates, int k, Lane* out);
  Lane demography_z(int Y);
  Lane round_intake(const Lane& x, int Y) const;
  void note_negative_intake(const LaneMask& m);
  void note_negative_balance(int Y, const LaneMask& m);

 private:
  // The four words of counter (driver, year, draw) for every lane: w[j][i] is word j of lane i.
  struct Words {
    alignas(32) uint32_t w[4][kLanes];
  };
  struct Cached {  // a per-path draw of every lane
    Lane u, z;
  };

  void raw(uint32_t driver, uint32_t year, uint32_t draw, Words& out) const;
  // Uniforms (53 bits) from words a, b of every lane, and their normal scores.
  void uniforms(const Words& w, int a, int b, Lane& u) const;
  void normals(const Lane& u, Lane& z) const;
  Lane random_value(const Value& v, int Y);
  // value() clamped to [0, 1], a clamp counted for the lanes in `count` only.
  Lane rate(const Value& v, int Y, const LaneMask& count);
  const Cached& path_draw(uint32_t driver, uint32_t sub);

  const Scenario& sc_;
  Eigen::Matrix3d chol_;
  uint64_t seed_, first_ = 0, group_ = 0;
  simd::Isa isa_;
  alignas(32) std::array<uint32_t, kLanes> key0_{}, key1_{};  // each lane's Philox key: (seed, path)
  uint32_t hi_ = 0;                                          // the seed's high word, in every counter
  std::vector<std::array<Lane, 4>> F_;
  BasicLineAmounts<Lane> amt_;
  LineAmounts scratch_;
  Words demo_{};
  PathCache<Cached> cache_;                // owner: the lane group
  std::array<PathEvents, kLanes> ev_;      // each lane's events of this group (folded by end_paths)
};

}  // namespace swv
