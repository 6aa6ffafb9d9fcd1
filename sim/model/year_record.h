#pragma once
// What one year of one path produces: the year's totals and states (YearRecord) and its amounts per
// line (LineAmounts). Plain data, written by the path model (model.h) and read by every sink. Each is
// a template over the value type (lane.h): double for one path, Lane for kLanes paths side by side.
#include <array>
#include <cstddef>
#include <limits>
#include <vector>

#include "lane.h"

namespace swv {

// What the year's close (model_finance.h) takes from the rest of the year: everything in the year's
// money that does not depend on equity. Extra spending moves no pupil and no draw, so a path's
// FinanceInputs are the same whatever is spent extra; decision support records them once per
// path-year (finance_table.h) and replays only the close for each amount it tries.
template <class V>
struct BasicFinanceInputs {
  V income = 0;                 // totale baten (the lines' realised income)
  V costs = 0;                  // lasten of the lines (realised, after the DUO cap) and the vangnet
  V risk_costs = 0, risk_lost_income = 0;
  V cut_budget = 0, cut_realised = 0;  // lasten of the bezuiniging's group: begroot, realised
  V cut_share = 0;              // beleid.bezuiniging.aandeel of this year
  V generic_cut = 0;            // ocw_korting before compensation (its year only)
  V earmarked = 0;              // bestemmingsreserves 31-12
  V target = 0, floor = 0;      // streefvermogen, ondergrens
  V spend_share = 0, skim_share = 0;  // afbouw and ocw_afroming shares of this year
};
using FinanceInputs = BasicFinanceInputs<double>;

// Everything one year of one path produces (besides the per-line amounts).
template <class V>
struct BasicYearRecord {
  BasicFinanceInputs<V> in;        // the year's inputs to the close (see above)
  int year = 0;
  V equity = 0;       // eigen vermogen 31-12
  V earmarked = 0;    // bestemmingsreserves 31-12 (sum of the balances)
  V general = 0;      // algemene reserve 31-12 = equity - earmarked
  V target = 0;       // streefvermogen (0 when not given)
  V plan_equity = 0;  // the plan's equity 31-12 (the required buffer's reference)
  V signal = 0;       // signaleringswaarde
  V floor = 0;        // ondergrens
  V income = 0;       // totale baten
  V reductions = 0;   // kortingen
  V costs = 0;        // totale lasten
  V result = 0;       // saldo
  V regular = 0, sbo = 0, so = 0, pro = 0;  // counts at the teldatum of this year
  V waiting_sbo = 0, waiting_so = 0;        // wachtlijst at the teldatum (capaciteit)
  V risk_costs = 0, risk_lost_income = 0;
  V skim = 0;          // OCW withholding landing in this year (ocw_afroming)
  V spend_down = 0;    // extra cost of the bestedingsplan in this year (afbouw)
  V generic_cut = 0;   // net generic cut (ocw_korting) in this year
  V generic_cut_compensation = 0;
  Mask<V> cut_active{};   // bezuiniging applied in this year
  Mask<V> cap_binding{};  // DUO's cap bit in this year (duo_cap.h): the schools pay part of the deductions
  V cap_schools = 0;   // what DUO charged to the schools of the region (not the SWV's money)
  // Balance sheet 31-12 (balans given): assets, liabilities and the Inspectie's ratios.
  V fixed_assets = 0, receivables = 0, cash = 0, provisions = 0, long_debt = 0, short_debt = 0, balance_total = 0;
  V solvency = 0, liquidity = 0, profitability = 0;  // solvabiliteit 2, liquiditeit, rentabiliteit
  Mask<V> three_negative{};  // saldo negative in this year and the two before (within the planperiode)
};
using YearRecord = BasicYearRecord<double>;

// Lines that are not budget lines (scenario-format 14.3): policy effects, in this order.
enum PolicyLine {
  kPolicySpend,          // beleid.afbouw (lasten)
  kPolicyCut,            // beleid.bezuiniging (lasten, negative)
  kPolicySkim,           // beleid.ocw_afroming (kortingen)
  kPolicyGenericCut,     // beleid.ocw_korting (kortingen, gross)
  kPolicyCompensation,   // beleid.ocw_korting.compensatie (kortingen, negative)
  kPolicyExtraSpending,  // beleid.extra_besteding (lasten; decision support)
  kPolicySafetyNet,      // vangnet (lasten)
  kPolicyLines
};

constexpr double kNoAmount = std::numeric_limits<double>::quiet_NaN();  // not a computed line

// Per-line amounts of one year: begroot (budgeted), realised, and for override lines the amount
// the engine computed from the rules (NaN for other lines).
template <class V>
struct BasicLineAmounts {
  std::vector<V> budget, realised, computed;
  std::vector<V> risk;     // impact of each risk in this year (0 when it did not occur)
  std::vector<V> reserve;  // balance of each bestemmingsreserve on 31-12 (the path's state)
  std::vector<V> held;     // impact of each blijvend risk once it occurred (NaN before; the path's state)
  std::array<V, kPolicyLines> policy{}, policy_budget{};  // policy lines: realised, begroot
  explicit BasicLineAmounts(size_t n = 0, size_t risks = 0, size_t reserves = 0)
      : budget(n), realised(n), computed(n), risk(risks), reserve(reserves), held(risks) {}
};
using LineAmounts = BasicLineAmounts<double>;

}  // namespace swv
