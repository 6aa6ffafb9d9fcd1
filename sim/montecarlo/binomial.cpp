#include "binomial.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "value.h"

namespace swv {

namespace {

// Exact inversion for p <= 0.5: walk the pmf up from k = 0 until the CDF passes u. The walk takes
// about n p steps, at most ~60 while n p < 30 (kBinomialExactBelow).
double invert(double n, double p, double u) {
  // 1/(k+1) for the first steps: keeps the division off the loop-carried chain (pk -> cdf).
  static constexpr int kInv = 128;
  static const auto inv = [] {
    std::array<double, kInv> t{};
    for (int k = 0; k < kInv; ++k) t[static_cast<size_t>(k)] = 1.0 / (k + 1);
    return t;
  }();
  // Bernoulli's inequality: P(X = 0) = (1-p)^n >= 1 - n p, so u <= 1 - n p means X = 0 without
  // computing the power (most draws of the many tiny flows).
  if (u <= 1 - n * p) return 0;
  const double ratio = p / (1 - p);
  double pk = std::exp(n * std::log1p(-p)), cdf = pk, k = 0;
  while (u > cdf && k < n) {
    const double step = (n - k) * ratio * (k < kInv ? inv[static_cast<size_t>(k)] : 1.0 / (k + 1));
    pk *= step;
    k += 1;
    cdf += pk;
    if (pk < 1e-300 && k > n * p) break;  // rounding left a sliver of mass beyond the tail
  }
  return k;
}

}  // namespace

double binomial(double n, double p, double u) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double mean = n * p;
  if (mean < kBinomialExactBelow || n - mean < kBinomialExactBelow)
    return p <= 0.5 ? invert(n, p, u) : n - invert(n, 1 - p, 1 - u);
  const double sd = std::sqrt(mean * (1 - p)), skew = (1 - 2 * p) / sd;
  const double z = normal_quantile(u);
  const double x = std::floor(mean + sd * (z + skew * (z * z - 1) / 6) + 0.5);
  return std::clamp(x, 0.0, n);
}

}  // namespace swv
