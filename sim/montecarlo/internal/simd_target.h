#pragma once
// The x86 intrinsics and the per-function AVX2 target of the batch kernels (philox_batch,
// normal_batch): no -mavx2 anywhere, the AVX2 code runs only after a run-time check.
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SWV_HAVE_X86 1
#define SWV_AVX2 __attribute__((target("avx2")))
#else
#define SWV_HAVE_X86 0
#endif
