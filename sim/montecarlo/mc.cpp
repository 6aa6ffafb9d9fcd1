#include "mc.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <cmath>

#include "deterministic.h"
#include "diagnostics.h"
#include "format_nl.h"
#include "mc_blocks.h"
#include "mc_draws.h"
#include "mc_stats.h"
#include "mc_sums.h"
#include "model.h"
#include "path_series.h"
#include "targets.h"
#include "validate.h"

namespace swv {

namespace {

using namespace mc_detail;

// How a run uses its memory: the store mode, how many blocks are summed per chunk and how many
// histogram sets the streaming pass keeps at once (one per thread when they fit). None of these
// changes a result: sums are reduced in block order and histogram counts are integers.
struct MemoryPlan {
  StoreMode mode = StoreMode::ExactDouble;
  size_t chunk_blocks = 1, histograms = 1, bytes = 0;
};

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

// One run's fixed inputs, set up before any path runs. `sc` is the run's prepared copy.
struct McRun {
  const Scenario& sc;
  const McOptions& opt;
  const MemoryPlan plan;
  const size_t n, years, blocks;
  const bool streaming;
  const Shape shape;
  const size_t cells;  // every (series, year) + the shortfall
  const std::vector<std::string> keys, flag_keys;
  const std::vector<ExtraLine> extra;
  const Model model;
  const Eigen::Matrix3d chol;
  McRun(const Scenario& s, const McOptions& o, const MemoryPlan& p)
      : sc(s), opt(o), plan(p), n(static_cast<size_t>(s.paths)), years(static_cast<size_t>(s.years())), blocks(block_count(n)),
        streaming(p.mode == StoreMode::Histogram), shape(shape_of(s, streaming)), cells(shape.cells()), keys(path_series_keys(s)),
        flag_keys(path_flag_keys(s)), extra(extra_lines(s)), model(s), chol(correlation_factor(s)) {}
};

// Step 1, accumulate: every path once. Each block sums its paths into its own Block; the blocks of
// a chunk are added to the total in block order (thread-independent). In exact mode every value
// also goes into `store`, in streaming mode each cell's range into the Block.
Block accumulate(const McRun& run, SeriesStore* store) {
  const Block empty(run.shape);
  Block total = empty;
  std::vector<Block> acc(run.plan.chunk_blocks, empty);
  for (size_t first = 0; first < run.blocks; first += run.plan.chunk_blocks) {
    const size_t last = std::min(run.blocks, first + run.plan.chunk_blocks);
    std::fill(acc.begin(), acc.end(), empty);
    for_each_path(run.sc, run.chol, Pin{}, first, last, run.n, run.opt, [&](McDraws& dr, size_t b, size_t p) {
      Block& blk = acc[b - first];
      PathSink sink{&blk, store, p, &run.shape, &run.sc, &run.extra, &run.keys};
      run.model.run_path(dr, sink);
      sink.finish();
      dr.end_path(blk.counters);
    });
    for (size_t b = first; b < last; ++b) add_block(total, acc[b - first]);  // block order: thread-independent
  }
  return total;
}

// Step 2, percentiles of every cell (cells in parallel: each cell's result is independent of
// scheduling). Exact mode: from the store, which is freed afterwards.
std::vector<Percentiles> exact_percentiles(std::unique_ptr<SeriesStore> store, size_t cells) {
  std::vector<Percentiles> pct(cells);
  tbb::parallel_for(size_t{0}, cells, [&](size_t cell) { pct[cell] = store->percentiles(cell); });
  return pct;
}

// Streaming mode: the same paths again, counted into histograms over the ranges of step 1. At most
// plan.histograms sets at once (each thread fills its own): --geheugen bounds them.
std::vector<Percentiles> histogram_percentiles(const McRun& run, const Block& total) {
  tbb::enumerable_thread_specific<Histograms> local(total.lo, total.hi);
  tbb::task_arena arena(static_cast<int>(run.plan.histograms));
  arena.execute([&] {
    for_each_path(run.sc, run.chol, Pin{}, 0, run.blocks, run.n, run.opt, [&](McDraws& dr, size_t, size_t) {
      HistogramSink sink{&local.local(), &run.shape, &run.sc};
      run.model.run_path(dr, sink);
      sink.finish();
    });
  });
  Histograms h = std::move(*local.begin());  // merged into the first set: no extra copy
  for (auto it = std::next(local.begin()); it != local.end(); ++it) h.merge(*it);
  local.clear();
  std::vector<Percentiles> pct(run.cells);
  tbb::parallel_for(size_t{0}, run.cells, [&](size_t cell) { pct[cell] = h.percentiles(cell, run.n); });
  return pct;
}

// Step 3, assemble the Result from the totals and the percentiles.
Probability probability(const std::vector<double>& hits, double n) {
  Probability pr;
  for (double h : hits) {
    const double q = h / n;
    pr.value.push_back(q);
    pr.std_error.push_back(std::sqrt(q * (1 - q) / n));
  }
  return pr;
}

// Series: the mean and percentiles of every kept cell; a series that is the same in every path
// (Shape::slot -1) is the plan's value, mean and percentiles alike.
void assemble_series(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const PlanTrace& plan, Result& r) {
  const double dn = static_cast<double>(run.n);
  std::vector<double> row(run.shape.series);
  std::vector<std::vector<double>> fixed(run.years);
  for (size_t y = 0; y < run.years; ++y) {
    path_series_values(run.sc, plan.years[y], plan.lines[y], row.data());
    fixed[y] = row;
  }
  for (size_t k = 0; k < run.shape.series; ++k) {
    Series s{run.keys[k], {}, {}, {}, {}, {}, {}};
    const int slot = run.shape.slot[k];
    for (size_t y = 0; y < run.years; ++y) {
      if (slot < 0) {
        const double v = fixed[y][k];
        s.mean.push_back(v), s.p5.push_back(v), s.p25.push_back(v), s.p50.push_back(v), s.p75.push_back(v), s.p95.push_back(v);
        continue;
      }
      s.mean.push_back(total.series_sum[k * run.years + y] / dn);
      const Percentiles& q = pct[static_cast<size_t>(slot) * run.years + y];
      s.p5.push_back(q.p[kP5]), s.p25.push_back(q.p[kP25]), s.p50.push_back(q.p[kP50]), s.p75.push_back(q.p[kP75]), s.p95.push_back(q.p[kP95]);
    }
    r.series.push_back(std::move(s));
  }
}

// Lines: bedragen are the means over the paths, begroot the plan's amounts (scenario-format 14.3).
void assemble_lines_and_risks(const McRun& run, const Block& total, const PlanTrace& plan, Result& r) {
  const double dn = static_cast<double>(run.n);
  const size_t years = run.years, lines = run.shape.lines;
  for (size_t i = 0; i < run.shape.all_lines(); ++i) {
    r.lines[i].realised.clear(), r.lines[i].computed.clear();
    for (size_t y = 0; y < years; ++y) {
      r.lines[i].realised.push_back(total.line_real[i * years + y] / dn);
      if (i < lines && r.lines[i].has_override) r.lines[i].computed.push_back(total.line_comp[i * years + y] / dn);
    }
  }
  set_plan_budgets(run.sc, plan, r);
  for (size_t k = 0; k < run.shape.risks; ++k) {
    const Risk& risk = run.sc.risks[k];
    RiskResult rr{risk.code, risk.name, risk.lost_income, {}, {}};
    // The risk's line holds its mean impact (extra_lines: risks come last).
    const size_t line = run.shape.all_lines() - run.shape.risks + k;
    for (size_t y = 0; y < years; ++y) {
      rr.expected.push_back(total.line_real[line * years + y] / dn);
      rr.hit_share.push_back(total.risk_hits[k * years + y] / dn);
    }
    r.risks.push_back(std::move(rr));
  }
}

Result assemble(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const std::vector<std::string>& warnings,
                int threads) {
  Result r = init_result(run.sc, warnings);
  r.mode = Mode::MonteCarlo;
  r.paths = run.sc.paths;
  r.seed = run.sc.seed;
  r.threads = threads;
  r.percentile_method = run.plan.mode == StoreMode::ExactDouble  ? "exact"
                        : run.plan.mode == StoreMode::ExactFloat ? "exact (float)"
                                                                 : "histogram";
  const double dn = static_cast<double>(run.n);
  const PlanTrace plan = trace_plan(run.sc);
  assemble_series(run, total, pct, plan, r);
  r.excessive = probability(total.excessive, dn), r.below_floor = probability(total.below_floor, dn);
  r.negative = probability(total.negative, dn);
  for (size_t k = 0; k < run.shape.flags; ++k)
    r.more_flags.push_back({run.flag_keys[k], probability(std::vector<double>(total.flags.begin() + static_cast<long>(k * run.years),
                                                                              total.flags.begin() + static_cast<long>((k + 1) * run.years)),
                                                          dn)});
  assemble_lines_and_risks(run, total, plan, r);
  for (size_t y = 0; y < run.years; ++y) r.expected_excess.push_back(total.excess[y] / dn);
  const Percentiles& sf = pct[run.cells - 1];
  for (size_t i = 0; i < kBufferConfidence.size(); ++i) {
    const double q = sf.p[kBufferPercentile[i]];
    r.buffers.push_back({kBufferConfidence[i], q, required_buffer(q)});
  }
  const char* rules[kRules] = {"ocw_afroming", "afbouw", "bezuiniging", "ocw_korting", "cap"};
  for (size_t k = 0; k < kRules; ++k) {
    std::vector<double> v;
    for (size_t y = 0; y < run.years; ++y) v.push_back(total.fired[k * run.years + y] / dn);
    r.policy_fired.emplace_back(rules[k], v);
  }
  return r;
}

}  // namespace

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

// accumulate -> percentiles -> assemble.
Result run_monte_carlo(const Scenario& input, const std::vector<std::string>& warnings, const McOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  const int threads = thread_count(opt);
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  check_paths(input);
  const MemoryPlan plan = plan_memory(input, opt.memory_budget, static_cast<size_t>(threads));  // before any allocation
  Scenario sc = input;
  prepare_for_monte_carlo(sc);
  const McRun run(sc, opt, plan);
  if (opt.progress) opt.progress->total = run.n * (run.streaming ? 2 : 1);

  std::unique_ptr<SeriesStore> store;
  if (!run.streaming) store = std::make_unique<SeriesStore>(run.n, run.cells, plan.mode == StoreMode::ExactFloat);
  const Block total = accumulate(run, store.get());
  if (total.bad_path != SIZE_MAX)  // before any percentile: sorting or binning NaN is meaningless
    throw RunError(overflow_message(sc.files.back(), total.bad_what, total.bad_year, " (pad " + std::to_string(total.bad_path) + ")"));
  std::vector<std::string> all_warnings = warnings;
  report_counters(sc, total.counters, run.n, all_warnings);

  const std::vector<Percentiles> pct = run.streaming ? histogram_percentiles(run, total) : exact_percentiles(std::move(store), run.cells);
  Result r = assemble(run, total, pct, all_warnings, threads);
  check_finite(r, sc.files.back());  // sums of finite values can still overflow
  add_plausibility_warnings(sc.files.back(), r);
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
