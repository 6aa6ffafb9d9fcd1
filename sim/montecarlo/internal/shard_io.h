#pragma once
// Internal to shard.cpp and shard_merge.cpp: the shard file's byte level and records. Little-endian numbers as the
// machine holds them (the header carries an endianness mark), strings as a u32 length and bytes, and
// a checksum over every byte before the trailer (a 64-bit multiply-xor hash over 8-byte words, the
// same however the bytes were split into writes).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "mc_sums.h"
#include "shard.h"

namespace swv::shard_io {

// A shard file that is cut short, damaged or not a shard (the caller names the file).
struct Damaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Checksum {
 public:
  void add(const void* data, size_t n) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    while (n > 0 && fill_ > 0 && fill_ < 8) {
      tail_[fill_++] = *p++, --n;
      if (fill_ == 8) word(load(tail_)), fill_ = 0;
    }
    for (; n >= 8; p += 8, n -= 8) word(load(p));
    while (n > 0 && fill_ < 8) tail_[fill_++] = *p++, --n;
  }
  uint64_t value() const {
    uint64_t h = h_;
    for (size_t i = 0; i < fill_; ++i) h = (h ^ tail_[i]) * 0x100000001b3ull;
    return h ^ (h >> 31);
  }

 private:
  static uint64_t load(const unsigned char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  void word(uint64_t w) {
    h_ = (h_ ^ w) * 0x9E3779B97F4A7C15ull;
    h_ ^= h_ >> 29;
  }
  uint64_t h_ = 0xcbf29ce484222325ull;
  unsigned char tail_[8] = {};
  size_t fill_ = 0;
};

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void raw(const void* p, size_t n) {
    sum_.add(p, n);
    out_.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
    bytes_ += n;
  }
  template <class T>
  void put(T x) {
    raw(&x, sizeof x);
  }
  void text(const std::string& s) {
    put(static_cast<uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  uint64_t checksum() const { return sum_.value(); }
  uint64_t bytes() const { return bytes_; }
  // The trailer: not part of the checksum.
  void finish() {
    const uint64_t c = sum_.value();
    out_.write("SWVEINDE", 8);
    out_.write(reinterpret_cast<const char*>(&c), sizeof c);
    bytes_ += 16;
  }

 private:
  std::ostream& out_;
  Checksum sum_;
  uint64_t bytes_ = 0;
};

class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in) {}
  void raw(void* p, size_t n) {
    in_.read(static_cast<char*>(p), static_cast<std::streamsize>(n));
    if (static_cast<size_t>(in_.gcount()) != n) throw Damaged("het bestand is korter dan het hoort (afgebroken of beschadigd)");
    sum_.add(p, n);
  }
  template <class T>
  T get() {
    T x;
    raw(&x, sizeof x);
    return x;
  }
  // The checksum of every byte read so far.
  uint64_t checksum() const { return sum_.value(); }
  std::string text(size_t limit = 1 << 16) {
    const uint32_t n = get<uint32_t>();
    if (n > limit) throw Damaged("beschadigde kop");
    std::string s(n, '\0');
    raw(s.data(), n);
    return s;
  }
  // Reads and checks the trailer: every byte before it arrived unchanged, and nothing follows.
  void finish() {
    char mark[8];
    uint64_t c = 0;
    in_.read(mark, 8);
    in_.read(reinterpret_cast<char*>(&c), sizeof c);
    if (in_.gcount() != sizeof c || std::memcmp(mark, "SWVEINDE", 8) != 0)
      throw Damaged("het bestand is korter dan het hoort (afgebroken of beschadigd)");
    if (c != sum_.value()) throw Damaged("de controlesom klopt niet (het bestand is beschadigd)");
    if (in_.peek() != std::char_traits<char>::eof()) throw Damaged("na het einde van het deel staan nog gegevens");
  }

 private:
  std::istream& in_;
  Checksum sum_;
};

}  // namespace swv::shard_io

// ---- The shard's records (shard.cpp writes them, shard_merge.cpp reads them) ---------------------
namespace swv::shard_io {

// The header ends with the checksum of its own bytes (format 2), so a damaged header is known as
// damaged before any of its fields is compared with another part's.
void write_header(Writer& w, const ShardHeader& h);
// Throws Damaged when it is not a shard of this format and byte order, or its checksum does not match.
ShardHeader read_header(Reader& r);

// Whether every value is a finite number (a part holds nothing else; see read_block).
template <class T>
bool all_finite(const T* v, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

// Bytes per kept value of a shard in `mode`.
inline size_t value_bytes(StoreMode mode) { return mode == StoreMode::ExactFloat ? sizeof(float) : sizeof(double); }

// A block's sums (for_each_sum order) and draw counters; a clamped value is named by its index in
// for_each_value order of the scenario.
void write_block(Writer& w, const mc_detail::Block& b, const std::unordered_map<const Value*, uint32_t>& index);
// Reads into `b` (shaped like the run, sums zero, no counters).
void read_block(Reader& r, mc_detail::Block& b, const std::vector<const Value*>& values);

}  // namespace swv::shard_io
