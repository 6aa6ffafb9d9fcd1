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

namespace swv {

// Support income of the year per component it is netted with (realised, after realisation and
// shocks); components that carry no deductions are not here.
struct DuoBudget {
  double light = 0, heavy = 0, lwoo_pro = 0;
};
// Deductions of the year by kind (realised, before the cap).
struct DuoDeductions {
  double sbo = 0, so = 0, lwoo_pro = 0;
  double total() const { return sbo + so + lwoo_pro; }
};
// What the SWV bears of each kind, and what is charged to the schools of the region.
struct DuoNetted {
  double sbo = 0, so = 0, lwoo_pro = 0;
  double schools = 0;
};

inline DuoNetted net_per_component(const DuoBudget& b, const DuoDeductions& d) {
  const double light = std::max(0.0, b.light), heavy = std::max(0.0, b.heavy), own = std::max(0.0, b.lwoo_pro);
  DuoNetted n;
  // LWOO/PrO: its own budget first.
  const double lp_own = std::min(own, d.lwoo_pro), lp_over = d.lwoo_pro - lp_own;
  // SBO: licht first, the rest to zwaar.
  const double sbo_light = std::clamp(d.sbo, 0.0, light), sbo_over = d.sbo - sbo_light;
  // LWOO/PrO's overflow: what licht has left, the rest to the schools.
  const double lp_light = std::clamp(lp_over, 0.0, light - sbo_light);
  // zwaar: SO and SBO's overflow, cut in the same proportion when it cannot carry both.
  const double demand = d.so + sbo_over;
  const bool short_heavy = demand > heavy;
  const double f = short_heavy ? heavy / demand : 1.0;  // demand > heavy >= 0
  n.sbo = sbo_light + (short_heavy ? sbo_over * f : sbo_over);
  n.so = short_heavy ? d.so * f : d.so;
  n.lwoo_pro = lp_own + lp_light;
  n.schools = (short_heavy ? demand - heavy : 0.0) + std::max(0.0, lp_over - lp_light);
  return n;
}

// The pooled cap: every deduction against the sum of the support components.
inline DuoNetted net_pooled(double support, const DuoDeductions& d) {
  DuoNetted n{d.sbo, d.so, d.lwoo_pro, 0.0};
  const double total = d.total(), s = std::max(0.0, support);
  if (total > s) {
    const double f = s / total;
    n = {d.sbo * f, d.so * f, d.lwoo_pro * f, total - s};
  }
  return n;
}

}  // namespace swv
