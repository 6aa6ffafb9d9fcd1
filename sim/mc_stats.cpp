#include "mc_stats.h"

#include <algorithm>
#include <cmath>
#include <new>

#include <sys/mman.h>

namespace swv {

const double kReportedP[5] = {0.05, 0.25, 0.50, 0.75, 0.95};

StoreMode store_mode(size_t paths, size_t cells, size_t budget_bytes) {
  const double values = static_cast<double>(paths) * static_cast<double>(cells);
  if (values * sizeof(double) <= static_cast<double>(budget_bytes) / 2) return StoreMode::ExactDouble;
  if (values * sizeof(float) <= static_cast<double>(budget_bytes)) return StoreMode::ExactFloat;
  return StoreMode::Histogram;
}

template <class T>
Percentiles percentiles_type7(T* v, size_t n) {
  Percentiles out{};
  if (n == 0) return out;
  size_t rank[5];
  double frac[5];
  for (int i = 0; i < 5; ++i) {
    const double h = static_cast<double>(n - 1) * kReportedP[i];
    rank[i] = static_cast<size_t>(std::floor(h));
    frac[i] = h - static_cast<double>(rank[i]);
  }
  // Ranks ascend, so each selection only works right of the previous one. Afterwards everything
  // between rank[i] and rank[i+1] lies between their values, so the order statistic rank[i] + 1 is
  // the minimum of (rank[i], rank[i+1]]: one short scan each.
  for (int i = 0; i < 5; ++i) {
    const size_t from = i == 0 ? 0 : rank[i - 1] + 1;
    if (rank[i] >= from) std::nth_element(v + from, v + rank[i], v + n);
  }
  for (int i = 0; i < 5; ++i) {
    const double a = static_cast<double>(v[rank[i]]);
    double b = a;
    if (rank[i] + 1 < n) {
      const size_t to = i < 4 && rank[i + 1] > rank[i] ? rank[i + 1] + 1 : n;
      b = static_cast<double>(*std::min_element(v + rank[i] + 1, v + to));
    }
    out.p[i] = a + frac[i] * (b - a);
  }
  return out;
}
template Percentiles percentiles_type7<double>(double*, size_t);
template Percentiles percentiles_type7<float>(float*, size_t);

SeriesStore::SeriesStore(size_t paths, size_t cells, bool single_precision) : paths_(paths), single_(single_precision) {
  bytes_ = std::max<size_t>(1, paths * cells * (single_ ? sizeof(float) : sizeof(double)));
  mem_ = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem_ == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(mem_, bytes_, MADV_HUGEPAGE);  // advice only: fine if refused
#endif
}

SeriesStore::~SeriesStore() { munmap(mem_, bytes_); }

Percentiles SeriesStore::percentiles(size_t cell) {
  if (single_) return percentiles_type7(static_cast<float*>(mem_) + cell * paths_, paths_);
  return percentiles_type7(static_cast<double*>(mem_) + cell * paths_, paths_);
}

Histograms::Histograms(std::vector<double> lo, std::vector<double> hi)
    : lo_(std::move(lo)), hi_(std::move(hi)), count_(lo_.size() * kHistogramBins) {}

void Histograms::merge(const Histograms& o) {
  for (size_t i = 0; i < count_.size(); ++i) count_[i] += o.count_[i];
}

Percentiles Histograms::percentiles(size_t cell, size_t paths) const {
  Percentiles out{};
  if (paths == 0) return out;
  const uint32_t* c = count_.data() + cell * kHistogramBins;
  const double w = bin_width(cell);
  // Value of the r-th order statistic (0-based), walking the bins once per call.
  auto order_stat = [&](size_t r) {
    size_t before = 0;
    for (size_t b = 0; b < kHistogramBins; ++b) {
      if (r < before + c[b]) return lo_[cell] + (static_cast<double>(b) + (static_cast<double>(r - before) + 0.5) / c[b]) * w;
      before += c[b];
    }
    return hi_[cell];
  };
  for (int i = 0; i < 5; ++i) {
    const double h = static_cast<double>(paths - 1) * kReportedP[i];
    const size_t lo = static_cast<size_t>(std::floor(h));
    const double a = order_stat(lo), b = lo + 1 < paths ? order_stat(lo + 1) : a;
    out.p[i] = a + (h - static_cast<double>(lo)) * (b - a);
  }
  return out;
}

}  // namespace swv
