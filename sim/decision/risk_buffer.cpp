#include "risk_buffer.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "mc_draws.h"
#include "mc_paths.h"
#include "mc_stats.h"
#include "model.h"

namespace swv {

namespace {

constexpr size_t kBlock = 256;

BufferLevels levels_of(const Scenario& sc, std::vector<double>& shortfall) {
  const Percentiles q = percentiles_type7(shortfall);  // exact type 7, by selection (reorders)
  BufferLevels b;
  const PercentileIndex at[3] = {kP80, kP90, kP95};
  for (size_t i = 0; i < b.kConfidence.size(); ++i) b.required[i] = std::max(0.0, sc.start.equity + q.p[at[i]]);
  return b;
}

std::vector<double> shortfalls(const PathTable& t) {
  std::vector<double> s(t.paths, -INFINITY);
  for (size_t p = 0; p < t.paths; ++p)
    for (size_t y = 0; y < t.years; ++y) s[p] = std::max(s[p], t.at(t.floor, p, y) - t.at(t.equity, p, y));
  return s;
}

// The all-risks pass: each path's shortfall and its yearly risk totals (costs, lost income).
struct BaseSink {
  double* shortfall;
  double* totals;  // [year][2] of this path
  void year(int yi, const YearRecord& r, const LineAmounts&) {
    *shortfall = std::max(*shortfall, r.floor - r.equity);
    totals[2 * yi] = r.risk_costs, totals[2 * yi + 1] = r.risk_lost_income;
  }
};

struct ShortfallSink {
  double shortfall = -INFINITY;
  void year(int, const YearRecord& r, const LineAmounts&) { shortfall = std::max(shortfall, r.floor - r.equity); }
};

// The draws of a path with one risk switched off: everything as drawn, and the year's risk totals
// those of all risks minus this one's (the model then skips its loop over the risks).
struct WithoutOne {
  McDraws& d;
  const double* totals;  // [year][2]: all risks
  const double* own;     // [year][2]: the risk switched off
  std::vector<std::array<double, 4>>& index_factors() { return d.index_factors(); }
  LineAmounts& line_amounts() { return d.line_amounts(); }
  std::array<double, 3> index_rates(int Y) { return d.index_rates(Y); }
  double value(const Value& v, int Y) { return d.value(v, Y); }
  double rate(const Value& v, int Y) { return d.rate(v, Y); }
  double line_shock(size_t i, int Y) { return d.line_shock(i, Y); }
  double risk(size_t r, int Y) { return d.risk(r, Y); }
  void risk_totals(int yi, YearRecord& rec) const {
    rec.risk_costs = totals[2 * yi] - own[2 * yi];
    rec.risk_lost_income = totals[2 * yi + 1] - own[2 * yi + 1];
  }
  void moves(int Y, int state, double count, const double* rates, int k, double* out) { d.moves(Y, state, count, rates, k, out); }
  double demography_z(int Y) { return d.demography_z(Y); }
  double round_intake(double x, int Y) const { return d.round_intake(x, Y); }
  void note_negative_intake() { d.note_negative_intake(); }
};

// Work in units of whole runs (for check_decision_work): two full runs, one draw per risk,
// path and year, and a rerun without the risk's loop for each path the risk hits.
double work_in_runs(const Scenario& sc) {
  const double per_run = static_cast<double>(sc.lines.size() + sc.risks.size()) + kWorkPerYear;
  double runs = 2;
  for (const Risk& r : sc.risks) {
    double miss = 1;
    for (int y = sc.first_year; y <= sc.last_year; ++y)
      if (r.active(y)) miss *= 1 - std::clamp(r.probability.mean(y), 0.0, 1.0);
    runs += (1 + (1 - miss) * (static_cast<double>(sc.lines.size()) + kWorkPerYear)) / per_run;
  }
  return runs;
}

}  // namespace

BufferAnalysis analyse_buffer(const Scenario& sc, const McOptions& opt) {
  check_decision_work(sc, work_in_runs(sc), "weerstandsvermogen met " + std::to_string(sc.risks.size()) + " risico's");
  BufferAnalysis a;
  a.paths = static_cast<size_t>(sc.paths);
  a.start_equity = sc.start.equity;
  {
    Scenario off = sc;
    for (Risk& r : off.risks) r.probability = Value::fixed(0);
    std::vector<double> s = shortfalls(run_paths(off, opt));  // checks paths, memory, overflow
    a.without_any = levels_of(sc, s);
  }
  const size_t n = a.paths, years = static_cast<size_t>(sc.years()), risks = sc.risks.size();
  const int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(threads));
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);

  // One pass with every risk: shortfalls and the yearly risk totals of each path.
  std::vector<double> base(n, -INFINITY), totals(n * years * 2);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, (n + kBlock - 1) / kBlock, 1), [&](const tbb::blocked_range<size_t>& br) {
    McDraws dr(sc, chol, sc.seed);
    DrawCounters unused;
    for (size_t b = br.begin(); b != br.end(); ++b) {
      if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
      for (size_t p = b * kBlock; p < std::min(n, (b + 1) * kBlock); ++p) {
        dr.start_path(p);
        BaseSink sink{&base[p], &totals[p * years * 2]};
        model.run_path(dr, sink);
        dr.end_path(unused);
      }
    }
  });
  for (size_t p = 0; p < n; ++p)
    if (!std::isfinite(base[p]))
      throw RunError(sc.files.back() + ": fout: berekening: het eigen vermogen van pad " + std::to_string(p) +
                     " is geen eindig getal (overloop: de bedragen groeien onbegrensd); verklein indexatie, groei of bedragen\n");
  {
    std::vector<double> s = base;
    a.with_all = levels_of(sc, s);
  }

  // Per risk: a path the risk never hits is the same path without it (its other draws have their
  // own streams); a path it hits is run again with the risk's amounts taken out of the totals.
  // Work per risk: one draw per path and year, plus a rerun (posts, flows, no risk loop) per hit.
  a.risks.resize(risks);
  struct Local {
    std::unique_ptr<McDraws> dr;
    std::vector<double> shortfall, own;
  };
  tbb::enumerable_thread_specific<Local> locals;
  tbb::parallel_for(size_t{0}, risks, [&](size_t k) {
    if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
    Local& l = locals.local();
    if (!l.dr) l.dr = std::make_unique<McDraws>(sc, chol, sc.seed), l.own.assign(years * 2, 0.0);
    l.shortfall = base;
    const Risk& rk = sc.risks[k];
    for (size_t p = 0; p < n; ++p) {
      l.dr->start_path(p);
      bool hit = false;
      for (size_t y = 0; y < years; ++y) {
        const int Y = sc.first_year + static_cast<int>(y);
        const double x = rk.active(Y) ? l.dr->risk(k, Y) : 0.0;
        l.own[2 * y] = rk.lost_income ? 0.0 : x, l.own[2 * y + 1] = rk.lost_income ? x : 0.0;
        hit |= x != 0;
      }
      if (!hit) continue;
      WithoutOne w{*l.dr, &totals[p * years * 2], l.own.data()};
      ShortfallSink sink;
      model.run_path(w, sink);
      l.shortfall[p] = sink.shortfall;
    }
    RiskContribution c{rk.code, rk.name, levels_of(sc, l.shortfall), {}};
    for (size_t i = 0; i < c.contribution.size(); ++i) c.contribution[i] = a.with_all.required[i] - c.without.required[i];
    a.risks[k] = std::move(c);
  });
  return a;
}

}  // namespace swv
