// exp, log1p and log of our own (exp_log.h): the scalar functions and the 8-lane batches, the bodies in
// exp_log_kernels.h. sim/CMakeLists.txt compiles this file with -ffp-contract=off.
#include "exp_log.h"

#include "exp_log_kernels.h"

namespace swv::simd {

using namespace exp_log_detail;

namespace {

#if SWV_HAVE_X86
SWV_AVX2 void exp8_avx2(const double* x, double* out) {
  const __m256d a = exp4(_mm256_loadu_pd(x)), b = exp4(_mm256_loadu_pd(x + 4));
  _mm256_storeu_pd(out, a);
  _mm256_storeu_pd(out + 4, b);
  _mm256_zeroupper();  // clean upper halves before scalar code (normal_batch.cpp)
}

SWV_AVX2 void log1p8_avx2(const double* x, double* out) {
  const __m256d a = log1p4(_mm256_loadu_pd(x)), b = log1p4(_mm256_loadu_pd(x + 4));
  _mm256_storeu_pd(out, a);
  _mm256_storeu_pd(out + 4, b);
  _mm256_zeroupper();
}

SWV_AVX2 void log8_avx2(const double* x, double* out) {
  const __m256d a = log4(_mm256_loadu_pd(x)), b = log4(_mm256_loadu_pd(x + 4));
  _mm256_storeu_pd(out, a);
  _mm256_storeu_pd(out + 4, b);
  _mm256_zeroupper();
}
#endif

}  // namespace

double exp(double x) { return exp_one(x); }

double log1p(double x) { return log1p_one(x); }

double log(double x) { return log_one(x); }

void exp8(const double x[kLanes], double out[kLanes], Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return exp8_avx2(x, out);
#endif
  (void)isa;
  for (int i = 0; i < kLanes; ++i) out[i] = exp_one(x[i]);
}

void log1p8(const double x[kLanes], double out[kLanes], Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return log1p8_avx2(x, out);
#endif
  (void)isa;
  for (int i = 0; i < kLanes; ++i) out[i] = log1p_one(x[i]);
}

void log8(const double x[kLanes], double out[kLanes], Isa isa) {
#if SWV_HAVE_X86
  if (use_avx2(isa)) return log8_avx2(x, out);
#endif
  (void)isa;
  for (int i = 0; i < kLanes; ++i) out[i] = log_one(x[i]);
}

}  // namespace swv::simd
