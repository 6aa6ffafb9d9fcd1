#include "mc_paths.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>

#include <cmath>

#include "format_nl.h"
#include "mc_blocks.h"
#include "mc_lanes.h"
#include "model.h"

namespace swv {

namespace {

struct TableSink {
  PathTable* t;
  FinanceTable* finance;
  size_t path;
  void year(int yi, const YearRecord& r, const LineAmounts&) {
    const size_t i = path * t->years + static_cast<size_t>(yi);
    t->equity[i] = r.equity, t->signal[i] = r.signal, t->floor[i] = r.floor;
    if (finance) finance->record(path, yi, r.in);
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

double decision_work(const Scenario& sc, double runs) {
  return runs * static_cast<double>(sc.paths) * sc.years() *
         (static_cast<double>(sc.lines.size() + sc.risks.size()) + kWorkPerYear);
}

void check_decision_work(const Scenario& sc, double runs, const std::string& what) {
  const double work = decision_work(sc, runs);
  if (work <= kMaxDecisionWork) return;
  const double paths = std::floor(static_cast<double>(sc.paths) * kMaxDecisionWork / work);
  throw RunError(sc.files.back() + ": fout: rekentijd: " + what + " vraagt " + num_nl(runs) + " doorrekeningen van " +
                 num_nl(static_cast<double>(sc.paths)) + " paden over " + std::to_string(sc.years()) + " jaren met " +
                 std::to_string(sc.lines.size()) + " posten en " + std::to_string(sc.risks.size()) + " risico's (" +
                 num_nl(work / 1e9, 1) + " miljard rekenstappen, de grens is " + num_nl(kMaxDecisionWork / 1e9) +
                 " miljard); verlaag --paden" + (paths >= 1 ? " tot ten hoogste " + num_nl(paths) : "") + " of het aantal onzekere invoeren\n");
}

namespace {

void check_table_memory(const Scenario& sc, const McOptions& opt, const FinanceTable* finance) {
  const double per_path = 2.0 * sc.years() * 3 * sizeof(double) + (finance ? FinanceTable::bytes(sc, 1) : 0.0);
  const double need = static_cast<double>(sc.paths) * per_path;
  if (need <= static_cast<double>(opt.memory_budget)) return;
  const double paths = std::floor(static_cast<double>(opt.memory_budget) / per_path);
  throw RunError(sc.files.back() + ": fout: geheugen: " + num_nl(static_cast<double>(sc.paths)) + " paden over " + std::to_string(sc.years()) +
                 " jaren vragen " + num_nl(std::ceil(need / (1 << 20))) + " MB voor de padtabellen (ten hoogste " +
                 num_nl(static_cast<double>(opt.memory_budget >> 20)) + " MB); verlaag --paden tot ten hoogste " + num_nl(paths) + "\n");
}

// The first non-finite value in path order (an overflow) is a run-time error, never a number.
void check_table_finite(const Scenario& sc, const PathTable& t) {
  for (size_t p = 0; p < t.paths; ++p)
    for (size_t y = 0; y < t.years; ++y)
      for (auto [v, key] : {std::pair{&t.equity, "eigen_vermogen"}, {&t.signal, "signaleringswaarde"}, {&t.floor, "ondergrens"}})
        if (!std::isfinite(t.at(*v, p, y)))
          throw RunError(sc.files.back() + ": fout: berekening: " + key + " in " + std::to_string(sc.first_year + static_cast<int>(y)) +
                         " (pad " + std::to_string(p) + ") is geen eindig getal (overloop: de bedragen groeien onbegrensd); "
                         "verklein indexatie, groei of bedragen\n");
}

}  // namespace

PathTable run_paths(const Scenario& sc, const McOptions& opt, const Pin& pin, FinanceTable* finance) {
  check_paths(sc);
  check_table_memory(sc, opt, finance);
  PathTable t;
  t.paths = static_cast<size_t>(sc.paths);
  t.years = static_cast<size_t>(sc.years());
  t.equity.resize(t.paths * t.years), t.signal.resize(t.paths * t.years), t.floor.resize(t.paths * t.years);
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(thread_count(opt)));
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);
  // Each path writes only its own rows: the table is the same for any thread count. The draw
  // counts are whole numbers, so their per-thread sums add up the same in any order.
  tbb::enumerable_thread_specific<DrawCounters> counters;
  if (pin.active || pin.keep_only || pin.redraw_all) {  // pins and pick-and-freeze streams: one path at a time (LaneDraws has neither)
    for_each_path(sc, chol, pin, 0, block_count(t.paths), t.paths, opt, [&](McDraws& dr, size_t, size_t p) {
      TableSink sink{&t, finance, p};
      model.run_path(dr, sink);
      dr.end_path(counters.local());
    });
  } else {  // kLanes paths side by side, each with the bits of its path alone (mc_lanes.h)
    for_each_lane_group(sc, chol, 0, block_count(t.paths), t.paths, opt, [&](LaneDraws& dr, size_t, size_t p0, int active) {
      std::array<TableSink, kLanes> sinks;
      for (int i = 0; i < active; ++i) sinks[static_cast<size_t>(i)] = TableSink{&t, finance, p0 + static_cast<size_t>(i)};
      LaneSplitSink<TableSink> split{sinks.data(), active, dr.scratch_amounts()};
      model.run_path(dr, split);
      dr.end_paths(counters.local(), active);
    });
  }
  check_table_finite(sc, t);
  // The run-time input checks of `run` (exit 2 on rates that sum to 1 or more): on the scenario as
  // given, not on a pinned input (a pin holds one input at a quantile on purpose).
  if (!pin.active) {
    DrawCounters all;
    for (const DrawCounters& c : counters) all.add(c);
    report_counters(sc, all, t.paths, t.warnings);
  }
  return t;
}

}  // namespace swv
