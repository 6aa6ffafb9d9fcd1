#pragma once
// The path model's number types (issue 31): one path (double, bool) or kLanes paths side by side
// (Lane, LaneMask: structure of arrays). The model (sim/model/path/) is written once over a value
// type V; Monte Carlo runs it on Lane, deterministic mode and the decision replays on double.
//
// Contract: every Lane operation is the scalar operation lane by lane, in the same order (no fused
// multiply-add: the rooms are compiled without contraction, -ffp-contract=off), so lane i of a
// Lane computation has exactly the bits of the same computation on double. Branches on a path's
// numbers are masks: select(m, a, b) is m ? a : b per lane; vmax/vmin/vclamp are std::max/min/clamp
// per lane (the same comparison, so NaN and signed zeros behave as in the scalar code).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace swv {

inline constexpr int kLanes = 8;

struct LaneMask {
  bool m[kLanes]{};
  bool operator[](int i) const { return m[i]; }
  bool& operator[](int i) { return m[i]; }
  friend LaneMask operator&&(const LaneMask& a, const LaneMask& b) {
    LaneMask r;
    for (int i = 0; i < kLanes; ++i) r.m[i] = a.m[i] && b.m[i];
    return r;
  }
  friend LaneMask operator||(const LaneMask& a, const LaneMask& b) {
    LaneMask r;
    for (int i = 0; i < kLanes; ++i) r.m[i] = a.m[i] || b.m[i];
    return r;
  }
  friend LaneMask operator!(const LaneMask& a) {
    LaneMask r;
    for (int i = 0; i < kLanes; ++i) r.m[i] = !a.m[i];
    return r;
  }
};

struct Lane {
  alignas(64) double v[kLanes];
  Lane() : v{} {}
  Lane(double x) {  // broadcast: lets the model mix scenario constants with path values
    for (int i = 0; i < kLanes; ++i) v[i] = x;
  }
  double operator[](int i) const { return v[i]; }
  double& operator[](int i) { return v[i]; }

#define SWV_LANE_OP(op)                                             \
  friend Lane operator op(const Lane& a, const Lane& b) {           \
    Lane r;                                                         \
    for (int i = 0; i < kLanes; ++i) r.v[i] = a.v[i] op b.v[i];     \
    return r;                                                       \
  }                                                                 \
  Lane& operator op##=(const Lane& b) {                             \
    for (int i = 0; i < kLanes; ++i) v[i] = v[i] op b.v[i];         \
    return *this;                                                   \
  }
  SWV_LANE_OP(+)
  SWV_LANE_OP(-)
  SWV_LANE_OP(*)
  SWV_LANE_OP(/)
#undef SWV_LANE_OP
  friend Lane operator-(const Lane& a) {
    Lane r;
    for (int i = 0; i < kLanes; ++i) r.v[i] = -a.v[i];
    return r;
  }
#define SWV_LANE_CMP(op)                                            \
  friend LaneMask operator op(const Lane& a, const Lane& b) {       \
    LaneMask r;                                                     \
    for (int i = 0; i < kLanes; ++i) r.m[i] = a.v[i] op b.v[i];     \
    return r;                                                       \
  }
  SWV_LANE_CMP(<)
  SWV_LANE_CMP(<=)
  SWV_LANE_CMP(>)
  SWV_LANE_CMP(>=)
  SWV_LANE_CMP(==)
  SWV_LANE_CMP(!=)
#undef SWV_LANE_CMP
};

// The mask type of a value type: bool for one path, LaneMask for lanes.
template <class V>
using Mask = std::conditional_t<std::is_same_v<V, double>, bool, LaneMask>;

// --- one path ---
inline double select(bool m, double a, double b) { return m ? a : b; }
inline double vmax(double a, double b) { return std::max(a, b); }
inline double vmin(double a, double b) { return std::min(a, b); }
inline double vclamp(double x, double lo, double hi) { return std::clamp(x, lo, hi); }
inline double vfloor(double x) { return std::floor(x); }
inline bool visnan(double x) { return std::isnan(x); }
inline bool any(bool m) { return m; }
inline bool all(bool m) { return m; }

// --- lanes: the same, lane by lane ---
inline Lane select(const LaneMask& m, const Lane& a, const Lane& b) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r.v[i] = m.m[i] ? a.v[i] : b.v[i];
  return r;
}
inline Lane vmax(const Lane& a, const Lane& b) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r.v[i] = std::max(a.v[i], b.v[i]);
  return r;
}
inline Lane vmin(const Lane& a, const Lane& b) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r.v[i] = std::min(a.v[i], b.v[i]);
  return r;
}
inline Lane vclamp(const Lane& x, const Lane& lo, const Lane& hi) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r.v[i] = std::clamp(x.v[i], lo.v[i], hi.v[i]);
  return r;
}
inline Lane vfloor(const Lane& x) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r.v[i] = std::floor(x.v[i]);
  return r;
}
inline LaneMask visnan(const Lane& x) {
  LaneMask r;
  for (int i = 0; i < kLanes; ++i) r.m[i] = std::isnan(x.v[i]);
  return r;
}
inline bool any(const LaneMask& m) {
  bool r = false;
  for (int i = 0; i < kLanes; ++i) r |= m.m[i];
  return r;
}
inline bool all(const LaneMask& m) {
  bool r = true;
  for (int i = 0; i < kLanes; ++i) r &= m.m[i];
  return r;
}

}  // namespace swv
