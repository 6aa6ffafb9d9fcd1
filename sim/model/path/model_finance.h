#pragma once
// Internal to model.h (included at its end): the close of one path-year, Model::close_finance.
// Everything in a year that depends on equity happens here, and only here: the generic cut's
// compensation up to the signaleringswaarde, the bezuiniging decided last year, the bestedingsplan,
// the year's totals and the management rules that act in the next year. The rest of the year
// (lines, risks, vangnet, reserves, pupils) arrives in rec.in and does not depend on equity, which
// is why decision support can replay this function alone for another amount of extra spending.
#include <algorithm>
#include <type_traits>

#include "model.h"

namespace swv {

// The signaleringswaarde of a year's income (scenario.h holds its one definition), per lane.
inline double signal_of(double income, double percentage, double minimum) { return signaleringswaarde(income, percentage, minimum); }
inline Lane signal_of(const Lane& income, double percentage, double minimum) {
  Lane r;
  for (int i = 0; i < kLanes; ++i) r[i] = signaleringswaarde(income[i], percentage, minimum);
  return r;
}

template <class V>
inline void Model::close_finance(BasicFinanceState<V>& f, int yi, const std::type_identity_t<V>& extra, const BasicFinanceInputs<V>& in,
                                 BasicYearRecord<V>& rec, std::type_identity_t<BasicLineAmounts<V>>* amt) const {
  const Scenario& sc = sc_;
  const Policy& pol = sc.policy;
  const size_t y = static_cast<size_t>(yi);
  const int Y = sc.first_year + yi;
  // The bezuiniging decided at the end of Y-1 cuts its group's lasten in Y (a line of its own).
  rec.cut_active = f.carry_cut;
  const V cut_budget = select(f.carry_cut, -in.cut_share * in.cut_budget, 0.0);
  const V cut_realised = select(f.carry_cut, -in.cut_share * in.cut_realised, 0.0);
  rec.income = in.income;
  rec.risk_costs = in.risk_costs, rec.risk_lost_income = in.risk_lost_income;
  rec.earmarked = in.earmarked;
  rec.signal = signal_of(rec.income, sc.signal_percentage, sc.signal_minimum);
  // Generic cut (ocw_korting) in its year, compensated up to the signaleringswaarde (of equity on
  // 1 January less the cut).
  rec.generic_cut = rec.generic_cut_compensation = 0.0;
  if (pol.generic_cut && Y == pol.generic_cut_year) {
    const V comp = vmin(in.generic_cut, vmax(0.0, rec.signal - (f.equity - in.generic_cut)));
    rec.generic_cut = in.generic_cut - comp;
    rec.generic_cut_compensation = comp;
  }
  rec.target = sc.has_target ? in.target : V(0.0);
  rec.skim = f.carry_skim;
  rec.reductions = rec.risk_lost_income + rec.skim + rec.generic_cut;
  const V costs = in.costs + cut_realised;
  // The bestedingsplan: with moment = begroting paid in Y itself (section 14.2) — in Monte Carlo the
  // plan's amount, fixed in the budget; on the plan itself the excess at the end of Y before this
  // line — otherwise what last year's rule set aside.
  if (pol.spend_down && pol.spend_moment == SpendMoment::Budget) {
    if (!sc.plan_spend.empty()) {
      rec.spend_down = sc.plan_spend[y];
    } else {
      const V equity_before = f.equity + rec.income - rec.reductions - (costs + rec.risk_costs + extra);
      const V excess = pol.spend_above == SpendAbove::Target ? equity_before - rec.earmarked - rec.target : equity_before - rec.signal;
      rec.spend_down = in.spend_share * vmax(0.0, excess);
    }
  } else {
    rec.spend_down = f.carry_spend;
  }
  rec.costs = costs + (rec.risk_costs + rec.spend_down);
  rec.costs += extra;
  rec.result = rec.income - rec.reductions - rec.costs;
  f.equity += rec.result;
  rec.equity = f.equity;
  rec.general = rec.equity - rec.earmarked;
  rec.plan_equity = sc.plan_equity.empty() ? rec.equity : V(sc.plan_equity[y]);
  rec.floor = in.floor;
  if (amt) {
    amt->policy[kPolicyCut] = cut_realised, amt->policy_budget[kPolicyCut] = cut_budget;
    amt->policy[kPolicySpend] = rec.spend_down;
    amt->policy[kPolicySkim] = rec.skim;
    amt->policy[kPolicyGenericCut] = rec.generic_cut + rec.generic_cut_compensation;
    amt->policy[kPolicyCompensation] = -rec.generic_cut_compensation;
    amt->policy[kPolicyExtraSpending] = extra;
    for (int k = 0; k < kPolicyLines; ++k)
      if (k != kPolicyCut && k != kPolicySafetyNet) amt->policy_budget[static_cast<size_t>(k)] = amt->policy[static_cast<size_t>(k)];
  }
  // The management rules at the end of Y, acting in Y+1 (section 11).
  const V excess = vmax(0.0, f.equity - rec.signal);
  f.carry_skim = in.skim_share * excess;  // 0 unless ocw_afroming applies from this year
  const V spendable = pol.spend_above == SpendAbove::Target ? vmax(0.0, rec.general - rec.target) : excess;
  f.carry_spend = pol.spend_down && pol.spend_moment == SpendMoment::NextYear ? V(in.spend_share * vmax(0.0, spendable - f.carry_skim)) : V(0.0);
  f.carry_cut = pol.cut ? (pol.cut_below == CutBelow::Target ? rec.general < rec.target : f.equity < rec.floor) : Mask<V>{};
  f.negative_run = select(rec.result < 0, f.negative_run + 1, 0.0);
  rec.three_negative = f.negative_run >= 3;
}

}  // namespace swv
