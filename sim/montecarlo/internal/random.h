#pragma once
// Counter-based random numbers (Random123's Philox4x32-10), the root of the room's reproducibility.
//
// Contract:
// - A stream is keyed by (seed, path); one call maps a counter (driver, year, draw) to four
//   independent 32-bit words. Nothing is sequential: a number depends only on (seed, path, driver,
//   year, draw), never on threads, block size or the order in which the model asks.
// - Drivers are stream ids, the hashes of the inputs' key paths (stream_id.h, Value::driver), so a
//   variant draws the same numbers as its base for every key both have (common random numbers).
// - u32 and u53 map words to uniforms strictly inside (0, 1): a normal score is always finite.
// - Pick and freeze (variance-based sensitivity, sensitivity.h): a stream can keep the numbers of
//   one driver, or of a sorted set of drivers (a group of inputs), and draw every other driver from
//   an independent seed (kept(...)). Without it both keys are the same and every number is as before.
#include <Random123/philox.h>

#include <algorithm>
#include <cstdint>

namespace swv {

constexpr uint32_t kPathSlot = 0xFFFFu;  // "year" of draws made once per path

class Stream {
 public:
  using Words = r123::Philox4x32::ctr_type;
  Stream(uint64_t seed, uint64_t path)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(path)}}, hi_(static_cast<uint32_t>(seed >> 32)), other_key_(key_), other_hi_(hi_) {}
  // The stream of (seed, path) for driver `keep` only; every other driver draws as the stream of
  // (other_seed(seed), path).
  static Stream kept(uint64_t seed, uint64_t path, uint32_t keep) {
    Stream s(seed, path);
    const Stream o(other_seed(seed), path);
    s.keep_ = keep, s.other_key_ = o.key_, s.other_hi_ = o.hi_;
    return s;
  }
  // The same for every driver in the sorted range [first, last), which must outlive the stream.
  static Stream kept(uint64_t seed, uint64_t path, const uint32_t* first, const uint32_t* last) {
    Stream s = kept(seed, path, first == last ? 0 : *first);
    s.set_first_ = first, s.set_last_ = last;
    return s;
  }
  static constexpr uint64_t other_seed(uint64_t seed) { return seed ^ 0x9E3779B97F4A7C15ull; }
  Words raw(uint32_t driver, uint32_t year, uint32_t draw) const {
    r123::Philox4x32 g;
    const bool own = set_first_ ? std::binary_search(set_first_, set_last_, driver) : driver == keep_;
    return g(Words{{driver, year, draw, own ? hi_ : other_hi_}}, own ? key_ : other_key_);
  }
  // Uniform in (0,1) from one word (resolution 2^-32; used where 32 bits are plenty: flows).
  static double u32(uint32_t w) { return (static_cast<double>(w) + 0.5) * (1.0 / 4294967296.0); }
  // Uniform strictly inside (0,1) from two words with 53 bits (values: tails to about 8.2 standard
  // deviations). k + 0.5 is not representable above 2^52 and rounds to even: the odd k = 2^53 - 1
  // would give exactly 1.0 (an infinite normal score), so the top is held at the largest double
  // below 1. Every other k maps as before (results stay bit-identical).
  static double u53(uint32_t a, uint32_t b) {
    uint64_t k = (static_cast<uint64_t>(a) << 21) ^ (b >> 11);
    return std::min((static_cast<double>(k) + 0.5) * (1.0 / 9007199254740992.0), kBelowOne);
  }
  static constexpr double kBelowOne = 1.0 - 1.0 / 9007199254740992.0;  // 1 - 2^-53

 private:
  r123::Philox4x32::key_type key_;
  uint32_t hi_;
  r123::Philox4x32::key_type other_key_;  // equal to key_ unless kept(...)
  uint32_t other_hi_;
  uint32_t keep_ = 0;
  const uint32_t *set_first_ = nullptr, *set_last_ = nullptr;  // kept drivers of a group (sorted)
};

}  // namespace swv
