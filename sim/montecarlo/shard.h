#pragma once
// A Monte-Carlo run split over machines (docs/schalen.md): part k of n (a shard) runs a range of the
// run's blocks and writes what merging needs; merge_shards turns the n parts into the Result of the
// single run.
//
// Contract:
// - Part k of n (1 <= k <= n <= the run's blocks) holds blocks [floor((k-1) B / n), floor(k B / n))
//   of the B blocks of kBlockPaths paths (shard_range): the parts cover every block exactly once, and
//   a path's draws depend only on (seed, path), so a part's blocks are the single run's blocks.
// - A shard holds each block's sums and draw counters (merging adds them in block order, as
//   run_monte_carlo does) and every kept cell's value of every path, in the precision the single run
//   keeps them (double, float; double for the histogram fallback, whose ranges merging finds).
// - merge_shards gives run_monte_carlo's Result for the same scenario, seed and paths (and the same
//   --geheugen, which chooses that precision) bit for bit, apart from the merge's own threads and
//   seconds, whatever threads each part and the merge used and in whatever order the parts come.
// - The file (format kShardFormat): a header (mark, format, endianness, engine version, the
//   scenario's fingerprint and file, seed, paths, n, k, block and path range, value precision,
//   shape, and a checksum of the header's bytes), then per chunk of blocks each block's sums and
//   counters followed by the chunk's values cell by cell, then a trailer with a checksum over
//   everything before it. A shard is bound to the engine version that wrote it.
// - Damage is blamed on the damaged part: a header's fields are compared with other parts' only
//   after its own checksum matched, and the merge reads every part to its trailer, listing each
//   part whose checksum fails, before it writes anything.
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "mc.h"
#include "mc_stats.h"

namespace swv {

// 2 (0.5): the header carries a checksum of its own, the counters hold the paths with a balance item
// below 0 (issue 28); 1: swvsim 0.4.
constexpr uint32_t kShardFormat = 2;
// The first 8 bytes of every shard file, whatever its format.
constexpr char kShardMark[9] = "SWVSDEEL";

struct ShardRange {
  size_t first_block, last_block, first_path, last_path;  // [first, last)
};
// The blocks and paths of part k (1-based) of n of a run of `paths` paths.
ShardRange shard_range(size_t paths, uint32_t k, uint32_t n);

// The fingerprint of a scenario's inputs: sha256 over the content hash of every input file
// (scenario, bases, rules) with its role. Two shards of one run have the same fingerprint.
std::string scenario_fingerprint(const Scenario& sc);

struct ShardHeader {
  uint32_t format = 0;
  std::string engine, fingerprint;
  std::string scenario_file, scenario_path;  // as given to run, and absolute
  uint64_t seed = 0, paths = 0;
  uint32_t n = 0, k = 0;
  uint64_t first_block = 0, last_block = 0, first_path = 0, last_path = 0, chunk_blocks = 0;
  StoreMode mode = StoreMode::ExactDouble;  // the single run's percentile method
  uint64_t years = 0, series = 0, flags = 0, lines = 0, extras = 0, risks = 0, kept = 0;
};

// Runs part k of n of the Monte-Carlo run of `sc` (its seed and paths) and writes the shard to
// `out`; `file` is the scenario file as the user gave it. The values' precision is the one the
// single run would choose under opt.memory_budget; the part itself keeps only one chunk of values at
// a time. Throws RunError (a bad k/n, an overflow in the part's paths, a single run that would not
// fit --geheugen) and Cancelled. The caller checks that `out` took every byte.
ShardHeader run_shard(const Scenario& sc, uint32_t k, uint32_t n, const McOptions& opt, std::ostream& out);

// The header of a shard; shard_io::Damaged-derived RunError naming `name` when it is not a shard of
// this format, engine version and byte order, or is cut short.
ShardHeader read_shard_header(std::istream& in, const std::string& name);

// Checks that the shards belong together: one engine version, scenario fingerprint, seed, paths,
// n and value precision, and every k of 1..n exactly once. RunError listing every problem.
void check_shard_set(const std::vector<ShardHeader>& headers, const std::vector<std::string>& names);
// The same problems as lines ("swvsim: fout: samenvoegen: ..."); `all_read` false leaves out the
// missing parts (a part that could not be read may be the missing one).
std::vector<std::string> shard_set_problems(const std::vector<ShardHeader>& headers, const std::vector<std::string>& names, bool all_read);

// Merges checked shards into the Result of the single run. `sc` is the scenario loaded again (its
// fingerprint must match), with seed and paths set from the shards; open(i) opens shard i afresh
// (the histogram fallback reads every shard twice). `warnings` are the loader's, as for a run.
// Throws RunError (another scenario, a damaged shard, the run-time input checks) and Cancelled.
Result merge_shards(const Scenario& sc, const std::vector<ShardHeader>& headers, const std::vector<std::string>& names,
                    const std::function<std::unique_ptr<std::istream>(size_t)>& open, const std::vector<std::string>& warnings,
                    const McOptions& opt);

}  // namespace swv
