#pragma once
// Binomial(n, p) from one uniform u in (0,1): the flow sampler of Monte-Carlo mode.
//
// Exact (inversion of the CDF) when the mean or its complement is below kExactBelow; otherwise
// the normal approximation with a skewness (Cornish-Fisher) term and a continuity correction,
// rounded and clamped to [0, n]. The approximation's largest CDF error at the switch-over is
// measured in tests/test_binomial.cpp and documented in docs/keuzes.md. Monotone in u, so common
// random numbers keep a variant's flows close to its base's.
namespace swv {

constexpr double kBinomialExactBelow = 30.0;

double binomial(double n, double p, double u);

}  // namespace swv
