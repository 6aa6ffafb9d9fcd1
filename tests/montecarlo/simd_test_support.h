#pragma once
// Shared by the tests of the lane kernels and the lane loop: the instruction sets to check on this
// processor, and a double's bits (results are compared bit for bit, NaNs included).
#include <catch2/catch.hpp>
#include <bit>
#include <cstdint>
#include <vector>

#include "simd_isa.h"

namespace swv::test {

// The portable code always; AVX2 too when the processor has it (else a warning says it was not tested).
inline std::vector<simd::Isa> isas_to_check() {
  std::vector<simd::Isa> out{simd::Isa::Scalar};
  if (simd::avx2_available())
    out.push_back(simd::Isa::Avx2);
  else
    WARN("deze processor heeft geen AVX2: alleen de draagbare code is getest");
  return out;
}

inline uint64_t bits(double x) { return std::bit_cast<uint64_t>(x); }

}  // namespace swv::test
