#include "mc.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cmath>

#include "deterministic.h"
#include "diagnostics.h"
#include "finance_table.h"
#include "format_nl.h"
#include "mc_run.h"
#include "targets.h"
#include "validate.h"

namespace swv {

namespace mc_detail {

MemoryPlan plan_memory(const Scenario& sc, size_t budget, size_t threads) {
  const size_t n = static_cast<size_t>(sc.paths), years = static_cast<size_t>(sc.years());
  const size_t cells = shape_of(sc, false).cells(), blocks = block_count(n);
  const size_t min_chunk = std::max<size_t>(1, std::min(blocks, threads));
  MemoryPlan m;
  // The per-path store gets what the minimal block sums leave (total, template, one per thread).
  const size_t blk_exact = block_bytes(shape_of(sc, false));
  const size_t fixed_exact = (2 + min_chunk) * blk_exact;
  m.mode = store_mode(n, cells, budget > fixed_exact ? budget - fixed_exact : 0);
  const bool streaming = m.mode == StoreMode::Histogram;
  const size_t blk = block_bytes(shape_of(sc, streaming));
  const double values = static_cast<double>(n) * static_cast<double>(cells);
  const double store = m.mode == StoreMode::ExactDouble ? values * 8 : m.mode == StoreMode::ExactFloat ? values * 4 : 0;
  const double hist = streaming ? static_cast<double>(cells) * kHistogramBins * sizeof(uint32_t) : 0;
  const double need = store + hist + static_cast<double>((2 + min_chunk) * blk);
  const double allowed = static_cast<double>(std::max(budget, kMinMemoryBudget));
  if (need > allowed) {
    const double mb = std::ceil(need / (1 << 20));
    throw RunError(sc.files.back() + ": fout: geheugen: deze berekening (" + num_nl(static_cast<double>(n)) + " paden, " +
                   std::to_string(years) + " jaren, " + std::to_string(sc.lines.size()) + " posten, " + std::to_string(sc.risks.size()) +
                   " risico's) heeft ten minste " + num_nl(mb) + " MB nodig en --geheugen staat op " +
                   num_nl(std::floor(static_cast<double>(budget) / (1 << 20))) + " MB; geef --geheugen " + num_nl(mb) +
                   " of meer, of verlaag --threads, --paden of het aantal posten en risico's\n");
  }
  double left = allowed - need;
  if (streaming) {
    const double more = std::min(static_cast<double>(threads - 1), std::floor(left / 2 / hist));
    m.histograms = 1 + static_cast<size_t>(std::max(0.0, more));
    left -= static_cast<double>(m.histograms - 1) * hist;
  }
  m.chunk_blocks = std::min({kChunkBlocks, std::max<size_t>(1, blocks), min_chunk + static_cast<size_t>(left / static_cast<double>(blk))});
  m.bytes = static_cast<size_t>(store + static_cast<double>(m.histograms) * hist + static_cast<double>((2 + m.chunk_blocks) * blk));
  return m;
}

// Step 2, percentiles of every cell (cells in parallel: each cell's result is independent of
// scheduling). Exact mode: from the store, which is freed afterwards.
std::vector<Percentiles> exact_percentiles(std::unique_ptr<SeriesStore> store, size_t cells) {
  std::vector<Percentiles> pct(cells);
  tbb::parallel_for(size_t{0}, cells, [&](size_t cell) { pct[cell] = store->percentiles(cell); });
  return pct;
}

namespace {

// Streaming mode: the same paths again, counted into histograms over the ranges of step 1. At most
// plan.histograms sets at once (each thread fills its own): --geheugen bounds them.
std::vector<Percentiles> histogram_percentiles(const McRun& run, const Block& total) {
  tbb::enumerable_thread_specific<Histograms> local(total.lo, total.hi);
  tbb::task_arena arena(static_cast<int>(run.plan.histograms));
  arena.execute([&] {
    for_each_lane_group(run.sc, run.chol, 0, run.blocks, run.n, run.opt, [&](LaneDraws& dr, size_t, size_t, int active) {
      Histograms* h = &local.local();
      std::array<HistogramSink, kLanes> sinks;
      for (HistogramSink& s : sinks) s = HistogramSink{h, &run.shape, &run.sc};
      LaneSplitSink<HistogramSink> split{sinks.data(), active, dr.scratch_amounts()};
      run.model.run_path(dr, split);
      for (int i = 0; i < active; ++i) sinks[static_cast<size_t>(i)].finish();
      dr.end_paths();
    });
  });
  Histograms h = std::move(*local.begin());  // merged into the first set: no extra copy
  for (auto it = std::next(local.begin()); it != local.end(); ++it) h.merge(*it);
  local.clear();
  std::vector<Percentiles> pct(run.cells);
  tbb::parallel_for(size_t{0}, run.cells, [&](size_t cell) { pct[cell] = h.percentiles(cell, run.n); });
  return pct;
}

}  // namespace

void check_totals(const McRun& run, const Block& total, std::vector<std::string>& warnings) {
  if (total.bad_path != SIZE_MAX)  // before any percentile: sorting or binning NaN is meaningless
    throw RunError(overflow_message(run.sc.files.back(), total.bad_what, total.bad_year, " (pad " + std::to_string(total.bad_path) + ")"));
  report_counters(run.sc, total.counters, run.n, warnings);
}

// accumulate -> percentiles -> assemble. Step 1, accumulate: every path once. Each block sums its
// paths into its own Block; the blocks of a chunk are added to the total in block order
// (thread-independent). In exact mode every value also goes into the store, in streaming mode each
// cell's range into the Block.
Result run_fixed(const Scenario& sc, const std::vector<std::string>& warnings, const McOptions& opt, int threads, const MemoryPlan& plan) {
  const McRun run(sc, opt, plan);
  if (opt.progress) opt.progress->total = run.n * (run.streaming ? 2 : 1);
  std::unique_ptr<SeriesStore> store;
  if (!run.streaming) store = std::make_unique<SeriesStore>(run.n, run.cells, plan.mode == StoreMode::ExactFloat);
  Block total(run.shape);
  run_chunks(
      run, 0, run.blocks, plan.chunk_blocks, [&](size_t, size_t) { return ChunkStore{store.get(), 0}; },
      [&](size_t b0, size_t b1, const std::vector<Block>& acc) {
        for (size_t b = b0; b < b1; ++b) add_block(total, acc[b - b0]);  // block order: thread-independent
      });
  std::vector<std::string> all_warnings = warnings;
  check_totals(run, total, all_warnings);
  const std::vector<Percentiles> pct = run.streaming ? histogram_percentiles(run, total) : exact_percentiles(std::move(store), run.cells);
  return finish_result(run, total, pct, all_warnings, threads);
}

}  // namespace mc_detail

using namespace mc_detail;

const char* const kStateRates[6] = {
    "verwijzing.*, uitstroom.regulier (regulier)", "doorstroom.sbo_so.*, terugplaatsing.sbo, uitstroom.sbo (SBO)",
    "terugplaatsing.so, uitstroom.so (SO laag)",  "terugplaatsing.so, uitstroom.so (SO midden)",
    "terugplaatsing.so, uitstroom.so (SO hoog)",  "uitstroom.pro (PrO)"};

// Warnings and errors from what the draws counted (scenario-format sections 1 and 6).
void report_counters(const Scenario& sc, const DrawCounters& c, size_t n, std::vector<std::string>& warnings) {
  const double paths = static_cast<double>(n), path_years = paths * sc.years();
  std::string errors;
  for (size_t s = 0; s < 6; ++s) {
    const double share = c.rate_sum_paths[s] / paths;
    if (share <= 0) continue;
    std::string what = "in " + pct_plain(share) + " van de paden tellen de getrokken kansen van stromen." + kStateRates[s] +
                       " in een jaar op tot 1 of meer";
    if (share > 0.001) errors += sc.files.back() + ": fout: stromen: " + what + "; meer dan 0,1% van de paden is een invoerfout: verklein de kansen of hun spreiding\n";
    else warnings.push_back(sc.files.back() + ": waarschuwing: stromen: " + what + "; in die paden zijn ze naar een som van 1 geschaald");
  }
  if (!errors.empty()) throw RunError(errors);
  for (const auto& [v, k] : c.clamped) {
    const double share = k / path_years;
    if (share <= 0.001) continue;
    Diagnostic d{Severity::Warning, v->where,
                 pct_plain(share) + " van de trekkingen (pad-jaren) viel buiten [0, 1] en is afgekapt tot 0 of 1; "
                                    "kies een kleinere sd of een beta-verdeling"};
    warnings.push_back(d.format());
  }
  if (c.negative_balance_paths > 0) {  // the plan's own below-0 items stopped the run before the paths (check_plan)
    const double share = c.negative_balance_paths / paths;
    const std::string what = "in " + pct_plain(share) + " van de paden zakken de materiële vaste activa of de voorzieningen onder 0, het eerst in " +
                             std::to_string(c.negative_balance_year) + " (de getrokken afschrijvingen of onttrekkingen zijn groter dan wat er is)";
    if (share > 0.001)
      throw RunError(sc.files.back() + ": fout: balans: " + what + "; meer dan 0,1% van de paden is een invoerfout: verklein de spreiding van "
                     "balans.afschrijvingen of balans.voorzieningen_mutatie\n");
    warnings.push_back(sc.files.back() + ": waarschuwing: balans: " + what);
  }
  if (c.negative_intake_paths > 0)
    warnings.push_back(sc.files.back() + ": waarschuwing: demografie: in " + pct_plain(c.negative_intake_paths / paths) +
                       " van de paden werd de instroom negatief en is die op 0 gezet");
}

void prepare_for_monte_carlo(Scenario& sc) {
  std::vector<Value*> values;
  for_each_value(sc, [&](Value& v) { values.push_back(&v); });
  tbb::parallel_for(size_t{0}, values.size(), [&](size_t i) { values[i]->prepare(sc.first_year, sc.last_year); });
  solve_targets(sc);  // stromen.doel: the factors, before the plan and the paths
  fix_plan(sc);
}

Result run_monte_carlo(const Scenario& input, const std::vector<std::string>& warnings, const McOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = thread_count(opt);
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  // The finance table is allocated by the caller: the per-path store gets what it leaves.
  const size_t finance = opt.finance ? static_cast<size_t>(FinanceTable::bytes(input, opt.finance->paths())) : 0;
  McOptions o = opt;
  o.memory_budget = opt.memory_budget > finance ? opt.memory_budget - finance : 0;
  Result r;
  if (o.precision > 0) {
    Scenario sc = input;
    sc.paths = o.max_paths;
    check_paths(sc);
    plan_memory(sc, o.memory_budget, static_cast<size_t>(threads));  // refuses before any path, as a run of max_paths would
    prepare_for_monte_carlo(sc);
    r = run_precision(sc, warnings, o, threads);
    if (o.finance) o.finance->truncate(static_cast<size_t>(r.paths));
  } else {
    check_paths(input);
    const MemoryPlan plan = plan_memory(input, o.memory_budget, static_cast<size_t>(threads));  // before any allocation
    Scenario sc = input;
    prepare_for_monte_carlo(sc);
    r = run_fixed(sc, warnings, o, threads, plan);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

void check_paths(const Scenario& sc) {
  if (sc.paths < 1 || sc.paths > kMaxPaths)
    throw RunError(sc.files.back() + ": fout: simulatie.paden: " + num_nl(static_cast<double>(sc.paths)) + " paden; kies 1 tot en met " +
                   num_nl(static_cast<double>(kMaxPaths)) + " (--paden)\n");
}

size_t monte_carlo_memory(const Scenario& sc, const McOptions& opt) {
  const int threads = thread_count(opt);
  return plan_memory(sc, opt.memory_budget, static_cast<size_t>(threads)).bytes;
}


}  // namespace swv
