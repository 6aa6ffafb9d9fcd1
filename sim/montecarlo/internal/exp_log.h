#pragma once
// exp, log1p and log of our own (issue 31): the binomial inversion needs exp(n log1p(-p)) for 8 paths
// at once, and BTRS's slow test log for 8 (binomial.h), and the C library's scalar functions and its
// vector ones (libmvec) may differ in the last bit, which would let a draw land one step apart
// depending on the instruction set. These give the same bits for every input in the scalar function,
// the portable batch and the AVX2 batch: only IEEE +, -, *, /, comparisons and bit manipulation of the
// exponent, the same operations in the same order, no fused multiply-add (-ffp-contract=off), no libm
// call (exp_log_kernels.h has the method).
//
// Accuracy, against glibc's std::exp, std::log1p and std::log (tests/montecarlo/test_exp_log.cpp,
// millions of points): never more than 1 unit in the last place apart. exp over [-750, 0] (the
// inversion's range) and beyond: equal on 99.8% of inputs, else 1 ulp (the table method of glibc's
// exp, without fused multiply-add); subnormal results equal on 99%. log1p of -p (fdlibm's method):
// equal on 99.86% of p uniform in (0, 1/2] and on all but 1 in 10^5 of p spread over every binade
// down to the smallest subnormal, else 1 ulp. log (a table method as glibc's, our own table): within
// 0,52 ulp of the exact value (against long double), equal to glibc's on 99.9% of BTRS's arguments
// and on all but a few in 10^6 over every binade.
//
// Special values:
// - exp: NaN gives the same NaN; x > 709.78... (overflow) +inf; x < -745.13... 0, as std::exp;
//   results below the smallest normal double (x < -708.4) are subnormal, rounded twice (to 53 bits,
//   then to the subnormal spacing), so within 1 ulp of that spacing; -inf gives 0, +inf gives +inf.
// - log1p: NaN gives the same NaN; |x| < 2^-54 gives x (so log1p(-0) = -0); -1 gives -inf; x < -1
//   gives a quiet NaN (glibc's has the sign bit set: only the sign of the NaN differs); +inf gives +inf.
// - log: NaN gives the same NaN; +-0 gives -inf; x < 0 (and -inf) a quiet NaN; +inf gives +inf;
//   subnormal x as any other.
#include "simd_isa.h"

namespace swv::simd {

double exp(double x);
double log1p(double x);
double log(double x);

// out[i] = exp(x[i]), log1p(x[i]) or log(x[i]) for the 8 lanes, bit for bit as the scalar functions on either
// instruction set. out may be x.
void exp8(const double x[kLanes], double out[kLanes], Isa isa = active_isa());
void log1p8(const double x[kLanes], double out[kLanes], Isa isa = active_isa());
void log8(const double x[kLanes], double out[kLanes], Isa isa = active_isa());

}  // namespace swv::simd
