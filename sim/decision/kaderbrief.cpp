#include "kaderbrief.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "deterministic.h"

namespace swv {

SpendingQuery kaderbrief_query(const Scenario& sc) {
  SpendingQuery q;
  q.target_year = sc.last_year;
  q.trade_off = false;
  return q;
}

SpendingRoom kaderbrief_room(const Scenario& sc, const McOptions& opt) {
  Scenario s = sc;
  s.paths = std::min<int64_t>(s.paths, kKaderbriefMaxPaths);
  prepare_for_monte_carlo(s);
  return solve_spending(s, kaderbrief_query(s), opt);
}

namespace {

struct PlanAt {
  std::vector<double> equity, signal, floor;
};

class PlanSolver {
 public:
  PlanSolver(const Scenario& sc, const SpendingQuery& q) : sc_(sc), q_(q) {
    const int end = q.end_year ? q.end_year : q.target_year;
    for (int y = sc.first_year; y <= sc.last_year; ++y) profile.push_back(y <= end ? sc.spending_profile.at(y) : 0.0);
    target = static_cast<size_t>(q.target_year - sc.first_year);
    double c = 0;
    for (double f : profile) cum.push_back(c += f);
  }
  PlanAt at(double amount) const {
    Scenario s = sc_;
    s.extra_cost.resize(profile.size());
    for (size_t y = 0; y < profile.size(); ++y) s.extra_cost[y] = amount * profile[y];
    PlanAt p;
    for (const YearRecord& r : trace_plan(s).years) p.equity.push_back(r.equity), p.signal.push_back(r.signal), p.floor.push_back(r.floor);
    return p;
  }
  bool excessive(const PlanAt& p) const { return p.equity[target] > p.signal[target]; }
  bool below_floor(const PlanAt& p) const {
    for (size_t y = 0; y < p.equity.size(); ++y)
      if (p.equity[y] < p.floor[y]) return true;
    return false;
  }
  std::pair<bool, double> boundary(double guess, bool ok_below, const std::function<bool(double)>& ok) const {
    return find_boundary(guess, ok_below, q_.tolerance, ok);
  }
  std::vector<double> profile, cum;
  size_t target = 0;

 private:
  const Scenario& sc_;
  const SpendingQuery& q_;
};

SpendingBands plan_bands(const PlanAt& p, double amount) {
  SpendingBands b;
  b.amount = amount;
  b.p5 = b.p25 = b.p50 = b.p75 = b.p95 = b.mean = p.equity;
  b.signal = p.signal, b.floor = p.floor;
  for (size_t y = 0; y < p.equity.size(); ++y) {
    b.excessive.push_back(p.equity[y] > p.signal[y] ? 1.0 : 0.0);
    b.below_floor.push_back(p.equity[y] < p.floor[y] ? 1.0 : 0.0);
    b.below_floor_any = std::max(b.below_floor_any, b.below_floor.back());
  }
  return b;
}

}  // namespace

SpendingRoom deterministic_spending(const Scenario& sc, const SpendingQuery& q) {
  if (q.target_year < sc.first_year || q.target_year > sc.last_year)
    throw std::invalid_argument("doeljaar " + std::to_string(q.target_year) + " ligt buiten de planperiode " +
                                std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
  const PlanSolver s(sc, q);
  if (!(s.cum[s.target] > 0))
    throw std::invalid_argument("bestedingsruimte.profiel is 0 in alle jaren tot en met het doeljaar: extra besteden kan het "
                                "eigen vermogen in " + std::to_string(q.target_year) + " dan niet verlagen");
  SpendingRoom room;
  room.query = q, room.profile = s.profile, room.paths = 0;
  room.end_year = q.end_year ? q.end_year : q.target_year;
  for (int y = sc.first_year; y <= sc.last_year; ++y) room.years.push_back(y);
  const PlanAt zero = s.at(0);
  room.at_zero = plan_bands(zero, 0);
  // Linear first guesses (exact when nothing reacts to equity), then bisection on the plan itself.
  double floor_guess = INFINITY;
  for (size_t y = 0; y < zero.equity.size(); ++y)
    if (s.cum[y] > 0) floor_guess = std::min(floor_guess, (zero.equity[y] - zero.floor[y]) / s.cum[y]);
  const auto [min_found, min] = s.boundary((zero.equity[s.target] - zero.signal[s.target]) / s.cum[s.target], false,
                                           [&](double a) { return !s.excessive(s.at(a)); });
  const auto [max_found, max] = s.boundary(floor_guess, true, [&](double a) { return !s.below_floor(s.at(a)); });
  room.minimum = {min_found, min, NAN, 0.0, q.target_year};
  room.maximum = {max_found, max, NAN, 0.0, 0};
  if (min_found) room.at_minimum = plan_bands(s.at(min), min), room.minimum.probability = room.at_minimum.excessive[s.target];
  if (max_found) {
    room.at_maximum = plan_bands(s.at(max), max);
    const PlanAt past = s.at(max + std::max(q.tolerance, 0.01 * std::fabs(max)));
    for (size_t y = 0; y < past.equity.size() && !room.maximum.binding_year; ++y)
      if (past.equity[y] < past.floor[y]) room.maximum.binding_year = sc.first_year + static_cast<int>(y);
  }
  Recommendation& r = room.recommended;
  r.kind = recommendation_kind(min_found, min, max_found, max, r.amount);
  const PlanAt t = s.at(r.amount);
  r.excessive_target = s.excessive(t) ? 1.0 : 0.0;
  r.below_floor_any = s.below_floor(t) ? 1.0 : 0.0;
  r.median_target = t.equity[s.target], r.median_last = t.equity.back();
  return room;
}

}  // namespace swv
