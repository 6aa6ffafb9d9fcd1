#pragma once
// The instruction set of the lane kernels (philox_batch.h, normal_batch.h, exp_log.h and the lanes of
// binomial.h): AVX2 when the processor and the operating system support it, unless the environment
// variable SWVSIM_SIMD=scalar asks for the portable code (any other value, or none, means automatic).
// The choice is made once per process (active_isa); every kernel also takes an explicit Isa for tests
// and benchmarks, and asking for Avx2 where it is unavailable runs the portable code. Both give the
// same bits, so the choice changes speed only. The AVX2 code is compiled per function (target
// attribute, simd_target.h), never for the whole program, so the binary runs on processors without it.
namespace swv::simd {

enum class Isa { Scalar, Avx2 };

bool avx2_available();          // the processor (and OS) can run AVX2 code
Isa detect_isa();               // decides now: SWVSIM_SIMD and the processor
Isa active_isa();               // detect_isa() once per process, cached
const char* isa_name(Isa isa);  // "scalar" or "avx2"

// The kernels' dispatch: AVX2 asked for and available.
inline bool use_avx2(Isa isa) { return isa == Isa::Avx2 && avx2_available(); }

// Paths side by side in the lane engine (issue 31): one AVX2 register of 32-bit words, two of doubles.
constexpr int kLanes = 8;

}  // namespace swv::simd
