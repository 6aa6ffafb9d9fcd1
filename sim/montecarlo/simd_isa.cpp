// Choosing the lane kernels' instruction set (simd_isa.h).
#include "simd_isa.h"

#include <cstdlib>
#include <cstring>

#include "simd_target.h"

namespace swv::simd {

bool avx2_available() {
#if SWV_HAVE_X86
  static const bool ok = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return ok;
#else
  return false;
#endif
}

Isa detect_isa() {
  const char* env = std::getenv("SWVSIM_SIMD");
  if (env && std::strcmp(env, "scalar") == 0) return Isa::Scalar;
  return avx2_available() ? Isa::Avx2 : Isa::Scalar;
}

Isa active_isa() {
  static const Isa isa = detect_isa();
  return isa;
}

const char* isa_name(Isa isa) { return isa == Isa::Avx2 ? "avx2" : "scalar"; }

}  // namespace swv::simd
