#pragma once
// A prototype for swvsim_bench_flows only (not used by the engine): the flows' BTRS (binomial.h) for
// 4 draws at once in AVX2, every attempt in the vector (retries too). log comes from glibc's vector
// library (libmvec), which may differ from the scalar log in the last bit, so a rare draw can land
// one step apart; the bench counts those. (The inversion that was prototyped here is in the engine
// since issue 31, binomial_inversion8; BTRS's first attempt since issue 31c, in binomial8 with our
// own log and the same bits as binomial.)
#include <cstddef>

#include "random.h"

namespace swv::bench {

// out[i] = the BTRS draw of Binomial(n[i], p[i]) (binomial.h: min(n p, n (1 - p)) at least
// kBinomialInversionBelow), with the words binomial() would use when called with
// s.raw(driver, 0, i)[0..1] and more(t) = s.raw(driver, t, i): the first attempt from the former,
// retries two per call of the latter. 4 draws side by side; every lane retries until its candidate
// is accepted. False (nothing written) without AVX2.
bool btrs_lanes(const double* n, const double* p, const Stream& s, uint32_t driver, double* out, size_t count);

}  // namespace swv::bench
