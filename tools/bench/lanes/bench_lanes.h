#pragma once
// A prototype for swvsim_bench_flows only (not used by the engine): the flows' exact inversion and
// BTRS (binomial.h) for 4 or 8 draws at once in AVX2, to measure what a path loop over lanes would
// gain on the flows. exp, log and log1p come from glibc's vector library (libmvec), which may differ
// from the scalar libm in the last bit, so a rare draw can land one step apart; the bench counts
// those.
#include <cstddef>

#include "random.h"

namespace swv::bench {

// out[i] = the inversion draw of Binomial(n[i], p[i]) from the uniform u[i] (0 < u < 1), for p[i] in
// (0, 1) and whole n[i] > 0, `width` (4 or 8) draws side by side. False (nothing written) without
// AVX2 or for another width.
bool inversion_lanes(const double* n, const double* p, const double* u, double* out, size_t count, int width);

// out[i] = the BTRS draw of Binomial(n[i], p[i]) (binomial.h: min(n p, n (1 - p)) at least
// kBinomialInversionBelow), with the words binomial() would use when called with
// s.raw(driver, 0, i)[0..1] and more(t) = s.raw(driver, t, i): the first attempt from the former,
// retries two per call of the latter. 4 draws side by side; every lane retries until its candidate
// is accepted. False (nothing written) without AVX2.
bool btrs_lanes(const double* n, const double* p, const Stream& s, uint32_t driver, double* out, size_t count);

}  // namespace swv::bench
