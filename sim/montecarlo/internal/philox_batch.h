#pragma once
// Building blocks of the batched engine (issue 16): Philox4x32-10 for many counters at once and the
// 53-bit uniform of random.h, in structure-of-arrays form, with an AVX2 implementation and a portable
// scalar one chosen at run time. Both give exactly the words of r123::Philox4x32 (Random123) and
// exactly Stream::u53 for every lane, so a run is bit-identical on either instruction set.
// The inverse normal for batches is in normal_batch.h.
//
// The instruction set (AVX2 or portable, SWVSIM_SIMD=scalar) is chosen in simd_isa.h.
#include <cstddef>
#include <cstdint>

#include "simd_isa.h"

namespace swv::simd {

// Lanes processed together by the AVX2 Philox (8 x 32 bits); any n works, the remainder runs lane by
// lane with the same results.
constexpr size_t kPhiloxLanes = 8;

// n counters as four word arrays (lane i: {w[0][i], w[1][i], w[2][i], w[3][i]}), n keys as two.
struct CounterArrays {
  const uint32_t* w[4];
};
struct KeyArrays {
  const uint32_t* w[2];
};
struct WordArrays {
  uint32_t* w[4];
};

// out.w[j][i] = word j of r123::Philox4x32()({ctr.w[0][i], .., ctr.w[3][i]}, {key.w[0][i], key.w[1][i]})
// for i < n. An output array may be the same array as a counter array (in place); otherwise arrays
// must not overlap.
void philox4x32_10(size_t n, CounterArrays ctr, KeyArrays key, WordArrays out, Isa isa = active_isa());
// The same with one key {key0, key1} for every lane (one path, many counters).
void philox4x32_10(size_t n, CounterArrays ctr, uint32_t key0, uint32_t key1, WordArrays out,
                   Isa isa = active_isa());

// out[i] = Stream::u53(a[i], b[i]) (random.h), bit for bit: a uniform strictly inside (0, 1) with 53
// bits. out must not overlap a or b.
void u53(size_t n, const uint32_t* a, const uint32_t* b, double* out, Isa isa = active_isa());

}  // namespace swv::simd
