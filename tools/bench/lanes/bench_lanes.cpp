#include "bench_lanes.h"

#include <cmath>
#include <cstdint>

#include "binomial.h"
#include "philox_batch.h"
#include "simd_target.h"

#if SWV_HAVE_X86
// glibc's AVX2 vector log (libmvec, part of libc6).
extern "C" __m256d _ZGVdN4v_log(__m256d);
#endif

namespace swv::bench {

#if SWV_HAVE_X86
namespace {

// The remainder of Stirling's series as binomial.cpp has it: the series for every lane, and
// binomial_detail::stirling_tail (its table) for lanes below 10 (rare in BTRS's range).
SWV_AVX2 __m256d stirling_tail(__m256d k) {
  const __m256d k1 = _mm256_add_pd(k, _mm256_set1_pd(1.0)), k1sq = _mm256_mul_pd(k1, k1);
  __m256d t = _mm256_div_pd(_mm256_sub_pd(_mm256_set1_pd(1.0 / 12),
                                          _mm256_div_pd(_mm256_sub_pd(_mm256_set1_pd(1.0 / 360), _mm256_div_pd(_mm256_set1_pd(1.0 / 1260), k1sq)), k1sq)),
                            k1);
  if (_mm256_movemask_pd(_mm256_cmp_pd(k, _mm256_set1_pd(10.0), _CMP_LT_OQ)) != 0) {
    alignas(32) double kk[4], tt[4];
    _mm256_store_pd(kk, k), _mm256_store_pd(tt, t);
    for (int j = 0; j < 4; ++j)
      if (kk[j] < 10) tt[j] = binomial_detail::stirling_tail(kk[j]);
    t = _mm256_load_pd(tt);
  }
  return t;
}

// Four BTRS draws (Hörmann 1993, as binomial.cpp), lanes retrying until each is accepted. first: the
// draws' indices (for their words).
SWV_AVX2 void btrs4(const double* n_in, const double* p_in, const Stream& s, uint32_t driver, size_t first, double* out) {
  const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5), zero = _mm256_setzero_pd();
  const __m256d sign = _mm256_set1_pd(-0.0);
  const __m256d n = _mm256_loadu_pd(n_in), p0 = _mm256_loadu_pd(p_in);
  const __m256d flip = _mm256_cmp_pd(p0, half, _CMP_GT_OQ);
  const __m256d p = _mm256_blendv_pd(p0, _mm256_sub_pd(one, p0), flip);
  const __m256d spq = _mm256_sqrt_pd(_mm256_mul_pd(_mm256_mul_pd(n, p), _mm256_sub_pd(one, p)));
  const __m256d b = _mm256_add_pd(_mm256_set1_pd(1.15), _mm256_mul_pd(_mm256_set1_pd(2.53), spq));
  const __m256d a = _mm256_add_pd(_mm256_add_pd(_mm256_set1_pd(-0.0873), _mm256_mul_pd(_mm256_set1_pd(0.0248), b)),
                                  _mm256_mul_pd(_mm256_set1_pd(0.01), p));
  const __m256d c = _mm256_add_pd(_mm256_mul_pd(n, p), half);
  const __m256d v_r = _mm256_sub_pd(_mm256_set1_pd(0.92), _mm256_div_pd(_mm256_set1_pd(4.2), b));
  const __m256d r = _mm256_div_pd(p, _mm256_sub_pd(one, p));
  const __m256d alpha = _mm256_mul_pd(_mm256_add_pd(_mm256_set1_pd(2.83), _mm256_div_pd(_mm256_set1_pd(5.1), b)), spq);
  const __m256d m = _mm256_floor_pd(_mm256_mul_pd(_mm256_add_pd(n, one), p));
  const __m256d nm1 = _mm256_add_pd(_mm256_sub_pd(n, m), one);  // n - m + 1
  bool have_fm = false;
  __m256d log_fm = zero;
  __m256d k_out = zero, pending = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  alignas(32) double uu[4], vv[4];
  uint32_t attempt[4] = {0, 0, 0, 0};
  Stream::Words w[4];
  for (int j = 0; j < 4; ++j) w[j] = s.raw(driver, 0, static_cast<uint32_t>(first + static_cast<size_t>(j)));
  for (int round = 0; _mm256_movemask_pd(pending) != 0; ++round) {
    const int live = _mm256_movemask_pd(pending);
    for (int j = 0; j < 4; ++j) {
      if (!(live >> j & 1)) continue;
      const uint32_t t = attempt[j];  // 0: the draw's own words; then two attempts per retry call
      if (t > 0 && t % 2 == 1) w[j] = s.raw(driver, (t + 1) / 2, static_cast<uint32_t>(first + static_cast<size_t>(j)));
      const size_t h = t == 0 ? 0 : 2 * ((t - 1) % 2);
      uu[j] = Stream::u32(w[j][h]), vv[j] = Stream::u32(w[j][h + 1]);
      ++attempt[j];
    }
    const __m256d u = _mm256_sub_pd(_mm256_load_pd(uu), half), v = _mm256_load_pd(vv);
    const __m256d us = _mm256_sub_pd(half, _mm256_andnot_pd(sign, u));
    const __m256d k = _mm256_floor_pd(_mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(_mm256_div_pd(_mm256_mul_pd(_mm256_set1_pd(2.0), a), us), b), u), c));
    const __m256d valid = _mm256_and_pd(_mm256_cmp_pd(k, zero, _CMP_GE_OQ), _mm256_cmp_pd(k, n, _CMP_LE_OQ));
    const __m256d squeeze =
        _mm256_and_pd(valid, _mm256_and_pd(_mm256_cmp_pd(us, _mm256_set1_pd(0.07), _CMP_GE_OQ), _mm256_cmp_pd(v, v_r, _CMP_LE_OQ)));
    __m256d accept = squeeze;
    const __m256d slow = _mm256_and_pd(pending, _mm256_andnot_pd(squeeze, valid));
    if (_mm256_movemask_pd(slow) != 0) {
      if (!have_fm) {
        log_fm = _mm256_add_pd(_mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(m, half), _ZGVdN4v_log(_mm256_div_pd(_mm256_add_pd(m, one), _mm256_mul_pd(r, nm1)))),
                                             stirling_tail(m)),
                               stirling_tail(_mm256_sub_pd(n, m)));
        have_fm = true;
      }
      const __m256d ks = _mm256_blendv_pd(m, k, slow);  // lanes not in the slow test: a harmless k
      const __m256d lv = _ZGVdN4v_log(_mm256_div_pd(_mm256_mul_pd(v, alpha), _mm256_add_pd(_mm256_div_pd(a, _mm256_mul_pd(us, us)), b)));
      const __m256d nk1 = _mm256_add_pd(_mm256_sub_pd(n, ks), one);  // n - k + 1
      const __m256d bound = _mm256_sub_pd(
          _mm256_sub_pd(_mm256_add_pd(_mm256_add_pd(log_fm, _mm256_mul_pd(_mm256_add_pd(n, one), _ZGVdN4v_log(_mm256_div_pd(nm1, nk1)))),
                                      _mm256_mul_pd(_mm256_add_pd(ks, half), _ZGVdN4v_log(_mm256_div_pd(_mm256_mul_pd(r, nk1), _mm256_add_pd(ks, one))))),
                        stirling_tail(ks)),
          stirling_tail(_mm256_sub_pd(n, ks)));
      accept = _mm256_or_pd(accept, _mm256_and_pd(slow, _mm256_cmp_pd(lv, bound, _CMP_LE_OQ)));
    }
    accept = _mm256_and_pd(accept, pending);
    k_out = _mm256_blendv_pd(k_out, k, accept);
    pending = _mm256_andnot_pd(accept, pending);
    if (round > 2000) break;  // never for valid input (each attempt accepted with probability > 0,4)
  }
  _mm256_storeu_pd(out, _mm256_blendv_pd(k_out, _mm256_sub_pd(n, k_out), flip));
}

}  // namespace
#endif

bool btrs_lanes(const double* n, const double* p, const Stream& s, uint32_t driver, double* out, size_t count) {
#if SWV_HAVE_X86
  if (!simd::avx2_available()) return false;
  size_t i = 0;
  for (; i + 4 <= count; i += 4) btrs4(n + i, p + i, s, driver, i, out + i);
  for (; i < count; ++i) {  // the last few, each padded with copies of itself
    double nn[4] = {n[i], n[i], n[i], n[i]}, pp[4] = {p[i], p[i], p[i], p[i]}, oo[4];
    btrs4(nn, pp, s, driver, i, oo);  // lane 0 draws with draw i's words
    out[i] = oo[0];
  }
  return true;
#else
  (void)n, (void)p, (void)s, (void)driver, (void)out, (void)count;
  return false;
#endif
}

}  // namespace swv::bench
