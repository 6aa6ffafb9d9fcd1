#include "mc_stats.h"

#include <algorithm>
#include <cmath>
#include <new>

#include <sys/mman.h>

namespace swv {

StoreMode store_mode(size_t paths, size_t cells, size_t budget_bytes) {
  const double values = static_cast<double>(paths) * static_cast<double>(cells);
  if (values * sizeof(double) <= static_cast<double>(budget_bytes) / 2) return StoreMode::ExactDouble;
  if (values * sizeof(float) <= static_cast<double>(budget_bytes)) return StoreMode::ExactFloat;
  return StoreMode::Histogram;
}

namespace {

// Exact selection by bucketing (three linear passes instead of five quickselects): bucket
// b(x) = floor((x - min) * scale) is monotone in x, so the k-th smallest value lies in the bucket
// where the running count passes k, and is found among that bucket's values alone.
template <class T>
class BucketSelect {
 public:
  static constexpr size_t kBuckets = 4096;
  // v[0..n) with lo < hi (its minimum and maximum); `ranks` are the order statistics wanted.
  BucketSelect(const T* v, size_t n, T lo, T hi, const std::vector<size_t>& ranks)
      : lo_(static_cast<double>(lo)), scale_(static_cast<double>(kBuckets) / (static_cast<double>(hi) - static_cast<double>(lo))),
        start_(kBuckets + 1), slot_(kBuckets, -1) {
    std::vector<uint32_t> count(kBuckets);
    for (size_t i = 0; i < n; ++i) ++count[bucket(v[i])];
    for (size_t b = 0; b < kBuckets; ++b) start_[b + 1] = start_[b] + count[b];  // values in buckets < b + 1
    std::vector<size_t> want;  // buckets holding a wanted rank
    for (size_t r : ranks)
      if (const size_t b = bucket_of_rank(r); std::find(want.begin(), want.end(), b) == want.end()) want.push_back(b);
    members_.resize(want.size());
    for (size_t k = 0; k < want.size(); ++k) slot_[want[k]] = static_cast<int>(k), members_[k].reserve(count[want[k]]);
    for (size_t i = 0; i < n; ++i)
      if (const int k = slot_[bucket(v[i])]; k >= 0) members_[static_cast<size_t>(k)].push_back(v[i]);
    for (auto& m : members_) std::sort(m.begin(), m.end());
  }
  // The r-th smallest value (0-based); r must be one of the wanted ranks.
  double operator()(size_t r) const {
    const size_t b = bucket_of_rank(r);
    return static_cast<double>(members_[static_cast<size_t>(slot_[b])][r - start_[b]]);
  }

 private:
  size_t bucket(T x) const { return clamped_bucket((static_cast<double>(x) - lo_) * scale_, kBuckets); }
  size_t bucket_of_rank(size_t r) const {
    return static_cast<size_t>(std::upper_bound(start_.begin(), start_.end(), r) - start_.begin()) - 1;
  }
  double lo_, scale_;
  std::vector<size_t> start_;  // start_[b] = values in buckets < b
  std::vector<int> slot_;      // bucket -> index into members_, -1 when not wanted
  std::vector<std::vector<T>> members_;
};

}  // namespace

template <class T>
Percentiles percentiles_type7(T* v, size_t n) {
  Percentiles out{};
  if (n == 0) return out;
  T lo = v[0], hi = v[0];
  for (size_t i = 1; i < n; ++i) lo = std::min(lo, v[i]), hi = std::max(hi, v[i]);
  if (!(hi > lo)) {  // all equal
    for (int i = 0; i < kPercentiles; ++i) out.p[i] = static_cast<double>(lo);
    return out;
  }
  std::vector<size_t> ranks;
  for (double p : kReportedP)
    for (size_t r : type7_ranks(n, p)) ranks.push_back(r);
  const BucketSelect<T> select(v, n, lo, hi, ranks);
  for (int i = 0; i < kPercentiles; ++i) out.p[i] = type7(n, kReportedP[i], select);
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
  // The r-th order statistic (0-based), estimated in its bin, walking the bins once per call.
  auto order_stat = [&](size_t r) {
    size_t before = 0;
    for (size_t b = 0; b < kHistogramBins; ++b) {
      if (r < before + c[b]) return lo_[cell] + (static_cast<double>(b) + (static_cast<double>(r - before) + 0.5) / c[b]) * w;
      before += c[b];
    }
    return hi_[cell];
  };
  for (int i = 0; i < kPercentiles; ++i) out.p[i] = type7(paths, kReportedP[i], order_stat);
  return out;
}

}  // namespace swv
