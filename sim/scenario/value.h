#pragma once
// Values ("grootheden", scenario-format section 1): a number, a per-year table, or a distribution
// whose parameters are numbers or per-year tables. Resolved once at load time; the model asks for
// a year's mean, or the quantile of a year's distribution for a given normal score.
#include <array>
#include <memory>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.h"
#include "range.h"

namespace swv {

// A number or a per-year table: a missing year takes the last earlier given value; years before
// the first given one take the first (or `before_first` when set: policy factors take 1.0).
struct YearTable {
  std::vector<std::pair<int, double>> points;  // sorted by year; empty = constant
  double constant = 0.0;
  std::optional<double> before_first;

  static YearTable fixed(double v) { YearTable t; t.constant = v; return t; }
  bool is_table() const { return !points.empty(); }
  double at(int year) const;
  // Linear between the given years, the first before them and the last after them (participation
  // targets, the answers of swvsim nieuw), where at() steps.
  double linear_at(int year) const;
  int first_year() const { return points.empty() ? 0 : points.front().first; }
  int last_year() const { return points.empty() ? 0 : points.back().first; }
};

// verdeling
enum class Dist { Fixed, Normal, LogNormal, Uniform, Triangle, Pert, Beta };
const char* dist_name(Dist d);  // Dutch name as written in scenarios ("normaal", ...)

struct Value {
  Dist dist = Dist::Fixed;
  bool per_year = false;  // drawn independently every year (else one quantile per path)
  // Fixed: {waarde}; Normal/LogNormal/Beta: {gemiddelde, sd}; Uniform: {min, max};
  // Triangle/Pert: {min, modus, max}.
  std::array<YearTable, 3> p;
  Where where;  // where it was written (for run-time messages)
  // A normaal value of an amount or count that cannot go below 0 (range NonNegative) is cut at 0:
  // draws below it become 0 (check_value warns, or refuses more than 5% of the mass; the mean is
  // the given one). -infinity for every other value.
  double lower = -std::numeric_limits<double>::infinity();
  uint32_t driver = 0;
  // Precomputed by prepare() for the years [table_first, table_last] (hot path of Monte Carlo):
  // beta/pert: the quantile function in normal-score space, [row][kTablePoints], one row per
  // distinct set of parameters (table_row[year - table_first]: years with equal parameters share a
  // row, so a value that is the same every year stays within one 16 KB row: the cache holds it);
  // lognormaal: {mu, sigma} of the underlying normal per year.
  std::shared_ptr<const std::vector<double>> table;
  std::vector<uint32_t> table_row;
  int table_first = 0, table_last = -1;
  static constexpr int kTablePoints = 2049;
  static constexpr double kTableZ = 8.0;  // z in [-8, 8]; beyond it the end value

  static Value fixed(double v) { Value x; x.p[0] = YearTable::fixed(v); return x; }
  bool is_random() const { return dist != Dist::Fixed; }
  double mean(int year) const;
  // The u-quantile of year `year`'s distribution (0 < u < 1).
  double quantile(int year, double u) const;
  // Value for a standard normal score z (Gaussian copula): quantile(Phi(z)), with fast paths.
  double from_normal(int year, double z) const;
  // The same for a uniform u in (0,1) and its normal score z = Phi^-1(u) (both known: a path draw
  // is cached as the pair). Uniform and driehoek use u, the others z; no erf/erfc on this path.
  double from_uz(int year, double u, double z) const;
  // Whether from_uz reads z (else z may be anything).
  bool needs_z() const { return dist == Dist::Normal || dist == Dist::LogNormal || dist == Dist::Beta || dist == Dist::Pert; }
  // Tabulates the quantile function in normal-score space for the years [first, last] (beta and
  // pert, whose exact quantile is costly), so from_normal interpolates in the path loop; for
  // lognormaal it precomputes the shape per year.
  // Interpolation error is below 1e-5 relative (tests/scenario/test_values.cpp).
  void prepare(int first, int last);
  // Probability mass below lo and above hi in year `year`.
  double mass_outside(int year, double lo, double hi) const;
};

// Checks the parameters of `v` for every year in [first, last] (sd >= 0, min <= modus <= max,
// beta/lognormaal constraints) and that at most 0.1% of the mass lies outside `range`
// ("normaal" is clamped instead, so only its mean is checked). Errors go to `diags` at v.where.
// `range`: Any, NonNegative, Rate, RateBelowOne or IndexRate (the schema-only ranges do not apply).
void check_value(const Value& v, Range range, int first, int last, Diagnostics& diags);

double normal_cdf(double z);
// Phi^-1(u) by Wichura's algorithm AS 241 (PPND16): relative error about 1e-16, no special
// functions in the central 85% (a rational function), portable (same on every platform).
double normal_quantile(double u);

}  // namespace swv
