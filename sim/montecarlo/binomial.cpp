#include "binomial.h"

#include <array>
#include <cmath>

#include "exp_log_kernels.h"

namespace swv {

namespace {

// Exact inversion for p <= 0.5: walk the pmf up from k = 0 until the CDF passes u. The walk takes
// about n p steps, fewer than ~25 while n p < 10 (kBinomialInversionBelow).
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
  // Our own exp and log1p: the same bits as the lanes (binomial_inversion8) on every processor.
  double pk = simd::exp_log_detail::exp_one(n * simd::exp_log_detail::log1p_one(-p)), cdf = pk, k = 0;
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

double binomial_inversion(double n, double p, double u) {
  if (!std::isfinite(n) || std::isnan(p)) return NAN;
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return p <= 0.5 ? invert(n, p, u) : n - invert(n, 1 - p, 1 - u);
}

namespace binomial_detail {

// The remainder of Stirling's series: log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2],
// from lgamma for k < 10 (computed once) and the series beyond (error below 1e-10 there).
double stirling_tail(double k) {
  static const auto table = [] {
    std::array<double, 10> t{};
    for (int i = 0; i < 10; ++i) {
      const double x = i;
      t[static_cast<size_t>(i)] = std::lgamma(x + 1) - ((x + 0.5) * std::log(x + 1) - (x + 1) + 0.5 * std::log(2 * M_PI));
    }
    return t;
  }();
  if (k < 10) return table[static_cast<size_t>(k)];
  const double k1 = k + 1, k1sq = k1 * k1;
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k1sq) / k1sq) / k1;
}

// Hörmann (1993), "The generation of binomial random variates", J. Stat. Comput. Simul. 46,
// algorithm BTRS; constants as in the paper.
Btrs::Btrs(double n_, double p_) : n(n_), p(p_) {
  const double spq = std::sqrt(n * p * (1 - p));
  b = 1.15 + 2.53 * spq;
  a = -0.0873 + 0.0248 * b + 0.01 * p;
  c = n * p + 0.5;
  v_r = 0.92 - 4.2 / b;
  r = p / (1 - p);
  alpha = (2.83 + 5.1 / b) * spq;
  m = std::floor((n + 1) * p);
}

double Btrs::attempt(double u, double v) {
  u -= 0.5;
  const double us = 0.5 - std::fabs(u);
  const double k = std::floor((2 * a / us + b) * u + c);
  if (k < 0 || k > n) return -1;
  if (us >= 0.07 && v <= v_r) return k;  // the squeeze: inside the box where acceptance is certain
  const double lv = std::log(v * alpha / (a / (us * us) + b));
  if (std::isnan(log_fm_part)) log_fm_part = (m + 0.5) * std::log((m + 1) / (r * (n - m + 1))) + stirling_tail(m) + stirling_tail(n - m);
  const double bound = log_fm_part + (n + 1) * std::log((n - m + 1) / (n - k + 1)) + (k + 0.5) * std::log(r * (n - k + 1) / (k + 1)) -
                       stirling_tail(k) - stirling_tail(n - k);
  return lv <= bound ? k : -1;
}

}  // namespace binomial_detail

}  // namespace swv
