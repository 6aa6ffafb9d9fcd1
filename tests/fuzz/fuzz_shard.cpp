// libFuzzer target on the shard reader: the input is a part file as `swvsim samenvoegen` reads it
// (sim/montecarlo/shard.h). Reading must end in a merged Result or in a RunError naming the problem:
// never a crash, hang, leak, sanitizer report, another exception or a huge allocation.
//
// A part carries a checksum over its header and one over everything, so nearly every mutation would
// stop at the first check. Each input is therefore read twice: as it is (the checks themselves), and
// with both checksums repaired (when the header's texts can be walked), which lets the fuzzer reach
// the parser behind them: the header's fields, the blocks' counters, the values and the merge.
//
// The part must belong to the scenario it is merged with (its fingerprint), so the seeds are parts of
// one fixed scenario (scenarios/voorbeeld-po.toml, 600 paths). With SWVSIM_FUZZ_WRITE_SEEDS=<map> the
// target writes them there and exits (tools/fuzz.sh does that before fuzzing): 1/1 in each of the
// three percentile methods, and 1/2 and 2/2.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "loader.h"
#include "mc.h"
#include "shard.h"
#include "shard_io.h"

namespace {

namespace fs = std::filesystem;

std::optional<swv::Scenario> g_scenario;

swv::McOptions options(size_t budget) {
  swv::McOptions o;
  o.threads = 1;
  o.memory_budget = budget;
  return o;
}

// Where the header's own checksum sits (format 2), or 0 when the texts run past the end.
size_t header_end(const std::string& s) {
  size_t at = 16;  // mark, format, endianness
  for (int text = 0; text < 4; ++text) {
    if (at + 4 > s.size()) return 0;
    uint32_t n = 0;
    std::memcpy(&n, s.data() + at, 4);
    at += 4 + n;
  }
  at += 8 + 8 + 4 + 4 + 8 * 5 + 1 + 8 * 7;  // seed, paths, n, k, ranges and chunk, mode, shape
  return at + 8 <= s.size() ? at : 0;
}

uint64_t checksum(const std::string& s, size_t n) {
  swv::shard_io::Checksum c;
  c.add(s.data(), n);
  return c.value();
}

// The input with both checksums recomputed (unchanged when its layout cannot be walked).
std::string repaired(std::string s) {
  const size_t end = header_end(s);
  if (end == 0 || s.size() < end + 8 + 16) return s;
  const uint64_t h = checksum(s, end);
  std::memcpy(s.data() + end, &h, 8);
  std::memcpy(s.data() + s.size() - 16, "SWVEINDE", 8);
  const uint64_t t = checksum(s, s.size() - 16);
  std::memcpy(s.data() + s.size() - 8, &t, 8);
  return s;
}

// Reads and merges one part as samenvoegen does; RunError is the expected refusal.
void read_and_merge(const std::string& bytes) {
  try {
    std::istringstream in(bytes);
    const swv::ShardHeader h = swv::read_shard_header(in, "deel");
    swv::check_shard_set({h}, {"deel"});
    auto open = [&](size_t) { return std::unique_ptr<std::istream>(new std::istringstream(bytes)); };
    swv::merge_shards(*g_scenario, {h}, {"deel"}, open, {}, options(size_t{64} << 20));
  } catch (const swv::RunError&) {
  }
}

void write_seeds(const fs::path& dir) {
  fs::create_directories(dir);
  struct Seed {
    uint32_t k, n;
    size_t budget;
    const char* name;
  };
  // 600 paths x 115 cells: 1 GB keeps doubles, 400 kB floats, 1 byte only the histograms.
  for (const Seed& s : {Seed{1, 1, size_t{1} << 30, "deel-1-van-1-exact"}, Seed{1, 1, 400'000, "deel-1-van-1-float"},
                        Seed{1, 1, 1, "deel-1-van-1-histogram"}, Seed{1, 2, size_t{1} << 30, "deel-1-van-2"},
                        Seed{2, 2, size_t{1} << 30, "deel-2-van-2"}}) {
    std::ofstream out(dir / (std::string(s.name) + ".swvdeel"), std::ios::binary);
    swv::run_shard(*g_scenario, s.k, s.n, options(s.budget), out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  swv::LoadOptions load;
  load.rules_dir = std::string(SWVSIM_SOURCE_DIR) + "/scenarios/regels";
  swv::LoadResult lr = swv::load_scenario(std::string(SWVSIM_SOURCE_DIR) + "/scenarios/voorbeeld-po.toml", load);
  if (!lr.scenario) std::abort();
  g_scenario = *lr.scenario;
  g_scenario->paths = 600;
  if (const char* dir = std::getenv("SWVSIM_FUZZ_WRITE_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  read_and_merge(bytes);
  const std::string fixed = repaired(bytes);
  if (fixed != bytes) read_and_merge(fixed);
  return 0;
}
