#include "binomial.h"

#include <array>
#include <cmath>

#include "exp_log_kernels.h"

namespace swv {

namespace {

using simd::exp_log_detail::exp_one;
using simd::exp_log_detail::log1p_one;
using simd::exp_log_detail::log_one;

// 1/(k+1) for the first steps: keeps the division off the loop-carried chain (pk -> cdf).
constexpr int kInv = 128;
constexpr std::array<double, kInv> kInvTable = [] {
  std::array<double, kInv> t{};
  for (int k = 0; k < kInv; ++k) t[static_cast<size_t>(k)] = 1.0 / (k + 1);
  return t;
}();
inline double inv_next(double k) { return k < kInv ? kInvTable[static_cast<size_t>(k)] : 1.0 / (k + 1); }

// Exact inversion for p <= 0.5: walk the pmf up from k = 0 until the CDF passes u. The walk takes
// about n p steps, fewer than ~25 while n p < 10 (kBinomialInversionBelow).
double invert(double n, double p, double u) {
  // Bernoulli's inequality: P(X = 0) = (1-p)^n >= 1 - n p, so u <= 1 - n p means X = 0 without
  // computing the power (most draws of the many tiny flows).
  if (u <= 1 - n * p) return 0;
  const double ratio = p / (1 - p);
  // Our own exp and log1p: the same bits as the lanes (binomial_inversion8) on every processor.
  double pk = exp_one(n * log1p_one(-p)), cdf = pk, k = 0;
  while (u > cdf && k < n) {
    const double step = (n - k) * ratio * inv_next(k);
    pk *= step;
    k += 1;
    cdf += pk;
    if (pk < 1e-300 && k > n * p) break;  // rounding left a sliver of mass beyond the tail
  }
  return k;
}

// The AVX2 lanes: every active lane has walked the same number of steps, so k is one number for all
// of them (and 1/(k+1) one load); a lane that is done keeps its k and gets step 0 (its pk stays 0, no
// subnormal arithmetic). The special cases are computed for every lane and blended at the end, in the
// order binomial_inversion tests them. The portable lanes are binomial_inversion itself, lane by lane:
// the same walk over arrays with masks was no faster (0.9-1.0x, tools/bench/bench-flows.cpp), since
// without SIMD a lane that is done still costs its steps.

#if SWV_HAVE_X86

// Two vectors of 4 lanes side by side (two chains hide each other's latency).
SWV_AVX2 void inversion8_avx2(const double* n_in, const double* p_in, const double* u_in, double* out) {
  using simd::exp_log_detail::exp4;
  using simd::exp_log_detail::log1p4;
  const __m256d one = _mm256_set1_pd(1.0), zero = _mm256_setzero_pd(), half = _mm256_set1_pd(0.5);
  const __m256d sign = _mm256_set1_pd(-0.0), inf = _mm256_set1_pd(INFINITY);
  __m256d n[2], p[2], q[2], u[2], flip[2], need[2], active[2], pk[2], cdf[2], ratio[2], np[2], k[2];
  int any = 0;
  for (int g = 0; g < 2; ++g) {
    n[g] = _mm256_loadu_pd(n_in + 4 * g);
    p[g] = _mm256_loadu_pd(p_in + 4 * g);
    const __m256d u0 = _mm256_loadu_pd(u_in + 4 * g);
    flip[g] = _mm256_cmp_pd(p[g], half, _CMP_GT_OQ);
    q[g] = _mm256_blendv_pd(p[g], _mm256_sub_pd(one, p[g]), flip[g]);
    u[g] = _mm256_blendv_pd(u0, _mm256_sub_pd(one, u0), flip[g]);
    const __m256d finite = _mm256_cmp_pd(_mm256_andnot_pd(sign, n[g]), inf, _CMP_LT_OQ);
    const __m256d p_ok = _mm256_cmp_pd(p[g], p[g], _CMP_ORD_Q);
    const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(n[g], zero, _CMP_NLE_UQ),
                                         _mm256_and_pd(_mm256_cmp_pd(p[g], zero, _CMP_NLE_UQ), _mm256_cmp_pd(p[g], one, _CMP_NGE_UQ)));
    const __m256d walk = _mm256_and_pd(_mm256_and_pd(finite, p_ok), inside);
    need[g] = _mm256_and_pd(walk, _mm256_cmp_pd(u[g], _mm256_sub_pd(one, _mm256_mul_pd(n[g], q[g])), _CMP_NLE_UQ));
    any |= _mm256_movemask_pd(need[g]);
    k[g] = zero;
  }
  if (any != 0) {
    int live = 0;
    for (int g = 0; g < 2; ++g) {
      pk[g] = exp4(_mm256_mul_pd(n[g], log1p4(_mm256_xor_pd(q[g], sign))));
      cdf[g] = pk[g];
      ratio[g] = _mm256_div_pd(q[g], _mm256_sub_pd(one, q[g]));
      np[g] = _mm256_mul_pd(n[g], q[g]);
      active[g] = _mm256_and_pd(need[g], _mm256_and_pd(_mm256_cmp_pd(u[g], cdf[g], _CMP_GT_OQ), _mm256_cmp_pd(zero, n[g], _CMP_LT_OQ)));
      live |= _mm256_movemask_pd(active[g]);
    }
    const __m256d tiny = _mm256_set1_pd(1e-300);
    for (double kk = 0; live != 0;) {
      const __m256d kv = _mm256_set1_pd(kk), inv = _mm256_set1_pd(inv_next(kk));
      const double next = kk + 1;
      const __m256d nv = _mm256_set1_pd(next);
      live = 0;
      for (int g = 0; g < 2; ++g) {
        const __m256d step = _mm256_mul_pd(_mm256_mul_pd(_mm256_sub_pd(n[g], kv), ratio[g]), inv);
        pk[g] = _mm256_mul_pd(pk[g], _mm256_and_pd(active[g], step));
        cdf[g] = _mm256_add_pd(cdf[g], pk[g]);
        k[g] = _mm256_blendv_pd(k[g], nv, active[g]);
        const __m256d tail = _mm256_and_pd(_mm256_cmp_pd(pk[g], tiny, _CMP_LT_OQ), _mm256_cmp_pd(nv, np[g], _CMP_GT_OQ));
        const __m256d more = _mm256_and_pd(_mm256_cmp_pd(u[g], cdf[g], _CMP_GT_OQ), _mm256_cmp_pd(nv, n[g], _CMP_LT_OQ));
        active[g] = _mm256_and_pd(_mm256_andnot_pd(tail, active[g]), more);
        live |= _mm256_movemask_pd(active[g]);
      }
      kk = next;
    }
  }
  for (int g = 0; g < 2; ++g) {
    __m256d r = _mm256_blendv_pd(k[g], _mm256_sub_pd(n[g], k[g]), flip[g]);
    r = _mm256_blendv_pd(r, n[g], _mm256_cmp_pd(p[g], one, _CMP_GE_OQ));
    r = _mm256_blendv_pd(r, zero, _mm256_or_pd(_mm256_cmp_pd(n[g], zero, _CMP_LE_OQ), _mm256_cmp_pd(p[g], zero, _CMP_LE_OQ)));
    const __m256d bad = _mm256_or_pd(_mm256_cmp_pd(_mm256_andnot_pd(sign, n[g]), inf, _CMP_NLT_UQ), _mm256_cmp_pd(p[g], p[g], _CMP_UNORD_Q));
    r = _mm256_blendv_pd(r, _mm256_set1_pd(NAN), bad);
    _mm256_storeu_pd(out + 4 * g, r);
  }
  _mm256_zeroupper();  // clean upper halves before scalar code (normal_batch.cpp)
}

#endif  // SWV_HAVE_X86

}  // namespace

double binomial_inversion(double n, double p, double u) {
  if (!std::isfinite(n) || std::isnan(p)) return NAN;
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return p <= 0.5 ? invert(n, p, u) : n - invert(n, 1 - p, 1 - u);
}

void binomial_inversion8(const double n[simd::kLanes], const double p[simd::kLanes], const double u[simd::kLanes],
                         double out[simd::kLanes], simd::Isa isa) {
#if SWV_HAVE_X86
  if (simd::use_avx2(isa)) return inversion8_avx2(n, p, u, out);
#endif
  (void)isa;
  for (int i = 0; i < simd::kLanes; ++i) out[i] = binomial_inversion(n[i], p[i], u[i]);
}

namespace binomial_detail {

namespace {

// The remainder of Stirling's series below 10 (binomial.h), computed once.
const double* stirling_table() {
  static const auto table = [] {
    std::array<double, 10> t{};
    for (int i = 0; i < 10; ++i) {
      const double x = i;
      t[static_cast<size_t>(i)] = std::lgamma(x + 1) - ((x + 0.5) * std::log(x + 1) - (x + 1) + 0.5 * std::log(2 * M_PI));
    }
    return t;
  }();
  return table.data();
}

}  // namespace

// The remainder of Stirling's series: log k! - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2],
// from lgamma for k < 10 (computed once) and the series beyond (error below 1e-10 there).
double stirling_tail(double k) {
  if (k < 10) return stirling_table()[static_cast<size_t>(k)];
  const double t = 1 / (k + 1), t2 = t * t;
  return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 * t2) * t2) * t;
}

// Hörmann (1993), "The generation of binomial random variates", J. Stat. Comput. Simul. 46,
// algorithm BTRS; constants as in the paper. btrs8_first_avx2 has the same operations on vectors.
Btrs::Btrs(double n_, double p_) : n(n_), p(p_) {
  const double spq = std::sqrt(n * p * (1 - p));
  b = 1.15 + 2.53 * spq;
  a = -0.0873 + 0.0248 * b + 0.01 * p;
  c = n * p + 0.5;
  v_r = 0.92 - 4.2 / b;
  r = p / (1 - p);
  alpha = (2.83 + 5.1 / b) * spq;
  m = std::floor((n + 1) * p);
}

// The logs are our own (exp_log.h), not the C library's: the lanes take the same ones.
double Btrs::attempt(double u, double v) {
  u -= 0.5;
  const double us = 0.5 - std::fabs(u);
  const double k = std::floor((2 * a / us + b) * u + c);
  if (k < 0 || k > n) return -1;
  if (us >= 0.07 && v <= v_r) return k;  // the squeeze: inside the box where acceptance is certain
  const double lv = log_one(v * alpha / (a / (us * us) + b));
  if (std::isnan(log_fm_part)) log_fm_part = (m + 0.5) * log_one((m + 1) / (r * (n - m + 1))) + stirling_tail(m) + stirling_tail(n - m);
  const double bound = log_fm_part + (n + 1) * log_one((n - m + 1) / (n - k + 1)) + (k + 0.5) * log_one(r * (n - k + 1) / (k + 1)) -
                       stirling_tail(k) - stirling_tail(n - k);
  return lv <= bound ? k : -1;
}

#if SWV_HAVE_X86

namespace {

// stirling_tail on 4 lanes of whole numbers k >= 0: the series, and the table below 10.
SWV_AVX2 inline __m256d stirling_tail4(__m256d k, const double* table) {
  const __m256d one = _mm256_set1_pd(1.0);
  const __m256d t = _mm256_div_pd(one, _mm256_add_pd(k, one)), t2 = _mm256_mul_pd(t, t);
  const __m256d inner = _mm256_mul_pd(_mm256_sub_pd(_mm256_set1_pd(1.0 / 360), _mm256_mul_pd(_mm256_set1_pd(1.0 / 1260), t2)), t2);
  const __m256d series = _mm256_mul_pd(_mm256_sub_pd(_mm256_set1_pd(1.0 / 12), inner), t);
  const __m256d low = _mm256_cmp_pd(k, _mm256_set1_pd(10.0), _CMP_LT_OQ);
  if (_mm256_movemask_pd(low) == 0) return series;
  const __m128i idx = _mm256_cvttpd_epi32(_mm256_min_pd(_mm256_max_pd(k, _mm256_setzero_pd()), _mm256_set1_pd(9.0)));
  return _mm256_mask_i32gather_pd(series, table, idx, low, 8);  // the table where k < 10, the series elsewhere
}

// The lanes of bits (4 of them, from bit 0) as a mask of 4 doubles.
SWV_AVX2 inline __m256d lane_mask(unsigned bits) {
  const __m256i bit = _mm256_set_epi64x(8, 4, 2, 1);
  return _mm256_castsi256_pd(_mm256_cmpeq_epi64(_mm256_and_si256(_mm256_set1_epi64x(bits), bit), bit));
}

// Two vectors of 4 lanes: the setup and the attempt up to the squeeze for both (their chains hide
// each other's latency), then the slow test for a vector with a lane in it. Lanes outside `lanes`
// compute with n = 20, p = 1/2 (no NaN, no subnormal) and are never written. Each line is the line of
// Btrs::Btrs or Btrs::attempt it copies, in the same order of operations (binomial.cpp is compiled
// without contraction to fused multiply-adds). A lane rejected here starts over in binomial8 (Btrs
// and the retries): storing its fields for it cost more than computing them again (bench-flows).
SWV_AVX2 unsigned btrs8_first_kernel(const double* n_in, const double* p_in, const uint32_t* a_in, const uint32_t* b_in, unsigned lanes,
                                     double* out) {
  const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5), zero = _mm256_setzero_pd(), sign = _mm256_set1_pd(-0.0);
  alignas(32) double uu[simd::kLanes], vv[simd::kLanes];
  for (int i = 0; i < simd::kLanes; ++i) uu[i] = Stream::u32(a_in[i]), vv[i] = Stream::u32(b_in[i]);
  __m256d n[2], q[2], flip[2], spq[2], a[2], b[2], c[2], v_r[2], u[2], us[2], v[2], k[2], accept[2], slow[2];
  int any_slow[2];
  for (int g = 0; g < 2; ++g) {
    if ((lanes >> (4 * g) & 0xFu) == 0) {  // no lane here: nothing to compute, nothing accepted
      n[g] = k[g] = accept[g] = zero, flip[g] = zero;
      any_slow[g] = 0;
      continue;
    }
    const __m256d active = lane_mask(lanes >> (4 * g));
    n[g] = _mm256_blendv_pd(_mm256_set1_pd(20.0), _mm256_loadu_pd(n_in + 4 * g), active);
    const __m256d p = _mm256_blendv_pd(half, _mm256_loadu_pd(p_in + 4 * g), active);
    flip[g] = _mm256_cmp_pd(p, half, _CMP_GT_OQ);
    q[g] = _mm256_blendv_pd(p, _mm256_sub_pd(one, p), flip[g]);
    // Btrs::Btrs, the part the first attempt needs.
    spq[g] = _mm256_sqrt_pd(_mm256_mul_pd(_mm256_mul_pd(n[g], q[g]), _mm256_sub_pd(one, q[g])));
    b[g] = _mm256_add_pd(_mm256_set1_pd(1.15), _mm256_mul_pd(_mm256_set1_pd(2.53), spq[g]));
    a[g] = _mm256_add_pd(_mm256_add_pd(_mm256_set1_pd(-0.0873), _mm256_mul_pd(_mm256_set1_pd(0.0248), b[g])),
                         _mm256_mul_pd(_mm256_set1_pd(0.01), q[g]));
    c[g] = _mm256_add_pd(_mm256_mul_pd(n[g], q[g]), half);
    v_r[g] = _mm256_sub_pd(_mm256_set1_pd(0.92), _mm256_div_pd(_mm256_set1_pd(4.2), b[g]));
    // Btrs::attempt up to the squeeze.
    u[g] = _mm256_sub_pd(_mm256_load_pd(uu + 4 * g), half);
    us[g] = _mm256_sub_pd(half, _mm256_andnot_pd(sign, u[g]));
    v[g] = _mm256_load_pd(vv + 4 * g);
    k[g] = _mm256_floor_pd(
        _mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(_mm256_div_pd(_mm256_mul_pd(_mm256_set1_pd(2.0), a[g]), us[g]), b[g]), u[g]), c[g]));
    const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(k[g], zero, _CMP_NLT_UQ), _mm256_cmp_pd(k[g], n[g], _CMP_NGT_UQ));
    const __m256d squeeze =
        _mm256_and_pd(_mm256_cmp_pd(us[g], _mm256_set1_pd(0.07), _CMP_GE_OQ), _mm256_cmp_pd(v[g], v_r[g], _CMP_LE_OQ));
    accept[g] = _mm256_and_pd(inside, squeeze);
    slow[g] = _mm256_and_pd(active, _mm256_andnot_pd(squeeze, inside));
    any_slow[g] = _mm256_movemask_pd(slow[g]);
  }
  if ((any_slow[0] | any_slow[1]) != 0) {  // the slow test, for groups with lanes in it
    using simd::exp_log_detail::log4;
    const double* table = stirling_table();
    for (int g = 0; g < 2; ++g) {
      if (any_slow[g] == 0) continue;
      // The rest of Btrs::Btrs.
      const __m256d r = _mm256_div_pd(q[g], _mm256_sub_pd(one, q[g]));
      const __m256d alpha = _mm256_mul_pd(_mm256_add_pd(_mm256_set1_pd(2.83), _mm256_div_pd(_mm256_set1_pd(5.1), b[g])), spq[g]);
      const __m256d m = _mm256_floor_pd(_mm256_mul_pd(_mm256_add_pd(n[g], one), q[g]));
      // Btrs::attempt's slow test; lanes not in it take k = m (finite logs, never used).
      const __m256d kk = _mm256_blendv_pd(m, k[g], slow[g]);
      const __m256d lv =
          log4(_mm256_div_pd(_mm256_mul_pd(v[g], alpha), _mm256_add_pd(_mm256_div_pd(a[g], _mm256_mul_pd(us[g], us[g])), b[g])));
      const __m256d nm1 = _mm256_add_pd(_mm256_sub_pd(n[g], m), one);  // n - m + 1
      const __m256d log_fm_part = _mm256_add_pd(
          _mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(m, half), log4(_mm256_div_pd(_mm256_add_pd(m, one), _mm256_mul_pd(r, nm1)))),
                        stirling_tail4(m, table)),
          stirling_tail4(_mm256_sub_pd(n[g], m), table));
      const __m256d nk1 = _mm256_add_pd(_mm256_sub_pd(n[g], kk), one);  // n - k + 1
      __m256d bound = _mm256_add_pd(log_fm_part, _mm256_mul_pd(_mm256_add_pd(n[g], one), log4(_mm256_div_pd(nm1, nk1))));
      bound = _mm256_add_pd(bound,
                            _mm256_mul_pd(_mm256_add_pd(kk, half), log4(_mm256_div_pd(_mm256_mul_pd(r, nk1), _mm256_add_pd(kk, one)))));
      bound = _mm256_sub_pd(_mm256_sub_pd(bound, stirling_tail4(kk, table)), stirling_tail4(_mm256_sub_pd(n[g], kk), table));
      accept[g] = _mm256_or_pd(accept[g], _mm256_and_pd(slow[g], _mm256_cmp_pd(lv, bound, _CMP_LE_OQ)));
    }
  }
  alignas(32) double res[simd::kLanes];
  unsigned accepted = 0;
  for (int g = 0; g < 2; ++g) {
    _mm256_store_pd(res + 4 * g, _mm256_blendv_pd(k[g], _mm256_sub_pd(n[g], k[g]), flip[g]));
    accepted |= static_cast<unsigned>(_mm256_movemask_pd(accept[g])) << (4 * g);
  }
  _mm256_zeroupper();  // clean upper halves before scalar code (normal_batch.cpp)
  accepted &= lanes;
  for (int i = 0; i < simd::kLanes; ++i)
    if (accepted >> i & 1u) out[i] = res[i];
  return lanes & ~accepted;
}

}  // namespace

unsigned btrs8_first_avx2(const double n[simd::kLanes], const double p[simd::kLanes], const uint32_t a[simd::kLanes],
                          const uint32_t b[simd::kLanes], unsigned lanes, double out[simd::kLanes]) {
  return btrs8_first_kernel(n, p, a, b, lanes, out);
}

#else

unsigned btrs8_first_avx2(const double*, const double*, const uint32_t*, const uint32_t*, unsigned lanes, double*) { return lanes; }

#endif  // SWV_HAVE_X86

}  // namespace binomial_detail

}  // namespace swv
