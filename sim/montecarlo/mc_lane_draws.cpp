#include "mc_lane_draws.h"

#include <cmath>
#include <utility>

#include "binomial.h"

namespace swv {

namespace {
std::array<Stream, kLanes> streams(uint64_t seed, uint64_t first) {
  return [&]<size_t... I>(std::index_sequence<I...>) { return std::array<Stream, kLanes>{Stream(seed, first + I)...}; }(std::make_index_sequence<kLanes>());
}
}  // namespace

LaneDraws::LaneDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed)
    : sc_(sc), seed_(seed), s_(streams(seed, 0)), F_(static_cast<size_t>(sc.years())), amt_(sc.lines.size(), sc.risks.size(), sc.reserves.size()),
      scratch_(sc.lines.size(), sc.risks.size(), sc.reserves.size()) {
  lane_.reserve(kLanes);
  for (int i = 0; i < kLanes; ++i) lane_.emplace_back(sc, chol, seed);
}

void LaneDraws::start_paths(uint64_t first) {
  s_ = streams(seed_, first);
  for (int i = 0; i < kLanes; ++i) lane_[static_cast<size_t>(i)].start_path(first + static_cast<uint64_t>(i));
}

void LaneDraws::end_paths(DrawCounters& c, int active) {
  for (int i = 0; i < kLanes; ++i) {
    std::array<bool, 6>& rs = rate_sum_[static_cast<size_t>(i)];
    if (i < active) {
      lane_[static_cast<size_t>(i)].end_path(c);
      for (size_t k = 0; k < rs.size(); ++k) c.rate_sum_paths[k] += rs[k];
    } else {
      lane_[static_cast<size_t>(i)].end_path();
    }
    rs.fill(false);
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

// McDraws::moves lane by lane (the same conditional binomials from the same words), with the
// probabilities of all lanes computed side by side.
void LaneDraws::moves(int Y, int state, const Lane& count, const Lane* rates, int k, Lane* out) {
  Lane sum = 0.0;
  for (int j = 0; j < k; ++j) sum += rates[j];
  const LaneMask over = sum >= 1;  // rates that leave no one staying: scaled to 1, counted
  for (int i = 0; i < kLanes; ++i) rate_sum_[static_cast<size_t>(i)][static_cast<size_t>(state)] |= over[i];
  const Lane scale = select(over, 1 / sum, 1.0);
  Lane n, left = 1.0;
  for (int i = 0; i < kLanes; ++i) n[i] = std::round(count[i]);
  std::array<Stream::Words, kLanes> w{};
  int loaded = -1;
  const uint32_t year = static_cast<uint32_t>(Y);
  for (int j = 0; j < k; ++j) {
    const Lane p = select(left > 0, vmin(1.0, rates[j] * scale / left), 0.0);
    const LaneMask draw = n > 0 && p > 0;
    out[j] = 0.0;
    if (any(draw)) {
      if (j / 2 != loaded) {
        loaded = j / 2;
        for (size_t i = 0; i < kLanes; ++i) w[i] = s_[i].raw(McDraws::kFlowDriver, year, static_cast<uint32_t>(8 * state + loaded));
      }
      const uint32_t retry = McDraws::kFlowRetry | static_cast<uint32_t>(8 * state + j) << 16;
      const size_t h = static_cast<size_t>(2 * (j % 2));
      for (size_t i = 0; i < kLanes; ++i) {
        if (!draw[static_cast<int>(i)]) continue;
        const Stream& st = s_[i];
        out[j][static_cast<int>(i)] = binomial(n[static_cast<int>(i)], p[static_cast<int>(i)], w[i][h], w[i][h + 1],
                                               [&](uint32_t t) { return st.raw(McDraws::kFlowDriver, year, retry | (t & 0xFFFFu)); });
      }
    }
    n -= out[j];
    left -= rates[j] * scale;
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
