#include "mc_lane_draws.h"

namespace swv {

LaneDraws::LaneDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed)
    : sc_(sc), F_(static_cast<size_t>(sc.years())), amt_(sc.lines.size(), sc.risks.size(), sc.reserves.size()),
      scratch_(sc.lines.size(), sc.risks.size(), sc.reserves.size()) {
  lane_.reserve(kLanes);
  for (int i = 0; i < kLanes; ++i) lane_.emplace_back(sc, chol, seed);
}

void LaneDraws::start_paths(uint64_t first) {
  for (int i = 0; i < kLanes; ++i) lane_[static_cast<size_t>(i)].start_path(first + static_cast<uint64_t>(i));
}

void LaneDraws::end_paths(DrawCounters& c, int active) {
  for (int i = 0; i < kLanes; ++i) {
    if (i < active) lane_[static_cast<size_t>(i)].end_path(c);
    else lane_[static_cast<size_t>(i)].end_path();
  }
}

Lane LaneDraws::value(const Value& v, int Y) {
  if (!v.is_random()) return v.p[0].at(Y);
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = lane_[static_cast<size_t>(i)].value(v, Y);
  return r;
}

Lane LaneDraws::rate(const Value& v, int Y) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = lane_[static_cast<size_t>(i)].rate(v, Y);
  return r;
}

std::array<Lane, 3> LaneDraws::index_rates(int Y) {
  std::array<Lane, 3> r;
  for (int i = 0; i < kLanes; ++i) {
    const std::array<double, 3> x = lane_[static_cast<size_t>(i)].index_rates(Y);
    for (size_t k = 0; k < 3; ++k) r[k][i] = x[k];
  }
  return r;
}

Lane LaneDraws::line_shock(size_t l, int Y) {
  if (sc_.lines[l].shock_sd <= 0) return 1.0;
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = lane_[static_cast<size_t>(i)].line_shock(l, Y);
  return r;
}

BasicRiskEvent<Lane> LaneDraws::risk_event(size_t r, int Y, const LaneMask& need) {
  BasicRiskEvent<Lane> ev;
  for (int i = 0; i < kLanes; ++i) {
    if (!need[i]) continue;
    const RiskEvent e = lane_[static_cast<size_t>(i)].risk_event(r, Y);
    ev.occurs[i] = e.occurs, ev.impact[i] = e.impact;
  }
  return ev;
}

void LaneDraws::moves(int Y, int state, const Lane& count, const Lane* rates, int k, Lane* out) {
  double rt[8], o[8];
  for (int i = 0; i < kLanes; ++i) {
    for (int j = 0; j < k; ++j) rt[j] = rates[j][i];
    lane_[static_cast<size_t>(i)].moves(Y, state, count[i], rt, k, o);
    for (int j = 0; j < k; ++j) out[j][i] = o[j];
  }
}

Lane LaneDraws::demography_z(int Y) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = lane_[static_cast<size_t>(i)].demography_z(Y);
  return r;
}

Lane LaneDraws::round_intake(const Lane& x, int Y) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = lane_[static_cast<size_t>(i)].round_intake(x[i], Y);
  return r;
}

void LaneDraws::note_negative_intake(const LaneMask& m) {
  for (int i = 0; i < kLanes; ++i)
    if (m[i]) lane_[static_cast<size_t>(i)].note_negative_intake();
}

void LaneDraws::note_negative_balance(int Y, const LaneMask& m) {
  for (int i = 0; i < kLanes; ++i)
    if (m[i]) lane_[static_cast<size_t>(i)].note_negative_balance(Y);
}

}  // namespace swv
