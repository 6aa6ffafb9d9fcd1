#include "targets.h"

#include <cmath>

#include "deterministic.h"
#include "format_nl.h"
#include "path_series.h"
#include "result_check.h"

namespace swv {

double target_at(const YearTable& t, int year) { return t.linear_at(year); }

double target_goal(const Flows& fl, int k, int year) {
  const double t = target_at(fl.target[k], year);
  return fl.target_pupils[k] ? fl.target_start[k] + t : t;
}

double target_measure(const Scenario& sc, const YearRecord& r, int k) {
  if (!sc.flows.target_pupils[k]) return participation(sc, r, k);
  if (k == 1) return r.so;
  return sc.sector == Sector::Vo ? r.pro : r.sbo;
}

bool target_met(const Scenario& sc, const YearRecord& r, int k) {
  const bool pupils = sc.flows.target_pupils[k];
  return target_measure(sc, r, k) <= target_goal(sc.flows, k, r.year) + (pupils ? 1e-6 : 1e-7);  // the solver's tolerance
}

const char* target_key(const Scenario& sc, int k) {
  static const char* keys[2][2][2] = {{{"stromen.doel.sbo", "stromen.doel.so"}, {"stromen.doel.pro", "stromen.doel.vso"}},
                                      {{"stromen.doel.sbo_leerlingen", "stromen.doel.so_leerlingen"},
                                       {"stromen.doel.pro_leerlingen", "stromen.doel.vso_leerlingen"}}};
  return keys[sc.flows.target_pupils[k] ? 1 : 0][sc.sector == Sector::Vo ? 1 : 0][k];
}

namespace {

constexpr double kTolerance = 1e-7;  // in participation (the contract promises 1e-4); in pupils 1e-6
constexpr double kMaxFactor = 1e4;

YearTable& factor_of(Scenario& sc, int k) {
  if (k == 1) return sc.flows.factor_so;
  return sc.sector == Sector::Vo ? sc.flows.factor_pro : sc.flows.factor_sbo;
}

double tolerance(const Scenario& sc, int k) { return sc.flows.target_pupils[k] ? 1e-6 : kTolerance; }

// Sets the factor of year Y in a table that holds one point per year of the planperiode.
void set_factor(YearTable& t, int first, int Y, double f) { t.points[static_cast<size_t>(Y - first)].second = f; }

// The target's quantity in Y with factor f in Y (participation or pupils at the teldatum of Y).
double measure_at(Scenario& sc, int k, int Y, double f) {
  set_factor(factor_of(sc, k), sc.first_year, Y, f);
  return target_measure(sc, trace_plan(sc).years[static_cast<size_t>(Y - sc.first_year)], k);
}

std::string shown(const Scenario& sc, int k, double x) {
  return sc.flows.target_pupils[k] ? num_nl(x, 1) + " leerlingen" : pct(x, 2);
}

const char* type_name(const Scenario& sc, int k) {
  if (k == 1) return sc.sector == Sector::Vo ? "VSO" : "SO";
  return sc.sector == Sector::Vo ? "PrO" : "SBO";
}

// Why a target below what factor 0 gives cannot be met: the effectiveness keeps part of the
// referrals, or (with every referral gone) the outflow is too small to fall that fast.
std::string why_too_low(Scenario& sc, int k, int Y, double goal, double low) {
  const double eff = sc.flows.effectiveness.mean(Y);
  const std::string head = std::string(target_key(sc, k)) + ": het doel " + shown(sc, k, goal) + " in " + std::to_string(Y);
  if (eff < 1) {
    const Value kept = sc.flows.effectiveness;
    sc.flows.effectiveness = Value::fixed(1);
    const double none = measure_at(sc, k, Y, 0.0);
    sc.flows.effectiveness = kept;
    if (none <= goal + tolerance(sc, k))
      return head + " is niet te halen: met een effectiviteit van " + pct(eff, 0) + " haalt zelfs geen enkele verwijzing (factor 0) " +
             shown(sc, k, goal) + " — de deelname blijft dan " + shown(sc, k, low) + ", omdat " + pct(1 - eff, 0) +
             " van de verwijzingen doorgaat (stromen.beleid.effectiviteit); verhoog de effectiviteit of kies een hoger doel of een later jaar";
  }
  const bool inflow = k == 1 && sc.sector == Sector::Po;
  return head + " vraagt een negatieve verwijzingsfactor: zonder verwijzingen is het al " + shown(sc, k, low) +
         " (de uitstroom en terugplaatsing" + (inflow ? ", met de doorstroom uit het SBO," : "") +
         " laten het " + type_name(sc, k) + " niet zo snel dalen; stromen.uitstroom); kies een later jaar of een hoger doel";
}

// Why a target above what any factor gives cannot be met: the capacity, a referral rate of 0, an
// effectiveness of 0, or an outflow too large to grow that fast.
std::string why_too_high(Scenario& sc, int k, int Y, double goal, double high) {
  Flows& fl = sc.flows;
  const std::string head = std::string(target_key(sc, k)) + ": het doel " + shown(sc, k, goal) + " in " + std::to_string(Y) +
                           " is met geen enkele verwijzingsfactor te halen";
  if (fl.effectiveness.mean(Y) <= 0) return head + ": met een effectiviteit van 0% heeft de factor geen effect (stromen.beleid.effectiviteit)";
  bool& cap = k == 0 ? fl.cap_sbo : fl.cap_so;
  if (cap) {
    cap = false;
    const double uncapped = measure_at(sc, k, Y, kMaxFactor);
    cap = true;
    const char* key = k == 0 ? "stromen.capaciteit.sbo" : sc.sector == Sector::Vo ? "stromen.capaciteit.vso" : "stromen.capaciteit.so";
    if (uncapped >= goal - tolerance(sc, k))
      return head + ": de capaciteit (" + key + " = " + num_nl((k == 0 ? fl.capacity_sbo : fl.capacity_so).mean(Y), 0) +
             " plaatsen) laat ten hoogste " + shown(sc, k, high) + " toe; verhoog de capaciteit of kies een lager doel";
  }
  bool rate = false;
  if (k == 0) rate = (sc.sector == Sector::Vo ? fl.refer_pro : fl.refer_sbo).mean(Y) > 0;
  else for (const Value& v : fl.refer_so) rate = rate || v.mean(Y) > 0;
  if (!rate) return head + ": de verwijzingskans naar het " + type_name(sc, k) + " is 0, en een factor maal 0 blijft 0 (stromen.verwijzing)";
  return head + ": met de hoogste factor komt het niet verder dan " + shown(sc, k, high) +
         " (de uitstroom is te groot om zo snel te groeien; stromen.uitstroom); kies een lager doel of een later jaar";
}

// The factor of year Y that brings target [k] of Y to `goal` (bisection: the measure rises with
// the factor). "" when it was found (and set), else why not (the factor is left at the nearest end).
std::string solve_one(Scenario& sc, int k, int Y, double goal) {
  const Where& w = sc.flows.target_where[k];
  const std::string where = w.file + (w.line ? ":" + std::to_string(w.line) + ":" + std::to_string(w.column) : "");
  const double tol = tolerance(sc, k);
  const double low = measure_at(sc, k, Y, 0.0);
  if (low > goal + tol) return where + ": fout: " + why_too_low(sc, k, Y, goal, low) + "\n";
  double lo = 0, hi = 1;
  while (measure_at(sc, k, Y, hi) < goal && hi < kMaxFactor) lo = hi, hi *= 2;
  const double high = measure_at(sc, k, Y, hi);
  if (high < goal - tol) return where + ": fout: " + why_too_high(sc, k, Y, goal, high) + "\n";
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (measure_at(sc, k, Y, mid) < goal ? lo : hi) = mid;
  }
  set_factor(factor_of(sc, k), sc.first_year, Y, 0.5 * (lo + hi));
  return {};
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
  // Every year in order, every target; a target that cannot be met is named and the years after it
  // are still solved (from the nearest factor), so every infeasible target shows at once.
  std::string errors;
  for (int Y = first; Y <= last; ++Y) {
    bool failed[2] = {false, false};
    // Two targets move each other (SBO -> SO flows, the shared regular count): alternate until both hold.
    for (int round = 0; round < 50; ++round) {
      bool done = true;
      for (int k = 0; k < 2; ++k) {
        if (!fl.target_given[k] || failed[k]) continue;
        const double goal = target_goal(fl, k, Y);
        if (std::fabs(target_measure(sc, trace_plan(sc).years[static_cast<size_t>(Y - first)], k) - goal) > tolerance(sc, k)) {
          const std::string e = solve_one(sc, k, Y, goal);
          if (!e.empty()) errors += e, failed[k] = true;
          done = false;
        }
      }
      if (done) break;
    }
  }
  if (!errors.empty()) throw RunError(errors);
  fl.targets_solved = true;
}

}  // namespace swv
