#pragma once
// Per-year statistics over paths: the store behind exact percentiles and the streaming fallback.
//
// A cell is one (series, year). Exact mode keeps every path's value of every cell, column by
// column, in double precision when that fits in half the memory budget and in float (relative
// error 6e-8: under € 0,50 on € 8 mln) when it fits in the whole budget. Above the budget the run
// streams: a first pass finds each cell's range, a second pass (the same paths again: they are
// reproducible) counts them into kHistogramBins bins per cell, and each percentile is interpolated
// inside its bin (error at most one bin width, reported).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace swv {

enum class StoreMode { ExactDouble, ExactFloat, Histogram };

constexpr size_t kHistogramBins = 1 << 16;

// Which mode a run of `paths` x `cells` takes under `budget_bytes`.
StoreMode store_mode(size_t paths, size_t cells, size_t budget_bytes);

// The percentiles computed per cell: P5, P25, P50, P75, P95 (reported per series) and P80, P90
// (with P95: the confidence levels of the required buffer).
constexpr int kPercentiles = 7;
struct Percentiles {
  double p[kPercentiles];
};
extern const double kReportedP[kPercentiles];  // ascending: 0.05, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95
enum PercentileIndex { kP5 = 0, kP25 = 1, kP50 = 2, kP75 = 3, kP80 = 4, kP90 = 5, kP95 = 6 };

// Type-7 percentiles of v[0..n) (reordered in place) by selection: O(n) on average.
template <class T>
Percentiles percentiles_type7(T* v, size_t n);
inline Percentiles percentiles_type7(std::vector<double>& v) { return percentiles_type7(v.data(), v.size()); }

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

 private:
  size_t paths_;
  bool single_;
  // Mapped anonymously, uninitialised, with transparent huge pages where the system allows them:
  // a page fault per 4 kB cost ~8% of a run.
  void* mem_ = nullptr;
  size_t bytes_ = 0;
};

// Fixed-range histograms of the streaming fallback; counts are integers, so adding per-thread
// histograms in any order gives the same result.
class Histograms {
 public:
  Histograms(std::vector<double> lo, std::vector<double> hi);
  void add(size_t cell, double x) {
    const double w = hi_[cell] - lo_[cell];
    size_t b = w > 0 ? static_cast<size_t>((x - lo_[cell]) / w * kHistogramBins) : 0;
    if (b >= kHistogramBins) b = kHistogramBins - 1;
    ++count_[cell * kHistogramBins + b];
  }
  void merge(const Histograms& o);
  // Percentiles of a cell over `paths` values: the order statistics a type-7 percentile needs are
  // spread evenly over their bin (the j-th of c values at lo + (j + 1/2) / c of the bin), so the
  // error is at most one bin width.
  Percentiles percentiles(size_t cell, size_t paths) const;
  double bin_width(size_t cell) const { return (hi_[cell] - lo_[cell]) / kHistogramBins; }

 private:
  std::vector<double> lo_, hi_;
  std::vector<uint32_t> count_;
};

}  // namespace swv
