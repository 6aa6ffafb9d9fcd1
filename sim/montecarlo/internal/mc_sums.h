#pragma once
// Internal to run_monte_carlo (mc.cpp): what one block of paths sums (Block, shaped by Shape) and
// the sinks that fill it: PathSink (the main pass) and HistogramSink (streaming mode's second pass).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "finance_table.h"
#include "mc_draws.h"
#include "mc_stats.h"
#include "model.h"
#include "path_series.h"

namespace swv::mc_detail {

constexpr int kRules = 5;    // ocw_afroming, afbouw, bezuiniging, ocw_korting, cap

// The shape of one run's sums: series, flags and lines (budget lines, then path_series.h's extras).
struct Shape {
  size_t years, series, flags, lines, extras, risks;
  bool ranges;  // streaming mode keeps each cell's range
  // Per series its slot among the kept series (-1: the same in every path, taken from the plan:
  // path_series_constant), and how many are kept. Cells are kept series x years + the shortfall.
  std::vector<int> slot;
  size_t kept;
  size_t all_lines() const { return lines + extras; }
  size_t cells() const { return kept * years + 1; }
};

// Sums of one block of paths; blocks are reduced in block order, so sums do not depend on threads.
struct Block {
  std::vector<double> series_sum;                          // [series][year]
  std::vector<double> excessive, below_floor, negative;    // [year] path counts
  std::vector<double> flags;                               // [flag][year] path counts (path_flag_keys)
  std::vector<double> line_real, line_comp;                // [line][year] (line_comp: budget lines only)
  std::vector<double> fired;                               // [rule][year]
  std::vector<double> risk_hits;                           // [risk][year]
  std::vector<double> excess;                              // [year] sum of max(0, equity - signal)
  std::vector<double> lo, hi;                              // [cell] (streaming mode)
  DrawCounters counters;
  // The first path (lowest number) with a non-finite value, its year and what (run-time error).
  size_t bad_path = SIZE_MAX;
  int bad_year = 0;
  std::string bad_what;
  explicit Block(const Shape& sh)
      : series_sum(sh.series * sh.years), excessive(sh.years), below_floor(sh.years), negative(sh.years),
        flags(sh.flags * sh.years), line_real(sh.all_lines() * sh.years), line_comp(sh.lines * sh.years), fired(kRules * sh.years),
        risk_hits(sh.risks * sh.years), excess(sh.years), lo(sh.ranges ? sh.cells() : 0, INFINITY),
        hi(sh.ranges ? sh.cells() : 0, -INFINITY) {}
};

// The main pass: sums, counts and (exact mode) every value into the store.
struct PathSink {
  Block* block;
  SeriesStore* store;  // null in streaming mode
  size_t path;
  const Shape* sh;
  const Scenario* sc;
  const std::vector<ExtraLine>* extra;
  const std::vector<std::string>* keys;
  double shortfall = kNoShortfall;
  size_t store_first = 0;  // the store's column slot of `path` is path - store_first (a store of part of the paths)
  FinanceTable* finance = nullptr;  // records the first paths' year inputs to the close (the kaderbrief figure)
  void year(int yi, const YearRecord& r, const LineAmounts& a) {
    const size_t y = static_cast<size_t>(yi), years = sh->years, lines = sh->lines;
    if (finance) finance->record(path, yi, r.in);
    double s[kMaxSeries];
    path_series_values(*sc, r, a, s);
    // x * 0 is 0 for a finite x and NaN otherwise: one comparison per year finds any overflow.
    double probe = 0;
    for (size_t k = 0; k < sh->series; ++k) probe += s[k] * 0.0;
    for (size_t i = 0; i < lines; ++i) probe += (a.budget[i] + a.realised[i]) * 0.0;
    for (double x : a.risk) probe += x * 0.0;
    for (double x : a.policy) probe += x * 0.0;
    // The lowest path's first bad year: lanes hand in the years of several paths in turn.
    if (probe != 0 && path < block->bad_path) note_bad(yi, s, a);
    shortfall = path_shortfall(shortfall, r.plan_equity, r.equity);
    block->excess[y] += std::max(0.0, r.equity - r.signal);
    for (size_t k = 0; k < a.risk.size(); ++k) block->risk_hits[k * years + y] += a.risk[k] != 0;
    for (size_t k = 0; k < sh->series; ++k) {
      block->series_sum[k * years + y] += s[k];
      if (sh->slot[k] < 0) continue;
      const size_t cell = static_cast<size_t>(sh->slot[k]) * years + y;
      if (store) store->put(cell, path - store_first, s[k]);
      else block->lo[cell] = std::min(block->lo[cell], s[k]), block->hi[cell] = std::max(block->hi[cell], s[k]);
    }
    block->excessive[y] += r.equity > r.signal;
    block->below_floor[y] += r.equity < r.floor;
    block->negative[y] += r.equity < 0;
    if (sh->flags) {
      bool f[kMaxFlags];
      path_flag_values(*sc, r, f);
      for (size_t k = 0; k < sh->flags; ++k) block->flags[k * years + y] += f[k];
    }
    for (size_t i = 0; i < lines; ++i) {
      block->line_real[i * years + y] += a.realised[i];
      if (!std::isnan(a.computed[i])) block->line_comp[i * years + y] += a.computed[i];
    }
    for (size_t e = 0; e < sh->extras; ++e) block->line_real[(lines + e) * years + y] += extra_realised((*extra)[e], a);
    const bool f[kRules] = {r.skim > 0, r.spend_down > 0, r.cut_active, r.generic_cut > 0, r.cap_binding};
    for (int k = 0; k < kRules; ++k) block->fired[static_cast<size_t>(k) * years + y] += f[k];
  }
  void note_bad(int yi, const double* s, const LineAmounts& a) {
    std::string what;
    for (size_t k = 0; k < sh->series && what.empty(); ++k)
      if (!std::isfinite(s[k])) what = (*keys)[k];
    for (size_t i = 0; i < sh->lines && what.empty(); ++i)
      if (!std::isfinite(a.budget[i]) || !std::isfinite(a.realised[i])) what = "post " + sc->lines[i].code;
    for (size_t k = 0; k < a.risk.size() && what.empty(); ++k)
      if (!std::isfinite(a.risk[k])) what = "risico " + sc->risks[k].code;
    for (size_t e = 0; e < sh->extras && what.empty(); ++e)
      if (!std::isfinite(extra_realised((*extra)[e], a))) what = "post " + (*extra)[e].code;
    block->bad_path = path, block->bad_year = sc->first_year + yi, block->bad_what = what;
  }
  // After the path: its largest shortfall, kept like a series value (cell after the series).
  void finish() {
    const size_t cell = sh->kept * sh->years;
    if (store) store->put(cell, path - store_first, shortfall);
    else block->lo[cell] = std::min(block->lo[cell], shortfall), block->hi[cell] = std::max(block->hi[cell], shortfall);
  }
};

// The second pass of streaming mode: the same paths again, counted into histograms.
struct HistogramSink {
  Histograms* h;
  const Shape* sh;
  const Scenario* sc;
  double shortfall = kNoShortfall;
  void year(int yi, const YearRecord& r, const LineAmounts& a) {
    double s[kMaxSeries];
    path_series_values(*sc, r, a, s);
    for (size_t k = 0; k < sh->series; ++k)
      if (sh->slot[k] >= 0) h->add(static_cast<size_t>(sh->slot[k]) * sh->years + static_cast<size_t>(yi), s[k]);
    shortfall = path_shortfall(shortfall, r.plan_equity, r.equity);
  }
  void finish() { h->add(sh->kept * sh->years, shortfall); }
};


// Blocks are reduced in chunks (serially, in block order), so the per-block sums take bounded
// memory however many paths run.
constexpr size_t kChunkBlocks = 1024;

inline void add_block(Block& total, const Block& b) {
  auto add = [](std::vector<double>& t, const std::vector<double>& x) {
    for (size_t i = 0; i < t.size(); ++i) t[i] += x[i];
  };
  add(total.series_sum, b.series_sum), add(total.excessive, b.excessive), add(total.below_floor, b.below_floor);
  add(total.negative, b.negative), add(total.flags, b.flags), add(total.line_real, b.line_real);
  add(total.line_comp, b.line_comp), add(total.fired, b.fired);
  add(total.risk_hits, b.risk_hits), add(total.excess, b.excess);
  for (size_t i = 0; i < total.lo.size(); ++i) total.lo[i] = std::min(total.lo[i], b.lo[i]), total.hi[i] = std::max(total.hi[i], b.hi[i]);
  total.counters.add(b.counters);
  if (total.bad_path == SIZE_MAX && b.bad_path != SIZE_MAX)  // blocks come in path order: the first path
    total.bad_path = b.bad_path, total.bad_year = b.bad_year, total.bad_what = b.bad_what;
}


// Every sum of a block (not the ranges), in one fixed order: what a shard stores per block.
template <class B, class F>
void for_each_sum(B& b, F f) {
  f(b.series_sum), f(b.excessive), f(b.below_floor), f(b.negative), f(b.flags), f(b.line_real);
  f(b.line_comp), f(b.fired), f(b.risk_hits), f(b.excess);
}

inline size_t block_bytes(const Shape& sh) {
  const size_t doubles = (sh.series + 4 + sh.flags + sh.all_lines() + sh.lines + kRules + sh.risks) * sh.years + (sh.ranges ? 2 * sh.cells() : 0);
  return doubles * sizeof(double) + sizeof(Block);
}

inline Shape shape_of(const Scenario& sc, bool ranges) {
  Shape sh{static_cast<size_t>(sc.years()), path_series_keys(sc).size(), path_flag_keys(sc).size(), sc.lines.size(),
           extra_lines(sc).size(), sc.risks.size(), ranges, {}, 0};
  for (bool constant : path_series_constant(sc)) sh.slot.push_back(constant ? -1 : static_cast<int>(sh.kept++));
  return sh;
}

}  // namespace swv::mc_detail
