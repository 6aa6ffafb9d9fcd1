#include <cmath>

#include "deterministic.h"
#include "mc_run.h"
#include "result_check.h"

// Step 3 of a run: the Result from the block totals and the percentiles (mc_run.h).
namespace swv::mc_detail {

namespace {

Probability probability(const std::vector<double>& hits, double n) {
  Probability pr;
  for (double h : hits) {
    const double q = h / n;
    pr.value.push_back(q);
    pr.std_error.push_back(std::sqrt(q * (1 - q) / n));
  }
  return pr;
}

// Series: the mean and percentiles of every kept cell; a series that is the same in every path
// (Shape::slot -1) is the plan's value, mean and percentiles alike.
void assemble_series(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const PlanTrace& plan, Result& r) {
  const double dn = static_cast<double>(run.n);
  std::vector<double> row(run.shape.series);
  std::vector<std::vector<double>> fixed(run.years);
  for (size_t y = 0; y < run.years; ++y) {
    path_series_values(run.sc, plan.years[y], plan.lines[y], row.data());
    fixed[y] = row;
  }
  for (size_t k = 0; k < run.shape.series; ++k) {
    Series s{run.keys[k], {}, {}, {}, {}, {}, {}, {}, {}};
    const int slot = run.shape.slot[k];
    for (size_t y = 0; y < run.years; ++y) {
      if (slot < 0) {
        const double v = fixed[y][k];
        s.mean.push_back(v), s.p5.push_back(v), s.p25.push_back(v), s.p50.push_back(v), s.p75.push_back(v), s.p95.push_back(v);
        s.p10.push_back(v), s.p90.push_back(v);
        continue;
      }
      s.mean.push_back(total.series_sum[k * run.years + y] / dn);
      const Percentiles& q = pct[static_cast<size_t>(slot) * run.years + y];
      s.p5.push_back(q.p[kP5]), s.p25.push_back(q.p[kP25]), s.p50.push_back(q.p[kP50]), s.p75.push_back(q.p[kP75]), s.p95.push_back(q.p[kP95]);
      s.p10.push_back(q.p[kP10]), s.p90.push_back(q.p[kP90]);
    }
    r.series.push_back(std::move(s));
  }
}

// Lines: bedragen are the means over the paths, begroot the plan's amounts (scenario-format 14.3).
void assemble_lines_and_risks(const McRun& run, const Block& total, const PlanTrace& plan, Result& r) {
  const double dn = static_cast<double>(run.n);
  const size_t years = run.years, lines = run.shape.lines;
  for (size_t i = 0; i < run.shape.all_lines(); ++i) {
    r.lines[i].realised.clear(), r.lines[i].computed.clear();
    for (size_t y = 0; y < years; ++y) {
      r.lines[i].realised.push_back(total.line_real[i * years + y] / dn);
      if (i < lines && r.lines[i].has_override) r.lines[i].computed.push_back(total.line_comp[i * years + y] / dn);
    }
  }
  set_plan_budgets(run.sc, plan, r);
  for (size_t k = 0; k < run.shape.risks; ++k) {
    const Risk& risk = run.sc.risks[k];
    RiskResult rr{risk.code, risk.name, risk.lost_income, {}, {}, risk.lasting};
    // The risk's line holds its mean impact (extra_lines: risks come last).
    const size_t line = run.shape.all_lines() - run.shape.risks + k;
    for (size_t y = 0; y < years; ++y) {
      rr.expected.push_back(total.line_real[line * years + y] / dn);
      rr.hit_share.push_back(total.risk_hits[k * years + y] / dn);
    }
    r.risks.push_back(std::move(rr));
  }
}

Result assemble(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const std::vector<std::string>& warnings,
                int threads) {
  Result r = init_result(run.sc, warnings);
  r.mode = Mode::MonteCarlo;
  r.paths = run.sc.paths;
  r.seed = run.sc.seed;
  r.threads = threads;
  r.percentile_method = run.plan.mode == StoreMode::ExactDouble  ? "exact"
                        : run.plan.mode == StoreMode::ExactFloat ? "exact (float)"
                                                                 : "histogram";
  const double dn = static_cast<double>(run.n);
  const PlanTrace plan = trace_plan(run.sc);
  check_plan(run.sc, plan, r.warnings);
  assemble_series(run, total, pct, plan, r);
  r.excessive = probability(total.excessive, dn), r.below_floor = probability(total.below_floor, dn);
  r.negative = probability(total.negative, dn);
  for (size_t k = 0; k < run.shape.flags; ++k)
    r.more_flags.push_back({run.flag_keys[k], probability(std::vector<double>(total.flags.begin() + static_cast<long>(k * run.years),
                                                                              total.flags.begin() + static_cast<long>((k + 1) * run.years)),
                                                          dn)});
  assemble_lines_and_risks(run, total, plan, r);
  for (size_t y = 0; y < run.years; ++y) r.expected_excess.push_back(total.excess[y] / dn);
  const Percentiles& sf = pct[run.cells - 1];
  for (size_t i = 0; i < kBufferConfidence.size(); ++i) {
    const double q = sf.p[kBufferPercentile[i]];
    r.buffers.push_back({kBufferConfidence[i], q, required_buffer(q)});
  }
  const char* rules[kRules] = {"ocw_afroming", "afbouw", "bezuiniging", "ocw_korting", "cap"};
  for (size_t k = 0; k < kRules; ++k) {
    std::vector<double> v;
    for (size_t y = 0; y < run.years; ++y) v.push_back(total.fired[k * run.years + y] / dn);
    r.policy_fired.emplace_back(rules[k], v);
  }
  return r;
}

}  // namespace

Result finish_result(const McRun& run, const Block& total, const std::vector<Percentiles>& pct, const std::vector<std::string>& warnings,
                     int threads) {
  Result r = assemble(run, total, pct, warnings, threads);
  check_finite(r, run.sc.files.back());  // sums of finite values can still overflow
  add_plausibility_warnings(run.sc.files.back(), r);
  return r;
}

double largest_std_error(const Block& total, double n) {
  double worst = 0;
  auto fold = [&](const std::vector<double>& hits) {
    for (double se : probability(hits, n).std_error) worst = std::max(worst, se);
  };
  fold(total.excessive), fold(total.below_floor), fold(total.negative), fold(total.flags);
  return worst;
}

}  // namespace swv::mc_detail
