#include "targets.h"

#include <cmath>

#include "deterministic.h"
#include "format_nl.h"
#include "path_series.h"
#include "result_check.h"

namespace swv {

double target_at(const YearTable& t, int year) { return t.linear_at(year); }

namespace {

constexpr double kTolerance = 1e-7;  // in participation (the contract promises 1e-4)
constexpr double kMaxFactor = 1e4;

YearTable& factor_of(Scenario& sc, int k) {
  if (k == 1) return sc.flows.factor_so;
  return sc.sector == Sector::Vo ? sc.flows.factor_pro : sc.flows.factor_sbo;
}

// Sets the factor of year Y in a table that holds one point per year of the planperiode.
void set_factor(YearTable& t, int first, int Y, double f) { t.points[static_cast<size_t>(Y - first)].second = f; }

// The factor of year Y that brings participation [k] of Y to `goal` (bisection: participation
// rises with the factor). Throws when no non-negative factor reaches it.
double solve_one(Scenario& sc, int k, int Y, double goal) {
  const int first = sc.first_year;
  YearTable& t = factor_of(sc, k);
  auto at = [&](double f) {
    set_factor(t, first, Y, f);
    return participation(sc, trace_plan(sc).years[static_cast<size_t>(Y - first)], k);
  };
  const char* what[2][2] = {{"sbo", "so"}, {"pro", "vso"}};
  const std::string key = std::string("stromen.doel.") + what[sc.sector == Sector::Vo][k];
  const Where& w = sc.flows.target_where[k];
  const std::string where = w.file + (w.line ? ":" + std::to_string(w.line) + ":" + std::to_string(w.column) : "");
  const double low = at(0.0);
  if (low > goal + kTolerance)
    throw RunError(where + ": fout: " + key + ": het doel " + pct(goal, 2) + " in " + std::to_string(Y) +
                   " vraagt een negatieve verwijzingsfactor: zonder verwijzingen is de deelname al " + pct(low, 2) +
                   " (uitstroom en terugplaatsing zijn te laag om zo snel te dalen); kies een later jaar of een hoger doel\n");
  double lo = 0, hi = 1;
  while (at(hi) < goal && hi < kMaxFactor) lo = hi, hi *= 2;
  if (at(hi) < goal - kTolerance)
    throw RunError(where + ": fout: " + key + ": het doel " + pct(goal, 2) + " in " + std::to_string(Y) +
                   " is met geen enkele verwijzingsfactor te halen (de verwijzingskans is 0 of de stromen kunnen niet zo snel groeien)\n");
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (at(mid) < goal ? lo : hi) = mid;
  }
  const double f = 0.5 * (lo + hi);
  set_factor(t, first, Y, f);
  return f;
}

}  // namespace

void solve_targets(Scenario& sc) {
  Flows& fl = sc.flows;
  if (fl.targets_solved || (!fl.target_given[0] && !fl.target_given[1])) return;
  const int first = sc.first_year, last = sc.last_year;
  // One point per year, starting from the factors as given (1.0 where none was given).
  for (int k = 0; k < 2; ++k) {
    if (!fl.target_given[k]) continue;
    YearTable& t = factor_of(sc, k);
    YearTable solved;
    for (int y = first; y <= last; ++y) solved.points.emplace_back(y, t.at(y));
    solved.before_first = 1.0;
    t = solved;
  }
  for (int Y = first; Y <= last; ++Y) {
    // Two targets move each other (SBO -> SO flows, the shared regular count): alternate until both hold.
    for (int round = 0; round < 50; ++round) {
      bool done = true;
      for (int k = 0; k < 2; ++k) {
        if (!fl.target_given[k]) continue;
        const double goal = target_at(fl.target[k], Y);
        if (std::fabs(participation(sc, trace_plan(sc).years[static_cast<size_t>(Y - first)], k) - goal) > kTolerance) {
          solve_one(sc, k, Y, goal);
          done = false;
        }
      }
      if (done) break;
    }
  }
  fl.targets_solved = true;
}

}  // namespace swv
