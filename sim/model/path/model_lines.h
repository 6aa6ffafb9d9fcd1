#pragma once
// Internal to model.h (included at its end): the budget lines of one path-year, Model::budget_lines,
// and the amounts the funding rules compute (Model::computed_amount). Each line's begroot and
// realised amount; DUO's cap per component (duo_cap.h) on the afdracht lines; the year's income and
// costs into rec.in (nothing here depends on equity).
#include <algorithm>
#include <array>

#include "duo_cap.h"
#include "model.h"

namespace swv {

// A computed line's amount from the funding rules (ondersteuning, afdracht_*). For ondersteuning,
// `by_pool` (when given) receives the amount per component pool (Rules::Pool: licht, zwaar,
// lwoo_pro, geen), for DUO's cap per component.
template <class V>
inline V Model::computed_amount(const Line& l, const PathState<V>& s, const Counts<V>& n, const Factors<V>& F, int Y,
                                std::array<V, 4>* by_pool) const {
  const Rules& ru = *year_rules_[static_cast<size_t>(Y - sc_.first_year)];
  V a = 0.0;
  switch (l.computed) {
    case Computed::Support:
      for (const auto& c : ru.support) {
        const V x = rules_amount(c.amount, Y, l.index, F) * c.factor * n.of(c.basis);
        a += x;
        if (by_pool) (*by_pool)[static_cast<size_t>(c.pool)] += x;
      }
      break;
    case Computed::DeductSo:
      for (size_t c = 0; c < 3; ++c) a += rules_amount(ru.deduct_so[c], Y, l.index, F) * s.so[c];
      break;
    case Computed::DeductSbo:
      a = rules_amount(ru.deduct_sbo, Y, l.index, F) * vmax(0.0, s.sbo - ru.sbo_threshold * (s.regular + s.sbo));
      break;
    case Computed::DeductLwooPro: a = rules_amount(ru.deduct_lwoo_pro, Y, l.index, F) * (n.lwoo + s.pro); break;
  }
  return a;
}

// Budget lines (begroot and realised) and DUO's cap per component (duo_cap.h): DUO pays nothing
// below zero; what a component cannot carry goes where DUO sends it, and what no component carries
// is charged to the schools of the region, not to the SWV. Sums income and costs into rec.in, and
// the lasten of the bezuiniging's group (the close applies the cut when it is active).
template <class Draws, class V>
inline void Model::budget_lines(Draws& dr, const PathState<V>& s, const Counts<V>& n, const Factors<V>& F, int yi, int Y,
                                BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const {
  const Scenario& sc = sc_;
  const Policy& pol = sc.policy;
  const size_t nl = sc.lines.size();
  V support = 0.0;
  BasicDuoBudget<V> pools;
  BasicDuoDeductions<V> ded;
  bool has_support = false;
  for (size_t i = 0; i < nl; ++i) {
    const Line& l = sc.lines[i];
    const V& f = F[static_cast<size_t>(yi)][static_cast<size_t>(l.index)];
    V budget = 0.0;
    amt.computed[i] = kNoAmount;
    std::array<V, 4> by_pool{};  // a support line's computed amount per Rules::Pool
    switch (l.kind) {
      case LineKind::Amount: budget = line_value(dr, l, l.amount, Y) * f; break;
      case LineKind::PerPupil: budget = line_value(dr, l, l.per_pupil, Y) * n.of(l.basis) * f; break;
      case LineKind::Computed:
        if (l.has_override) {
          budget = line_value(dr, l, l.amount, Y) * f;
          amt.computed[i] = computed_amount(l, s, n, F, Y, &by_pool);
        } else {
          budget = computed_amount(l, s, n, F, Y, &by_pool);
        }
        break;
    }
    const V realised = budget * dr.value(l.realisation, Y) * dr.line_shock(i, Y);
    amt.budget[i] = budget;
    amt.realised[i] = realised;
    // The bezuiniging cuts the group's own lines (never a deduction set by the rules); the lines
    // keep their amounts and the cut is the line beleid.bezuiniging.
    if (pol.cut && l.side == Side::Cost && l.group_id == pol.cut_group && l.kind != LineKind::Computed)
      rec.in.cut_budget += budget, rec.in.cut_realised += realised;
    if (l.kind != LineKind::Computed) continue;
    switch (l.computed) {
      case Computed::Support: {
        support += realised, has_support = true;
        // The realised income per component, in the shares of its computed amounts (an override
        // keeps the rules' shares; without any computed amount it counts as zwaar).
        const V total = by_pool[0] + by_pool[1] + by_pool[2] + by_pool[3];
        const Mask<V> shares = total != 0;
        const V k = realised / total;  // used only where total != 0
        pools.light = select(shares, pools.light + by_pool[0] * k, pools.light);
        pools.heavy = select(shares, pools.heavy + by_pool[1] * k, pools.heavy + realised);
        pools.lwoo_pro = select(shares, pools.lwoo_pro + by_pool[2] * k, pools.lwoo_pro);
        break;
      }
      case Computed::DeductSo: ded.so += realised; break;
      case Computed::DeductSbo: ded.sbo += realised; break;
      case Computed::DeductLwooPro: ded.lwoo_pro += realised; break;
    }
  }
  const Mask<V> owed = ded.total() != 0;
  if (has_support && any(owed)) {
    const BasicDuoNetted<V> net =
        year_rules_[static_cast<size_t>(yi)]->pooled_cap ? net_pooled(support, ded) : net_per_component(pools, ded);
    const Mask<V> binding = owed && net.schools > 0;
    if (any(binding)) {
      rec.cap_binding = binding;
      rec.cap_schools = select(binding, net.schools, rec.cap_schools);
      auto factor = [](const V& borne, const V& owes) { return select(owes != 0, borne / owes, 1.0); };
      const V fs[3] = {factor(net.so, ded.so), factor(net.sbo, ded.sbo), factor(net.lwoo_pro, ded.lwoo_pro)};
      for (size_t i = 0; i < nl; ++i) {
        const Line& l = sc.lines[i];
        if (l.kind != LineKind::Computed || l.computed == Computed::Support) continue;
        const V& x = fs[l.computed == Computed::DeductSo ? 0 : l.computed == Computed::DeductSbo ? 1 : 2];
        amt.realised[i] = select(binding, amt.realised[i] * x, amt.realised[i]);
      }
    }
  }
  for (size_t i = 0; i < nl; ++i) (sc.lines[i].side == Side::Income ? rec.in.income : rec.in.costs) += amt.realised[i];
}

}  // namespace swv
