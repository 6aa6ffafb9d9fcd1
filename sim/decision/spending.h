#pragma once
// Spending room (bestedingsruimte): how much extra can be spent each year up to the end year (the
// target year unless stated: spending stops when the reserve should be down) — a constant amount,
// or the scenario's profile (bestedingsruimte.profiel) scaled — so that
//   minimum:  P(bovenmatig in the target year) <= 1 − zekerheid   (the reserve comes down enough)
//   maximum:  P(equity < floor in any year)     <= 1 − ondergrens-zekerheid (never too low)
// Negative amounts mean saving. Every trial amount runs the same paths (common random numbers), so
// each probability is a monotone step function of the amount and bisection finds the bound exactly
// for these paths; the bound's Monte-Carlo uncertainty is that of a sample quantile.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "mc.h"
#include "scenario.h"

namespace swv {

struct SpendingQuery {
  int target_year = 0;           // doeljaar
  double confidence = 0.9;       // zekerheid: P(bovenmatig in doeljaar) <= 1 − confidence
  double floor_confidence = 0.95;  // ondergrens-zekerheid: P(onder ondergrens, any year) <= 1 − this
  double tolerance = 100.0;      // euro per year: bisection stops when the bracket is this narrow
  int end_year = 0;              // last year with extra spending (0: the target year)
  bool trade_off = true;         // compute the trade-off table (11 more runs); off for page 1 of run
};

// One point of the trade-off: what an extra amount per year does (same paths for every amount).
struct TradeOff {
  double amount = 0;
  double excessive_target = 0;    // P(bovenmatig in doeljaar)
  double below_floor_any = 0;     // P(onder ondergrens in enig jaar)
  double median_target = 0;       // median equity in doeljaar
  double median_last = 0;         // median equity in the last year
};

// The amount swvsim recommends at the chosen confidences, never "no amount": the minimum when it
// fits under the maximum (the least extra spending that brings the reserve down, within the
// floor); when the two conflict, the maximum (the most the floor allows) with what it achieves;
// 0 when nothing needs to be spent.
struct Recommendation {
  // NoRoom: the floor is already at risk without extra spending (the maximum is a saving): 0.
  enum class Kind { Minimum, Conflict, NothingNeeded, FloorOnly, NormOnly, NoRoom } kind = Kind::Minimum;
  double amount = 0;
  double excessive_target = 0, below_floor_any = 0;  // at `amount`, on these paths
  double median_target = 0, median_last = 0;         // median equity in the doeljaar and the last year at `amount`
};

// The last amount meeting the monotone condition ok(amount), bracketed from `guess` by doubling
// steps and then bisected to `tolerance`; `ok_below`: the condition holds for small amounts (a
// maximum) rather than large ones (a minimum). Not found beyond ±1e12. Shared by the Monte-Carlo
// solver and the plan's (kaderbrief.h).
std::pair<bool, double> find_boundary(double guess, bool ok_below, double tolerance, const std::function<bool(double)>& ok);

// The kind and amount of the recommendation from the two bounds (found or not), one rule for the
// Monte-Carlo solver and the deterministic plan (kaderbrief.h).
Recommendation::Kind recommendation_kind(bool min_found, double min, bool max_found, double max, double& amount);
// The kind as the JSON field `soort` writes it: "minimum", "conflict", "niets_nodig", "alleen_ondergrens",
// "alleen_norm", "geen_ruimte".
const char* recommendation_kind_key(Recommendation::Kind k);

struct SpendingBound {
  bool found = false;       // false: no amount within ±1e12 meets the condition
  double amount = 0;        // extra spending per year at profile factor 1
  double std_error = 0;     // Monte-Carlo standard error of `amount` (NaN when not estimable)
  double probability = 0;   // the constrained probability at `amount`
  int binding_year = 0;     // the year that binds (doeljaar for the minimum; most breaches for the maximum)
};

struct SpendingBands {
  double amount = 0;
  std::vector<double> p5, p25, p50, p75, p95, mean;  // equity per year
  std::vector<double> signal, floor;                 // mean signaleringswaarde and ondergrens per year
  std::vector<double> excessive, below_floor;
  double below_floor_any = 0;
};

struct SpendingRoom {
  SpendingQuery query;
  std::vector<int> years;
  std::vector<double> profile;  // factor per year
  size_t paths = 0;
  int runs = 0;                 // path runs the solver used
  SpendingBound minimum, maximum;
  bool empty() const { return minimum.found && maximum.found && minimum.amount > maximum.amount; }
  SpendingBands at_zero, at_minimum, at_maximum;
  int end_year = 0;              // last year with extra spending
  std::vector<TradeOff> curve;   // 0 ... beyond the larger bound, 11 amounts
  Recommendation recommended;
};

// `sc` must be prepared (prepare_for_monte_carlo). Deterministic for a seed: every trial is a
// run_paths table, bit-identical for any thread count. Throws std::invalid_argument with a Dutch message
// for a target year outside the planperiode, confidences outside (0, 1) or a profile that is
// negative or zero up to the target year.
SpendingRoom solve_spending(const Scenario& sc, const SpendingQuery& q, const McOptions& opt);

}  // namespace swv
