// Merging the parts of a Monte-Carlo run (shard.h): checking that they belong together, then adding
// their blocks in block order and selecting the percentiles from all their values, as the single run.
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

#include "engine_version.h"
#include "format_nl.h"
#include "mc_run.h"
#include "shard.h"
#include "shard_io.h"

namespace swv {

using namespace mc_detail;

namespace {

std::string part_name(const ShardHeader& h, const std::string& name) {
  return "deel " + std::to_string(h.k) + " van " + std::to_string(h.n) + " (" + name + ")";
}

const char* mode_name(StoreMode m) {
  return m == StoreMode::ExactDouble ? "exact" : m == StoreMode::ExactFloat ? "exact (float)" : "histogram";
}

}  // namespace

ShardHeader read_shard_header(std::istream& in, const std::string& name) {
  try {
    shard_io::Reader r(in);
    return shard_io::read_header(r);
  } catch (const shard_io::Damaged& e) {
    throw RunError(name + ": fout: deel: " + e.what() + "\n");
  }
}

void check_shard_set(const std::vector<ShardHeader>& hs, const std::vector<std::string>& names) {
  if (hs.empty()) throw RunError("swvsim: fout: samenvoegen: geef de deelbestanden op: swvsim samenvoegen DEEL... --uit MAP\n");
  std::string errors;
  for (const auto& line : shard_set_problems(hs, names, true)) errors += line + "\n";
  if (!errors.empty()) throw RunError(errors);
}

std::vector<std::string> shard_set_problems(const std::vector<ShardHeader>& hs, const std::vector<std::string>& names, bool all_read) {
  std::vector<std::string> errors;
  auto error = [&](const std::string& text) { errors.push_back("swvsim: fout: samenvoegen: " + text); };
  if (hs.empty()) return errors;
  const ShardHeader& a = hs[0];
  for (size_t i = 0; i < hs.size(); ++i) {
    const ShardHeader& h = hs[i];
    const std::string who = part_name(h, names[i]);
    if (h.engine != engine_version())
      error(who + " is gemaakt met swvsim " + h.engine + ", dit is swvsim " + engine_version() +
            "; maak de delen opnieuw met deze versie of voeg ze samen met swvsim " + h.engine);
    if (i == 0) continue;
    const std::string vs = " dan " + part_name(a, names[0]);
    if (h.fingerprint != a.fingerprint)
      error(who + " hoort bij een ander scenario (" + h.scenario_file + ", invoer-sha256 " + h.fingerprint.substr(0, 12) + "…)" + vs + " (" +
            a.scenario_file + ", " + a.fingerprint.substr(0, 12) + "…)");
    if (h.seed != a.seed) error(who + " heeft zaad " + std::to_string(h.seed) + ", ander" + vs + " (zaad " + std::to_string(a.seed) + ")");
    if (h.paths != a.paths)
      error(who + " heeft " + num_nl(static_cast<double>(h.paths)) + " paden, ander" + vs + " (" + num_nl(static_cast<double>(a.paths)) + ")");
    if (h.n != a.n) error(who + " is een deel van " + std::to_string(h.n) + ", ander" + vs + " (van " + std::to_string(a.n) + ")");
    if (h.mode != a.mode)
      error(who + " heeft percentielen \"" + mode_name(h.mode) + "\", ander" + vs + " (\"" + mode_name(a.mode) +
            "\"); maak alle delen met dezelfde --geheugen en --threads");
  }
  if (errors.empty()) {  // (parts of another n or run: which part is missing means nothing)
    std::map<uint32_t, std::vector<size_t>> by_k;
    for (size_t i = 0; i < hs.size(); ++i) by_k[hs[i].k].push_back(i);
    for (uint32_t k = 1; k <= a.n; ++k) {
      const auto it = by_k.find(k);
      if (it == by_k.end()) {
        if (all_read)
          error("deel " + std::to_string(k) + " van " + std::to_string(a.n) + " ontbreekt (paden " +
              num_nl(static_cast<double>(shard_range(a.paths, k, a.n).first_path)) + " tot " +
              num_nl(static_cast<double>(shard_range(a.paths, k, a.n).last_path)) + ")");
      } else if (it->second.size() > 1) {
        std::string files;
        for (size_t i : it->second) files += (files.empty() ? "" : ", ") + names[i];
        error("deel " + std::to_string(k) + " van " + std::to_string(a.n) + " staat er " + std::to_string(it->second.size()) + " keer bij: " + files);
      }
    }
  }
  return errors;
}

Result merge_shards(const Scenario& input, const std::vector<ShardHeader>& hs, const std::vector<std::string>& names,
                    const std::function<std::unique_ptr<std::istream>(size_t)>& open, const std::vector<std::string>& warnings,
                    const McOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = thread_count(opt);
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  std::vector<size_t> order(hs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return hs[x].k < hs[y].k; });
  const ShardHeader& h0 = hs[order[0]];
  const std::string file = input.files.back();
  if (scenario_fingerprint(input) != h0.fingerprint)
    throw RunError(file + ": fout: samenvoegen: het scenario, een basis of een regelsbestand is gewijzigd sinds de delen zijn gemaakt "
                          "(de invoer-sha256 verschilt); maak de delen opnieuw\n");
  Scenario sc = input;
  sc.paths = static_cast<int64_t>(h0.paths), sc.seed = h0.seed, sc.mode = Mode::MonteCarlo;
  check_paths(sc);
  prepare_for_monte_carlo(sc);
  MemoryPlan plan;
  plan.mode = h0.mode;
  const McRun run(sc, opt, plan);
  const Shape& s = run.shape;
  if (h0.years != s.years || h0.series != s.series || h0.flags != s.flags || h0.lines != s.lines || h0.extras != s.extras ||
      h0.risks != s.risks || h0.kept != s.kept)
    throw RunError(names[order[0]] + ": fout: deel: de reeksen en posten passen niet bij " + file + "\n");
  const bool histogram = plan.mode == StoreMode::Histogram;
  const size_t vb = shard_io::value_bytes(plan.mode);
  const double need = histogram ? static_cast<double>(run.cells) * kHistogramBins * sizeof(uint32_t)
                                : static_cast<double>(run.n) * static_cast<double>(run.cells) * static_cast<double>(vb);
  if (need > static_cast<double>(std::max(opt.memory_budget, kMinMemoryBudget)))
    throw RunError(file + ": fout: geheugen: samenvoegen van " + num_nl(static_cast<double>(run.n)) + " paden heeft " +
                   num_nl(std::ceil(need / (1 << 20))) + " MB nodig; geef --geheugen " + num_nl(std::ceil(need / (1 << 20))) + " of meer\n");

  std::vector<const Value*> values;
  for_each_value(run.sc, [&](const Value& v) { values.push_back(&v); });
  std::unique_ptr<SeriesStore> store;
  if (!histogram) store = std::make_unique<SeriesStore>(run.n, run.cells, plan.mode == StoreMode::ExactFloat);
  std::vector<double> lo(run.cells, INFINITY), hi(run.cells, -INFINITY), buf;
  std::unique_ptr<Histograms> hist;
  if (opt.progress) opt.progress->total = run.n * (histogram ? 2 : 1);
  const Block empty(run.shape);
  Block total = empty, blk = empty;
  // One pass over every shard in k order: pass 0 adds the blocks and takes the values (exact) or
  // their ranges (histogram), pass 1 counts the values into the histograms.
  // Pass 0 reads every part to its trailer even after one failed its checksum: every damaged part
  // is named at once, before anything is written.
  std::string damaged;
  auto pass = [&](int which) {
    for (size_t i : order) {
      const ShardHeader& h = hs[i];
      try {
        std::unique_ptr<std::istream> in = open(i);
        shard_io::Reader r(*in);
        shard_io::read_header(r);
        for (size_t b0 = h.first_block; b0 < h.last_block; b0 += h.chunk_blocks) {
          if (opt.cancel && opt.cancel->load()) throw Cancelled();
          const size_t b1 = std::min<size_t>(h.last_block, b0 + h.chunk_blocks);
          const size_t p0 = b0 * kBlockPaths, m = std::min(run.n, b1 * kBlockPaths) - p0;
          for (size_t b = b0; b < b1; ++b) {
            blk = empty;
            shard_io::read_block(r, blk, values);
            if (which == 0) add_block(total, blk);  // block order: k order, then the part's blocks
          }
          for (size_t cell = 0; cell < run.cells; ++cell) {
            // Every value finite, as the part wrote it: a NaN must not reach the percentiles.
            if (!histogram) {
              char* at = store->column(cell) + p0 * vb;
              r.raw(at, m * vb);
              const bool finite = plan.mode == StoreMode::ExactFloat ? shard_io::all_finite(reinterpret_cast<const float*>(at), m)
                                                                     : shard_io::all_finite(reinterpret_cast<const double*>(at), m);
              if (!finite) throw shard_io::Damaged("een waarde is geen eindig getal (het bestand is beschadigd)");
              continue;
            }
            buf.resize(m);
            r.raw(buf.data(), m * sizeof(double));
            if (!shard_io::all_finite(buf.data(), m)) throw shard_io::Damaged("een waarde is geen eindig getal (het bestand is beschadigd)");
            if (which == 0)
              for (double x : buf) lo[cell] = std::min(lo[cell], x), hi[cell] = std::max(hi[cell], x);  // path order, as the blocks' ranges
            else
              for (double x : buf) hist->add(cell, x);
          }
          if (opt.progress) opt.progress->done += m;
        }
        r.finish();
      } catch (const shard_io::Damaged& e) {
        damaged += names[i] + ": fout: deel: " + e.what() + "\n";
        if (which != 0) break;
      }
    }
    if (!damaged.empty()) throw RunError(damaged);
  };
  pass(0);
  std::vector<std::string> all_warnings = warnings;
  check_totals(run, total, all_warnings);
  std::vector<Percentiles> pct;
  if (histogram) {
    hist = std::make_unique<Histograms>(lo, hi);
    pass(1);
    pct.resize(run.cells);
    tbb::parallel_for(size_t{0}, run.cells, [&](size_t cell) { pct[cell] = hist->percentiles(cell, run.n); });
  } else {
    pct = exact_percentiles(std::move(store), run.cells);
  }
  Result r = finish_result(run, total, pct, all_warnings, threads);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace swv
