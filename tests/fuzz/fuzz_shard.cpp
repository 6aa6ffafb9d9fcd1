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
// one fixed scenario (scenarios/voorbeeld-po.toml, 600 paths). The repair is shard_check.h, shared
// with the regression tests in tests/montecarlo/test_shards.cpp (a finding is kept there as a test
// that builds the damaged part, not as a file of hundreds of kB). With SWVSIM_FUZZ_WRITE_SEEDS=<map> the
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
#include "shard_check.h"

namespace {

namespace fs = std::filesystem;

std::optional<swv::Scenario> g_scenario;

swv::McOptions options(size_t budget) {
  swv::McOptions o;
  o.threads = 1;
  o.memory_budget = budget;
  return o;
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
  const std::string fixed = swv::fuzz::with_checksums_repaired(bytes);
  if (fixed != bytes) read_and_merge(fixed);
  return 0;
}
