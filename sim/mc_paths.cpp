#include "mc_paths.h"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <thread>

#include "model.h"

namespace swv {

namespace {

struct TableSink {
  PathTable* t;
  size_t path;
  void year(int yi, const YearRecord& r, const LineAmounts&) {
    const size_t i = path * t->years + static_cast<size_t>(yi);
    t->equity[i] = r.equity, t->signal[i] = r.signal, t->floor[i] = r.floor;
  }
};

}  // namespace

double PathTable::mean(const std::vector<double>& v, size_t y) const {
  double s = 0;
  for (size_t p = 0; p < paths; ++p) s += at(v, p, y);
  return paths ? s / static_cast<double>(paths) : 0.0;
}

double PathTable::excessive(size_t y) const {
  double k = 0;
  for (size_t p = 0; p < paths; ++p) k += at(equity, p, y) > at(signal, p, y);
  return paths ? k / static_cast<double>(paths) : 0.0;
}

double PathTable::below_floor(size_t y) const {
  double k = 0;
  for (size_t p = 0; p < paths; ++p) k += at(equity, p, y) < at(floor, p, y);
  return paths ? k / static_cast<double>(paths) : 0.0;
}

double PathTable::below_floor_any() const {
  double k = 0;
  for (size_t p = 0; p < paths; ++p) {
    bool any = false;
    for (size_t y = 0; y < years; ++y) any |= at(equity, p, y) < at(floor, p, y);
    k += any;
  }
  return paths ? k / static_cast<double>(paths) : 0.0;
}

PathTable run_paths(const Scenario& sc, const McOptions& opt, const Pin& pin) {
  PathTable t;
  t.paths = static_cast<size_t>(sc.paths);
  t.years = static_cast<size_t>(sc.years());
  t.equity.resize(t.paths * t.years), t.signal.resize(t.paths * t.years), t.floor.resize(t.paths * t.years);
  const int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);
  constexpr size_t kBlock = 256;
  const size_t blocks = (t.paths + kBlock - 1) / kBlock;
  // Each path writes only its own rows: the table is the same for any thread count.
  tbb::parallel_for(tbb::blocked_range<size_t>(0, blocks, 1), [&](const tbb::blocked_range<size_t>& br) {
    McDraws dr(sc, chol, sc.seed);
    dr.set_pin(pin);
    DrawCounters unused;
    for (size_t b = br.begin(); b != br.end(); ++b) {
      if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
      for (size_t p = b * kBlock; p < std::min(t.paths, (b + 1) * kBlock); ++p) {
        dr.start_path(p);
        TableSink sink{&t, p};
        model.run_path(dr, sink);
        dr.end_path(unused);
      }
    }
  });
  return t;
}

}  // namespace swv
