#include "value.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "as241.h"
#include "format_nl.h"

namespace swv {

double YearTable::linear_at(int year) const {
  if (!is_table()) return constant;
  const auto& p = points;
  if (year <= p.front().first) return p.front().second;
  if (year >= p.back().first) return p.back().second;
  for (size_t i = 1; i < p.size(); ++i)
    if (year <= p[i].first) {
      const double w = static_cast<double>(year - p[i - 1].first) / (p[i].first - p[i - 1].first);
      return p[i - 1].second + w * (p[i].second - p[i - 1].second);
    }
  return p.back().second;
}

double YearTable::at(int year) const {
  if (points.empty()) return constant;
  if (year < points.front().first) return before_first ? *before_first : points.front().second;
  double v = points.front().second;
  for (const auto& [y, x] : points) {
    if (y > year) break;
    v = x;
  }
  return v;
}

const char* dist_name(Dist d) {
  switch (d) {
    case Dist::Fixed: return "vast";
    case Dist::Normal: return "normaal";
    case Dist::LogNormal: return "lognormaal";
    case Dist::Uniform: return "uniform";
    case Dist::Triangle: return "driehoek";
    case Dist::Pert: return "pert";
    case Dist::Beta: return "beta";
  }
  return "?";
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_quantile(double u) {
  using namespace as241;
  const double q = u - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * horner8(kCentralP, r) / horner8(kCentralQ, r);
  }
  if (!(u > 0)) return -std::numeric_limits<double>::infinity();
  if (!(u < 1)) return std::numeric_limits<double>::infinity();
  double r = std::sqrt(-std::log(q < 0 ? u : 1 - u)), val;
  if (r <= 5) {
    r -= 1.6;
    val = horner8(kNearP, r) / horner8(kNearQ, r);
  } else {
    r -= 5;
    val = horner8(kFarP, r) / horner8(kFarQ, r);
  }
  return q < 0 ? -val : val;
}

namespace {

struct BetaShape {
  double a, b;
};

// Method of moments for beta(gemiddelde, sd) on [0,1].
BetaShape beta_shape(double m, double sd) {
  double k = m * (1 - m) / (sd * sd) - 1;
  return {m * k, (1 - m) * k};
}

// PERT(min, modus, max) is min + (max-min) * Beta(a, b) with the classic lambda = 4.
BetaShape pert_shape(double lo, double mode, double hi) {
  double w = hi - lo;
  return {1 + 4 * (mode - lo) / w, 1 + 4 * (hi - mode) / w};
}

double triangle_quantile(double lo, double mode, double hi, double u) {
  if (hi <= lo) return lo;
  double fc = (mode - lo) / (hi - lo);
  if (u < fc) return lo + std::sqrt(u * (hi - lo) * (mode - lo));
  return hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
}

double triangle_cdf(double lo, double mode, double hi, double x) {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  if (x <= mode) return (x - lo) * (x - lo) / ((hi - lo) * (mode - lo));
  return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
}

struct LogShape {
  double mu, sigma;
};
LogShape log_shape(double m, double sd) {
  double s2 = std::log1p(sd * sd / (m * m));
  return {std::log(m) - s2 / 2, std::sqrt(s2)};
}

}  // namespace

double Value::mean(int year) const {
  double a = p[0].at(year), b = p[1].at(year), c = p[2].at(year);
  switch (dist) {
    case Dist::Fixed:
    case Dist::Normal:
    case Dist::LogNormal:
    case Dist::Beta: return a;
    case Dist::Uniform: return (a + b) / 2;
    case Dist::Triangle: return (a + b + c) / 3;
    case Dist::Pert: return (a + 4 * b + c) / 6;
  }
  return a;
}

namespace {
// Beta quantiles in double precision: boost's default promotes to long double, which made building
// the Monte-Carlo tables (prepare: 2049 quantiles per distinct year) about half of a short run.
// Double keeps the quantile within a few units in the last place (tests/scenario/test_values.cpp).
using BetaDouble = boost::math::beta_distribution<double, boost::math::policies::policy<boost::math::policies::promote_double<false>>>;
}  // namespace

double Value::quantile(int year, double u) const {
  double a = p[0].at(year), b = p[1].at(year), c = p[2].at(year);
  switch (dist) {
    case Dist::Fixed: return a;
    case Dist::Normal: return std::max(lower, a + b * normal_quantile(u));
    case Dist::LogNormal: {
      if (b <= 0) return a;
      auto s = log_shape(a, b);
      return std::exp(s.mu + s.sigma * normal_quantile(u));
    }
    case Dist::Uniform: return a + (b - a) * u;
    case Dist::Triangle: return triangle_quantile(a, b, c, u);
    case Dist::Pert: {
      if (c <= a) return a;
      auto s = pert_shape(a, b, c);
      return a + (c - a) * boost::math::quantile(BetaDouble(s.a, s.b), u);
    }
    case Dist::Beta: {
      if (b <= 0) return a;
      auto s = beta_shape(a, b);
      // A narrow beta (both shapes above 1e6, e.g. sd 1e-9) makes boost iterate for ~1 ms per
      // quantile; there the Cornish-Fisher expansion with the beta's skewness and kurtosis is within
      // 1e-5 relative of it out to |z| = 8 (tests/scenario/test_values.cpp), in O(1).
      if (std::min(s.a, s.b) > 1e6) {
        const double n = s.a + s.b, z = normal_quantile(u);
        const double g = 2 * (s.b - s.a) * std::sqrt(n + 1) / ((n + 2) * std::sqrt(s.a * s.b));
        const double k = 6 * ((s.a - s.b) * (s.a - s.b) * (n + 1) - s.a * s.b * (n + 2)) / (s.a * s.b * (n + 2) * (n + 3));
        const double w = z + g / 6 * (z * z - 1) + k / 24 * (z * z * z - 3 * z) - g * g / 36 * (2 * z * z * z - 5 * z);
        return std::clamp(a + b * w, 0.0, 1.0);
      }
      return boost::math::quantile(BetaDouble(s.a, s.b), u);
    }
  }
  return a;
}

void Value::prepare(int first, int last) {
  if (dist == Dist::LogNormal) {
    auto t = std::make_shared<std::vector<double>>();
    for (int y = first; y <= last; ++y) {
      double m = p[0].at(y), sd = p[1].at(y);
      LogShape s = sd > 0 ? log_shape(m, sd) : LogShape{0, 0};
      t->push_back(s.mu);
      t->push_back(s.sigma);
    }
    table = std::move(t);
    table_first = first;
    table_last = last;
    return;
  }
  if (dist != Dist::Pert && dist != Dist::Beta) return;
  auto t = std::make_shared<std::vector<double>>();
  Value exact = *this;
  exact.table.reset();
  table_row.clear();
  for (int y = first; y <= last; ++y) {
    // Parameters rarely change between years: a year with the previous year's parameters shares its row.
    bool same = y > first;
    for (int k = 0; k < 3 && same; ++k) same = p[k].at(y) == p[k].at(y - 1);
    if (same) {
      table_row.push_back(table_row.back());
      continue;
    }
    table_row.push_back(static_cast<uint32_t>(t->size() / kTablePoints));
    for (int i = 0; i < kTablePoints; ++i) {
      double z = -kTableZ + 2 * kTableZ * i / (kTablePoints - 1);
      t->push_back(exact.quantile(y, std::clamp(normal_cdf(z), 1e-300, 1.0 - 1e-16)));
    }
  }
  table = std::move(t);
  table_first = first;
  table_last = last;
}

double Value::from_uz(int year, double u, double z) const {
  switch (dist) {
    case Dist::Fixed: return p[0].at(year);
    case Dist::Uniform: {
      double a = p[0].at(year);
      return a + (p[1].at(year) - a) * u;
    }
    case Dist::Triangle: return triangle_quantile(p[0].at(year), p[1].at(year), p[2].at(year), u);
    default: return from_normal(year, z);
  }
}

double Value::from_normal(int year, double z) const {
  if (dist == Dist::LogNormal && table && year >= table_first && year <= table_last) {
    const double* s = table->data() + 2 * static_cast<size_t>(year - table_first);
    return s[1] > 0 ? std::exp(s[0] + s[1] * z) : p[0].at(year);
  }
  if (table && year >= table_first && year <= table_last) {
    const double* row = table->data() + static_cast<size_t>(table_row[static_cast<size_t>(year - table_first)]) * kTablePoints;
    double x = (std::clamp(z, -kTableZ, kTableZ) + kTableZ) * ((kTablePoints - 1) / (2 * kTableZ));
    int i = std::min(static_cast<int>(x), kTablePoints - 2);
    double f = x - i;
    return row[i] + f * (row[i + 1] - row[i]);
  }
  switch (dist) {
    case Dist::Fixed: return p[0].at(year);
    case Dist::Normal: return std::max(lower, p[0].at(year) + p[1].at(year) * z);
    case Dist::LogNormal: {
      double m = p[0].at(year), sd = p[1].at(year);
      if (sd <= 0) return m;
      auto s = log_shape(m, sd);
      return std::exp(s.mu + s.sigma * z);
    }
    default: {
      double u = std::clamp(normal_cdf(z), 1e-300, 1.0 - 1e-16);
      return quantile(year, u);
    }
  }
}

double Value::mass_outside(int year, double lo, double hi) const {
  double a = p[0].at(year), b = p[1].at(year), c = p[2].at(year);
  switch (dist) {
    case Dist::Fixed: return (a < lo || a > hi) ? 1.0 : 0.0;
    case Dist::Normal:
      if (b <= 0) return (a < lo || a > hi) ? 1.0 : 0.0;
      return normal_cdf((lo - a) / b) + (1 - normal_cdf((hi - a) / b));
    case Dist::LogNormal: {
      if (b <= 0) return (a < lo || a > hi) ? 1.0 : 0.0;
      auto s = log_shape(a, b);
      double below = lo <= 0 ? 0.0 : normal_cdf((std::log(lo) - s.mu) / s.sigma);
      double above = 1 - normal_cdf((std::log(hi) - s.mu) / s.sigma);
      return below + (std::isinf(hi) ? 0.0 : above);
    }
    case Dist::Uniform: {
      if (b <= a) return (a < lo || a > hi) ? 1.0 : 0.0;
      double below = std::clamp((lo - a) / (b - a), 0.0, 1.0);
      double above = std::clamp((b - hi) / (b - a), 0.0, 1.0);
      return below + above;
    }
    case Dist::Triangle:
      if (c <= a) return (a < lo || a > hi) ? 1.0 : 0.0;
      return triangle_cdf(a, b, c, lo) + (1 - triangle_cdf(a, b, c, hi));
    case Dist::Pert: {
      if (c <= a) return (a < lo || a > hi) ? 1.0 : 0.0;
      auto s = pert_shape(a, b, c);
      boost::math::beta_distribution<> d(s.a, s.b);
      double xl = (lo - a) / (c - a), xh = (hi - a) / (c - a);
      double below = xl <= 0 ? 0 : xl >= 1 ? 1 : boost::math::cdf(d, xl);
      double above = xh >= 1 ? 0 : xh <= 0 ? 1 : 1 - boost::math::cdf(d, xh);
      return below + above;
    }
    case Dist::Beta: {
      // Support is [0,1]; outside mass only when the range is narrower.
      if (b <= 0) return (a < lo || a > hi) ? 1.0 : 0.0;
      auto s = beta_shape(a, b);
      boost::math::beta_distribution<> d(s.a, s.b);
      double below = lo <= 0 ? 0 : lo >= 1 ? 1 : boost::math::cdf(d, lo);
      double above = hi >= 1 ? 0 : hi <= 0 ? 1 : 1 - boost::math::cdf(d, hi);
      return below + above;
    }
  }
  return 0;
}

namespace {

// The parameters of one year among themselves ("" when they fit). Numbers as written (num_exact).
std::string parameter_problem(Dist dist, double a, double b, double c) {
  switch (dist) {
    case Dist::Normal:
    case Dist::LogNormal:
    case Dist::Beta:
      if (b < 0) return "sd moet >= 0 zijn, gevonden " + num_exact(b);
      break;
    case Dist::Uniform:
      if (b < a) return "min (" + num_exact(a) + ") is groter dan max (" + num_exact(b) + ")";
      break;
    case Dist::Triangle:
    case Dist::Pert:
      if (!(a <= b && b <= c))
        return "verwacht min <= modus <= max, gevonden " + num_exact(a) + ", " + num_exact(b) + ", " + num_exact(c);
      break;
    case Dist::Fixed: break;
  }
  if (dist == Dist::LogNormal && a <= 0) return "lognormaal vraagt een gemiddelde > 0, gevonden " + num_exact(a);
  if (dist == Dist::Beta && b > 0 && (a <= 0 || a >= 1 || b * b >= a * (1 - a)))
    return "beta vraagt 0 < gemiddelde < 1 en sd² < gemiddelde × (1 − gemiddelde), gevonden "
           "gemiddelde " + num_exact(a) + ", sd " + num_exact(b);
  return {};
}

// The derived shape must be finite (the numbers' range check keeps it so; this guards the rest).
bool shape_computable(Dist dist, double a, double b) {
  if (dist == Dist::Beta && b > 0) {
    BetaShape s = beta_shape(a, b);
    return std::isfinite(s.a) && std::isfinite(s.b) && s.a > 0 && s.b > 0;
  }
  if (dist == Dist::LogNormal && b > 0) {
    LogShape s = log_shape(a, b);
    return std::isfinite(s.mu) && std::isfinite(s.sigma);
  }
  return true;
}

std::string unusable_text(Dist dist, double a, double b, double c) {
  return "de verdeling \"" + std::string(dist_name(dist)) + "\" is met deze parameters niet te berekenen (" +
         num_exact(a) + ", " + num_exact(b) + (dist == Dist::Triangle || dist == Dist::Pert ? ", " + num_exact(c) : "") +
         "); kies minder extreme waarden";
}

// The most of a normaal amount's or count's mass that may be cut at 0 (above it: an error).
constexpr double kMaxCut = 0.05;

// The year's values against `range` ("" when within): at most 0,1% of the mass outside.
std::string range_problem(const Value& v, Range range, int y, double a, double b, double c) {
  if (range == Range::Any) return {};
  const double inf = std::numeric_limits<double>::infinity();
  const double lo = range == Range::IndexRate ? -1.0 : 0.0;
  const double hi = (range == Range::Rate || range == Range::RateBelowOne || range == Range::IndexRate) ? 1.0 : inf;
  if (v.dist == Dist::Normal && range != Range::IndexRate) {  // an index is not clamped: its mass is checked
    // normaal is clamped at run time (with a warning); its mean must lie in range.
    if (a < lo || a > hi || (range == Range::RateBelowOne && a >= 1))
      return "het gemiddelde moet " + std::string(range_phrase(range)) + " zijn, gevonden " + num_exact(a);
    // An amount or count cut at 0: more than kMaxCut of the mass is an input error (check_value
    // warns from 0,1%).
    if (range == Range::NonNegative && b > 0 && normal_cdf(-a / b) > kMaxCut)
      return "de verdeling \"normaal\" legt " + pct_plain(normal_cdf(-a / b)) + " van haar kans onder 0 (het bedrag of aantal kan niet "
             "negatief zijn; meer dan 5% afkappen tot 0 verschuift het gemiddelde: kies een kleinere sd of lognormaal)";
    return {};
  }
  double out;
  try {
    out = v.mass_outside(y, lo, hi);
  } catch (const std::exception&) {  // boost::math reports parameters it cannot handle by throwing
    out = std::numeric_limits<double>::quiet_NaN();
  }
  if (!std::isfinite(out)) return unusable_text(v.dist, a, b, c);
  if (range == Range::RateBelowOne && v.dist == Dist::Fixed && a >= 1) out = 1;
  if (range == Range::IndexRate && v.dist == Dist::Fixed && a <= -1) out = 1;
  if (out <= 0.001) return {};
  if (v.dist == Dist::Fixed) return "moet " + std::string(range_phrase(range)) + " zijn, gevonden " + num_exact(a);
  return "de verdeling \"" + std::string(dist_name(v.dist)) + "\" legt " + pct_plain(out) +
         " van haar kans buiten het bereik (moet " + range_phrase(range) + " zijn; toegestaan is ten hoogste 0,1%)";
}

}  // namespace

void check_value(const Value& v, Range range, int first, int last, Diagnostics& diags) {
  if (v.dist == Dist::Normal && range == Range::NonNegative) {  // cut at 0 (Value::lower): say how much, once
    double cut = 0;
    int at = first;
    for (int y = first; y <= last; ++y)
      if (const double a = v.p[0].at(y), b = v.p[1].at(y); b > 0 && a >= 0 && normal_cdf(-a / b) > cut) cut = normal_cdf(-a / b), at = y;
    if (cut > 0.001 && cut <= kMaxCut)
      diags.warning(v.where, pct_plain(cut) + " van de trekkingen (in " + std::to_string(at) + ") valt onder 0 en wordt afgekapt tot 0; "
                             "het gemiddelde van de trekkingen ligt daardoor iets hoger dan opgegeven: kies een kleinere sd of een lognormale verdeling");
  }
  for (int y = first; y <= last; ++y) {
    const double a = v.p[0].at(y), b = v.p[1].at(y), c = v.p[2].at(y);
    std::string problem = parameter_problem(v.dist, a, b, c);
    if (problem.empty() && !shape_computable(v.dist, a, b)) problem = unusable_text(v.dist, a, b, c);
    if (problem.empty()) problem = range_problem(v, range, y, a, b, c);
    if (!problem.empty()) {  // the first problem only: later years repeat it
      diags.error(v.where, problem + " in " + std::to_string(y));
      return;
    }
  }
}

}  // namespace swv
