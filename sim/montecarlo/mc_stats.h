#pragma once
// Statistics over paths: the one type-7 percentile, the required buffer, and the two stores a run
// keeps its per-path values in.
//
// Contract:
// - Every percentile the engine reports is Hyndman-Fan type 7 (numpy's default), computed by
//   type7() below and nowhere else. Callers differ only in how they reach an order statistic:
//   sorted vectors index it, the exact store selects it (percentiles_type7: same numbers as
//   sorting, bit for bit), the histograms estimate it inside its bin. The histogram estimate is a
//   genuinely different method (the values themselves are gone; error at most one bin width,
//   reported as "histogram" in resultaat.json); the interpolation between order statistics is the
//   same.
// - The required buffer (benodigd weerstandsvermogen) is defined once, here: resultaat.json's
//   weerstandsvermogen (run_monte_carlo) and the weerstandsvermogen command (analyse_buffer) both
//   call path_shortfall and required_buffer. They give the same numbers whenever the shortfall
//   quantile is exact (percentile method "exact"); in float or histogram mode resultaat.json's
//   buffer carries that store's error, the command always selects exactly.
// - A cell is one (series, year). Exact mode keeps every path's value of every cell, column by
//   column, in double precision when that fits in half the memory budget and in float (relative
//   error 6e-8: under € 0,50 on € 8 mln) when it fits in the whole budget. Above the budget the run
//   streams: a first pass finds each cell's range, a second pass (the same paths again: they are
//   reproducible) counts them into kHistogramBins bins per cell. None of this depends on the
//   number of threads: a column is written only by its own path, histogram counts are integers.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace swv {

// ---- Type-7 percentiles --------------------------------------------------------------------------

// The p-quantile of n >= 1 values, given their order statistics x(0) <= ... <= x(n - 1): at
// h = (n - 1) p, x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)); x(n - 1) itself at the top.
// `x` is called only with the ranks type7_ranks names.
template <class OrderStat>
double type7(size_t n, double p, OrderStat&& x) {
  const double h = static_cast<double>(n - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const double a = x(lo), b = lo + 1 < n ? x(lo + 1) : a;
  return a + (h - static_cast<double>(lo)) * (b - a);
}

// The ranks type7(n, p, x) reads: floor(h) and, below the top, floor(h) + 1.
inline std::array<size_t, 2> type7_ranks(size_t n, double p) {
  const size_t lo = static_cast<size_t>(std::floor(static_cast<double>(n - 1) * p));
  return {lo, std::min(lo + 1, n - 1)};
}

// The type-7 p-quantile of ascending `sorted` (0 when empty).
inline double percentile_type7(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  return type7(sorted.size(), p, [&](size_t r) { return sorted[r]; });
}

// The percentiles computed per cell: P5, P10, P25, P50, P75, P90, P95 (reported per series: P10-P90
// is the 80% band of page 1) and P80 (with P90 and P95: the confidence levels of the required buffer).
constexpr int kPercentiles = 8;
struct Percentiles {
  double p[kPercentiles];
};
inline constexpr double kReportedP[kPercentiles] = {0.05, 0.10, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95};  // ascending
enum PercentileIndex { kP5 = 0, kP10 = 1, kP25 = 2, kP50 = 3, kP75 = 4, kP80 = 5, kP90 = 6, kP95 = 7 };

// Type-7 percentiles kReportedP of v[0..n) (reordered in place) by exact selection, O(n): equal,
// bit for bit, to percentile_type7 of the sorted values (zeros when n = 0).
template <class T>
Percentiles percentiles_type7(T* v, size_t n);
inline Percentiles percentiles_type7(std::vector<double>& v) { return percentiles_type7(v.data(), v.size()); }

// ---- The required buffer (benodigd weerstandsvermogen) -----------------------------------------

// A path's shortfall is its largest (plan − equity) over the planperiode, at least 0 (a path that
// never falls below the deterministic plan needs no buffer): start at kNoShortfall and fold in
// every year with path_shortfall.
inline constexpr double kNoShortfall = 0.0;
inline double path_shortfall(double so_far, double plan, double equity) { return std::max(so_far, plan - equity); }

// The buffer needed at confidence c (benodigd weerstandsvermogen): the c-quantile of the paths'
// shortfalls below the plan. Reported at three levels; kBufferPercentile names each level's percentile.
inline constexpr std::array<double, 3> kBufferConfidence{0.80, 0.90, 0.95};
inline constexpr std::array<PercentileIndex, 3> kBufferPercentile{kP80, kP90, kP95};
static_assert(kReportedP[kP80] == kBufferConfidence[0] && kReportedP[kP90] == kBufferConfidence[1] &&
              kReportedP[kP95] == kBufferConfidence[2]);
inline double required_buffer(double shortfall_quantile) { return std::max(0.0, shortfall_quantile); }

// ---- Stores --------------------------------------------------------------------------------------

enum class StoreMode { ExactDouble, ExactFloat, Histogram };

constexpr size_t kHistogramBins = 1 << 16;

// Which mode a run of `paths` x `cells` takes under `budget_bytes`.
StoreMode store_mode(size_t paths, size_t cells, size_t budget_bytes);

// Column store of exact mode: value(cell, path).
class SeriesStore {
 public:
  SeriesStore(size_t paths, size_t cells, bool single_precision);
  ~SeriesStore();
  SeriesStore(const SeriesStore&) = delete;
  SeriesStore& operator=(const SeriesStore&) = delete;
  void put(size_t cell, size_t path, double x) {
    if (single_) reinterpret_cast<float*>(mem_)[cell * paths_ + path] = static_cast<float>(x);
    else reinterpret_cast<double*>(mem_)[cell * paths_ + path] = x;
  }
  // Percentiles of a cell, computed in place (the column's order is lost).
  Percentiles percentiles(size_t cell);
  // The raw column of a cell: paths() values of value_bytes() each (float or double), path order.
  size_t paths() const { return paths_; }
  bool single() const { return single_; }
  size_t value_bytes() const { return single_ ? sizeof(float) : sizeof(double); }
  char* column(size_t cell) { return static_cast<char*>(mem_) + cell * paths_ * value_bytes(); }
  const char* column(size_t cell) const { return static_cast<const char*>(mem_) + cell * paths_ * value_bytes(); }

 private:
  size_t paths_;
  bool single_;
  // Mapped anonymously, uninitialised, with transparent huge pages where the system allows them:
  // a page fault per 4 kB cost ~8% of a run.
  void* mem_ = nullptr;
  size_t bytes_ = 0;
};

// A bucket (or bin) from a position in buckets that may be NaN or far outside [0, buckets): with
// extreme but finite values the range hi - lo overflows or the scale does, and converting such a
// position to an integer is undefined (found by fuzz_shard). Monotone in the position.
inline size_t clamped_bucket(double position, size_t buckets) {
  if (!(position > 0)) return 0;  // also NaN
  if (position >= static_cast<double>(buckets)) return buckets - 1;
  return static_cast<size_t>(position);
}

// Fixed-range histograms of the streaming fallback; counts are integers, so adding per-thread
// histograms in any order gives the same result.
class Histograms {
 public:
  Histograms(std::vector<double> lo, std::vector<double> hi);
  void add(size_t cell, double x) {
    const double w = hi_[cell] - lo_[cell];
    ++count_[cell * kHistogramBins + (w > 0 ? clamped_bucket((x - lo_[cell]) / w * kHistogramBins, kHistogramBins) : 0)];
  }
  void merge(const Histograms& o);
  // Type-7 percentiles of a cell over `paths` values, each order statistic estimated from the
  // counts: the c values of a bin are spread evenly over it (the j-th at lo + (j + 1/2) / c of
  // the bin), so the error is at most one bin width.
  Percentiles percentiles(size_t cell, size_t paths) const;
  double bin_width(size_t cell) const { return (hi_[cell] - lo_[cell]) / kHistogramBins; }

 private:
  std::vector<double> lo_, hi_;
  std::vector<uint32_t> count_;
};

}  // namespace swv
