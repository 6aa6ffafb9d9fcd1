#include "deterministic.h"

#include <chrono>

#include "engine_version.h"
#include "result_check.h"
#include "model.h"
#include "sha256.h"

namespace swv {

namespace {

// Draws for deterministic mode: means and expected values everywhere.
class DeterministicDraws {
 public:
  DeterministicDraws(const Model& m, size_t years, size_t lines) : m_(m), F_(years), amt_(lines, m.scenario().risks.size()) {}
  std::vector<std::array<double, 4>>& index_factors() { return F_; }
  LineAmounts& line_amounts() { return amt_; }
  std::array<double, 3> index_rates(int Y) const {
    return {m_.mean_index_rate(IndexKind::Funding, Y), m_.mean_index_rate(IndexKind::Wage, Y),
            m_.mean_index_rate(IndexKind::Price, Y)};
  }
  double value(const Value& v, int Y) const { return v.mean(Y); }
  double rate(const Value& v, int Y) const { return std::clamp(v.mean(Y), 0.0, 1.0); }
  double line_shock(size_t, int) const { return 1.0; }
  double risk(size_t, int) const { return 0.0; }  // not applied: reported as verwachte_risicolast
  void moves(int, int, double count, const double* rates, int k, double* out) const {
    for (int j = 0; j < k; ++j) out[j] = count * rates[j];
  }
  double demography_z(int) const { return 0.0; }
  double round_intake(double x, int) const { return x; }
  void note_negative_intake() const {}  // expected growth below -100%: clamped like any path

 private:
  const Model& m_;
  std::vector<std::array<double, 4>> F_;
  LineAmounts amt_;
};

struct TraceSink {
  std::vector<YearRecord> years;
  std::vector<LineAmounts> lines;
  void year(int, const YearRecord& r, const LineAmounts& a) {
    years.push_back(r);
    lines.push_back(a);
  }
};

Series constant_series(const std::string& key, std::vector<double> v) {
  return {key, v, v, v, v, v, v};
}

}  // namespace

Result init_result(const Scenario& sc, const std::vector<std::string>& warnings) {
  Result r;
  r.engine_version = engine_version();
  r.scenario_name = sc.name;
  r.scenario_description = sc.description;
  r.scenario_file = sc.files.back();
  r.scenario_sha256 = sha256_file(sc.files.back());
  for (size_t i = 0; i + 1 < sc.files.size(); ++i) r.inputs.push_back({"basis", sc.files[i], sha256_file(sc.files[i])});
  r.inputs.insert(r.inputs.begin(), {"scenario", sc.files.back(), r.scenario_sha256});
  r.inputs.push_back({"regels", sc.rules.file, sha256_file(sc.rules.file)});
  r.sector = sc.sector;
  r.mode = sc.mode;
  r.paths = sc.paths;
  r.seed = sc.seed;
  for (int y = sc.first_year; y <= sc.last_year; ++y) r.years.push_back(y);
  for (const auto& l : sc.lines) {
    LineResult lr;
    lr.code = l.code, lr.name = l.name, lr.group = l.group, lr.side = l.side, lr.has_override = l.has_override;
    r.lines.push_back(std::move(lr));
  }
  for (int y : r.years) {
    double e = 0;
    for (const auto& rk : sc.risks)
      if (rk.active(y)) e += rk.probability.mean(y) * rk.impact.mean(y);
    r.expected_risk_cost.push_back(e);
  }
  r.signal_percentage = sc.signal_percentage;
  r.signal_minimum = sc.signal_minimum;
  r.start_equity = sc.start.equity;
  r.warnings = warnings;
  return r;
}

Result run_deterministic(const Scenario& sc, const std::vector<std::string>& warnings) {
  auto t0 = std::chrono::steady_clock::now();
  Model model(sc);
  DeterministicDraws dr(model, sc.years(), sc.lines.size());
  TraceSink sink;
  model.run_path(dr, sink);

  Result r = init_result(sc, warnings);
  r.mode = Mode::Deterministic;
  r.paths = 1;
  r.threads = 1;
  auto col = [&](auto f) {
    std::vector<double> v;
    for (const auto& y : sink.years) v.push_back(f(y));
    return v;
  };
  r.series = {
      constant_series("eigen_vermogen", col([](const YearRecord& y) { return y.equity; })),
      constant_series("signaleringswaarde", col([](const YearRecord& y) { return y.signal; })),
      constant_series("totale_baten", col([](const YearRecord& y) { return y.income; })),
      constant_series("kortingen", col([](const YearRecord& y) { return y.reductions; })),
      constant_series("totale_lasten", col([](const YearRecord& y) { return y.costs; })),
      constant_series("saldo", col([](const YearRecord& y) { return y.result; })),
      constant_series("ratio_ev_baten", col([](const YearRecord& y) { return y.income != 0 ? y.equity / y.income : 0.0; })),
      constant_series("leerlingen_regulier", col([](const YearRecord& y) { return y.regular; })),
      constant_series("leerlingen_sbo", col([](const YearRecord& y) { return y.sbo; })),
      constant_series("leerlingen_so", col([](const YearRecord& y) { return y.so; })),
      constant_series("leerlingen_pro", col([](const YearRecord& y) { return y.pro; })),
      constant_series("ondergrens", col([](const YearRecord& y) { return y.floor; })),
  };
  auto flag = [&](auto f) {
    return Probability{col([&](const YearRecord& y) { return f(y) ? 1.0 : 0.0; }), std::vector<double>(sink.years.size(), 0.0)};
  };
  r.excessive = flag([](const YearRecord& y) { return y.equity > y.signal; });
  r.below_floor = flag([](const YearRecord& y) { return y.equity < y.floor; });
  r.negative = flag([](const YearRecord& y) { return y.equity < 0; });
  r.expected_excess = col([](const YearRecord& y) { return std::max(0.0, y.equity - y.signal); });
  for (size_t i = 0; i < sc.lines.size(); ++i) {
    for (const auto& a : sink.lines) {
      r.lines[i].budget.push_back(a.budget[i]);
      r.lines[i].realised.push_back(a.realised[i]);
      if (sc.lines[i].has_override) r.lines[i].computed.push_back(a.computed[i]);
    }
  }
  r.policy_fired = {
      {"ocw_afroming", col([](const YearRecord& y) { return y.skim > 0 ? 1.0 : 0.0; })},
      {"afbouw", col([](const YearRecord& y) { return y.spend_down > 0 ? 1.0 : 0.0; })},
      {"bezuiniging", col([](const YearRecord& y) { return y.cut_active ? 1.0 : 0.0; })},
      {"ocw_korting", col([](const YearRecord& y) { return y.generic_cut > 0 ? 1.0 : 0.0; })},
      {"cap", col([](const YearRecord& y) { return y.cap_binding ? 1.0 : 0.0; })},
  };
  // Detail rows a controller reconciles against (deterministic only).
  r.series.push_back(constant_series("risicolasten", col([](const YearRecord& y) { return y.risk_costs; })));
  r.series.push_back(constant_series("afbouw", col([](const YearRecord& y) { return y.spend_down; })));
  r.series.push_back(constant_series("ocw_afroming", col([](const YearRecord& y) { return y.skim; })));
  r.series.push_back(constant_series("ocw_korting_netto", col([](const YearRecord& y) { return y.generic_cut; })));
  check_finite(r, sc.files.back());  // an overflow is an error, never a 0 or an empty cell
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace swv
