// Philox4x32-10 and u53 for batches (philox_batch.h): a portable lane-by-lane version and an AVX2
// version of 8 lanes, compiled per function with target("avx2") and chosen at run time.
//
// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011; Random123):
// ten rounds of  {c0, c1, c2, c3} -> {hi(M1*c2) ^ c1 ^ k0, lo(M1*c2), hi(M0*c0) ^ c3 ^ k1, lo(M0*c0)}
// with the key bumped by {W0, W1} before every round but the first. Integer arithmetic only, so the
// two versions agree exactly; tests/montecarlo/test_lanes.cpp checks both against Random123.
#include "philox_batch.h"

#include "random.h"

#include "simd_target.h"

namespace swv::simd {

namespace {

constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // PHILOX_M4x32_0, _1
constexpr uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // PHILOX_W32_0, _1 (key bumps)
constexpr int kRounds = 10;

// One round and one lane, exactly as Random123's philox.h.
inline void round_lane(uint32_t& c0, uint32_t& c1, uint32_t& c2, uint32_t& c3, uint32_t k0, uint32_t k1) {
  const uint64_t p0 = static_cast<uint64_t>(kM0) * c0;
  const uint64_t p1 = static_cast<uint64_t>(kM1) * c2;
  c0 = static_cast<uint32_t>(p1 >> 32) ^ c1 ^ k0;
  c2 = static_cast<uint32_t>(p0 >> 32) ^ c3 ^ k1;
  c1 = static_cast<uint32_t>(p1);
  c3 = static_cast<uint32_t>(p0);
}

// One lane, all ten rounds.
inline void philox_one(uint32_t& c0, uint32_t& c1, uint32_t& c2, uint32_t& c3, uint32_t a, uint32_t b) {
  round_lane(c0, c1, c2, c3, a, b);
  for (int r = 1; r < kRounds; ++r) {
    a += kW0;
    b += kW1;
    round_lane(c0, c1, c2, c3, a, b);
  }
}

// Lanes [from, n): k0/k1 per lane, or key0/key1 for all when k0 is null. Groups of 16 lanes are
// written to local arrays first (so the lane loop has no stores that may alias its inputs), which lets
// the compiler vectorise it with the baseline instruction set (SSE2 on x86-64); the rest lane by lane.
inline void philox_lanes(size_t from, size_t n, const CounterArrays& ctr, const uint32_t* k0, const uint32_t* k1,
                         uint32_t key0, uint32_t key1, const WordArrays& out) {
  constexpr size_t L = 16;
  size_t i = from;
  for (; i + L <= n; i += L) {
    uint32_t o0[L], o1[L], o2[L], o3[L];
    const uint32_t *p0 = ctr.w[0] + i, *p1 = ctr.w[1] + i, *p2 = ctr.w[2] + i, *p3 = ctr.w[3] + i;
    if (k0) {
      const uint32_t *a = k0 + i, *b = k1 + i;
      for (size_t l = 0; l < L; ++l) {
        o0[l] = p0[l], o1[l] = p1[l], o2[l] = p2[l], o3[l] = p3[l];
        philox_one(o0[l], o1[l], o2[l], o3[l], a[l], b[l]);
      }
    } else {
      for (size_t l = 0; l < L; ++l) {
        o0[l] = p0[l], o1[l] = p1[l], o2[l] = p2[l], o3[l] = p3[l];
        philox_one(o0[l], o1[l], o2[l], o3[l], key0, key1);
      }
    }
    for (size_t l = 0; l < L; ++l)
      out.w[0][i + l] = o0[l], out.w[1][i + l] = o1[l], out.w[2][i + l] = o2[l], out.w[3][i + l] = o3[l];
  }
  for (; i < n; ++i) {
    uint32_t c0 = ctr.w[0][i], c1 = ctr.w[1][i], c2 = ctr.w[2][i], c3 = ctr.w[3][i];
    philox_one(c0, c1, c2, c3, k0 ? k0[i] : key0, k1 ? k1[i] : key1);
    out.w[0][i] = c0, out.w[1][i] = c1, out.w[2][i] = c2, out.w[3][i] = c3;
  }
}

#if SWV_HAVE_X86

// The 32x32 -> 64-bit products of 8 lanes: _mm256_mul_epu32 multiplies the even 32-bit lanes only,
// so the odd lanes are shifted down and multiplied separately, and the halves blended back.
SWV_AVX2 inline void mulhilo8(__m256i a, __m256i m, __m256i& lo, __m256i& hi) {
  const __m256i even = _mm256_mul_epu32(a, m);                         // products of lanes 0, 2, 4, 6
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);   // products of lanes 1, 3, 5, 7
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

SWV_AVX2 void philox_avx2(size_t n, const CounterArrays& ctr, const uint32_t* k0p, const uint32_t* k1p,
                          uint32_t key0, uint32_t key1, const WordArrays& out) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0)), m1 = _mm256_set1_epi32(static_cast<int>(kM1));
  const __m256i w0 = _mm256_set1_epi32(static_cast<int>(kW0)), w1 = _mm256_set1_epi32(static_cast<int>(kW1));
  const __m256i one0 = _mm256_set1_epi32(static_cast<int>(key0)), one1 = _mm256_set1_epi32(static_cast<int>(key1));
  size_t i = 0;
  for (; i + kPhiloxLanes <= n; i += kPhiloxLanes) {
    __m256i c0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr.w[0] + i));
    __m256i c1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr.w[1] + i));
    __m256i c2 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr.w[2] + i));
    __m256i c3 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ctr.w[3] + i));
    __m256i k0 = k0p ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(k0p + i)) : one0;
    __m256i k1 = k1p ? _mm256_loadu_si256(reinterpret_cast<const __m256i*>(k1p + i)) : one1;
    for (int r = 0; r < kRounds; ++r) {
      if (r > 0) {
        k0 = _mm256_add_epi32(k0, w0);
        k1 = _mm256_add_epi32(k1, w1);
      }
      __m256i lo0, hi0, lo1, hi1;
      mulhilo8(c0, m0, lo0, hi0);
      mulhilo8(c2, m1, lo1, hi1);
      c0 = _mm256_xor_si256(_mm256_xor_si256(hi1, c1), k0);
      c2 = _mm256_xor_si256(_mm256_xor_si256(hi0, c3), k1);
      c1 = lo1;
      c3 = lo0;
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.w[0] + i), c0);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.w[1] + i), c1);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.w[2] + i), c2);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.w[3] + i), c3);
  }
  _mm256_zeroupper();  // clean upper halves before scalar code (see normal_batch.cpp)
  philox_lanes(i, n, ctr, k0p, k1p, key0, key1, out);
}

// u53 of 4 lanes: k = a * 2^21 + (b >> 11) < 2^53 as 64-bit integers, converted exactly to double
// through its 32-bit halves (AVX2 has no 64-bit integer conversion), then the same (k + 0.5) * 2^-53
// and clamp below 1 as Stream::u53.
SWV_AVX2 void u53_avx2(size_t n, const uint32_t* a, const uint32_t* b, double* out) {
  const __m256i lo_bits = _mm256_set1_epi64x(0x4330000000000000LL);  // 2^52
  const __m256i hi_bits = _mm256_set1_epi64x(0x4530000000000000LL);  // 2^84
  const __m256i mask32 = _mm256_set1_epi64x(0xFFFFFFFFLL);
  const __m256d two52 = _mm256_set1_pd(0x1p52), two84 = _mm256_set1_pd(0x1p84);
  const __m256d half = _mm256_set1_pd(0.5), scale = _mm256_set1_pd(1.0 / 9007199254740992.0);
  const __m256d below_one = _mm256_set1_pd(swv::Stream::kBelowOne);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256i av = _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i)));
    const __m256i bv = _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i)));
    const __m256i k = _mm256_xor_si256(_mm256_slli_epi64(av, 21), _mm256_srli_epi64(bv, 11));
    const __m256d lo = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(k, mask32), lo_bits)), two52);
    const __m256d hi = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(k, 32), hi_bits)), two84);
    const __m256d kd = _mm256_add_pd(hi, lo);  // exact: k < 2^53
    const __m256d u = _mm256_mul_pd(_mm256_add_pd(kd, half), scale);
    _mm256_storeu_pd(out + i, _mm256_min_pd(u, below_one));
  }
  _mm256_zeroupper();  // clean upper halves before scalar code (see normal_batch.cpp)
  for (; i < n; ++i) out[i] = swv::Stream::u53(a[i], b[i]);
}

#endif  // SWV_HAVE_X86

}  // namespace

void philox4x32_10(size_t n, CounterArrays ctr, KeyArrays key, WordArrays out, Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return philox_avx2(n, ctr, key.w[0], key.w[1], 0, 0, out);
#endif
  (void)isa;
  philox_lanes(0, n, ctr, key.w[0], key.w[1], 0, 0, out);
}

void philox4x32_10(size_t n, CounterArrays ctr, uint32_t key0, uint32_t key1, WordArrays out, Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return philox_avx2(n, ctr, nullptr, nullptr, key0, key1, out);
#endif
  (void)isa;
  philox_lanes(0, n, ctr, nullptr, nullptr, key0, key1, out);
}

void u53(size_t n, const uint32_t* a, const uint32_t* b, double* out, Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return u53_avx2(n, a, b, out);
#endif
  (void)isa;
  for (size_t i = 0; i < n; ++i) out[i] = swv::Stream::u53(a[i], b[i]);
}

}  // namespace swv::simd
