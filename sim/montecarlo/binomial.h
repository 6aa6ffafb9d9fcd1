#pragma once
// Binomial(n, p) from one uniform u in (0,1): the flow sampler of Monte-Carlo mode.
//
// Contract:
// - A pure function of (n, p, u): no state, no allocation; the result is a whole number in [0, n]
//   (0 when n <= 0 or p <= 0, n when p >= 1).
// - Exact (inversion of the CDF) when the mean n p or its complement n (1 - p) is below
//   kBinomialExactBelow; otherwise the normal approximation with a skewness (Cornish-Fisher) term
//   and a continuity correction, rounded and clamped to [0, n]. Its largest CDF error, 0.0005 at
//   the switch-over, is bounded (0.0006) in tests/montecarlo/test_draws.cpp and documented in docs/keuzes.md.
// - Monotone in u, so common random numbers keep a variant's flows close to its base's.
namespace swv {

constexpr double kBinomialExactBelow = 30.0;

double binomial(double n, double p, double u);

}  // namespace swv
