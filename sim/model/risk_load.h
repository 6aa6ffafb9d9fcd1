#pragma once
// One risk of the register in one year of a path (scenario-format sections 10 and 15), and its
// expected amount. A plain risk occurs at most once a year, each year afresh, with an impact drawn
// at each occurrence. A blijvend risk occurs at most once in a path: from the year of its first
// occurrence its impact (drawn then) recurs in every later year of the planperiode, within its
// jaren or not; it can no longer occur again. Its state is per path and independent of equity, so
// it belongs to the year's inputs to the close (rec.in), like every other risk.
#include <cmath>
#include <cstddef>

#include "lane.h"
#include "scenario.h"

namespace swv {

// One year's draw of a risk: whether it occurs, and its impact when it does.
template <class V>
struct BasicRiskEvent {
  Mask<V> occurs{};
  V impact = 0.0;
};
using RiskEvent = BasicRiskEvent<double>;

// The expected amount of risk `rk` in year Y of a planperiode that starts in `first_year`: kans ×
// mean impact in an active year (0 in others); for a blijvend risk the chance that it has occurred
// by Y times the mean impact of the year it first occurred,
//   sum over active y in [first_year, Y] of p_y × prod over active y' < y of (1 − p_y') × E[I_y],
// which for a fixed kans p and impact I over k active years is I × (1 − (1 − p)^k). A kans drawn
// once per path enters through its mean (exact when it is fixed, as it mostly is).
double expected_risk_load(const Risk& rk, int first_year, int Y);

// The amount of risk `rk` (index r) in year Y of a path with random draws, which give
// dr.risk_event(r, Y) = {occurs, impact} for an active year. `held` is the path's state of a
// blijvend risk: NaN until it occurs, then its impact. Years must come in order within a path.
template <class Draws>
double risk_amount(Draws& dr, const Risk& rk, size_t r, int Y, double& held) {
  if (rk.lasting && !std::isnan(held)) return held;
  if (!rk.active(Y)) return 0.0;
  const auto ev = dr.risk_event(r, Y);
  if (!ev.occurs) return 0.0;
  if (rk.lasting) held = ev.impact;
  return ev.impact;
}

// The same for kLanes paths side by side: lane by lane the amount above. dr.risk_event(r, Y, need)
// draws for the lanes in `need` only (a lane that holds a blijvend risk draws nothing, as above).
template <class Draws>
Lane risk_amount(Draws& dr, const Risk& rk, size_t r, int Y, Lane& held) {
  const LaneMask have = rk.lasting ? !visnan(held) : LaneMask{};
  if (all(have)) return held;
  if (!rk.active(Y)) return select(have, held, 0.0);
  const BasicRiskEvent<Lane> ev = dr.risk_event(r, Y, !have);
  const Lane amount = select(ev.occurs, ev.impact, 0.0);
  if (!rk.lasting) return amount;
  const Lane out = select(have, held, amount);
  held = select(!have && ev.occurs, ev.impact, held);
  return out;
}

}  // namespace swv
