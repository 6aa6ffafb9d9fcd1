#pragma once
// The inverse normal Phi^-1 for batches (issue 16), with an AVX2 version (4 doubles at a time) and a
// portable scalar one that give the same bits for every input: both run the same IEEE operations in
// the same order (no FMA: this file is compiled with -ffp-contract=off), including their own
// logarithm for the tails, so a run is bit-identical on either instruction set (philox_batch.h
// chooses the set: active_isa, SWVSIM_SIMD=scalar).
//
// Method: Wichura's AS 241 (PPND16), as normal_quantile in value.cpp. The central region |u - 0.5| <=
// 0.425 is the same rational function evaluated the same way, so there the result equals
// normal_quantile bit for bit; the tails need sqrt(-log(p)), where log is our own (log_tail below)
// instead of the C library's. Accuracy against normal_quantile (tests/montecarlo/test_lanes.cpp,
// figures in docs/performance.md): identical in the centre, relative difference below 1e-15 in the
// tails down to the smallest double.
#include <cstddef>

#include "philox_batch.h"

namespace swv::simd {

// z[i] = Phi^-1(u[i]) for i < n: 0 < u < 1 gives a finite score, u <= 0 (or NaN) -inf, u >= 1 +inf
// (as normal_quantile). z may be the same array as u.
void normal_quantile(size_t n, const double* u, double* z, Isa isa = active_isa());

// One value, exactly as the batch gives it on either instruction set.
double normal_quantile_one(double u);

// The natural logarithm of the tails, for 0 < x < 1 (subnormals included), with the same bits on both
// instruction sets; error below one unit in the last place (tested against std::log).
double log_tail(double x);

}  // namespace swv::simd
