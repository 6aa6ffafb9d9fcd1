#pragma once
// Internal to model.h (included at its end): the pupil flows of one path-year, Model::pupil_flows.
// Counts at the teldatum of Y-1 move between regular education, SBO, SO (three categories) and PrO
// by competing risks (Draws::moves), the intake and zij-instroom come in, and capaciteit decides
// who is admitted and who waits.
#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

#include "model.h"

namespace swv {

// Places (capaciteit, section 14.5): of `referred` new referrals and `waiting` pupils still waiting,
// admit the waiting first, then the new ones, up to `space` places. Returns {admitted waiting,
// admitted new}; space is reduced by both.
template <class V>
inline std::array<V, 2> admit(const V& waiting, const V& referred, V& space) {
  const V w = vmin(waiting, space);
  space -= w;
  const V r = vmin(referred, space);
  space -= r;
  return {w, r};
}

// Flows: counts at the teldatum of Y-1 move to the teldatum of Y (competing risks), plus the
// intake of Y and the zij-instroom. Pupils waiting for a place (capaciteit) stay in regular
// education, outside this year's draws, and are admitted first.
template <class Draws, class V>
inline void Model::pupil_flows(Draws& dr, PathState<V>& s, int Y) const {
  const Scenario& sc = sc_;
  const Flows& fl = sc.flows;
  const V eff = dr.value(fl.effectiveness, Y);
  auto applied = [&](const YearTable& t) { return 1 - eff * (1 - t.at(Y)); };
  const V fs = applied(fl.factor_sbo), fso = applied(fl.factor_so), fp = applied(fl.factor_pro);
  const V waiting = s.wait_sbo + s.wait_so[0] + s.wait_so[1] + s.wait_so[2];
  // regular -> sbo, so laag/midden/hoog, pro, out
  const std::array<V, 6> rr = {dr.rate(fl.refer_sbo, Y) * fs, dr.rate(fl.refer_so[0], Y) * fso,
                               dr.rate(fl.refer_so[1], Y) * fso, dr.rate(fl.refer_so[2], Y) * fso,
                               dr.rate(fl.refer_pro, Y) * fp,     dr.rate(fl.out_regular, Y)};
  std::array<V, 6> mr{};
  dr.moves(Y, 0, s.regular - waiting, rr.data(), 6, mr.data());
  // sbo -> so laag/midden/hoog, regular, out
  const std::array<V, 5> rs = {dr.rate(fl.sbo_to_so[0], Y), dr.rate(fl.sbo_to_so[1], Y), dr.rate(fl.sbo_to_so[2], Y),
                               dr.rate(fl.return_sbo, Y), dr.rate(fl.out_sbo, Y)};
  std::array<V, 5> ms{};
  dr.moves(Y, 1, s.sbo, rs.data(), 5, ms.data());
  // so[c] -> regular, out
  const std::array<V, 2> ro = {dr.rate(fl.return_so, Y), dr.rate(fl.out_so, Y)};
  std::array<std::array<V, 2>, 3> mo{};
  for (size_t c = 0; c < 3; ++c) dr.moves(Y, 2 + static_cast<int>(c), s.so[c], ro.data(), 2, mo[c].data());
  // pro -> out
  const std::array<V, 1> rp = {dr.rate(fl.out_pro, Y)};
  std::array<V, 1> mp{};
  dr.moves(Y, 5, s.pro, rp.data(), 1, mp.data());

  // Intake: instroom_Y = max(0, instroom_{Y-1} (1 + groei_Y + e_Y)), e_Y = rho e_{Y-1} + sigma z_Y;
  // the zij-instroom of Y is added to it (net, may be negative), not compounded.
  s.shock = dr.value(sc.demography.persistence, Y) * s.shock + dr.value(sc.demography.sigma, Y) * dr.demography_z(Y);
  const V next = s.intake * (1 + dr.value(sc.demography.growth, Y) + s.shock);
  if constexpr (std::is_same_v<V, double>) {
    if (next < 0) dr.note_negative_intake();
  } else {
    dr.note_negative_intake(next < 0);
  }
  s.intake = vmax(0.0, next);
  const V added = dr.round_intake(s.intake + dr.value(sc.demography.newcomers, Y), Y);

  // Admissions: without capaciteit every referral is admitted (nobody waits).
  const V out_sbo = ms[0] + ms[1] + ms[2] + ms[3] + ms[4];
  V sbo_space = fl.cap_sbo ? vmax(0.0, vfloor(dr.value(fl.capacity_sbo, Y)) - (s.sbo - out_sbo)) : V(INFINITY);
  const std::array<V, 2> sbo_in = admit(s.wait_sbo, mr[0], sbo_space);
  V so_after = ms[0] + ms[1] + ms[2];  // SBO -> SO always moves: those pupils already hold a place
  for (size_t c = 0; c < 3; ++c) so_after += s.so[c] - mo[c][0] - mo[c][1];
  V so_space = fl.cap_so ? vmax(0.0, vfloor(dr.value(fl.capacity_so, Y)) - so_after) : V(INFINITY);
  std::array<std::array<V, 2>, 3> so_in{};
  for (size_t c = 0; c < 3; ++c) so_in[c][0] = admit(s.wait_so[c], V(0.0), so_space)[0];  // waiting first, every category
  for (size_t c = 0; c < 3; ++c) so_in[c][1] = admit(V(0.0), mr[1 + c], so_space)[1];

  const V out_reg = mr[0] + mr[1] + mr[2] + mr[3] + mr[4] + mr[5];
  V stay = mr[0] - sbo_in[1] - sbo_in[0];  // new referrals not admitted stay; admitted waiting leave
  for (size_t c = 0; c < 3; ++c) stay += mr[1 + c] - so_in[c][1] - so_in[c][0];
  s.regular = vmax(0.0, s.regular - out_reg + stay + ms[3] + mo[0][0] + mo[1][0] + mo[2][0] + added);
  s.sbo += sbo_in[0] + sbo_in[1] - out_sbo;
  s.wait_sbo += mr[0] - sbo_in[1] - sbo_in[0];
  for (size_t c = 0; c < 3; ++c) {
    s.so[c] += so_in[c][0] + so_in[c][1] + ms[c] - mo[c][0] - mo[c][1];
    s.wait_so[c] += mr[1 + c] - so_in[c][1] - so_in[c][0];
  }
  s.pro += mr[4] - mp[0];
}

}  // namespace swv
