#pragma once
// One lane of a year of kLanes paths (issue 31): the YearRecord and LineAmounts of path i of a lane
// group, exactly as a run of that path alone gives them, for the sinks that take one path at a time.
#include "lane.h"
#include "year_record.h"

namespace swv {

// Every number of a YearRecord, once (a new field must be added here: the static_assert below
// fails until it is).
#define SWV_FINANCE_INPUTS_FIELDS(X)                                                                          \
  X(income) X(costs) X(risk_costs) X(risk_lost_income) X(cut_budget) X(cut_realised) X(cut_share) X(generic_cut) \
  X(earmarked) X(target) X(floor) X(spend_share) X(skim_share)
#define SWV_YEAR_RECORD_FIELDS(X)                                                                              \
  X(equity) X(earmarked) X(general) X(target) X(plan_equity) X(signal) X(floor) X(income) X(reductions) X(costs) \
  X(result) X(regular) X(sbo) X(so) X(pro) X(waiting_sbo) X(waiting_so) X(risk_costs) X(risk_lost_income) X(skim)  \
  X(spend_down) X(generic_cut) X(generic_cut_compensation) X(cut_active) X(cap_binding) X(cap_schools)            \
  X(fixed_assets) X(receivables) X(cash) X(provisions) X(long_debt) X(short_debt) X(balance_total) X(solvency)     \
  X(liquidity) X(profitability) X(three_negative)
static_assert(sizeof(FinanceInputs) == 13 * sizeof(double) && sizeof(YearRecord) == 400,
              "a field was added to YearRecord or FinanceInputs: add it to the lists in lane_record.h");

inline void lane_record(const BasicYearRecord<Lane>& r, int i, YearRecord& out) {
#define SWV_COPY_IN(f) out.in.f = r.in.f[i];
#define SWV_COPY(f) out.f = r.f[i];
  SWV_FINANCE_INPUTS_FIELDS(SWV_COPY_IN)
  SWV_YEAR_RECORD_FIELDS(SWV_COPY)
#undef SWV_COPY
#undef SWV_COPY_IN
  out.year = r.year;
}

// The amounts of lane i into `out` (sized like `a`).
inline void lane_amounts(const BasicLineAmounts<Lane>& a, int i, LineAmounts& out) {
  auto copy = [i](const std::vector<Lane>& from, std::vector<double>& to) {
    for (size_t k = 0; k < from.size(); ++k) to[k] = from[k][i];
  };
  copy(a.budget, out.budget), copy(a.realised, out.realised), copy(a.computed, out.computed);
  copy(a.risk, out.risk), copy(a.reserve, out.reserve), copy(a.held, out.held);
  for (size_t k = 0; k < a.policy.size(); ++k) out.policy[k] = a.policy[k][i], out.policy_budget[k] = a.policy_budget[k][i];
}

}  // namespace swv
