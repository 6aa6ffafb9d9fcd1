#include "mc_stats.h"

#include <algorithm>
#include <cmath>
#include <new>

#include <sys/mman.h>

namespace swv {

const double kReportedP[kPercentiles] = {0.05, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95};

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
  // The order statistics type 7 needs: floor(h) and floor(h) + 1 for each percentile.
  size_t rank[kPercentiles];
  double frac[kPercentiles];
  for (int i = 0; i < kPercentiles; ++i) {
    const double h = static_cast<double>(n - 1) * kReportedP[i];
    rank[i] = static_cast<size_t>(std::floor(h));
    frac[i] = h - static_cast<double>(rank[i]);
  }
  // Exact selection by bucketing (three linear passes instead of five quickselects): bucket
  // b(x) = floor((x - min) * scale) is monotone in x, so the k-th smallest value lies in the bucket
  // where the running count passes k, and is found among that bucket's values alone.
  T lo = v[0], hi = v[0];
  for (size_t i = 1; i < n; ++i) lo = std::min(lo, v[i]), hi = std::max(hi, v[i]);
  if (!(hi > lo)) {  // all equal
    for (int i = 0; i < kPercentiles; ++i) out.p[i] = static_cast<double>(lo);
    return out;
  }
  constexpr size_t kBuckets = 4096;
  const double scale = static_cast<double>(kBuckets) / (static_cast<double>(hi) - static_cast<double>(lo));
  auto bucket = [&](T x) {
    const size_t b = static_cast<size_t>((static_cast<double>(x) - static_cast<double>(lo)) * scale);
    return b < kBuckets ? b : kBuckets - 1;
  };
  std::vector<uint32_t> count(kBuckets);
  for (size_t i = 0; i < n; ++i) ++count[bucket(v[i])];
  std::vector<size_t> start(kBuckets + 1);  // start[b] = values in buckets < b
  for (size_t b = 0; b < kBuckets; ++b) start[b + 1] = start[b] + count[b];
  // Buckets holding a wanted rank, and their values.
  std::vector<size_t> want;
  for (int i = 0; i < kPercentiles; ++i)
    for (size_t r : {rank[i], std::min(rank[i] + 1, n - 1)}) {
      const size_t b = static_cast<size_t>(std::upper_bound(start.begin(), start.end(), r) - start.begin()) - 1;
      if (std::find(want.begin(), want.end(), b) == want.end()) want.push_back(b);
    }
  std::vector<std::vector<T>> members(want.size());
  std::vector<int> slot(kBuckets, -1);
  for (size_t k = 0; k < want.size(); ++k) slot[want[k]] = static_cast<int>(k), members[k].reserve(count[want[k]]);
  for (size_t i = 0; i < n; ++i)
    if (const int k = slot[bucket(v[i])]; k >= 0) members[static_cast<size_t>(k)].push_back(v[i]);
  for (auto& m : members) std::sort(m.begin(), m.end());
  auto order_stat = [&](size_t r) {
    const size_t b = static_cast<size_t>(std::upper_bound(start.begin(), start.end(), r) - start.begin()) - 1;
    const size_t k = static_cast<size_t>(slot[b]);
    return static_cast<double>(members[k][r - start[b]]);
  };
  for (int i = 0; i < kPercentiles; ++i) {
    const double a = order_stat(rank[i]), c = order_stat(std::min(rank[i] + 1, n - 1));
    out.p[i] = a + frac[i] * (c - a);
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
  for (int i = 0; i < kPercentiles; ++i) {
    const double h = static_cast<double>(paths - 1) * kReportedP[i];
    const size_t lo = static_cast<size_t>(std::floor(h));
    const double a = order_stat(lo), b = lo + 1 < paths ? order_stat(lo + 1) : a;
    out.p[i] = a + (h - static_cast<double>(lo)) * (b - a);
  }
  return out;
}

}  // namespace swv
