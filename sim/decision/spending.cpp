#include "spending.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "format_nl.h"
#include "mc_paths.h"
#include "mc_stats.h"
#include "spending_paths.h"

namespace swv {

namespace {

using spending_detail::Outcome;
using spending_detail::Replayer;
using spending_detail::Crossings;

constexpr int kSecantSteps = 6;  // replays per bound for the guess, at most

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return percentile_type7(v, q);
}

// The density of `x` at `at` by a Gaussian kernel with Silverman's bandwidth (for the standard
// error of a sample quantile: sqrt(a(1 − a)/n) / f).
double density_at(const std::vector<double>& x, double at) {
  std::vector<double> finite;
  for (double v : x)
    if (std::isfinite(v)) finite.push_back(v);
  const size_t n = finite.size();
  if (n < 10) return NAN;
  double mean = 0, m2 = 0;
  for (double v : finite) mean += v;
  mean /= static_cast<double>(n);
  for (double v : finite) m2 += (v - mean) * (v - mean);
  const double sd = std::sqrt(m2 / static_cast<double>(n - 1));
  const double iqr = quantile(finite, 0.75) - quantile(finite, 0.25);
  const double spread = iqr > 0 ? std::min(sd, iqr / 1.349) : sd;
  const double h = 1.06 * spread * std::pow(static_cast<double>(n), -0.2);
  if (!(h > 0)) return NAN;
  double s = 0;
  for (double v : finite) {
    const double u = (v - at) / h;
    s += std::exp(-0.5 * u * u);
  }
  return s / (static_cast<double>(n) * h * std::sqrt(2 * M_PI));
}

// How many of n paths may break a condition whose probability may be at most `a`.
size_t allowed(size_t n, double a) { return static_cast<size_t>(std::floor((a + 1e-12) * static_cast<double>(n))); }

// The k-th smallest finite-or-infinite value (0-based), clamped to ±limit.
double order_statistic(std::vector<double> v, size_t k, double limit) {
  if (v.empty()) return 0;
  k = std::min(k, v.size() - 1);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return std::clamp(v[k], -limit, limit);
}

SpendingBands bands(const Outcome& o, size_t n, size_t Y, double amount) {
  SpendingBands b;
  b.amount = amount;
  const double N = static_cast<double>(n);
  std::vector<double> e(n);
  for (size_t y = 0; y < Y; ++y) {
    double se = 0, ss = 0, sf = 0;
    size_t exc = 0;
    for (size_t p = 0; p < n; ++p) {
      const size_t i = p * Y + y;
      e[p] = o.equity[i], se += o.equity[i], ss += o.signal[i], sf += o.floor[i];
      exc += o.equity[i] > o.signal[i];
    }
    std::sort(e.begin(), e.end());
    b.p5.push_back(percentile_type7(e, 0.05)), b.p25.push_back(percentile_type7(e, 0.25)), b.p50.push_back(percentile_type7(e, 0.5));
    b.p75.push_back(percentile_type7(e, 0.75)), b.p95.push_back(percentile_type7(e, 0.95));
    b.mean.push_back(se / N), b.signal.push_back(ss / N), b.floor.push_back(sf / N);
    b.excessive.push_back(static_cast<double>(exc) / N), b.below_floor.push_back(static_cast<double>(o.below[y]) / N);
  }
  b.below_floor_any = static_cast<double>(o.below_any) / N;
  return b;
}

double median_at(const Outcome& o, size_t n, size_t Y, size_t y) {
  std::vector<double> v(n);
  for (size_t p = 0; p < n; ++p) v[p] = o.equity[p * Y + y];
  return quantile(std::move(v), 0.5);
}

// Throws std::invalid_argument (Dutch) for a query or profile the solver cannot answer.
void check_query(const Scenario& sc, const SpendingQuery& q, const Replayer& r) {
  if (q.target_year < sc.first_year || q.target_year > sc.last_year)
    throw std::invalid_argument("doeljaar " + std::to_string(q.target_year) + " ligt buiten de planperiode " +
                                std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
  for (double c : {q.confidence, q.floor_confidence})
    if (!(c > 0 && c < 1)) throw std::invalid_argument("een zekerheid ligt tussen 0 en 1 (bijv. 0.9), niet " + num_plain(c));
  for (size_t y = 0; y < r.profile.size(); ++y)
    if (!(r.profile[y] >= 0))
      throw std::invalid_argument("bestedingsruimte.profiel is negatief in " + std::to_string(sc.first_year + static_cast<int>(y)) +
                                  "; het profiel verdeelt een bedrag en is 0 of meer");
  if (q.end_year && (q.end_year < q.target_year || q.end_year > sc.last_year))
    throw std::invalid_argument("eindjaar " + std::to_string(q.end_year) + " ligt niet tussen het doeljaar (" + std::to_string(q.target_year) +
                                ") en het laatste jaar (" + std::to_string(sc.last_year) + ")");
  if (!(r.cum[r.target] > 0))
    throw std::invalid_argument("bestedingsruimte.profiel is 0 in alle jaren tot en met het doeljaar: extra besteden kan het "
                                "eigen vermogen in " + std::to_string(q.target_year) + " dan niet verlagen");
}

class Solver {
 public:
  Solver(const CloseReplay& m, const FinanceTable& t, const SpendingQuery& q, const std::atomic<bool>* cancel)
      : sc_(m.scenario()), q_(q), r_(m, t, q, cancel), n_(t.paths()), Y_(t.years()) {
    check_query(sc_, q, r_);
    room.query = q, room.profile = r_.profile, room.end_year = r_.end_year;
    room.paths = n_ == 1 ? 0 : n_;  // one path is the plan
    for (int y = sc_.first_year; y <= sc_.last_year; ++y) room.years.push_back(y);
    allow_a_ = allowed(n_, 1 - q.confidence);
    allow_b_ = allowed(n_, 1 - q.floor_confidence);
  }

  SpendingRoom solve() {
    const Outcome zero = r_.run(0.0, true, &zero_cross_);
    room.at_zero = bands(zero, n_, Y_, 0.0);
    const double cut = largest_cut(zero);
    limit_ = std::max(kSearchLimit, 4 * cut);
    const Outcome at_cut = r_.run(-cut, false);
    if (at_cut.below_any > allow_b_) {
      solve_minimum();
      unreachable(at_cut, cut);
    } else {
      solve_maximum(cut);
      solve_minimum();
      recommend();
    }
    if (q_.trade_off) trade_off(cut);
    room.replays = r_.replays;
    return std::move(room);
  }

  SpendingRoom room;

 private:
  bool meets_a(double a) { return r_.run(a, false).excessive_target <= allow_a_; }
  bool meets_b(double a) { return r_.run(a, false).below_any <= allow_b_; }

  // "A cut as large as the yearly lasten": the largest mean yearly lasten up to the end year.
  double largest_cut(const Outcome& zero) const {
    double top = 0;
    for (size_t y = 0; y < Y_ && r_.profile[y] > 0; ++y) {
      double s = 0;
      for (size_t p = 0; p < n_; ++p) s += zero.lasten[p * Y_ + y];
      top = std::max(top, s / static_cast<double>(n_));
    }
    return std::max(top, 1.0);
  }

  // The standard error of a bound: that of a sample quantile of the paths' crossings,
  // sqrt(a (1 − a) / n) / f(bound) with f their density there.
  double std_error(const std::vector<double>& crossings, double a, double at) const {
    if (n_ <= 1) return NAN;
    return std::sqrt(a * (1 - a) / static_cast<double>(n_)) / density_at(crossings, at);
  }

  // The quantile of the paths' crossings that a bound is when they are exact: for the minimum the
  // (allowed + 1)-th largest a (at most `allowed` paths stay above the norm), for the maximum the
  // (allowed + 1)-th smallest b.
  double quantile_of(const Crossings& c, bool minimum) const {
    if (minimum) return allow_a_ >= n_ ? -limit_ : order_statistic(c.a, n_ - 1 - allow_a_, limit_);
    return order_statistic(c.b, allow_b_, limit_);
  }

  // A guess for a bound: the secant on f(s) = quantile of the crossings linearised at s, minus s.
  // f is 0 at the bound when the paths near it are linear in the amount (then the first guess, from
  // s = 0, is exact); a rule that damps the effect of spending (afbouw, afroming) changes its slope,
  // which the secant follows. `last` keeps the crossings at the last amount (for the standard error).
  double guess(bool minimum, Crossings& last) {
    double s0 = 0, f0 = quantile_of(zero_cross_, minimum);
    last = zero_cross_;
    if (!std::isfinite(f0) || std::fabs(f0) >= limit_) return f0;
    double s1 = f0;
    for (int i = 0; i < kSecantSteps; ++i) {
      r_.run(s1, false, &last);
      const double f1 = quantile_of(last, minimum) - s1;
      if (!std::isfinite(f1) || std::fabs(f1) <= q_.tolerance) return std::isfinite(f1) ? s1 + f1 : s1;
      const double s2 = f1 != f0 ? s1 - f1 * (s1 - s0) / (f1 - f0) : s1 + f1;
      s0 = s1, f0 = f1, s1 = std::clamp(s2, -limit_, limit_);
    }
    return s1;
  }

  // The minimum s_A: the smallest amount with P(bovenmatig in doeljaar) <= 1 − zekerheid, from the
  // guess confirmed on all paths (two replays when it is exact) or searched where a rule bent it.
  void solve_minimum() {
    Crossings near;
    const double start = guess(true, near);
    const auto [found, amount] = find_boundary(start, false, q_.tolerance, [&](double a) { return meets_a(a); }, limit_);
    room.minimum.found = found;
    if (!found) return;
    room.minimum.amount = amount;
    room.minimum.binding_year = q_.target_year;
    room.minimum.std_error = std_error(near.a, 1 - q_.confidence, amount);
    const Outcome o = r_.run(amount, q_.trade_off);
    room.minimum.probability = static_cast<double>(o.excessive_target) / static_cast<double>(n_);
    if (q_.trade_off) room.at_minimum = bands(o, n_, Y_, amount);
  }

  // The maximum s_B: the largest amount with P(onder ondergrens in enig jaar) <= 1 − ondergrens-zekerheid,
  // found the same way. (B) holds at -cut (checked by the caller), so a bound at or above it exists.
  void solve_maximum(double cut) {
    Crossings near;
    double start = guess(false, near);
    if (!(start >= -cut)) start = -cut;
    auto [found, amount] = find_boundary(start, true, q_.tolerance, [&](double a) { return meets_b(a); }, limit_);
    if (!found || amount < -cut) amount = -cut, found = true;  // (B) holds there: never a bound that breaks it
    room.maximum.found = found;
    room.maximum.amount = amount;
    room.maximum.std_error = std_error(near.b, 1 - q_.floor_confidence, amount);
    const Outcome o = r_.run(amount, q_.trade_off);
    room.maximum.probability = static_cast<double>(o.below_any) / static_cast<double>(n_);
    // The binding year: where paths just past the maximum fall below the floor most often.
    const Outcome past = r_.run(amount + std::max(q_.tolerance, 0.01 * std::fabs(amount)), false);
    size_t best = 0;
    for (size_t y = 1; y < Y_; ++y)
      if (past.below[y] > past.below[best]) best = y;
    room.maximum.binding_year = sc_.first_year + static_cast<int>(best);
    if (q_.trade_off) room.at_maximum = bands(o, n_, Y_, amount);
  }

  void describe(Recommendation& a, double amount, bool at_cut) {
    const Outcome o = r_.run(amount, true);
    a.excessive_target = static_cast<double>(o.excessive_target) / static_cast<double>(n_);
    a.below_floor_any = static_cast<double>(o.below_any) / static_cast<double>(n_);
    a.median_target = median_at(o, n_, Y_, r_.target), a.median_last = median_at(o, n_, Y_, Y_ - 1);
    if (!at_cut) return;
    // The first year that breaks (B) at the largest cut: the first whose share alone is too large,
    // else the first with any breach.
    size_t first = Y_;
    for (size_t y = 0; y < Y_ && first == Y_; ++y)
      if (o.below[y] > allow_b_) first = y;
    for (size_t y = 0; y < Y_ && first == Y_; ++y)
      if (o.below[y] > 0) first = y;
    if (first == Y_) first = 0;
    a.breach_year = sc_.first_year + static_cast<int>(first);
    std::vector<double> gap(n_);
    for (size_t p = 0; p < n_; ++p) gap[p] = o.at(o.floor, p, first, Y_) - o.at(o.equity, p, first, Y_);
    a.shortfall = quantile(std::move(gap), 0.5);
  }

  void unreachable(const Outcome&, double cut) {
    Recommendation& a = room.recommended;
    a.kind = Recommendation::Kind::FloorUnreachable;
    a.amount = NAN;
    a.largest_cut = cut;
    a.start_equity = sc_.start.equity, a.start_floor = room.at_zero.floor.front();
    a.below_at_start = a.start_equity < a.start_floor;
    describe(a, -cut, true);
  }

  void recommend() {
    using K = Recommendation::Kind;
    Recommendation& a = room.recommended;
    const double s_b = room.maximum.amount;
    if (s_b < 0) {
      a.kind = K::Cut, a.amount = s_b;
    } else if (!room.minimum.found || room.minimum.amount > s_b) {
      a.kind = K::Conflict, a.amount = s_b;
    } else {
      a.kind = K::Room, a.amount = std::max(0.0, room.minimum.amount);
      if (a.amount != s_b && !meets_b(a.amount)) a.amount = s_b;  // a rule that reacts to equity bent (B): the floor wins
    }
    describe(a, a.amount, false);
  }

  // The trade-off: 11 amounts from the cut that meets the floor (or 0) to a quarter beyond the
  // larger bound found (or the median excess over the norm in the target year spread over the years).
  void trade_off(double cut) {
    double lo = 0, hi = 0;
    if (room.minimum.found) hi = std::max(hi, room.minimum.amount);
    if (room.maximum.found) hi = std::max(hi, room.maximum.amount), lo = std::min(lo, room.maximum.amount);
    if (room.recommended.kind == Recommendation::Kind::FloorUnreachable) lo = -cut;
    if (!(hi > 0)) {
      const Outcome zero = r_.run(0.0, true);
      std::vector<double> excess(n_);
      for (size_t p = 0; p < n_; ++p) excess[p] = zero.at(zero.equity, p, r_.target, Y_) - zero.at(zero.signal, p, r_.target, Y_);
      hi = std::max(0.0, quantile(excess, 0.5) / r_.cum[r_.target]);
    }
    hi = hi > 0 ? 1.25 * hi : (lo < 0 ? 0.0 : 100'000.0);
    lo = lo < 0 ? 1.25 * lo : 0.0;
    if (lo < -cut) lo = -cut;
    for (int i = 0; i <= 10; ++i) {
      const double a = lo + (hi - lo) * i / 10.0;
      const Outcome o = r_.run(a, true);
      room.curve.push_back({a, static_cast<double>(o.excessive_target) / static_cast<double>(n_),
                            static_cast<double>(o.below_any) / static_cast<double>(n_), median_at(o, n_, Y_, r_.target),
                            median_at(o, n_, Y_, Y_ - 1)});
    }
  }

  const Scenario& sc_;
  const SpendingQuery& q_;
  Replayer r_;
  const size_t n_, Y_;
  size_t allow_a_ = 0, allow_b_ = 0;
  double limit_ = kSearchLimit;  // the search limit of this scenario (spending.h)
  Crossings zero_cross_;
};

}  // namespace

std::pair<bool, double> find_boundary(double guess, bool ok_below, double tolerance, const std::function<bool(double)>& ok, double limit) {
  if (!std::isfinite(guess)) guess = 0;
  guess = std::clamp(guess, -limit, limit);
  const double to_bad = ok_below ? 1.0 : -1.0;
  const double tol = std::max(tolerance, 0.0);
  auto close_enough = [&](double a, double b) { return std::fabs(a - b) <= std::max(tol, 1e-12 * std::max(std::fabs(a), std::fabs(b))); };
  int steps = 0;
  auto test = [&](double a) { return ++steps, ok(a); };
  // Bracket: the first step is a small part of the tolerance (an exact guess is confirmed in two
  // calls, and one that fails only by rounding moves by cents), then steps grow eightfold.
  double step = std::max(tol / 64, 1e-12 * std::fabs(guess)), good = guess, bad = guess;
  auto within = [limit](double a) { return std::clamp(a, -limit, limit); };
  if (test(guess)) {
    for (;;) {
      bad = within(good + to_bad * step);
      if (bad == good || steps >= kMaxSearchSteps) return {false, 0};  // ok up to the limit
      if (!test(bad)) break;
      good = bad, step *= 8;
    }
  } else {
    for (;;) {
      good = within(bad - to_bad * step);
      if (good == bad || steps >= kMaxSearchSteps) return {false, 0};  // not ok up to the limit
      if (test(good)) break;
      bad = good, step *= 8;
    }
  }
  while (!close_enough(good, bad) && steps < kMaxSearchSteps) {
    const double mid = 0.5 * (good + bad);
    if (mid == good || mid == bad) break;  // adjacent doubles
    (test(mid) ? good : bad) = mid;
  }
  return {true, good};
}

const char* recommendation_kind_key(Recommendation::Kind k) {
  static const char* const keys[] = {"ruimte", "bezuiniging", "conflict", "ondergrens_onhaalbaar"};
  return keys[static_cast<int>(k)];
}

SpendingRoom solve_spending(const CloseReplay& close, const FinanceTable& table, const SpendingQuery& q, const std::atomic<bool>* cancel) {
  Solver s(close, table, q, cancel);
  return s.solve();
}

SpendingRoom spending_room(const Scenario& sc, const SpendingQuery& q, const McOptions& opt) {
  check_decision_work(sc, 1, "bestedingsruimte");
  FinanceTable table(sc, static_cast<size_t>(sc.paths));
  run_paths(sc, opt, Pin{}, &table);
  const CloseReplay close(sc);
  return solve_spending(close, table, q, opt.cancel);
}

}  // namespace swv
