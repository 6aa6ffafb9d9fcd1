#include "format_nl.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace swv {

std::string num_nl(double x, int decimals) {
  if (std::isnan(x)) return "n.v.t.";
  if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
  double scale = std::pow(10.0, decimals);
  double r = std::round(std::fabs(x) * scale) / scale;
  bool neg = x < 0 && r != 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
  std::string s(buf);
  std::string whole = s.substr(0, s.find('.'));
  std::string frac = decimals > 0 ? s.substr(s.find('.') + 1) : "";
  std::string grouped;
  int n = static_cast<int>(whole.size());
  for (int i = 0; i < n; ++i) {
    grouped += whole[i];
    int left = n - 1 - i;
    if (left > 0 && left % 3 == 0) grouped += '.';
  }
  std::string out = (neg ? "-" : "") + grouped;
  if (decimals > 0) out += "," + frac;
  return out;
}

std::string euro(double amount) { return "€ " + num_nl(amount, 0); }

std::string pct(double fraction, int decimals) { return num_nl(fraction * 100.0, decimals) + "%"; }

std::string num_plain(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string num_short(double x) {
  if (std::fabs(x) >= 1000) return num_nl(x, 0);
  for (int d = 0; d <= 8; ++d) {
    const double scale = std::pow(10.0, d);
    if (std::fabs(std::round(x * scale) / scale - x) <= 1e-12 * std::max(1.0, std::fabs(x))) return num_nl(x, d);
  }
  return num_nl(x, 8);
}

std::string pct_plain(double fraction) {
  double p = fraction * 100.0;
  int decimals = p >= 10 ? 0 : p >= 1 ? 1 : 2;
  return num_nl(p, decimals) + "%";
}

std::string num_exact(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : num_plain(x);
}

std::string int_nl(int64_t x) {
  // Digits of |x| without overflow at INT64_MIN.
  uint64_t u = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  std::string digits = std::to_string(u), out = x < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    out += digits[i];
    size_t left = digits.size() - 1 - i;
    if (left > 0 && left % 3 == 0) out += '.';
  }
  return out;
}

}  // namespace swv
