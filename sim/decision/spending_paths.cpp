#include "spending_paths.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "mc.h"

namespace swv::spending_detail {

namespace {

constexpr size_t kBlock = 1024;  // paths per task: counts are summed per block, in block order

}  // namespace

Replayer::Replayer(const CloseReplay& m, const FinanceTable& t, const SpendingQuery& q, const std::atomic<bool>* cancel)
    : m_(m), t_(t), cancel_(cancel) {
  const Scenario& sc = m.scenario();
  end_year = q.end_year ? q.end_year : q.target_year;
  for (int y = sc.first_year; y <= sc.last_year; ++y) profile.push_back(y <= end_year ? sc.spending_profile.at(y) : 0.0);
  target = static_cast<size_t>(std::clamp(q.target_year - sc.first_year, 0, sc.years() - 1));
  double c = 0;
  for (double f : profile) cum.push_back(c += f), per_euro.push_back(c > 0 ? 1 / c : 0.0);
}

void Replayer::check_cancel() const {
  if (cancel_ && cancel_->load(std::memory_order_relaxed)) throw Cancelled();
}

Outcome Replayer::run(double amount, bool keep, Crossings* crossings) {
  check_cancel();
  ++replays;
  const size_t n = t_.paths(), Y = t_.years();
  std::vector<double> extra(Y);
  for (size_t y = 0; y < Y; ++y) extra[y] = amount * profile[y];
  Outcome o;
  if (keep) o.equity.resize(n * Y), o.signal.resize(n * Y), o.floor.resize(n * Y), o.lasten.resize(n * Y);
  if (crossings) crossings->a.resize(n), crossings->b.resize(n);
  const size_t blocks = (n + kBlock - 1) / kBlock;
  std::vector<size_t> counts(blocks * (2 + Y), 0);
  tbb::parallel_for(size_t{0}, blocks, [&](size_t b) {
    size_t* c = &counts[b * (2 + Y)];
    YearRecord scratch;
    for (size_t p = b * kBlock; p < std::min(n, (b + 1) * kBlock); ++p) {
      bool any = false;
      double cross_a = INFINITY, cross_b = INFINITY;
      m_.replay(t_, p, extra.data(), scratch, [&](size_t y, const YearRecord& r) {
        const bool below = r.equity < r.floor;
        any |= below;
        c[2 + y] += below;
        if (y == target) {
          c[0] += r.equity > r.signal;
          cross_a = amount + (r.equity - r.signal) * per_euro[y];
        }
        // A year before any spending cannot be helped: below the floor there, no amount is safe.
        const double margin = r.equity - r.floor;
        cross_b = std::min(cross_b, cum[y] > 0 ? amount + margin * per_euro[y] : margin < 0 ? -INFINITY : INFINITY);
        if (keep) {
          const size_t i = p * Y + y;
          o.equity[i] = r.equity, o.signal[i] = r.signal, o.floor[i] = r.floor, o.lasten[i] = r.costs;
        }
      });
      c[1] += any;
      if (crossings) crossings->a[p] = cross_a, crossings->b[p] = cross_b;
    }
  });
  o.below.assign(Y, 0);
  for (size_t b = 0; b < blocks; ++b) {
    const size_t* c = &counts[b * (2 + Y)];
    o.excessive_target += c[0], o.below_any += c[1];
    for (size_t y = 0; y < Y; ++y) o.below[y] += c[2 + y];
  }
  return o;
}

}  // namespace swv::spending_detail
