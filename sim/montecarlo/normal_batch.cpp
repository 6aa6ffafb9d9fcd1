// Phi^-1 for batches (normal_batch.h). Every function below exists twice, once on doubles and once on
// AVX2 vectors of 4 doubles, and the two are written to perform the same IEEE operations in the same
// order: the vector code computes both sides of a branch and blends, which changes no lane's value.
// sim/CMakeLists.txt compiles this file with -ffp-contract=off, so no multiply-add is fused.
#include "normal_batch.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "as241.h"
#include "simd_target.h"

namespace swv::simd {

namespace {

using namespace as241;  // the coefficients of the inverse normal (as241.h)
using as241::horner8;   // the scalar Horner beside the vector one below (one overload set)

// log(x) = e ln2 + log(m), m in [sqrt(1/2), sqrt(2)): with f = m - 1 and s = f / (2 + f),
// log(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R), R = sum_{k>=1} 2 s^(2k) / (2k + 1): the series
// itself (no fitted coefficients), cut after k = 10, where the rest is below 2^-60 of the result
// (s^2 <= 0.0295). ln2 is split in a head with trailing zeros (e * head is exact) and a tail; the
// arrangement of the sum is the one of fdlibm's e_log.c (Sun Microsystems, 1993).
constexpr double kLogR[10] = {2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13,
                              2.0 / 11, 2.0 / 9,  2.0 / 7,  2.0 / 5,  2.0 / 3};  // highest power first
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kTinyNormal = 0x1p-1022;
constexpr uint64_t kMantissa = 0x000FFFFFFFFFFFFFull, kOneBits = 0x3FF0000000000000ull;


#if SWV_HAVE_X86

SWV_AVX2 inline __m256d horner8(const double* c, __m256d r) {
  __m256d acc = _mm256_add_pd(_mm256_mul_pd(r, _mm256_set1_pd(c[0])), _mm256_set1_pd(c[1]));
  for (int k = 2; k < 8; ++k) acc = _mm256_add_pd(_mm256_mul_pd(acc, r), _mm256_set1_pd(c[k]));
  return acc;
}

SWV_AVX2 inline __m256d log_tail4(__m256d x) {
  const __m256d tiny = _mm256_cmp_pd(x, _mm256_set1_pd(kTinyNormal), _CMP_LT_OQ);
  x = _mm256_blendv_pd(x, _mm256_mul_pd(x, _mm256_set1_pd(0x1p54)), tiny);
  const __m256d adj = _mm256_and_pd(tiny, _mm256_set1_pd(54.0));
  const __m256i b = _mm256_castpd_si256(x);
  const __m256i magic = _mm256_set1_epi64x(0x4330000000000000LL);  // 2^52: exact integer -> double
  __m256d e = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(b, 52), magic)),
                            _mm256_set1_pd(0x1p52));
  e = _mm256_sub_pd(e, _mm256_set1_pd(1023.0));
  const __m256i mbits = _mm256_or_si256(_mm256_and_si256(b, _mm256_set1_epi64x(static_cast<long long>(kMantissa))),
                                        _mm256_set1_epi64x(static_cast<long long>(kOneBits)));
  __m256d m = _mm256_castsi256_pd(mbits);
  const __m256d big = _mm256_cmp_pd(m, _mm256_set1_pd(kSqrt2), _CMP_GT_OQ);
  m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), big);
  e = _mm256_add_pd(e, _mm256_and_pd(big, _mm256_set1_pd(1.0)));
  e = _mm256_sub_pd(e, adj);
  const __m256d f = _mm256_sub_pd(m, _mm256_set1_pd(1.0));
  const __m256d s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
  const __m256d z = _mm256_mul_pd(s, s);
  __m256d t = _mm256_set1_pd(kLogR[0]);
  for (int k = 1; k < 10; ++k) t = _mm256_add_pd(_mm256_mul_pd(t, z), _mm256_set1_pd(kLogR[k]));
  const __m256d R = _mm256_mul_pd(t, z);
  const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), f), f);
  const __m256d inner = _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, R)), _mm256_mul_pd(e, _mm256_set1_pd(kLn2Lo)));
  return _mm256_sub_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Hi)), _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
}

SWV_AVX2 void normal_avx2(size_t n, const double* u, double* z) {
  const __m256d sign = _mm256_set1_pd(-0.0), zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
  const __m256d half = _mm256_set1_pd(0.5), five = _mm256_set1_pd(5.0);
  const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256d U = _mm256_loadu_pd(u + i);
    const __m256d q = _mm256_sub_pd(U, half);
    const __m256d central = _mm256_cmp_pd(_mm256_andnot_pd(sign, q), _mm256_set1_pd(0.425), _CMP_LE_OQ);
    const int cm = _mm256_movemask_pd(central);
    __m256d res = zero;
    if (cm != 0) {
      const __m256d r = _mm256_sub_pd(_mm256_set1_pd(0.180625), _mm256_mul_pd(q, q));
      res = _mm256_div_pd(_mm256_mul_pd(q, horner8(kCentralP, r)), horner8(kCentralQ, r));
    }
    if (cm != 0xF) {
      const __m256d neg = _mm256_cmp_pd(q, zero, _CMP_LT_OQ);
      const __m256d p = _mm256_blendv_pd(_mm256_sub_pd(one, U), U, neg);
      const __m256d r = _mm256_sqrt_pd(_mm256_xor_pd(log_tail4(p), sign));
      const __m256d near = _mm256_cmp_pd(r, five, _CMP_LE_OQ);
      const int nm = _mm256_movemask_pd(near), tails = ~cm & 0xF;
      __m256d val = zero, far = zero;
      if (nm & tails) {
        const __m256d rr = _mm256_sub_pd(r, _mm256_set1_pd(1.6));
        val = _mm256_div_pd(horner8(kNearP, rr), horner8(kNearQ, rr));
      }
      if (~nm & tails) {
        const __m256d rr = _mm256_sub_pd(r, five);
        far = _mm256_div_pd(horner8(kFarP, rr), horner8(kFarQ, rr));
      }
      val = _mm256_blendv_pd(far, val, near);
      val = _mm256_xor_pd(val, _mm256_and_pd(neg, sign));
      res = _mm256_blendv_pd(val, res, central);
      res = _mm256_blendv_pd(res, inf, _mm256_cmp_pd(U, one, _CMP_NLT_UQ));                     // !(u < 1)
      res = _mm256_blendv_pd(res, _mm256_xor_pd(inf, sign), _mm256_cmp_pd(U, zero, _CMP_NGT_UQ));  // !(u > 0)
    }
    _mm256_storeu_pd(z + i, res);
  }
  // Clean upper halves before the scalar remainder and the return: GCC left them dirty on the path
  // into the remainder loop, and on this machine every later SSE instruction of the engine then ran
  // slower (the whole run took 1,5x as long; docs/performance.md).
  _mm256_zeroupper();
  for (; i < n; ++i) z[i] = normal_quantile_one(u[i]);
}

#endif  // SWV_HAVE_X86

}  // namespace

double log_tail(double x) {
  double adj = 0.0;
  if (x < kTinyNormal) {
    x = x * 0x1p54;
    adj = 54.0;
  }
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  double e = static_cast<double>(static_cast<int64_t>(b >> 52)) - 1023.0;
  const uint64_t mbits = (b & kMantissa) | kOneBits;
  double m;
  std::memcpy(&m, &mbits, sizeof m);
  if (m > kSqrt2) {
    m = m * 0.5;
    e = e + 1.0;
  }
  e = e - adj;
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double t = kLogR[0];
  for (int k = 1; k < 10; ++k) t = t * z + kLogR[k];
  const double R = t * z;
  const double hfsq = 0.5 * f * f;
  return e * kLn2Hi - ((hfsq - (s * (hfsq + R) + e * kLn2Lo)) - f);
}

double normal_quantile_one(double u) {
  const double q = u - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * horner8(kCentralP, r) / horner8(kCentralQ, r);
  }
  if (!(u > 0)) return -std::numeric_limits<double>::infinity();
  if (!(u < 1)) return std::numeric_limits<double>::infinity();
  const double r = std::sqrt(-log_tail(q < 0 ? u : 1.0 - u));
  const double val = r <= 5.0 ? horner8(kNearP, r - 1.6) / horner8(kNearQ, r - 1.6)
                              : horner8(kFarP, r - 5.0) / horner8(kFarQ, r - 5.0);
  return q < 0 ? -val : val;
}

void normal_quantile(size_t n, const double* u, double* z, Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return normal_avx2(n, u, z);
#endif
  (void)isa;
  for (size_t i = 0; i < n; ++i) z[i] = normal_quantile_one(u[i]);
}

}  // namespace swv::simd
