#pragma once
// The random draws of one Monte-Carlo path, in the interface Model::run_path expects (the same one
// DeterministicDraws implements with means).
//
// Contract:
// - Every draw is a pure function of (seed, path, driver, year, draw) through Stream; the path cache
//   only avoids recomputing draws made once per path. One McDraws serves many paths in turn
//   (start_path ... end_path) and allocates nothing per path once warm.
// - The layout below is part of the results: changing it changes every Monte-Carlo number.
//
// Draw layout (one Philox call gives four 32-bit words):
//   value, per year      (driver, Y, 0)            words 0-1 -> u (53 bits)
//   value, per path      (driver, kPathSlot, 0)    the same, cached for the path
//   line shock           (shock driver, Y | slot, 0)
//   risk in year Y       (risk driver, Y, 1)       words 0-1 -> occurs?, words 2-3 -> impact
//   index shocks         (kIndexDriver, Y | slot, 0..1): words 0-1, 2-3 -> z of bekostiging, loon;
//                        (.., 1) words 0-1 -> prijs
//   flows of a state     (kFlowDriver, Y, 8 state + j / 2) words 2 (j % 2), +1 -> the j-th binomial
//                        (its uniform, or the first BTRS attempt); further BTRS attempts from
//                        (kFlowDriver, Y, kFlowRetry | (8 state + j) << 16 | t), two per call
//   demography, intake   (kDemographyDriver, Y, 0): words 0-1 -> z, word 2 -> rounding
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <vector>

#include "mc_pin.h"
#include "model.h"
#include "random.h"
#include "risk_load.h"
#include "scenario.h"
#include "stream_id.h"

namespace swv {

// Counters of events the run reports afterwards (warnings and errors), per block of paths.
struct DrawCounters {
  std::vector<std::pair<const Value*, double>> clamped;  // normaal rate draws clamped to [0,1]
  std::array<double, 6> rate_sum_paths{};                // paths whose rates of a state summed >= 1
  double negative_intake_paths = 0;
  double negative_balance_paths = 0;  // paths whose fixed assets or provisions went below 0
  int negative_balance_year = 0;      // the first year that happened in any path (0: never)
  void add(const DrawCounters& o);
};

// The events of one path that the run reports afterwards, folded into DrawCounters at its end
// (McDraws keeps one, LaneDraws one per lane).
struct PathEvents {
  std::vector<std::pair<const Value*, double>> clamped;  // rate draws clamped to [0,1], per value
  std::array<bool, 6> rate_sum{};                        // per state: rates summed >= 1
  bool negative_intake = false;
  int negative_balance_year = 0;  // the first year an item of the balance sheet went below 0
  void note_clamp(const Value& v);
  void note_negative_balance(int Y) {
    if (negative_balance_year == 0) negative_balance_year = Y;
  }
  void fold_into(DrawCounters& c);  // and clear
  void clear() {
    clamped.clear();
    rate_sum.fill(false);
    negative_intake = false;
    negative_balance_year = 0;
  }
};

// The draws made once per path, keyed by (driver, sub-draw): open addressing, sized for every key a
// scenario can draw once per path (three per line, two per risk, some fifty fixed keys) so it stays
// under 1/4 full. An entry belongs to one owner (a path, or a lane group) and is drawn again for the
// next; nothing is allocated after construction.
template <class Entry>
class PathCache {
 public:
  explicit PathCache(const Scenario& sc) {
    const size_t keys = 3 * sc.lines.size() + 2 * sc.risks.size() + 64;
    size_t size = 64;
    while (size < 4 * keys) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
  }
  // The entry of (driver, sub) for `owner`; draw(entry) fills it on first use by that owner.
  template <class Draw>
  const Entry& get(uint32_t driver, uint32_t sub, uint64_t owner, Draw&& draw) {
    const uint64_t key = (static_cast<uint64_t>(sub) << 32 | driver) + 1;  // 0 marks an empty slot
    size_t i = (driver * 0x9E3779B1u + sub) & mask_;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    Slot& c = slots_[i];
    if (c.key != key || c.owner != owner) {
      c.key = key;
      c.owner = owner;
      draw(c.entry);
    }
    return c.entry;
  }

 private:
  struct Slot {
    uint64_t key = 0, owner = ~uint64_t{0};
    Entry entry{};
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// The factor that correlates the three index scores: Cholesky of indexatie.correlatie, or the eigen
// factor V sqrt(lambda) when the matrix is singular (PSD is checked when loading).
Eigen::Matrix3d correlation_factor(const Scenario& sc);

class McDraws {
 public:
  static constexpr uint32_t kIndexDriver = swv::kIndexDriver, kDemographyDriver = swv::kDemographyDriver, kFlowDriver = swv::kFlowDriver;
  static constexpr uint32_t kFlowRetry = 0x1000000u;

  McDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed);
  void start_path(uint64_t path);
  // Called after the path: folds this path's events into `c`, or forgets them (nobody reports them).
  void end_path(DrawCounters& c) { ev_.fold_into(c); }
  void end_path() { ev_.clear(); }

  std::vector<std::array<double, 4>>& index_factors() { return F_; }
  LineAmounts& line_amounts() { return amt_; }

  void set_pin(const Pin& p) { pin_ = p; }

  double value(const Value& v, int Y) {
    if (!v.is_random()) return v.p[0].at(Y);
    if (pin_.active && v.driver == pin_.driver) return v.from_uz(Y, pin_.u, pin_.z);
    if (v.per_year) {
      auto w = s_.raw(v.driver, static_cast<uint32_t>(Y), 0);
      double u = Stream::u53(w[0], w[1]);
      return v.from_uz(Y, u, v.needs_z() ? normal_quantile(u) : 0.0);
    }
    const Cached& c = path_draw(v.driver, 0);
    return v.from_uz(Y, c.u, c.z);
  }
  double rate(const Value& v, int Y) {
    double x = value(v, Y);
    if (x < 0 || x > 1) {
      ev_.note_clamp(v);
      return x < 0 ? 0.0 : 1.0;
    }
    return x;
  }
  std::array<double, 3> index_rates(int Y);
  double line_shock(size_t i, int Y) {
    const Line& l = sc_.lines[i];
    if (l.shock_sd <= 0) return 1.0;
    double z = pin_.active && l.shock_driver == pin_.driver ? pin_.z
             : l.shock_per_year ? z_of(l.shock_driver, static_cast<uint32_t>(Y)) : path_draw(l.shock_driver, 0).z;
    return std::max(0.0, 1 + l.shock_sd * z);
  }
  // Risk r in year Y: occurs?, and its impact (a blijvend risk's recurrence is the model's:
  // risk_amount in risk_load.h).
  RiskEvent risk_event(size_t r, int Y);
  void moves(int Y, int state, double count, const double* rates, int k, double* out);
  double demography_z(int Y) {
    demo_ = s_.raw(kDemographyDriver, static_cast<uint32_t>(Y), 0);
    if (pin_.active && pin_.driver == kDemographyDriver) return pin_.z;
    return normal_quantile(Stream::u53(demo_[0], demo_[1]));
  }
  // Stochastic rounding of the intake; uses the word demography_z(Y) left for it.
  double round_intake(double x, int) const {
    double f = std::floor(x);
    return f + (Stream::u32(demo_[2]) < x - f ? 1.0 : 0.0);
  }
  void note_negative_intake() { ev_.negative_intake = true; }
  void note_negative_balance(int Y) { ev_.note_negative_balance(Y); }

 private:
  struct Cached {  // a per-path draw: its uniform and normal score
    double u = 0, z = 0;
  };

  double z_of(uint32_t driver, uint32_t year) const {
    auto w = s_.raw(driver, year, 0);
    return normal_quantile(Stream::u53(w[0], w[1]));
  }
  // The per-path draw (u, z) of `driver` (sub-draw `sub`), computed on first use in this path.
  const Cached& path_draw(uint32_t driver, uint32_t sub) {
    return cache_.get(driver, sub, path_, [&](Cached& c) {
      auto w = s_.raw(driver, kPathSlot, sub);
      c.u = Stream::u53(w[0], w[1]);
      c.z = normal_quantile(c.u);
    });
  }

  const Scenario& sc_;
  Eigen::Matrix3d chol_;
  uint64_t seed_, path_ = 0;
  std::vector<std::array<double, 4>> F_;
  LineAmounts amt_;
  Stream s_;
  Stream::Words demo_{};
  PathCache<Cached> cache_;
  PathEvents ev_;  // this path's
  Pin pin_;
};

}  // namespace swv
