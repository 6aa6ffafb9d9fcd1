#pragma once
// Binomial(n, p) from counter-based words: the flow sampler of Monte-Carlo mode.
//
// Contract:
// - Exact in distribution for every n and p (issue 16; 0.3 and earlier approximated large means):
//   - inversion of the CDF (a walk up from 0) when the smaller of the means n p and n (1 - p) is
//     below kBinomialInversionBelow: one uniform, from word a;
//   - otherwise Hörmann's transformed rejection with squeeze (BTRS, 1993): each attempt takes two
//     uniforms, the first from words a and b, later ones from more(t) (t = 1, 2, ...: four words,
//     two attempts). About 1,1 attempts on average; the acceptance test uses log f(k) / f(m)
//     through the Stirling series (table for k < 10), relative error below 1e-10.
// - A pure function of (n, p, words): no state, no allocation; a whole number in [0, n] (0 when
//   n <= 0 or p <= 0, n when p >= 1). n is a whole number (the caller rounds).
// - Always ends: a non-finite n or a NaN p (an overflow upstream) gives NaN at once, and BTRS gives
//   up with NaN after kBinomialMaxRetries calls of more (never for valid input: each attempt is
//   accepted with probability above 0,4). The run reports a NaN as a run-time error, never a hang.
// - Common random numbers: inversion is monotone in u; in BTRS the candidate is a monotone
//   transform of the first uniform and most draws are accepted at the first attempt, so a variant's
//   flows stay close to its base's.
// - The same bits on every processor: the inversion's P(X = 0) = exp(n log1p(-p)) uses our own exp
//   and log1p (exp_log.h), not the C library's.
#include <cmath>
#include <cstdint>

#include "random.h"

namespace swv {

constexpr double kBinomialInversionBelow = 10.0;
constexpr uint32_t kBinomialMaxRetries = 1000;

// Exact inversion for any p, from one uniform u in (0, 1) (monotone in u).
double binomial_inversion(double n, double p, double u);

namespace binomial_detail {
// The remainder of Stirling's series, log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], for
// a whole k >= 0: from lgamma below 10, the series beyond (error below 1e-10 there).
double stirling_tail(double k);
// BTRS for p <= 1/2 and n p >= kBinomialInversionBelow.
struct Btrs {
  double n, p, b, a, c, v_r, r, alpha, m;
  // The part of log f(k) / f(m) that does not depend on k: only the slow test needs it (about one
  // attempt in seven), so attempt computes it there, once (NaN until then).
  double log_fm_part = NAN;
  Btrs(double n, double p);
  // The candidate of one attempt from two uniforms (u in (0,1), v in (0,1)): k >= 0 when accepted,
  // -1 when rejected.
  double attempt(double u, double v);
};
}  // namespace binomial_detail

template <class More>
double binomial(double n, double p, uint32_t a, uint32_t b, More&& more) {
  if (!std::isfinite(n) || std::isnan(p)) return NAN;
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const bool flip = p > 0.5;
  const double q = flip ? 1 - p : p;
  if (n * q < kBinomialInversionBelow) return binomial_inversion(n, p, Stream::u32(a));
  binomial_detail::Btrs bt(n, q);
  double k = bt.attempt(Stream::u32(a), Stream::u32(b));
  for (uint32_t t = 1; k < 0; ++t) {
    if (t > kBinomialMaxRetries) return NAN;
    const Stream::Words w = more(t);
    k = bt.attempt(Stream::u32(w[0]), Stream::u32(w[1]));
    if (k < 0) k = bt.attempt(Stream::u32(w[2]), Stream::u32(w[3]));
  }
  return flip ? n - k : k;
}

}  // namespace swv
