#pragma once
// Spending room (bestedingsruimte) and the kaderbrief figure: the constant extra yearly spending s
// (negative: a cut), from eerste_jaar up to the end year (the doeljaar unless stated; the scenario's
// profile scales it per year), such that
//   (A) P(bovenmatig in the doeljaar)      <= 1 − zekerheid            (the reserve comes down enough)
//   (B) P(onder de ondergrens in enig jaar) <= 1 − ondergrens-zekerheid (never too low)
// On the plan (one path) each condition holds or not. s_A is the smallest amount meeting (A) (the
// minimum), s_B the largest meeting (B) (the maximum). The answer, in this order:
//   FloorUnreachable  (B) fails even with a cut as large as the yearly lasten: no amount; the first
//                     year that breaks it and why (ondergrens_onhaalbaar);
//   Cut               s_B < 0: the smallest cut that meets (B), as a negative amount (bezuiniging);
//   Room              s_A <= s_B: max(0, s_A), with room up to s_B (ruimte);
//   Conflict          s_A > s_B (or no amount meets (A)): s_B, the floor wins (conflict).
// A recommendation never breaks (B): its amount is always one at which (B) was evaluated and held.
//
// How: extra spending moves no pupil and no draw, so the paths are simulated once, their year
// inputs to the close recorded (finance_table.h), and every amount tried replays only the close.
// The probabilities are step functions of s on these paths; the search brackets each bound from
// the exact linear guess (exact when no rule reacts to equity) and bisects to `tolerance`, at most
// kMaxSearchSteps replays per bound, reading the cancel flag before each: it always ends.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "finance_table.h"
#include "mc.h"
#include "scenario.h"

namespace swv {

struct SpendingQuery {
  int target_year = 0;             // doeljaar
  double confidence = 0.9;         // zekerheid: P(bovenmatig in doeljaar) <= 1 − confidence
  double floor_confidence = 0.95;  // ondergrens-zekerheid: P(onder ondergrens, any year) <= 1 − this
  double tolerance = 1.0;          // euro per year: a bound is exact to this (or 1e-12 of its size)
  int end_year = 0;                // last year with extra spending (0: the target year)
  bool trade_off = true;           // the trade-off table and the bands at the bounds (bestedingsruimte); off for page 1
};

constexpr int kMaxSearchSteps = 200;  // replays per bound at most (bracketing and bisection)
// Euro per year: no bound is looked for beyond ±this, or beyond 4× the largest yearly lasten when
// that is larger (a plan of 10^19 a year still gets its cut).
constexpr double kSearchLimit = 1e13;

// One point of the trade-off: what an extra amount per year does (same paths for every amount).
struct TradeOff {
  double amount = 0;
  double excessive_target = 0;  // P(bovenmatig in doeljaar)
  double below_floor_any = 0;   // P(onder ondergrens in enig jaar)
  double median_target = 0;     // median equity in doeljaar
  double median_last = 0;       // median equity in the last year
};

struct Recommendation {
  enum class Kind { Room, Cut, Conflict, FloorUnreachable } kind = Kind::Room;
  double amount = 0;  // per year at profile factor 1; NaN for FloorUnreachable
  double excessive_target = 0, below_floor_any = 0;  // at `amount` (FloorUnreachable: at the largest cut)
  double median_target = 0, median_last = 0;         // median equity in the doeljaar and the last year at `amount`
  // FloorUnreachable: the largest cut tried (the yearly lasten), the first year that breaks (B)
  // there, the median shortfall below the floor in that year, and whether equity on 31-12 before
  // eerste_jaar is already below the floor of eerste_jaar.
  double largest_cut = 0, shortfall = 0;
  int breach_year = 0;
  bool below_at_start = false;
  double start_equity = 0, start_floor = 0;  // equity 31-12 before eerste_jaar, the floor of eerste_jaar (mean)
};

// The kind as the JSON field `soort` writes it: "ruimte", "bezuiniging", "conflict",
// "ondergrens_onhaalbaar".
const char* recommendation_kind_key(Recommendation::Kind k);

// The last amount meeting the monotone condition ok(amount), bracketed from `guess` (first by
// 1/64 of `tolerance`, then in eightfold steps) and bisected until the bracket is within `tolerance` (or
// 1e-12 of the amount, where doubles are coarser); `ok_below`: the condition holds for small
// amounts (a maximum) rather than large ones (a minimum). At most kMaxSearchSteps calls of ok; not
// found beyond ±limit. The returned amount is always one where ok was true.
std::pair<bool, double> find_boundary(double guess, bool ok_below, double tolerance, const std::function<bool(double)>& ok,
                                      double limit = kSearchLimit);

struct SpendingBound {
  bool found = false;    // false: no amount within the search limit meets the condition
  double amount = 0;     // extra spending per year at profile factor 1
  double std_error = 0;  // Monte-Carlo standard error of `amount` (NaN when not estimable)
  double probability = 0;  // the constrained probability at `amount`
  int binding_year = 0;  // the year that binds (doeljaar for the minimum; most breaches for the maximum)
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
  size_t paths = 0;             // 0: the plan (deterministic)
  int replays = 0;              // replays of the close the solver used
  SpendingBound minimum, maximum;
  bool empty() const { return minimum.found && maximum.found && minimum.amount > maximum.amount; }
  SpendingBands at_zero, at_minimum, at_maximum;
  int end_year = 0;             // last year with extra spending
  std::vector<TradeOff> curve;  // 11 amounts, from the largest cut considered to beyond the larger bound
  Recommendation recommended;
  std::vector<double> risk_load;  // expected risk load per year (the plan leaves it out: page 1 says so)
  bool plan_with_risk_load = false;  // the plan carried the expected risk load as its risk lines
  // The other mode's answer to the same question (beside Monte Carlo the plan, other_paths = 0;
  // beside the plan a Monte Carlo of other_paths paths), when the caller computed it.
  bool other_given = false;
  Recommendation other;
  size_t other_paths = 0;
};

// The answer to `q` on the recorded paths of `table` (one path: the plan, probabilities 0 or 1 and
// standard errors NaN). `close` must be built on the scenario that recorded the table. Throws
// std::invalid_argument (Dutch) for a target year outside the planperiode, confidences outside
// (0, 1) or a profile that is negative, or zero up to the target year; Cancelled when `cancel`
// is set.
SpendingRoom solve_spending(const CloseReplay& close, const FinanceTable& table, const SpendingQuery& q,
                            const std::atomic<bool>* cancel = nullptr);

// Monte Carlo on a prepared `sc` (prepare_for_monte_carlo): its paths simulated once (run_paths,
// within opt's memory budget and the decision work limit), then solve_spending.
SpendingRoom spending_room(const Scenario& sc, const SpendingQuery& q, const McOptions& opt);

}  // namespace swv
