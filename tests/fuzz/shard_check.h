#pragma once
// Shared by the shard fuzz target (tests/fuzz/fuzz_shard.cpp) and its regression tests
// (tests/montecarlo/test_shards.cpp): a part file with both checksums recomputed, so that a changed
// byte reaches the parser behind the checksums instead of stopping at them.
#include <cstdint>
#include <cstring>
#include <string>

#include "shard_io.h"

namespace swv::fuzz {

// Where the header's own checksum sits in a part of format 2, or 0 when the texts run past the end.
inline size_t shard_header_end(const std::string& s) {
  size_t at = 16;  // mark, format, endianness
  for (int text = 0; text < 4; ++text) {
    if (at + 4 > s.size()) return 0;
    uint32_t n = 0;
    std::memcpy(&n, s.data() + at, 4);
    at += 4 + static_cast<size_t>(n);
  }
  at += 8 + 8 + 4 + 4 + 8 * 5 + 1 + 8 * 7;  // seed, paths, n, k, ranges and chunk, mode, shape
  return at + 8 <= s.size() ? at : 0;
}

// `s` with the header's checksum and the trailer recomputed (unchanged when the layout cannot be walked).
inline std::string with_checksums_repaired(std::string s) {
  const size_t end = shard_header_end(s);
  if (end == 0 || s.size() < end + 8 + 16) return s;
  auto sum = [&](size_t n) {
    shard_io::Checksum c;
    c.add(s.data(), n);
    return c.value();
  };
  const uint64_t h = sum(end);
  std::memcpy(s.data() + end, &h, 8);
  std::memcpy(s.data() + s.size() - 16, "SWVEINDE", 8);
  const uint64_t t = sum(s.size() - 16);
  std::memcpy(s.data() + s.size() - 8, &t, 8);
  return s;
}

}  // namespace swv::fuzz
