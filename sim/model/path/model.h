#pragma once
// The model room (sim/model): a built Scenario -> one path through the planperiode -> a Result.
// Its contract: model.h (the path model), deterministic.h (the classic meerjarenbegroting),
// result.h (what a run produces, plain data) and result_check.h (errors only a run reveals). It
// reads only the scenario room below it; it draws nothing itself (the montecarlo room does).
//
// The path model: one path through the planperiode, year by year (docs/domein.md section 8). A pure
// function of (Scenario, Draws) that reports each year to a Sink. Deterministic mode feeds it
// expected values (DeterministicDraws); Monte-Carlo mode feeds it random draws. No I/O, no
// allocation per year, no lookups by name; the same draws give bit-identical years.
//
// Written once over a value type V (lane.h): double runs one path, Lane runs kLanes paths side by
// side (issue 31), with branches on a path's numbers as masks. V is what the Draws' value() returns;
// lane i of a Lane run has exactly the bits of a double run on lane i's draws.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "lane.h"
#include "risk_load.h"
#include "scenario.h"
#include "year_record.h"

namespace swv {

// The value type a Draws gives: double (one path) or Lane (kLanes paths).
template <class Draws>
using draw_value_t = std::remove_cvref_t<decltype(std::declval<Draws&>().value(std::declval<const Value&>(), 0))>;

// The path model of one scenario. Construction precomputes what does not depend on a path (the
// bridge of rules tables into the planperiode); run_path is then const and may run on many threads
// at once, each with its own Draws and Sink. The Scenario must outlive the Model.
//
// Draws supplies every number a path draws (index rates, values, rates, moves, shocks, risks) and
// owns the per-path buffers (index factors, line amounts), so run_path allocates nothing. Sink
// receives each year in order: sink.year(yi, YearRecord, LineAmounts).
class Model {
 public:
  explicit Model(const Scenario& sc);
  const Scenario& scenario() const { return sc_; }

  // Rules amount of year `year` (nominal), extrapolated past the table's last year with index
  // factors `F` (F[k][yi] for index k and year index yi) of this path.
  template <class V>
  V rules_amount(const YearTable& t, int year, IndexKind ix, const std::vector<std::array<V, 4>>& F) const;
  // Mean yearly rate of an index in `year` (used before the planperiode).
  double mean_index_rate(IndexKind ix, int year) const;

  // One path through the planperiode, year by year. Per year, in this order: index factors, the
  // budget lines with the DUO cap, risks, the vangnet, the reserves, the year's other inputs to
  // the close, the close (model_finance.h: the generic cut, the year's totals, the management
  // rules with their effect in the next year), then the pupil flows to the next teldatum.
  template <class Draws, class Sink>
  void run_path(Draws& dr, Sink& sink) const;

  // What the close carries from one year to the next: the only part of a path that depends on
  // equity (and so on extra spending).
  template <class V>
  struct BasicFinanceState {
    V equity = 0;
    V carry_skim = 0, carry_spend = 0;  // management rules of Y-1, effective in Y
    Mask<V> carry_cut{};
    V negative_run = 0;                 // consecutive years with a negative saldo
  };
  using FinanceState = BasicFinanceState<double>;
  template <class V = double>
  BasicFinanceState<V> start_finance() const { return BasicFinanceState<V>{sc_.start.equity}; }

  // The close of year index yi (model_finance.h): from the year's inputs `in` (rec.in in a path,
  // a recorded row in a replay), the state of the previous year and `extra` lasten
  // (bestedingsruimte), the generic cut's compensation, the bezuiniging, the bestedingsplan, the
  // year's totals, equity and the management rules for the next year. Reads no field of `rec` it
  // did not set, so a replay may reuse one record; `amt` (may be null in a replay) receives the
  // policy lines. The one definition of the year's money after the lines: run_path and the
  // finance replay (finance_table.h) both call it.
  template <class V>
  void close_finance(BasicFinanceState<V>& f, int yi, const std::type_identity_t<V>& extra, const BasicFinanceInputs<V>& in, BasicYearRecord<V>& rec,
                     std::type_identity_t<BasicLineAmounts<V>>* amt) const;

 private:
  // What a path carries from one year to the next.
  template <class V>
  struct PathState {
    V regular, sbo, pro;
    std::array<V, 3> so;  // laag, midden, hoog
    V intake, shock;      // instroom_{Y-1}, e_{Y-1}
    BasicFinanceState<V> fin;
    V fixed_assets = 0, provisions = 0;  // balance sheet items that move
    V wait_sbo = 0;                      // referred, waiting in regular education (capaciteit)
    std::array<V, 3> wait_so{};
  };
  // Counts at the teldatum of Y-1, which fund year Y.
  template <class V>
  struct Counts {
    V regular, sbo, so_total, pro, lwoo;
    bool vo;
    V of(Basis b) const {
      switch (b) {
        case Basis::Regular: return regular;
        case Basis::Sbo: return sbo;
        case Basis::So: return so_total;
        case Basis::Pro: return pro;
        case Basis::Lwoo: return lwoo;
        case Basis::Total: return vo ? regular + pro : regular + sbo;
      }
      return 0.0;
    }
  };
  template <class V>
  using Factors = std::vector<std::array<V, 4>>;  // [yi][bekostiging, loon, prijs, geen]

  // The named steps of run_path, in its order. Forced inline: together they are the hot loop, and
  // split into calls it ran ~1% more instructions (callgrind, tools/bench/po-10jaar.toml).

  template <class Draws, class V>
  [[gnu::always_inline]] void index_factors(Draws& dr, Factors<V>& F, int yi, int Y) const;
  template <class Draws, class V>
  [[gnu::always_inline]] Counts<V> counts(Draws& dr, const PathState<V>& s, int Y) const;
  template <class V>
  [[gnu::always_inline]] V computed_amount(const Line& l, const PathState<V>& s, const Counts<V>& n, const Factors<V>& F, int Y,
                                           std::array<V, 4>* by_pool = nullptr) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void budget_lines(Draws& dr, const PathState<V>& s, const Counts<V>& n, const Factors<V>& F, int yi, int Y,
                                           BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void risks(Draws& dr, int yi, int Y, BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void year_inputs(Draws& dr, const Counts<V>& n, int Y, BasicYearRecord<V>& rec) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void reserves(Draws& dr, int Y, BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void balance_sheet(Draws& dr, PathState<V>& s, int Y, BasicYearRecord<V>& rec) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void pupil_flows(Draws& dr, PathState<V>& s, int Y) const;
  template <class Draws, class V>
  [[gnu::always_inline]] void safety_net(Draws& dr, const PathState<V>& s, const Factors<V>& F, int Y, BasicYearRecord<V>& rec,
                                         BasicLineAmounts<V>& amt) const;
  // A line's yearly input in Y: its calendar-year value, or for periode = schooljaar
  // 7/12 of the school year Y-1 and 5/12 of the school year Y.
  template <class Draws>
  [[gnu::always_inline]] draw_value_t<Draws> line_value(Draws& dr, const Line& l, const Value& v, int Y) const {
    if (!l.school_year) return dr.value(v, Y);
    return 7.0 / 12.0 * dr.value(v, Y - 1) + 5.0 / 12.0 * dr.value(v, Y);
  }

  const Scenario& sc_;
  // bridge_[k][d] = prod_{y = first-d+1 .. first} (1 + mean rate of index k in y): carries a rules
  // table that ends d years before eerste_jaar into the planperiode (precomputed: hot path).
  static constexpr int kBridgeYears = 64;
  std::array<std::array<double, kBridgeYears>, 4> bridge_{};
  std::vector<const Rules*> year_rules_;  // the rules of each year of the planperiode (swv.regels)
};

// ---------------------------------------------------------------------------------------------
// The hot path: everything below is inline (templates and inline members) and allocation-free.

// Rules amount of `year` (nominal); past the table's last year carried by this path's index factors.
template <class V>
V Model::rules_amount(const YearTable& t, int year, IndexKind ix, const std::vector<std::array<V, 4>>& F) const {
  if (!t.is_table()) return t.constant;  // a plain number: the same amount every year
  const int T = t.last_year();
  if (year <= T) return t.at(year);
  const int first = sc_.first_year;
  const int k = static_cast<int>(ix);
  const V& FY = F[static_cast<size_t>(year - first)][static_cast<size_t>(k)];
  if (T >= first) return t.at(T) * FY / F[static_cast<size_t>(T - first)][static_cast<size_t>(k)];
  // The table ends before the planperiode: bridge to eerste_jaar with the mean index, so
  // uncertainty starts in the planperiode.
  const int d = first - T;
  double bridge = 1.0;
  if (d < kBridgeYears) {
    bridge = bridge_[static_cast<size_t>(k)][static_cast<size_t>(d)];
  } else {
    for (int y = T + 1; y <= first; ++y) bridge *= 1 + mean_index_rate(ix, y);
  }
  return t.at(T) * bridge * FY;
}

template <class Draws, class Sink>
void Model::run_path(Draws& dr, Sink& sink) const {
  using V = draw_value_t<Draws>;
  const Scenario& sc = sc_;
  const Start& st = sc.start;
  PathState<V> s{st.regular, st.sbo, st.pro, {st.so[0], st.so[1], st.so[2]}, sc.demography.intake, 0.0, start_finance<V>()};
  s.fixed_assets = sc.balance.fixed_assets, s.provisions = sc.balance.provisions;
  Factors<V>& F = dr.index_factors();
  BasicLineAmounts<V>& amt = dr.line_amounts();
  for (size_t k = 0; k < sc.reserves.size(); ++k) amt.reserve[k] = sc.reserves[k].balance;
  std::fill(amt.held.begin(), amt.held.end(), V(std::numeric_limits<double>::quiet_NaN()));  // no blijvend risk occurred yet
  for (int yi = 0; yi < sc.years(); ++yi) {
    const int Y = sc.first_year + yi;
    BasicYearRecord<V> rec;
    rec.year = Y;
    index_factors(dr, F, yi, Y);
    const Counts<V> n = counts(dr, s, Y);
    budget_lines(dr, s, n, F, yi, Y, rec, amt);
    risks(dr, yi, Y, rec, amt);
    if (sc.safety_net.given) safety_net(dr, s, F, Y, rec, amt);
    reserves(dr, Y, rec, amt);
    year_inputs(dr, n, Y, rec);
    close_finance(s.fin, yi, sc.extra_cost.empty() ? 0.0 : sc.extra_cost[static_cast<size_t>(yi)], rec.in, rec, &amt);
    if (sc.balance.given) balance_sheet(dr, s, Y, rec);
    pupil_flows(dr, s, Y);
    rec.regular = s.regular;
    rec.sbo = s.sbo;
    rec.so = s.so[0] + s.so[1] + s.so[2];
    rec.pro = s.pro;
    rec.waiting_sbo = s.wait_sbo;
    rec.waiting_so = s.wait_so[0] + s.wait_so[1] + s.wait_so[2];
    sink.year(yi, rec, amt);
  }
}

// Indices: F_Y = prod_{k=first+1..Y} (1 + i_k); 1 in eerste_jaar.
template <class Draws, class V>
inline void Model::index_factors(Draws& dr, Factors<V>& F, int yi, int Y) const {
  const size_t y = static_cast<size_t>(yi);
  if (yi == 0) {
    F[0] = {1.0, 1.0, 1.0, 1.0};
    return;
  }
  const std::array<V, 3> r = dr.index_rates(Y);  // bekostiging, loon, prijs
  for (size_t k = 0; k < 3; ++k) F[y][k] = F[y - 1][k] * (1 + r[k]);
  F[y][3] = 1.0;
}

template <class Draws, class V>
inline Model::Counts<V> Model::counts(Draws& dr, const PathState<V>& s, int Y) const {
  const bool vo = sc_.sector == Sector::Vo;
  const V so_total = s.so[0] + s.so[1] + s.so[2];
  const V lwoo = vo ? V(dr.value(sc_.start.lwoo_share, Y) * s.regular) : V(0.0);
  return {s.regular, s.sbo, so_total, s.pro, lwoo, vo};
}

// Risks (risk_load.h: a blijvend risk recurs from its first occurrence on). Expected-value draws
// (deterministic mode) give each risk's expected amount instead. Decision support may give the
// year's totals directly (weerstandsvermogen: all risks but one, from a run that drew them all),
// which keeps its per-risk reruns linear in the risks.
template <class Draws, class V>
inline void Model::risks(Draws& dr, int yi, int Y, BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const {
  if constexpr (requires(Draws& d, BasicYearRecord<V>& x) { d.risk_totals(0, x); }) {
    dr.risk_totals(yi, rec);
  } else {
    for (size_t r = 0; r < sc_.risks.size(); ++r) {
      const Risk& rk = sc_.risks[r];
      V impact;
      if constexpr (requires(Draws& d) { d.expected_risk(r, Y); }) impact = dr.expected_risk(r, Y);
      else impact = risk_amount(dr, rk, r, Y, amt.held[r]);
      amt.risk[r] = impact;
      (rk.lost_income ? rec.in.risk_lost_income : rec.in.risk_costs) += impact;
    }
  }
}

// Vangnet (section 14.7): pupils arriving in SO and SBO after the teldatum, beyond what the schools
// absorb, paid for part of the year at the deduction amounts (SO at this path's category mix of
// the counts that fund Y; laag when there are none). A lasten line `vangnet`.
template <class Draws, class V>
inline void Model::safety_net(Draws& dr, const PathState<V>& s, const Factors<V>& F, int Y, BasicYearRecord<V>& rec,
                              BasicLineAmounts<V>& amt) const {
  const Rules& ru = *year_rules_[static_cast<size_t>(Y - sc_.first_year)];
  const SafetyNet& v = sc_.safety_net;
  const V so_total = s.so[0] + s.so[1] + s.so[2];
  const Mask<V> has_so = so_total > 0;
  V so_amount = 0.0;
  for (size_t c = 0; c < 3; ++c) {
    const V w = select(has_so, s.so[c] / so_total, c == 0 ? 1.0 : 0.0);
    so_amount += w * rules_amount(ru.deduct_so[c], Y, IndexKind::Funding, F);
  }
  const V sbo_amount = ru.has_deduct_sbo ? rules_amount(ru.deduct_sbo, Y, IndexKind::Funding, F) : V(0.0);
  const V cost = (vmax(0.0, dr.value(v.growth_so, Y) - dr.value(v.threshold_so, Y)) * so_amount +
                  vmax(0.0, dr.value(v.growth_sbo, Y) - dr.value(v.threshold_sbo, Y)) * sbo_amount) *
                 dr.value(v.share, Y);
  rec.in.costs += cost;
  amt.policy[kPolicySafetyNet] = amt.policy_budget[kPolicySafetyNet] = cost;
}

// Earmarked reserves (section 14.1): each gets its dotatie, then gives its onttrekking (a value, or
// what a line costs: "post:CODE"), at most what it then holds. Transfers within equity: no line, no
// effect on the result.
template <class Draws, class V>
inline void Model::reserves(Draws& dr, int Y, BasicYearRecord<V>& rec, BasicLineAmounts<V>& amt) const {
  V sum = 0.0;
  for (size_t k = 0; k < sc_.reserves.size(); ++k) {
    const EarmarkedReserve& r = sc_.reserves[k];
    V b = amt.reserve[k] + dr.value(r.addition, Y);
    // "post:CODE": what the line costs this year (realised; a bezuiniging depends on equity and is
    // the close's, so it is not in it).
    const V w = r.withdrawal_line >= 0 ? amt.realised[static_cast<size_t>(r.withdrawal_line)] : V(dr.value(r.withdrawal, Y));
    b -= vmin(vmax(0.0, w), b);
    amt.reserve[k] = b;
    sum += b;
  }
  rec.in.earmarked = sum;
}

// The year's inputs to the close that the lines did not give: the floor and target, the shares of
// the management rules and the generic cut (ocw_korting) of its year. Drawn whether or not a rule
// fires (a draw is a pure function of its key and year: drawing it changes no other number).
template <class Draws, class V>
inline void Model::year_inputs(Draws& dr, const Counts<V>& n, int Y, BasicYearRecord<V>& rec) const {
  const Scenario& sc = sc_;
  const Policy& pol = sc.policy;
  BasicFinanceInputs<V>& in = rec.in;
  in.floor = dr.value(sc.floor, Y);
  if (sc.has_target) in.target = dr.value(sc.target, Y);
  if (pol.cut) in.cut_share = dr.value(pol.cut_share, Y);
  if (pol.spend_down) in.spend_share = dr.value(pol.spend_share, Y);
  if (pol.skim && Y >= pol.skim_from) in.skim_share = dr.value(pol.skim_share, Y);
  if (pol.generic_cut && Y == pol.generic_cut_year) in.generic_cut = pol.generic_cut_per_pupil * n.of(Basis::Total);
}

// The balance sheet on 31-12 of Y (section 14.8): fixed assets move with investments and
// depreciation, provisions with their mutation, cash balances; the Inspectie's ratios.
template <class Draws, class V>
inline void Model::balance_sheet(Draws& dr, PathState<V>& s, int Y, BasicYearRecord<V>& rec) const {
  const BalanceSheet& b = sc_.balance;
  s.fixed_assets += dr.value(b.investments, Y) - dr.value(b.depreciation, Y);
  s.provisions += dr.value(b.provisions_change, Y);
  if constexpr (requires(Draws& d) { d.note_negative_balance(Y); }) {
    if (s.fixed_assets < -0.005 || s.provisions < -0.005) dr.note_negative_balance(Y);
  } else if constexpr (requires(Draws& d, LaneMask m) { d.note_negative_balance(Y, m); }) {
    dr.note_negative_balance(Y, s.fixed_assets < -0.005 || s.provisions < -0.005);
  }
  rec.fixed_assets = s.fixed_assets, rec.provisions = s.provisions;
  rec.receivables = b.receivables, rec.long_debt = b.long_debt, rec.short_debt = b.short_debt;
  rec.balance_total = rec.equity + rec.provisions + rec.long_debt + rec.short_debt;
  rec.cash = rec.balance_total - rec.fixed_assets - rec.receivables;
  // Bounded below at -1 (-100%): near a balance total of 0 the ratio runs off to minus infinity and
  // says no more than "equity deeply negative"; a total of 0 or less is -1 too.
  rec.solvency = select(rec.balance_total > 0, vmax(-1.0, (rec.equity + rec.provisions) / rec.balance_total), -1.0);
  rec.liquidity = (rec.receivables + rec.cash) / rec.short_debt;  // short_debt >= 1 (schema)
  rec.profitability = select(rec.income != 0, rec.result / rec.income, 0.0);
}

}  // namespace swv

// The budget lines of a year with DUO's cap (Model::budget_lines), the pupil flows (Model::pupil_flows)
// and the year's close (Model::close_finance), each in its own file.
#include "model_finance.h"
#include "model_flows.h"
#include "model_lines.h"
