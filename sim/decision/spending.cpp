#include "spending.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "format_nl.h"
#include "mc_paths.h"
#include "mc_stats.h"

namespace swv {

namespace {

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

class Solver {
 public:
  Solver(const Scenario& sc, const SpendingQuery& q, const McOptions& opt) : sc_(sc), q_(q), opt_(opt) {
    end_year_ = q.end_year ? q.end_year : q.target_year;
    for (int y = sc.first_year; y <= sc.last_year; ++y) profile_.push_back(y <= end_year_ ? sc.spending_profile.at(y) : 0.0);
    target_ = static_cast<size_t>(q.target_year - sc.first_year);
    cum_.resize(profile_.size());
    double c = 0;
    for (size_t y = 0; y < profile_.size(); ++y) cum_[y] = c += profile_[y];
  }

  PathTable run(double amount) {
    Scenario s = sc_;
    s.extra_cost.resize(profile_.size());
    for (size_t y = 0; y < profile_.size(); ++y) s.extra_cost[y] = amount * profile_[y];
    ++runs;
    return run_paths(s, opt_);
  }

  // Per path, the amount at which the path crosses the condition, linearised around `at` from that
  // run (exact when nothing in the model reacts to equity): above the signal iff amount < crit;
  // below the floor somewhere iff amount > crit.
  std::vector<double> crit_excessive(const PathTable& t, double at) const {
    std::vector<double> c(t.paths);
    for (size_t p = 0; p < t.paths; ++p) c[p] = at + (t.at(t.equity, p, target_) - t.at(t.signal, p, target_)) / cum_[target_];
    return c;
  }
  std::vector<double> crit_floor(const PathTable& t, double at) const {
    std::vector<double> c(t.paths, INFINITY);
    for (size_t p = 0; p < t.paths; ++p)
      for (size_t y = 0; y < t.years; ++y) {
        const double margin = t.at(t.equity, p, y) - t.at(t.floor, p, y);
        c[p] = std::min(c[p], cum_[y] > 0 ? at + margin / cum_[y] : margin < 0 ? -INFINITY : INFINITY);
      }
    return c;
  }

  std::pair<bool, double> boundary(double guess, bool ok_below, const std::function<bool(double)>& ok) const {
    return find_boundary(guess, ok_below, q_.tolerance, ok);
  }

  SpendingBands bands(const PathTable& t, double amount) const {
    SpendingBands b;
    b.amount = amount;
    for (size_t y = 0; y < t.years; ++y) {
      std::vector<double> e(t.paths);
      for (size_t p = 0; p < t.paths; ++p) e[p] = t.at(t.equity, p, y);
      std::sort(e.begin(), e.end());
      b.p5.push_back(percentile_type7(e, 0.05)), b.p25.push_back(percentile_type7(e, 0.25)), b.p50.push_back(percentile_type7(e, 0.5));
      b.p75.push_back(percentile_type7(e, 0.75)), b.p95.push_back(percentile_type7(e, 0.95));
      b.mean.push_back(t.mean(t.equity, y)), b.signal.push_back(t.mean(t.signal, y)), b.floor.push_back(t.mean(t.floor, y));
      b.excessive.push_back(t.excessive(y)), b.below_floor.push_back(t.below_floor(y));
    }
    b.below_floor_any = t.below_floor_any();
    return b;
  }

  size_t target_;
  int end_year_ = 0;
  std::vector<double> profile_, cum_;
  int runs = 0;

 private:
  const Scenario& sc_;
  const SpendingQuery& q_;
  const McOptions& opt_;
};

// Throws std::invalid_argument (Dutch) for a query or profile the solver cannot answer.
void check_query(const Scenario& sc, const SpendingQuery& q, const Solver& s) {
  if (q.target_year < sc.first_year || q.target_year > sc.last_year)
    throw std::invalid_argument("doeljaar " + std::to_string(q.target_year) + " ligt buiten de planperiode " +
                                std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
  for (double c : {q.confidence, q.floor_confidence})
    if (!(c > 0 && c < 1)) throw std::invalid_argument("een zekerheid ligt tussen 0 en 1 (bijv. 0.9), niet " + num_plain(c));
  for (size_t y = 0; y < s.profile_.size(); ++y)
    if (!(s.profile_[y] >= 0))
      throw std::invalid_argument("bestedingsruimte.profiel is negatief in " + std::to_string(sc.first_year + static_cast<int>(y)) +
                                  "; het profiel verdeelt een bedrag en is 0 of meer");
  if (q.end_year && (q.end_year < q.target_year || q.end_year > sc.last_year))
    throw std::invalid_argument("eindjaar " + std::to_string(q.end_year) + " ligt niet tussen het doeljaar (" + std::to_string(q.target_year) +
                                ") en het laatste jaar (" + std::to_string(sc.last_year) + ")");
  if (!(s.cum_[s.target_] > 0))
    throw std::invalid_argument("bestedingsruimte.profiel is 0 in alle jaren tot en met het doeljaar: extra besteden kan het "
                                "eigen vermogen in " + std::to_string(q.target_year) + " dan niet verlagen");
}

// The minimum: the smallest amount with P(bovenmatig in doeljaar) <= 1 − zekerheid.
void solve_minimum(Solver& s, const PathTable& zero, const SpendingQuery& q, double n, SpendingRoom& room) {
  const double a_min = 1 - q.confidence;
  auto ok_min = [&](double a) { return s.run(a).excessive(s.target_) <= a_min + 1e-12; };
  auto [found, amount] = s.boundary(quantile(s.crit_excessive(zero, 0.0), q.confidence), false, ok_min);
  room.minimum.found = found;
  if (!found) return;
  const PathTable t = s.run(amount);
  room.minimum.amount = amount;
  room.minimum.probability = t.excessive(s.target_);
  room.minimum.binding_year = q.target_year;
  room.minimum.std_error = std::sqrt(a_min * (1 - a_min) / n) / density_at(s.crit_excessive(t, amount), amount);
  room.at_minimum = s.bands(t, amount);
}

// The maximum: the largest amount with P(onder ondergrens in enig jaar) <= 1 − ondergrens-zekerheid.
void solve_maximum(Solver& s, const PathTable& zero, const Scenario& sc, const SpendingQuery& q, double n, SpendingRoom& room) {
  const double a_max = 1 - q.floor_confidence;
  auto ok_max = [&](double a) { return s.run(a).below_floor_any() <= a_max + 1e-12; };
  auto [found, amount] = s.boundary(quantile(s.crit_floor(zero, 0.0), a_max), true, ok_max);
  room.maximum.found = found;
  if (!found) return;
  const PathTable t = s.run(amount);
  room.maximum.amount = amount;
  room.maximum.probability = t.below_floor_any();
  room.maximum.std_error = std::sqrt(a_max * (1 - a_max) / n) / density_at(s.crit_floor(t, amount), amount);
  // The binding year: where paths just past the maximum fall below the floor most often.
  const PathTable past = s.run(amount + std::max(q.tolerance, 0.01 * std::fabs(amount)));
  size_t best = 0;
  for (size_t y = 1; y < past.years; ++y)
    if (past.below_floor(y) > past.below_floor(best)) best = y;
  room.maximum.binding_year = sc.first_year + static_cast<int>(best);
  room.at_maximum = s.bands(t, amount);
}

// The trade-off: 11 amounts from 0 to a quarter beyond the larger bound found (or, when neither
// was found, to the median excess over the norm in the target year spread over the years).
void trade_off(Solver& s, const PathTable& zero, const Scenario& sc, SpendingRoom& room) {
  double top = 0;
  if (room.minimum.found) top = std::max(top, room.minimum.amount);
  if (room.maximum.found) top = std::max(top, room.maximum.amount);
  if (!(top > 0)) {
    std::vector<double> excess(zero.paths);
    for (size_t p = 0; p < zero.paths; ++p) excess[p] = zero.at(zero.equity, p, s.target_) - zero.at(zero.signal, p, s.target_);
    top = std::max(0.0, quantile(excess, 0.5) / s.cum_[s.target_]);
  }
  top = top > 0 ? 1.25 * top : 100'000.0;
  const size_t last = static_cast<size_t>(sc.years() - 1);
  for (int i = 0; i <= 10; ++i) {
    const double a = top * i / 10.0;
    const PathTable t = i == 0 ? zero : s.run(a);
    std::vector<double> at_target(t.paths), at_last(t.paths);
    for (size_t p = 0; p < t.paths; ++p) at_target[p] = t.at(t.equity, p, s.target_), at_last[p] = t.at(t.equity, p, last);
    room.curve.push_back({a, t.excessive(s.target_), t.below_floor_any(), quantile(at_target, 0.5), quantile(at_last, 0.5)});
  }
}

void recommend(Solver& s, const PathTable& zero, const Scenario& sc, SpendingRoom& room) {
  Recommendation& r = room.recommended;
  r.kind = recommendation_kind(room.minimum.found, room.minimum.amount, room.maximum.found, room.maximum.amount, r.amount);
  const PathTable t = r.amount == 0 ? zero : s.run(r.amount);
  r.excessive_target = t.excessive(s.target_);
  r.below_floor_any = t.below_floor_any();
  const size_t last = static_cast<size_t>(sc.years() - 1);
  std::vector<double> at_target(t.paths), at_last(t.paths);
  for (size_t p = 0; p < t.paths; ++p) at_target[p] = t.at(t.equity, p, s.target_), at_last[p] = t.at(t.equity, p, last);
  r.median_target = quantile(at_target, 0.5), r.median_last = quantile(at_last, 0.5);
}

}  // namespace

std::pair<bool, double> find_boundary(double guess, bool ok_below, double tolerance, const std::function<bool(double)>& ok) {
  if (!std::isfinite(guess)) guess = 0;
  const double to_bad = ok_below ? 1.0 : -1.0;
  double step = std::max(1000.0, 0.02 * std::fabs(guess)), good = guess, bad = guess;
  if (ok(guess)) {
    for (bad = guess + to_bad * step; ok(bad); bad += to_bad * step) {
      good = bad, step *= 2;
      if (std::fabs(bad) > 1e12) return {false, 0};
    }
  } else {
    for (good = guess - to_bad * step; !ok(good); good -= to_bad * step) {
      bad = good, step *= 2;
      if (std::fabs(good) > 1e12) return {false, 0};
    }
  }
  while (std::fabs(good - bad) > tolerance) {
    const double mid = 0.5 * (good + bad);
    (ok(mid) ? good : bad) = mid;
  }
  return {true, good};
}

Recommendation::Kind recommendation_kind(bool min_found, double min, bool max_found, double max, double& amount) {
  using K = Recommendation::Kind;
  amount = 0;
  if (min_found && min <= 0) return K::NothingNeeded;
  if (max_found && max < 0) return K::NoRoom;
  if (min_found && max_found && min <= max) return amount = min, K::Minimum;
  if (min_found && max_found) return amount = std::max(0.0, max), K::Conflict;
  if (max_found) return amount = std::max(0.0, max), K::FloorOnly;
  if (min_found) return amount = min, K::NormOnly;
  return K::NothingNeeded;
}

const char* recommendation_kind_key(Recommendation::Kind k) {
  static const char* const keys[] = {"minimum", "conflict", "niets_nodig", "alleen_ondergrens", "alleen_norm", "geen_ruimte"};
  return keys[static_cast<int>(k)];
}

SpendingRoom solve_spending(const Scenario& sc, const SpendingQuery& q, const McOptions& opt) {
  Solver s(sc, q, opt);
  check_query(sc, q, s);
  SpendingRoom room;
  room.query = q, room.profile = s.profile_, room.paths = static_cast<size_t>(sc.paths);
  for (int y = sc.first_year; y <= sc.last_year; ++y) room.years.push_back(y);
  const double n = static_cast<double>(sc.paths);
  const PathTable zero = s.run(0.0);
  room.at_zero = s.bands(zero, 0.0);
  solve_minimum(s, zero, q, n, room);
  solve_maximum(s, zero, sc, q, n, room);
  room.end_year = s.end_year_;
  if (q.trade_off) trade_off(s, zero, sc, room);
  recommend(s, zero, sc, room);
  room.runs = s.runs;
  return room;
}

}  // namespace swv
