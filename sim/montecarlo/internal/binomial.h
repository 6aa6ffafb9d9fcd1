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
// - The same bits on every processor: the inversion's P(X = 0) = exp(n log1p(-p)) and BTRS's slow
//   test use our own exp, log1p and log (exp_log.h), not the C library's (BTRS took std::log until
//   issue 31c; no draw of the examples changed).
// - Lanes (issue 31): binomial_inversion8 and binomial8 draw 8 at once, each lane bit for bit the
//   scalar function's draw, with AVX2 or the portable code (simd_isa.h).
#include <bit>
#include <cmath>
#include <cstdint>

#include "random.h"
#include "simd_isa.h"

namespace swv {

constexpr double kBinomialInversionBelow = 10.0;
constexpr uint32_t kBinomialMaxRetries = 1000;
// binomial8 draws its BTRS lanes together (AVX2) from this many on; fewer go one by one, which is
// cheaper for 1 or 2 (tools/bench/bench-flows.cpp: a call costs about 110, 160, 195 and 225 ns
// with 1 to 4 BTRS lanes together, against 85, 145, 205 and 260 one by one).
constexpr int kBtrsLanesFrom = 3;

// Exact inversion for any p, from one uniform u in (0, 1) (monotone in u).
double binomial_inversion(double n, double p, double u);

// out[i] = binomial_inversion(n[i], p[i], u[i]) for the 8 lanes, bit for bit, including the special
// cases. With AVX2 the lanes walk their pmfs together until the last is done; the portable code draws
// lane by lane. out may not overlap the inputs.
void binomial_inversion8(const double n[simd::kLanes], const double p[simd::kLanes], const double u[simd::kLanes],
                         double out[simd::kLanes], simd::Isa isa = simd::active_isa());

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

// BTRS after a rejected first attempt: the attempts from more(1), more(2), ... (two per call) until
// one is accepted; NaN after kBinomialMaxRetries calls.
template <class More>
double btrs_retries(Btrs& bt, More&& more) {
  for (uint32_t t = 1; t <= kBinomialMaxRetries; ++t) {
    const Stream::Words w = more(t);
    double k = bt.attempt(Stream::u32(w[0]), Stream::u32(w[1]));
    if (k < 0) k = bt.attempt(Stream::u32(w[2]), Stream::u32(w[3]));
    if (k >= 0) return k;
  }
  return NAN;
}

// The BTRS branch of binomial (q = min(p, 1 - p), flip when p > 1/2), shared by binomial and binomial8.
template <class More>
double btrs_draw(double n, double q, bool flip, uint32_t a, uint32_t b, More&& more) {
  Btrs bt(n, q);
  double k = bt.attempt(Stream::u32(a), Stream::u32(b));
  if (k < 0) k = btrs_retries(bt, more);
  return flip ? n - k : k;
}

// The first attempt of BTRS for the lanes in the bit mask lanes (bit i: lane i; each with n[i] p[i]
// in BTRS's range, p on either side of 1/2), side by side in AVX2: Btrs's setup and attempt with the
// same operations per lane, the slow test with our own log as Btrs::attempt has it. Writes out[i] =
// the draw (flipped when p[i] > 1/2) for the lanes accepted at once and returns the mask of those
// rejected, which go on lane by lane (btrs_retries); leaves the other lanes of out alone. Only with
// AVX2 (binomial8 checks simd::use_avx2).
unsigned btrs8_first_avx2(const double n[simd::kLanes], const double p[simd::kLanes], const uint32_t a[simd::kLanes],
                          const uint32_t b[simd::kLanes], unsigned lanes, double out[simd::kLanes]);
}  // namespace binomial_detail

template <class More>
double binomial(double n, double p, uint32_t a, uint32_t b, More&& more) {
  if (!std::isfinite(n) || std::isnan(p)) return NAN;
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const bool flip = p > 0.5;
  const double q = flip ? 1 - p : p;
  if (n * q < kBinomialInversionBelow) return binomial_inversion(n, p, Stream::u32(a));
  return binomial_detail::btrs_draw(n, q, flip, a, b, more);
}

// binomial for 8 lanes: out[i] = binomial(n[i], p[i], a[i], b[i], more_i) bit for bit, where more_i(t)
// = more(i, t). The inversion lanes go through binomial_inversion8 together (the BTRS lanes ride along
// as n = 0, which costs little). With AVX2 and at least kBtrsLanesFrom BTRS lanes, these make their
// first attempt together (btrs8_first_avx2: about 4 in 5 are accepted there) and only those rejected
// go on one by one; otherwise, and in the portable code, each BTRS lane draws on its own, as
// binomial does. out may not overlap the inputs.
template <class More>
void binomial8(const double n[simd::kLanes], const double p[simd::kLanes], const uint32_t a[simd::kLanes],
               const uint32_t b[simd::kLanes], More&& more, double out[simd::kLanes], simd::Isa isa = simd::active_isa()) {
  double nn[simd::kLanes], u[simd::kLanes];
  unsigned btrs = 0;
  for (int i = 0; i < simd::kLanes; ++i) {
    // The tests of binomial in the same order: special cases go to the inversion, which gives them alike.
    const bool special = !std::isfinite(n[i]) || std::isnan(p[i]) || n[i] <= 0 || p[i] <= 0 || p[i] >= 1;
    const double q = p[i] > 0.5 ? 1 - p[i] : p[i];
    const bool lane_btrs = !special && !(n[i] * q < kBinomialInversionBelow);
    btrs |= static_cast<unsigned>(lane_btrs) << i;
    nn[i] = lane_btrs ? 0.0 : n[i];
    u[i] = Stream::u32(a[i]);
  }
  if (btrs != (1u << simd::kLanes) - 1) binomial_inversion8(nn, p, u, out, isa);  // (all BTRS: nothing to invert)
  if (btrs == 0) return;
  const bool vector = simd::use_avx2(isa) && std::popcount(btrs) >= kBtrsLanesFrom;
  const unsigned one_by_one = vector ? binomial_detail::btrs8_first_avx2(n, p, a, b, btrs, out) : btrs;
  for (int i = 0; i < simd::kLanes; ++i)
    if (one_by_one >> i & 1u) {
      const bool flip = p[i] > 0.5;
      const double q = flip ? 1 - p[i] : p[i];
      auto more_i = [&](uint32_t t) -> Stream::Words { return more(i, t); };
      if (vector) {  // the first attempt was rejected: the same setup again, then the retries
        binomial_detail::Btrs bt(n[i], q);
        const double k = binomial_detail::btrs_retries(bt, more_i);
        out[i] = flip ? n[i] - k : k;
      } else {
        out[i] = binomial_detail::btrs_draw(n[i], q, flip, a[i], b[i], more_i);
      }
    }
}

}  // namespace swv
