#include "bench_lanes.h"

#include <cmath>

#include "philox_batch.h"
#include "simd_target.h"

#if SWV_HAVE_X86
// glibc's AVX2 vector versions of exp and log1p (libmvec, part of libc6).
extern "C" __m256d _ZGVdN4v_exp(__m256d);
extern "C" __m256d _ZGVdN4v_log1p(__m256d);
#endif

namespace swv::bench {

#if SWV_HAVE_X86
namespace {

// Four draws at a time, G groups of them side by side (G independent dependency chains hide each
// other's latency): the same walk as binomial.h's invert (p <= 1/2 after the flip), one lane per
// draw, running until every lane's CDF has passed its u; lanes that are done stop counting.
template <int G>
SWV_AVX2 void lanes(const double* n_in, const double* p_in, const double* u_in, double* out) {
  const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5), zero = _mm256_setzero_pd();
  __m256d n[G], p[G], u[G], flip[G], k[G], pk[G], cdf[G], ratio[G], active[G];
  int any = 0;
  for (int g = 0; g < G; ++g) {
    n[g] = _mm256_loadu_pd(n_in + 4 * g);
    const __m256d p0 = _mm256_loadu_pd(p_in + 4 * g), u0 = _mm256_loadu_pd(u_in + 4 * g);
    flip[g] = _mm256_cmp_pd(p0, half, _CMP_GT_OQ);
    p[g] = _mm256_blendv_pd(p0, _mm256_sub_pd(one, p0), flip[g]);
    u[g] = _mm256_blendv_pd(u0, _mm256_sub_pd(one, u0), flip[g]);
    k[g] = zero;
    // Bernoulli's bound: u <= 1 - n p means 0, without exp or log (as the scalar code).
    any |= _mm256_movemask_pd(_mm256_cmp_pd(u[g], _mm256_sub_pd(one, _mm256_mul_pd(n[g], p[g])), _CMP_GT_OQ));
  }
  if (any != 0) {
    for (int g = 0; g < G; ++g) {
      ratio[g] = _mm256_div_pd(p[g], _mm256_sub_pd(one, p[g]));
      pk[g] = _ZGVdN4v_exp(_mm256_mul_pd(n[g], _ZGVdN4v_log1p(_mm256_sub_pd(zero, p[g]))));
      cdf[g] = pk[g];
      active[g] = _mm256_and_pd(_mm256_cmp_pd(u[g], cdf[g], _CMP_GT_OQ), _mm256_cmp_pd(k[g], n[g], _CMP_LT_OQ));
    }
    for (;;) {
      int live = 0;
      for (int g = 0; g < G; ++g) live |= _mm256_movemask_pd(active[g]);
      if (live == 0) break;
      for (int g = 0; g < G; ++g) {
        const __m256d step = _mm256_div_pd(_mm256_mul_pd(_mm256_sub_pd(n[g], k[g]), ratio[g]), _mm256_add_pd(k[g], one));
        pk[g] = _mm256_mul_pd(pk[g], step);
        k[g] = _mm256_add_pd(k[g], _mm256_and_pd(active[g], one));
        cdf[g] = _mm256_add_pd(cdf[g], pk[g]);
        active[g] = _mm256_and_pd(active[g], _mm256_and_pd(_mm256_cmp_pd(u[g], cdf[g], _CMP_GT_OQ), _mm256_cmp_pd(k[g], n[g], _CMP_LT_OQ)));
      }
    }
  }
  for (int g = 0; g < G; ++g) _mm256_storeu_pd(out + 4 * g, _mm256_blendv_pd(k[g], _mm256_sub_pd(n[g], k[g]), flip[g]));
}

}  // namespace
#endif

bool inversion_lanes(const double* n, const double* p, const double* u, double* out, size_t count, int width) {
#if SWV_HAVE_X86
  if (!simd::avx2_available() || (width != 4 && width != 8)) return false;
  const size_t w = static_cast<size_t>(width);
  size_t i = 0;
  for (; i + w <= count; i += w) width == 8 ? lanes<2>(n + i, p + i, u + i, out + i) : lanes<1>(n + i, p + i, u + i, out + i);
  if (i < count) {  // the last few, padded with copies of the first
    double nn[8], pp[8], uu[8], oo[8];
    for (size_t j = 0; j < w; ++j) {
      const size_t from = i + j < count ? i + j : 0;
      nn[j] = n[from], pp[j] = p[from], uu[j] = u[from];
    }
    width == 8 ? lanes<2>(nn, pp, uu, oo) : lanes<1>(nn, pp, uu, oo);
    for (size_t j = 0; i + j < count; ++j) out[i + j] = oo[j];
  }
  return true;
#else
  (void)n, (void)p, (void)u, (void)out, (void)count, (void)width;
  return false;
#endif
}

}  // namespace swv::bench
