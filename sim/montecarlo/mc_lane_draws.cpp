#include "mc_lane_draws.h"

#include <algorithm>
#include <cmath>

#include "binomial.h"
#include "normal_batch.h"
#include "philox_batch.h"

namespace swv {

LaneDraws::LaneDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed)
    : sc_(sc), chol_(chol), seed_(seed), isa_(simd::active_isa()), hi_(static_cast<uint32_t>(seed >> 32)),
      F_(static_cast<size_t>(sc.years())), amt_(sc.lines.size(), sc.risks.size(), sc.reserves.size()),
      scratch_(sc.lines.size(), sc.risks.size(), sc.reserves.size()), cache_(sc) {
  key0_.fill(static_cast<uint32_t>(seed));
}

void LaneDraws::start_paths(uint64_t first) {
  first_ = first;
  ++group_;
  for (int i = 0; i < kLanes; ++i) key1_[static_cast<size_t>(i)] = static_cast<uint32_t>(first + static_cast<uint64_t>(i));
}

void LaneDraws::end_paths(DrawCounters& c, int active) {
  for (int i = 0; i < kLanes; ++i) {  // in lane (= path) order, as McDraws::end_path
    if (i < active) ev_[static_cast<size_t>(i)].fold_into(c);
    else ev_[static_cast<size_t>(i)].clear();
  }
}

void LaneDraws::raw(uint32_t driver, uint32_t year, uint32_t draw, Words& out) const {
  alignas(32) uint32_t c0[kLanes], c1[kLanes], c2[kLanes], c3[kLanes];
  for (int i = 0; i < kLanes; ++i) c0[i] = driver, c1[i] = year, c2[i] = draw, c3[i] = hi_;
  simd::philox4x32_10(kLanes, {{c0, c1, c2, c3}}, {{key0_.data(), key1_.data()}}, {{out.w[0], out.w[1], out.w[2], out.w[3]}}, isa_);
}

void LaneDraws::uniforms(const Words& w, int a, int b, Lane& u) const {
  simd::u53(kLanes, w.w[a], w.w[b], u.v, isa_);
}

void LaneDraws::normals(const Lane& u, Lane& z) const {
  simd::normal_quantile(kLanes, u.v, z.v, isa_);
  // The batch has normal_quantile's bits in the centre; the tails (|u - 1/2| > 0.425, about 15%)
  // are taken from normal_quantile itself, so every score is the one McDraws draws.
  for (int i = 0; i < kLanes; ++i)
    if (!(std::fabs(u[i] - 0.5) <= 0.425)) z[i] = normal_quantile(u[i]);
}

const LaneDraws::Cached& LaneDraws::path_draw(uint32_t driver, uint32_t sub) {
  return cache_.get(driver, sub, group_, [&](Cached& c) {
    Words w;
    raw(driver, kPathSlot, sub, w);
    uniforms(w, 0, 1, c.u);
    normals(c.u, c.z);
  });
}

Lane LaneDraws::random_value(const Value& v, int Y) {
  Lane u, z, r;
  if (v.per_year) {
    Words w;
    raw(v.driver, static_cast<uint32_t>(Y), 0, w);
    uniforms(w, 0, 1, u);
    if (v.needs_z()) normals(u, z);
  } else {
    const Cached& c = path_draw(v.driver, 0);
    u = c.u, z = c.z;
  }
  for (int i = 0; i < kLanes; ++i) r[i] = v.from_uz(Y, u[i], z[i]);
  return r;
}

Lane LaneDraws::rate(const Value& v, int Y, const LaneMask& count) {
  Lane x = value(v, Y);
  for (int i = 0; i < kLanes; ++i) {
    if (x[i] < 0 || x[i] > 1) {
      if (count[i]) ev_[static_cast<size_t>(i)].note_clamp(v);
      x[i] = x[i] < 0 ? 0.0 : 1.0;
    }
  }
  return x;
}

std::array<Lane, 3> LaneDraws::index_rates(int Y) {
  const Indexation& ix = sc_.index;
  const Value* vals[3] = {&ix.funding, &ix.wage, &ix.price};
  bool any_year = false, any_path = false;
  for (const Value* v : vals) (v->per_year ? any_year : any_path) |= v->is_random();
  std::array<Lane, 3> zy, zp;
  if (any_year) {
    Words a, b;
    raw(McDraws::kIndexDriver, static_cast<uint32_t>(Y), 0, a);
    raw(McDraws::kIndexDriver, static_cast<uint32_t>(Y), 1, b);
    Lane u[3];
    uniforms(a, 0, 1, u[0]), uniforms(a, 2, 3, u[1]), uniforms(b, 0, 1, u[2]);
    for (size_t k = 0; k < 3; ++k) normals(u[k], zy[k]);
  }
  if (any_path)
    for (uint32_t k = 0; k < 3; ++k) zp[k] = path_draw(McDraws::kIndexDriver, k).z;
  std::array<Lane, 3> r;
  for (int i = 0; i < kLanes; ++i) {
    // The correlation per lane with Eigen, as McDraws does it (the same operations).
    Eigen::Vector3d cy = Eigen::Vector3d::Zero(), cp = Eigen::Vector3d::Zero();
    if (any_year) cy = chol_ * Eigen::Vector3d(zy[0][i], zy[1][i], zy[2][i]);
    if (any_path) cp = chol_ * Eigen::Vector3d(zp[0][i], zp[1][i], zp[2][i]);
    for (size_t k = 0; k < 3; ++k) {
      const Value& v = *vals[k];
      const double x = !v.is_random() ? v.p[0].at(Y) : v.from_normal(Y, v.per_year ? cy(static_cast<int>(k)) : cp(static_cast<int>(k)));
      r[k][i] = std::max(x, -1.0);  // see McDraws::index_rates
    }
    if (!ix.funding_given) r[0][i] = sc_.rules.wage_share * r[1][i] + (1 - sc_.rules.wage_share) * r[2][i];
  }
  return r;
}

Lane LaneDraws::line_shock(size_t l, int Y) {
  const Line& line = sc_.lines[l];
  if (line.shock_sd <= 0) return 1.0;
  Lane z;
  if (line.shock_per_year) {
    Words w;
    raw(line.shock_driver, static_cast<uint32_t>(Y), 0, w);
    Lane u;
    uniforms(w, 0, 1, u);
    normals(u, z);
  } else {
    z = path_draw(line.shock_driver, 0).z;
  }
  return vmax(0.0, 1 + line.shock_sd * z);
}

BasicRiskEvent<Lane> LaneDraws::risk_event(size_t r, int Y, const LaneMask& need) {
  const Risk& rk = sc_.risks[r];
  const Lane p = rate(rk.probability, Y, need);
  Words w;
  raw(rk.driver, static_cast<uint32_t>(Y), 1, w);
  Lane u;
  uniforms(w, 0, 1, u);
  BasicRiskEvent<Lane> ev;
  ev.occurs = need && !(u >= p);  // as McDraws: "u >= p: no event" (a NaN p occurs)
  if (!any(ev.occurs)) return ev;
  const Value& v = rk.impact;  // drawn afresh at each occurrence
  if (!v.is_random()) {
    ev.impact = select(ev.occurs, v.p[0].at(Y), 0.0);
    return ev;
  }
  Lane ui, z;
  uniforms(w, 2, 3, ui);
  if (v.needs_z()) normals(ui, z);
  for (int i = 0; i < kLanes; ++i)
    if (ev.occurs[i]) ev.impact[i] = v.from_uz(Y, ui[i], z[i]);
  return ev;
}

// McDraws::moves lane by lane (the same conditional binomials from the same words), with the
// probabilities of all lanes computed side by side and the binomials drawn 8 at once (binomial8:
// each lane the bits of binomial()).
void LaneDraws::moves(int Y, int state, const Lane& count, const Lane* rates, int k, Lane* out) {
  Lane sum = 0.0;
  for (int j = 0; j < k; ++j) sum += rates[j];
  const LaneMask over = sum >= 1;  // rates that leave no one staying: scaled to 1, counted
  for (int i = 0; i < kLanes; ++i) ev_[static_cast<size_t>(i)].rate_sum[static_cast<size_t>(state)] |= over[i];
  const Lane scale = select(over, 1 / sum, 1.0);
  Lane n, left = 1.0;
  for (int i = 0; i < kLanes; ++i) n[i] = std::round(count[i]);
  Words w;
  int loaded = -1;
  const uint32_t year = static_cast<uint32_t>(Y);
  for (int j = 0; j < k; ++j) {
    const Lane p = select(left > 0, vmin(1.0, rates[j] * scale / left), 0.0);
    const LaneMask draw = n > 0 && p > 0;
    out[j] = 0.0;
    if (any(draw)) {
      if (j / 2 != loaded) {
        loaded = j / 2;
        raw(McDraws::kFlowDriver, year, static_cast<uint32_t>(8 * state + loaded), w);
      }
      const uint32_t retry = McDraws::kFlowRetry | static_cast<uint32_t>(8 * state + j) << 16;
      const int h = 2 * (j % 2);
      Lane x;
      binomial8(n.v, p.v, w.w[h], w.w[h + 1],
                [&](int i, uint32_t t) { return Stream(seed_, first_ + static_cast<uint64_t>(i)).raw(McDraws::kFlowDriver, year, retry | (t & 0xFFFFu)); },
                x.v, isa_);
      out[j] = select(draw, x, 0.0);  // a lane without pupils or chance draws nothing (as McDraws)
    }
    n -= out[j];
    left -= rates[j] * scale;
  }
}

Lane LaneDraws::demography_z(int Y) {
  raw(McDraws::kDemographyDriver, static_cast<uint32_t>(Y), 0, demo_);
  Lane u, z;
  uniforms(demo_, 0, 1, u);
  normals(u, z);
  return z;
}

// Stochastic rounding of the intake; uses the word demography_z(Y) left for it (as McDraws).
Lane LaneDraws::round_intake(const Lane& x, int) const {
  Lane r;
  for (int i = 0; i < kLanes; ++i) {
    const double f = std::floor(x[i]);
    r[i] = f + (Stream::u32(demo_.w[2][i]) < x[i] - f ? 1.0 : 0.0);
  }
  return r;
}

void LaneDraws::note_negative_intake(const LaneMask& m) {
  for (int i = 0; i < kLanes; ++i) ev_[static_cast<size_t>(i)].negative_intake |= m[i];
}

void LaneDraws::note_negative_balance(int Y, const LaneMask& m) {
  for (int i = 0; i < kLanes; ++i)
    if (m[i]) ev_[static_cast<size_t>(i)].note_negative_balance(Y);
}

}  // namespace swv
