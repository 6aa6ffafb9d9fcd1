#pragma once
// The bodies of exp and log1p (exp_log.h), once on doubles and once on AVX2 vectors of 4 doubles,
// side by side: each pair performs the same IEEE operations in the same order (the vector code
// computes every case and blends, which changes no lane's value), so a lane gives the same bits as the
// scalar function. Inline so the lane kernels (binomial.cpp) keep their vectors in registers.
//
// Only for files compiled with -ffp-contract=off (sim/CMakeLists.txt: exp_log.cpp, binomial.cpp): a
// fused multiply-add would round differently in one of the two versions.
//
// Method: fdlibm's e_exp.c and s_log1p.c (Sun Microsystems, 1993), rearranged without branches.
// - exp: x = k ln2 + r with k = round(x / ln2) and |r| <= ln2 / 2 (ln2 in a head whose products with k
//   are exact and a tail), exp(r) = 1 + r + r c / (2 - c) with c = r - r^2 P(r^2) (fdlibm's minimax
//   P1..P5, error below 2^-59), then times 2^k through the exponent bits. Results below the smallest
//   normal double come from y 2^(k + 1000) (exact) times 2^-1000 (one rounding), as fdlibm does.
// - log1p: 1 + x = 2^k m + c with m in [sqrt(1/2), sqrt(2)) and c the rounding error of 1 + x
//   (exact, Fast2Sum), log(m) from f = m - 1 with s = f / (2 + f) and the series of 2 atanh(s)
//   (normal_batch.cpp's log_tail: R = sum 2 s^(2j) / (2j + 1), cut after j = 10), plus c / (1 + x).
//   When k = 0 the argument is used as it is (f = x, c = 0): no rounding at all before the series.
#include <cstdint>
#include <cstring>
#include <limits>

#include "simd_target.h"

namespace swv::simd::exp_log_detail {

constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // 0x3FE62E42FEE00000: k * kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kExpP[5] = {1.66666666666666019037e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05,
                             -1.65339022054652515390e-06, 4.13813679705723846039e-08};
constexpr double kExpOver = 7.09782712893383973096e+02;   // exp(x) overflows above
constexpr double kExpUnder = -7.45133219101941108420e+02;  // exp(x) rounds to 0 below
constexpr double kExpLow = -746.0, kExpHigh = 710.0;        // x clamped here first: k stays small
constexpr double kRound = 0x1.8p52;                          // x + kRound - kRound: x rounded to a whole number
constexpr double kLogR[10] = {2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13,
                              2.0 / 11, 2.0 / 9,  2.0 / 7,  2.0 / 5,  2.0 / 3};  // highest power first
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kLog1pTiny = 0x1p-54;  // below, log1p(x) rounds to x
constexpr uint64_t kMantissa = 0x000FFFFFFFFFFFFFull, kOneBits = 0x3FF0000000000000ull;

inline uint64_t bits_of(double x) {
  uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}
inline double from_bits(uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

inline double exp_one(double x) {
  double xc = x < kExpLow ? kExpLow : x;
  xc = xc > kExpHigh ? kExpHigh : xc;
  const double kr = xc * kInvLn2 + kRound;  // k in the low bits of kr
  const double kd = kr - kRound;
  const double hi = xc - kd * kLn2Hi;
  const double lo = kd * kLn2Lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (kExpP[0] + t * (kExpP[1] + t * (kExpP[2] + t * (kExpP[3] + t * kExpP[4]))));
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  // 2^k as 2^(k - k2) (exponent bits) times 2^k2: k2 = -1000 for subnormal results, 1 for k = 1024.
  const bool tiny = kd < -1021.0, big = kd > 1023.0;
  const uint64_t k = bits_of(kr) - bits_of(kRound);  // two's complement
  const uint64_t k2 = tiny ? static_cast<uint64_t>(-1000) : (big ? 1u : 0u);
  const double s1 = from_bits((k - k2 + 1023u) << 52);
  double s2 = tiny ? 0x1p-1000 : 1.0;
  s2 = big ? 2.0 : s2;
  double res = y * s1 * s2;
  res = x > kExpOver ? std::numeric_limits<double>::infinity() : res;
  res = x < kExpUnder ? 0.0 : res;
  return x != x ? x : res;
}

inline double log1p_one(double x) {
  const double u = 1.0 + x;
  const double c0 = x > 1.0 ? 1.0 - (u - x) : x - (u - 1.0);  // 1 + x - u exactly (larger operand first)
  const uint64_t b = bits_of(u);
  double e = from_bits((b >> 52) | bits_of(0x1p52)) - 0x1p52;  // the biased exponent, exactly
  e = e - 1023.0;
  double m = from_bits((b & kMantissa) | kOneBits);
  const bool big = m > kSqrt2;
  m = big ? m * 0.5 : m;
  e = big ? e + 1.0 : e;
  const bool central = e == 0.0;
  const double f = central ? x : m - 1.0;
  const double c = central ? 0.0 : c0 / u;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double t = kLogR[0];
  for (int j = 1; j < 10; ++j) t = t * z + kLogR[j];
  const double R = t * z;
  const double hfsq = 0.5 * f * f;
  double res = e * kLn2Hi - ((hfsq - (s * (hfsq + R) + (e * kLn2Lo + c))) - f);
  const double ax = from_bits(bits_of(x) & ~(uint64_t{1} << 63));
  res = ax < kLog1pTiny ? x : res;
  res = x == -1.0 ? -std::numeric_limits<double>::infinity() : res;
  res = x < -1.0 ? std::numeric_limits<double>::quiet_NaN() : res;
  res = x == std::numeric_limits<double>::infinity() ? x : res;
  return x != x ? x : res;
}

#if SWV_HAVE_X86

SWV_AVX2 inline __m256d exp4(__m256d x) {
  __m256d xc = _mm256_blendv_pd(x, _mm256_set1_pd(kExpLow), _mm256_cmp_pd(x, _mm256_set1_pd(kExpLow), _CMP_LT_OQ));
  xc = _mm256_blendv_pd(xc, _mm256_set1_pd(kExpHigh), _mm256_cmp_pd(xc, _mm256_set1_pd(kExpHigh), _CMP_GT_OQ));
  const __m256d round = _mm256_set1_pd(kRound);
  const __m256d kr = _mm256_add_pd(_mm256_mul_pd(xc, _mm256_set1_pd(kInvLn2)), round);
  const __m256d kd = _mm256_sub_pd(kr, round);
  const __m256d hi = _mm256_sub_pd(xc, _mm256_mul_pd(kd, _mm256_set1_pd(kLn2Hi)));
  const __m256d lo = _mm256_mul_pd(kd, _mm256_set1_pd(kLn2Lo));
  const __m256d r = _mm256_sub_pd(hi, lo);
  const __m256d t = _mm256_mul_pd(r, r);
  __m256d poly = _mm256_add_pd(_mm256_set1_pd(kExpP[3]), _mm256_mul_pd(t, _mm256_set1_pd(kExpP[4])));
  poly = _mm256_add_pd(_mm256_set1_pd(kExpP[2]), _mm256_mul_pd(t, poly));
  poly = _mm256_add_pd(_mm256_set1_pd(kExpP[1]), _mm256_mul_pd(t, poly));
  poly = _mm256_add_pd(_mm256_set1_pd(kExpP[0]), _mm256_mul_pd(t, poly));
  const __m256d c = _mm256_sub_pd(r, _mm256_mul_pd(t, poly));
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d y = _mm256_sub_pd(
      one, _mm256_sub_pd(_mm256_sub_pd(lo, _mm256_div_pd(_mm256_mul_pd(r, c), _mm256_sub_pd(_mm256_set1_pd(2.0), c))), hi));
  const __m256d tiny = _mm256_cmp_pd(kd, _mm256_set1_pd(-1021.0), _CMP_LT_OQ);
  const __m256d big = _mm256_cmp_pd(kd, _mm256_set1_pd(1023.0), _CMP_GT_OQ);
  const __m256i k = _mm256_sub_epi64(_mm256_castpd_si256(kr), _mm256_castpd_si256(round));
  const __m256i k2 = _mm256_or_si256(_mm256_and_si256(_mm256_castpd_si256(tiny), _mm256_set1_epi64x(-1000)),
                                     _mm256_and_si256(_mm256_castpd_si256(big), _mm256_set1_epi64x(1)));
  const __m256d s1 =
      _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(_mm256_sub_epi64(k, k2), _mm256_set1_epi64x(1023)), 52));
  __m256d s2 = _mm256_blendv_pd(one, _mm256_set1_pd(0x1p-1000), tiny);
  s2 = _mm256_blendv_pd(s2, _mm256_set1_pd(2.0), big);
  __m256d res = _mm256_mul_pd(_mm256_mul_pd(y, s1), s2);
  res = _mm256_blendv_pd(res, _mm256_set1_pd(std::numeric_limits<double>::infinity()),
                         _mm256_cmp_pd(x, _mm256_set1_pd(kExpOver), _CMP_GT_OQ));
  res = _mm256_blendv_pd(res, _mm256_setzero_pd(), _mm256_cmp_pd(x, _mm256_set1_pd(kExpUnder), _CMP_LT_OQ));
  return _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}

SWV_AVX2 inline __m256d log1p4(__m256d x) {
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d u = _mm256_add_pd(one, x);
  const __m256d c0 = _mm256_blendv_pd(_mm256_sub_pd(x, _mm256_sub_pd(u, one)), _mm256_sub_pd(one, _mm256_sub_pd(u, x)),
                                      _mm256_cmp_pd(x, one, _CMP_GT_OQ));
  const __m256i b = _mm256_castpd_si256(u);
  const __m256d two52 = _mm256_set1_pd(0x1p52);
  __m256d e = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(b, 52), _mm256_castpd_si256(two52))), two52);
  e = _mm256_sub_pd(e, _mm256_set1_pd(1023.0));
  __m256d m = _mm256_castsi256_pd(_mm256_or_si256(_mm256_and_si256(b, _mm256_set1_epi64x(static_cast<long long>(kMantissa))),
                                                  _mm256_set1_epi64x(static_cast<long long>(kOneBits))));
  const __m256d big = _mm256_cmp_pd(m, _mm256_set1_pd(kSqrt2), _CMP_GT_OQ);
  m = _mm256_blendv_pd(m, _mm256_mul_pd(m, _mm256_set1_pd(0.5)), big);
  e = _mm256_blendv_pd(e, _mm256_add_pd(e, one), big);
  const __m256d central = _mm256_cmp_pd(e, _mm256_setzero_pd(), _CMP_EQ_OQ);
  const __m256d f = _mm256_blendv_pd(_mm256_sub_pd(m, one), x, central);
  const __m256d c = _mm256_blendv_pd(_mm256_div_pd(c0, u), _mm256_setzero_pd(), central);
  const __m256d s = _mm256_div_pd(f, _mm256_add_pd(_mm256_set1_pd(2.0), f));
  const __m256d z = _mm256_mul_pd(s, s);
  __m256d t = _mm256_set1_pd(kLogR[0]);
  for (int j = 1; j < 10; ++j) t = _mm256_add_pd(_mm256_mul_pd(t, z), _mm256_set1_pd(kLogR[j]));
  const __m256d R = _mm256_mul_pd(t, z);
  const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(_mm256_set1_pd(0.5), f), f);
  const __m256d inner = _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, R)),
                                      _mm256_add_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Lo)), c));
  __m256d res = _mm256_sub_pd(_mm256_mul_pd(e, _mm256_set1_pd(kLn2Hi)), _mm256_sub_pd(_mm256_sub_pd(hfsq, inner), f));
  const __m256d sign = _mm256_set1_pd(-0.0), inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(_mm256_andnot_pd(sign, x), _mm256_set1_pd(kLog1pTiny), _CMP_LT_OQ));
  const __m256d minus_one = _mm256_set1_pd(-1.0);
  res = _mm256_blendv_pd(res, _mm256_xor_pd(inf, sign), _mm256_cmp_pd(x, minus_one, _CMP_EQ_OQ));
  res = _mm256_blendv_pd(res, _mm256_set1_pd(std::numeric_limits<double>::quiet_NaN()), _mm256_cmp_pd(x, minus_one, _CMP_LT_OQ));
  res = _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, inf, _CMP_EQ_OQ));
  return _mm256_blendv_pd(res, x, _mm256_cmp_pd(x, x, _CMP_UNORD_Q));
}

#endif  // SWV_HAVE_X86

}  // namespace swv::simd::exp_log_detail
