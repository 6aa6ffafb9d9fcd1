// A part of a Monte-Carlo run (shard.h): its range, the file's records, and running it.
#include "shard.h"

#include <tbb/global_control.h>

#include <filesystem>

#include "deterministic.h"
#include "engine_version.h"
#include "format_nl.h"
#include "mc_run.h"
#include "sha256.h"
#include "shard_io.h"
#include "validate.h"

namespace swv {

using namespace mc_detail;

namespace {
constexpr uint32_t kEndian = 0x01020304;
constexpr size_t kMaxChunkBlocks = 256;
}  // namespace

ShardRange shard_range(size_t paths, uint32_t k, uint32_t n) {
  const size_t blocks = block_count(paths);
  ShardRange r;
  // (k - 1) * blocks stays far below 2^64: blocks <= kMaxPaths / 256 and k <= blocks.
  r.first_block = static_cast<size_t>(uint64_t{k - 1} * blocks / n);
  r.last_block = static_cast<size_t>(uint64_t{k} * blocks / n);
  r.first_path = r.first_block * kBlockPaths;
  r.last_path = std::min(paths, r.last_block * kBlockPaths);
  return r;
}

std::string scenario_fingerprint(const Scenario& sc) {
  std::string all;
  for (const InputFile& f : init_result(sc, {}).inputs) all += f.role + "\t" + f.sha256 + "\n";
  return sha256_hex(all);
}

namespace shard_io {

void write_header(Writer& w, const ShardHeader& h) {
  w.raw(kShardMark, 8);
  w.put(h.format), w.put(kEndian);
  w.text(h.engine), w.text(h.fingerprint), w.text(h.scenario_file), w.text(h.scenario_path);
  w.put(h.seed), w.put(h.paths), w.put(h.n), w.put(h.k);
  w.put(h.first_block), w.put(h.last_block), w.put(h.first_path), w.put(h.last_path), w.put(h.chunk_blocks);
  w.put(static_cast<uint8_t>(h.mode));
  w.put(h.years), w.put(h.series), w.put(h.flags), w.put(h.lines), w.put(h.extras), w.put(h.risks), w.put(h.kept);
  w.put(w.checksum());  // of the header's bytes
}

ShardHeader read_header(Reader& r) {
  char mark[8];
  r.raw(mark, 8);
  if (std::memcmp(mark, kShardMark, 8) != 0) throw Damaged("geen deelbestand van swvsim (swvsim run --deel K/N maakt ze)");
  ShardHeader h;
  h.format = r.get<uint32_t>();
  if (h.format == 1)
    throw Damaged("deelbestand in formaat 1 (swvsim 0.4); deze swvsim leest formaat " + std::to_string(kShardFormat) +
                  ": maak de delen opnieuw met deze versie");
  if (h.format != kShardFormat)
    throw Damaged("onbekend formaat " + std::to_string(h.format) + " (het bestand is beschadigd, of gemaakt met een nieuwere swvsim); deze swvsim leest formaat " +
                  std::to_string(kShardFormat));
  const uint32_t endian = r.get<uint32_t>();
  if (endian == __builtin_bswap32(kEndian)) throw Damaged("gemaakt op een machine met een andere bytevolgorde; voeg de delen daar samen");
  if (endian != kEndian) throw Damaged("beschadigde kop (de controlesom van de kop klopt niet)");
  // Every field is read first and judged only after the header's checksum matched: a flipped byte
  // must read as damage, not as another version, seed or part number.
  h.engine = r.text(), h.fingerprint = r.text(), h.scenario_file = r.text(), h.scenario_path = r.text();
  h.seed = r.get<uint64_t>(), h.paths = r.get<uint64_t>(), h.n = r.get<uint32_t>(), h.k = r.get<uint32_t>();
  h.first_block = r.get<uint64_t>(), h.last_block = r.get<uint64_t>(), h.first_path = r.get<uint64_t>(), h.last_path = r.get<uint64_t>();
  h.chunk_blocks = r.get<uint64_t>();
  const uint8_t mode = r.get<uint8_t>();
  h.years = r.get<uint64_t>(), h.series = r.get<uint64_t>(), h.flags = r.get<uint64_t>(), h.lines = r.get<uint64_t>();
  h.extras = r.get<uint64_t>(), h.risks = r.get<uint64_t>(), h.kept = r.get<uint64_t>();
  const uint64_t sum = r.checksum();
  if (r.get<uint64_t>() != sum) throw Damaged("beschadigde kop (de controlesom van de kop klopt niet)");
  if (mode > static_cast<uint8_t>(StoreMode::Histogram)) throw Damaged("beschadigde kop");
  h.mode = static_cast<StoreMode>(mode);
  // A range that is not this part's of n is a damaged header (merging relies on it).
  const bool sane = h.n >= 1 && h.k >= 1 && h.k <= h.n && h.paths >= 1 && h.paths <= static_cast<uint64_t>(kMaxPaths) &&
                    h.chunk_blocks >= 1 && h.chunk_blocks <= kMaxChunkBlocks;
  if (!sane) throw Damaged("beschadigde kop");
  const ShardRange want = shard_range(h.paths, h.k, h.n);
  if (want.first_block != h.first_block || want.last_block != h.last_block || want.first_path != h.first_path || want.last_path != h.last_path)
    throw Damaged("beschadigde kop (het padbereik past niet bij deel " + std::to_string(h.k) + " van " + std::to_string(h.n) + ")");
  return h;
}

void write_block(Writer& w, const Block& b, const std::unordered_map<const Value*, uint32_t>& index) {
  for_each_sum(b, [&](const std::vector<double>& v) { w.raw(v.data(), v.size() * sizeof(double)); });
  const DrawCounters& c = b.counters;
  w.raw(c.rate_sum_paths.data(), c.rate_sum_paths.size() * sizeof(double));
  w.put(c.negative_intake_paths);
  w.put(c.negative_balance_paths), w.put(static_cast<int32_t>(c.negative_balance_year));
  w.put(static_cast<uint32_t>(c.clamped.size()));
  for (const auto& [v, k] : c.clamped) w.put(index.at(v)), w.put(k);
}

void read_block(Reader& r, Block& b, const std::vector<const Value*>& values) {
  // run_shard writes only finite sums and counts of paths (a path that overflows stops the part), so
  // anything else is damage, even under a matching checksum (found by fuzz_shard: NaN reached the
  // percentiles' bucketing as undefined behaviour).
  for_each_sum(b, [&](std::vector<double>& v) {
    r.raw(v.data(), v.size() * sizeof(double));
    if (!all_finite(v.data(), v.size())) throw Damaged("een som is geen eindig getal (het bestand is beschadigd)");
  });
  DrawCounters& c = b.counters;
  r.raw(c.rate_sum_paths.data(), c.rate_sum_paths.size() * sizeof(double));
  c.negative_intake_paths = r.get<double>();
  c.negative_balance_paths = r.get<double>();
  c.negative_balance_year = r.get<int32_t>();
  auto count = [](double k) { return k >= 0 && k <= static_cast<double>(kBlockPaths); };  // paths of one block
  bool ok = count(c.negative_intake_paths) && count(c.negative_balance_paths);
  for (double k : c.rate_sum_paths) ok = ok && count(k);
  if (!ok) throw Damaged("beschadigde tellers");
  const uint32_t m = r.get<uint32_t>();
  if (m > values.size()) throw Damaged("beschadigde tellers");
  for (uint32_t i = 0; i < m; ++i) {
    const uint32_t at = r.get<uint32_t>();
    const double k = r.get<double>();
    if (at >= values.size() || !(k >= 0 && std::isfinite(k))) throw Damaged("beschadigde tellers");  // draws, not paths
    c.clamped.emplace_back(values[at], k);
  }
}

}  // namespace shard_io

ShardHeader run_shard(const Scenario& input, uint32_t k, uint32_t n, const McOptions& opt, std::ostream& out) {
  const int threads = thread_count(opt);
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  check_paths(input);
  const size_t blocks = block_count(static_cast<size_t>(input.paths));
  if (k < 1 || k > n || n > blocks)
    throw RunError(input.files.back() + ": fout: --deel " + std::to_string(k) + "/" + std::to_string(n) + ": " +
                   (k < 1 || k > n ? "K moet 1 tot en met N zijn"
                                   : "meer delen dan blokken van " + std::to_string(kBlockPaths) + " paden (" + num_nl(static_cast<double>(blocks)) +
                                         " bij " + num_nl(static_cast<double>(input.paths)) + " paden); kies N ten hoogste " +
                                         num_nl(static_cast<double>(blocks))) +
                   "\n");
  // The precision of the values is the single run's (and so is a refusal for --geheugen).
  const StoreMode single = plan_memory(input, opt.memory_budget, static_cast<size_t>(threads)).mode;
  Scenario sc = input;
  prepare_for_monte_carlo(sc);
  MemoryPlan own;
  own.mode = single == StoreMode::ExactFloat ? StoreMode::ExactFloat : StoreMode::ExactDouble;  // a store per chunk, no ranges
  const McRun run(sc, opt, own);
  const ShardRange range = shard_range(run.n, k, n);
  const size_t vb = shard_io::value_bytes(single);
  const size_t per_block = kBlockPaths * run.cells * vb + block_bytes(run.shape);
  const size_t budget = std::max(opt.memory_budget, kMinMemoryBudget);
  const size_t chunk = std::clamp<size_t>(budget / 2 / per_block, 1, std::min(kMaxChunkBlocks, range.last_block - range.first_block));

  ShardHeader h;
  h.format = kShardFormat, h.engine = engine_version(), h.fingerprint = scenario_fingerprint(sc);
  h.scenario_file = input.files.back();
  std::error_code ec;
  h.scenario_path = std::filesystem::absolute(input.files.back(), ec).lexically_normal().string();
  h.seed = sc.seed, h.paths = run.n, h.n = n, h.k = k;
  h.first_block = range.first_block, h.last_block = range.last_block, h.first_path = range.first_path, h.last_path = range.last_path;
  h.chunk_blocks = chunk, h.mode = single;
  const Shape& s = run.shape;
  h.years = s.years, h.series = s.series, h.flags = s.flags, h.lines = s.lines, h.extras = s.extras, h.risks = s.risks, h.kept = s.kept;

  std::unordered_map<const Value*, uint32_t> index;
  for_each_value(run.sc, [&](const Value& v) { index.emplace(&v, static_cast<uint32_t>(index.size())); });
  shard_io::Writer w(out);
  shard_io::write_header(w, h);
  if (opt.progress) opt.progress->total = range.last_path - range.first_path;
  std::unique_ptr<SeriesStore> store;
  run_chunks(
      run, range.first_block, range.last_block, chunk,
      [&](size_t b0, size_t b1) {
        const size_t p0 = b0 * kBlockPaths, p1 = std::min(run.n, b1 * kBlockPaths);
        store.reset();
        store = std::make_unique<SeriesStore>(p1 - p0, run.cells, single == StoreMode::ExactFloat);
        return ChunkStore{store.get(), p0};
      },
      [&](size_t b0, size_t b1, const std::vector<Block>& acc) {
        for (size_t b = b0; b < b1; ++b) {
          const Block& blk = acc[b - b0];
          if (blk.bad_path != SIZE_MAX)  // the first in path order: blocks come in order
            throw RunError(overflow_message(sc.files.back(), blk.bad_what, blk.bad_year, " (pad " + std::to_string(blk.bad_path) + ")"));
          shard_io::write_block(w, blk, index);
        }
        for (size_t cell = 0; cell < run.cells; ++cell) w.raw(store->column(cell), store->paths() * vb);
      });
  w.finish();
  return h;
}

}  // namespace swv
