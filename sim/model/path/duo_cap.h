#pragma once
// DUO's cap, as DUO nets the deductions against the support budget of a year (docs/domein.md
// section 4; sources in docs/bronnen.md): DUO pays the SWV nothing below zero per component, and a
// deduction the budget cannot carry is charged to the schools of the region, not to the SWV.
//   - SBO (po) against the lichte ondersteuning; what licht cannot carry goes to the zware.
//   - SO and VSO against the zware ondersteuning; what zwaar cannot carry is paid by the schools
//     (never taken from what is left of licht).
//   - LWOO and PrO (vo) against their own budget; what it cannot carry goes to the lichte
//     (regionale) ondersteuning, and then to the schools.
// Where the zware ondersteuning carries SO and SBO's overflow together and cannot carry both, both
// are cut in the same proportion. A rules file whose components name none of licht, zwaar and
// lwoo_pro (ondersteuning.*.verrekening) nets every deduction against the sum of its components, all
// cut in the same proportion (the pooled cap of version 1.1). Pure functions: no state, no draws.
#include <algorithm>
#include <type_traits>

#include "lane.h"

namespace swv {

// Support income of the year per component it is netted with (realised, after realisation and
// shocks); components that carry no deductions are not here. V: double or Lane (lane.h).
template <class V>
struct BasicDuoBudget {
  V light = 0, heavy = 0, lwoo_pro = 0;
};
// Deductions of the year by kind (realised, before the cap).
template <class V>
struct BasicDuoDeductions {
  V sbo = 0, so = 0, lwoo_pro = 0;
  V total() const { return sbo + so + lwoo_pro; }
};
// What the SWV bears of each kind, and what is charged to the schools of the region.
template <class V>
struct BasicDuoNetted {
  V sbo = 0, so = 0, lwoo_pro = 0;
  V schools = 0;
};
using DuoBudget = BasicDuoBudget<double>;
using DuoDeductions = BasicDuoDeductions<double>;
using DuoNetted = BasicDuoNetted<double>;

template <class V>
BasicDuoNetted<V> net_per_component(const BasicDuoBudget<V>& b, const BasicDuoDeductions<V>& d) {
  const V light = vmax(0.0, b.light), heavy = vmax(0.0, b.heavy), own = vmax(0.0, b.lwoo_pro);
  BasicDuoNetted<V> n;
  // LWOO/PrO: its own budget first.
  const V lp_own = vmin(own, d.lwoo_pro), lp_over = d.lwoo_pro - lp_own;
  // SBO: licht first, the rest to zwaar.
  const V sbo_light = vclamp(d.sbo, 0.0, light), sbo_over = d.sbo - sbo_light;
  // LWOO/PrO's overflow: what licht has left, the rest to the schools.
  const V lp_light = vclamp(lp_over, 0.0, light - sbo_light);
  // zwaar: SO and SBO's overflow, cut in the same proportion when it cannot carry both.
  const V demand = d.so + sbo_over;
  const Mask<V> short_heavy = demand > heavy;
  const V f = select(short_heavy, heavy / demand, 1.0);  // demand > heavy >= 0 where it is used
  n.sbo = sbo_light + select(short_heavy, sbo_over * f, sbo_over);
  n.so = select(short_heavy, d.so * f, d.so);
  n.lwoo_pro = lp_own + lp_light;
  n.schools = select(short_heavy, demand - heavy, 0.0) + vmax(0.0, lp_over - lp_light);
  return n;
}

// The pooled cap: every deduction against the sum of the support components.
template <class V>
BasicDuoNetted<V> net_pooled(const std::type_identity_t<V>& support, const BasicDuoDeductions<V>& d) {
  const V total = d.total(), s = vmax(0.0, support);
  const Mask<V> over = total > s;
  const V f = s / total;  // used only where total > s >= 0
  return {select(over, d.sbo * f, d.sbo), select(over, d.so * f, d.so), select(over, d.lwoo_pro * f, d.lwoo_pro),
          select(over, total - s, 0.0)};
}

// One path, with braces at the call (the tests').
inline DuoNetted net_per_component(const DuoBudget& b, const DuoDeductions& d) { return net_per_component<double>(b, d); }
inline DuoNetted net_pooled(double support, const DuoDeductions& d) { return net_pooled<double>(support, d); }

}  // namespace swv
