#pragma once
// Numbers and texts as `swvsim nieuw` writes them into a scenario (TOML values) and into its
// comments (Dutch notation). Internal to starter_*.cpp.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "format_nl.h"

namespace swv::starter_toml {

// `digits` significant digits: a derived rate as written. The derivation traces the plan with the
// written values, so the engine reads exactly what was derived.
inline double rounded(double x, int digits) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(std::fabs(x))));
  return std::round(x * scale) / scale;
}

// Decimals that show 7 significant digits of x (1 to 12).
inline int rate_decimals(double x) {
  if (x == 0) return 1;
  const int d = 6 - static_cast<int>(std::floor(std::log10(std::fabs(x))));
  return d < 1 ? 1 : d > 12 ? 12 : d;
}

inline std::string strip_zeros(std::string s, char point) {
  if (s.find(point) == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == point) s += '0';
  return s;
}

// "0.004562907", "0.125", "-0.01", "0.0".
inline std::string toml_rate(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", rate_decimals(x), x);
  return strip_zeros(buf, '.');
}

// A growth rate to 1e-6: "-0.012059".
inline std::string toml_growth(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return strip_zeros(buf, '.');
}

// "18_950", "-2_400_000".
inline std::string toml_int(double x) {
  const long long v = std::llround(x);
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

// Whole euros as "2_400_000", cents as "6_812.40".
inline std::string toml_money(double x) {
  const double cents = std::round(x * 100);
  if (std::fmod(cents, 100) == 0) return toml_int(cents / 100);
  const long long c = std::llabs(std::llround(cents));
  char frac[8];
  std::snprintf(frac, sizeof frac, "%02lld", c % 100);
  return (x < 0 ? "-" : "") + toml_int(static_cast<double>(c / 100)) + "." + frac;
}

// A TOML basic string.
inline std::string toml_text(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Values per year of the planperiode as a TOML value: one number when all are equal, else a year
// table with the years where the value changes (a missing year takes the last earlier value).
template <class Fmt>
std::string year_table(const std::vector<double>& v, int first, Fmt fmt) {
  bool constant = true;
  for (double x : v) constant &= fmt(x) == fmt(v.front());
  if (constant) return fmt(v.front());
  std::string out = "{ ";
  for (size_t i = 0; i < v.size(); ++i)
    if (i == 0 || fmt(v[i]) != fmt(v[i - 1])) out += (i ? ", " : "") + std::to_string(first + static_cast<int>(i)) + " = " + fmt(v[i]);
  return out + " }";
}

// A rate in a Dutch comment: "0,004562907".
inline std::string nl_rate(double x) { return strip_zeros(num_nl(x, rate_decimals(x)), ','); }

}  // namespace swv::starter_toml
