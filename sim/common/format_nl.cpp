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
  // The shortest digits that read back as the same double, placed as %g places them: fixed for
  // exponents -5..9 ("100000", "0.035", "1.0000000001"), else with an exponent as a scenario writes
  // it ("1e13", "1e-200"; C writes "1e+13").
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  if (ec != std::errc()) return num_plain(x);
  const std::string sci(buf, end);
  const size_t e = sci.find('e');
  const bool negative = sci[0] == '-';
  std::string digits;
  for (size_t i = negative ? 1 : 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  const int exp = std::stoi(sci.substr(e + 1));
  std::string out = negative ? "-" : "";
  if (exp < -5 || exp >= 10) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + "e" + std::to_string(exp);
  }
  if (exp < 0) return out + "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  const size_t point = static_cast<size_t>(exp) + 1;
  if (digits.size() <= point) return out + digits + std::string(point - digits.size(), '0');
  return out + digits.substr(0, point) + "." + digits.substr(point);
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
