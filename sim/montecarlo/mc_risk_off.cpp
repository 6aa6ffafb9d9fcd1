#include "mc_risk_off.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>
#include <memory>

#include "mc_blocks.h"
#include "mc_draws.h"
#include "mc_stats.h"
#include "model.h"
#include "risk_load.h"

namespace swv {

namespace {

// The all-risks pass: each path's shortfall and its yearly risk totals (costs, lost income).
struct BaseSink {
  double* shortfall;
  double* totals;  // [year][2] of this path
  void year(int yi, const YearRecord& r, const LineAmounts&) {
    *shortfall = path_shortfall(*shortfall, r.plan_equity, r.equity);
    totals[2 * yi] = r.risk_costs, totals[2 * yi + 1] = r.risk_lost_income;
  }
};

struct ShortfallSink {
  double shortfall = kNoShortfall;
  void year(int, const YearRecord& r, const LineAmounts&) { shortfall = path_shortfall(shortfall, r.plan_equity, r.equity); }
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
  RiskEvent risk_event(size_t r, int Y) { return d.risk_event(r, Y); }
  void risk_totals(int yi, YearRecord& rec) const {
    rec.in.risk_costs = totals[2 * yi] - own[2 * yi];
    rec.in.risk_lost_income = totals[2 * yi + 1] - own[2 * yi + 1];
  }
  void moves(int Y, int state, double count, const double* rates, int k, double* out) { d.moves(Y, state, count, rates, k, out); }
  double demography_z(int Y) { return d.demography_z(Y); }
  double round_intake(double x, int Y) const { return d.round_intake(x, Y); }
  void note_negative_intake() { d.note_negative_intake(); }
};

// The run with every risk, path by path: shortfall[p] and totals[(p * years + y) * 2 + {0, 1}].
struct BasePass {
  std::vector<double> shortfall, totals;
};

BasePass run_base(const Scenario& sc, const Model& model, const Eigen::Matrix3d& chol, const McOptions& opt) {
  const size_t n = static_cast<size_t>(sc.paths), years = static_cast<size_t>(sc.years());
  BasePass base{std::vector<double>(n, kNoShortfall), std::vector<double>(n * years * 2)};
  for_each_path(sc, chol, Pin{}, 0, block_count(n), n, opt, [&](McDraws& dr, size_t, size_t p) {
    BaseSink sink{&base.shortfall[p], &base.totals[p * years * 2]};
    model.run_path(dr, sink);
    dr.end_path();
  });
  for (size_t p = 0; p < n; ++p)
    if (!std::isfinite(base.shortfall[p]))
      throw RunError(sc.files.back() + ": fout: berekening: het eigen vermogen van pad " + std::to_string(p) +
                     " is geen eindig getal (overloop: de bedragen groeien onbegrensd); verklein indexatie, groei of bedragen\n");
  return base;
}

// Per-thread state of the per-risk passes (made once per thread, reused for every risk).
struct RiskPassLocal {
  std::unique_ptr<McDraws> dr;
  std::vector<double> shortfall, own;
};

// The shortfalls with risk k switched off, into l.shortfall.
void shortfalls_without(const Scenario& sc, const Model& model, const BasePass& base, size_t k, RiskPassLocal& l) {
  const size_t n = base.shortfall.size(), years = static_cast<size_t>(sc.years());
  l.shortfall = base.shortfall;
  const Risk& rk = sc.risks[k];
  for (size_t p = 0; p < n; ++p) {
    l.dr->start_path(p);
    bool hit = false;
    double held = std::numeric_limits<double>::quiet_NaN();  // a blijvend risk recurs as in the base run
    for (size_t y = 0; y < years; ++y) {
      const int Y = sc.first_year + static_cast<int>(y);
      const double x = risk_amount(*l.dr, rk, k, Y, held);
      l.own[2 * y] = rk.lost_income ? 0.0 : x, l.own[2 * y + 1] = rk.lost_income ? x : 0.0;
      hit |= x != 0;
    }
    if (!hit) continue;
    WithoutOne w{*l.dr, &base.totals[p * years * 2], l.own.data()};
    ShortfallSink sink;
    model.run_path(w, sink);
    l.shortfall[p] = sink.shortfall;
  }
}

}  // namespace

std::vector<double> shortfalls_per_risk_off(const Scenario& sc, const McOptions& opt,
                                            const std::function<void(size_t k, std::vector<double>& s)>& without) {
  const size_t years = static_cast<size_t>(sc.years());
  tbb::global_control gc(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(thread_count(opt)));
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);
  BasePass base = run_base(sc, model, chol, opt);
  tbb::enumerable_thread_specific<RiskPassLocal> locals;
  tbb::parallel_for(size_t{0}, sc.risks.size(), [&](size_t k) {
    if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) throw Cancelled();
    RiskPassLocal& l = locals.local();
    if (!l.dr) l.dr = std::make_unique<McDraws>(sc, chol, sc.seed), l.own.assign(years * 2, 0.0);
    shortfalls_without(sc, model, base, k, l);
    without(k, l.shortfall);
  });
  return std::move(base.shortfall);
}

}  // namespace swv
