#include "deterministic.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "engine_version.h"
#include "format_nl.h"
#include "loader.h"
#include "result_check.h"
#include "model.h"
#include "path_series.h"
#include "risk_load.h"
#include "sha256.h"
#include "targets.h"

namespace swv {

namespace {

// Draws for deterministic mode: means and expected values everywhere.
class DeterministicDraws {
 public:
  DeterministicDraws(const Model& m, size_t years, size_t lines)
      : m_(m), F_(years), amt_(lines, m.scenario().risks.size(), m.scenario().reserves.size()) {}
  std::vector<std::array<double, 4>>& index_factors() { return F_; }
  LineAmounts& line_amounts() { return amt_; }
  std::array<double, 3> index_rates(int Y) const {
    return {m_.mean_index_rate(IndexKind::Funding, Y), m_.mean_index_rate(IndexKind::Wage, Y),
            m_.mean_index_rate(IndexKind::Price, Y)};
  }
  double value(const Value& v, int Y) const { return v.mean(Y); }
  double rate(const Value& v, int Y) const { return std::clamp(v.mean(Y), 0.0, 1.0); }
  double line_shock(size_t, int) const { return 1.0; }
  // Not applied (reported as verwachte_risicolast), unless the plan carries the expected load
  // (risk_load.h: a blijvend risk's load grows with the chance that it has occurred).
  double expected_risk(size_t r, int Y) const {
    const Scenario& sc = m_.scenario();
    return sc.plan_risk_load ? expected_risk_load(sc.risks[r], sc.first_year, Y) : 0.0;
  }
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
  PlanTrace* trace;
  void year(int, const YearRecord& r, const LineAmounts& a) {
    trace->years.push_back(r);
    trace->lines.push_back(a);
  }
};

Series constant_series(const std::string& key, std::vector<double> v) {
  return {key, v, v, v, v, v, v, v, v};
}

// How a report names an input file: relative to the scenario's folder when it lies there (no local
// absolute paths in reports), "ingebouwd: <name>" for a built-in rules file, else as given.
std::string display_path(const std::string& file, const std::string& scenario) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(file, ec);
  const fs::path dir = fs::weakly_canonical(fs::path(scenario).parent_path().empty() ? "." : fs::path(scenario).parent_path(), ec);
  const fs::path rules = fs::weakly_canonical(default_rules_dir(), ec);
  auto inside = [](const fs::path& p, const fs::path& d) {
    const auto [a, b] = std::mismatch(d.begin(), d.end(), p.begin(), p.end());
    return a == d.end();
  };
  if (!ec && inside(f, rules) && f.parent_path() == rules) return "ingebouwd: " + f.filename().string();
  if (!ec && inside(f, dir)) return fs::relative(f, dir, ec).string();
  return file;
}

}  // namespace

Result init_result(const Scenario& sc, const std::vector<std::string>& warnings) {
  Result r;
  r.engine_version = engine_version();
  r.scenario_name = sc.name;
  r.scenario_description = sc.description;
  // The hash of the text the loader read (a variant of swvsim verken is not on disk); else the file's.
  auto file_sha = [&](size_t i) { return sc.files_sha256.size() == sc.files.size() ? sc.files_sha256[i] : sha256_file(sc.files[i]); };
  r.scenario_file = sc.files.back();
  r.scenario_sha256 = file_sha(sc.files.size() - 1);
  const std::string& main = sc.files.back();
  for (size_t i = 0; i + 1 < sc.files.size(); ++i) r.inputs.push_back({"basis", display_path(sc.files[i], main), file_sha(i)});
  r.inputs.insert(r.inputs.begin(), {"scenario", std::filesystem::path(main).filename().string(), r.scenario_sha256});
  // A rules file with basis (the SWV's own beschikking) lists the files of its chain after it.
  auto rules_inputs = [&](const std::string& role, const Rules& ru) {
    r.inputs.push_back({role, display_path(ru.file, main), sha256_file(ru.file)});
    for (size_t i = 1; i < ru.files.size(); ++i) r.inputs.push_back({role + " basis", display_path(ru.files[i], main), sha256_file(ru.files[i])});
  };
  if (sc.rules_by_year.empty()) rules_inputs("regels", sc.rules);
  for (const auto& [from, ru] : sc.rules_by_year) rules_inputs("regels " + std::to_string(from), ru);
  r.sector = sc.sector;
  r.calibration = sc.calibration;
  r.mode = sc.mode;
  r.paths = sc.paths;
  r.seed = sc.seed;
  for (int y = sc.first_year; y <= sc.last_year; ++y) r.years.push_back(y);
  for (const auto& l : sc.lines) {
    LineResult lr;
    lr.code = l.code, lr.name = l.name, lr.group = l.group, lr.side = l.side, lr.has_override = l.has_override;
    r.lines.push_back(std::move(lr));
  }
  for (const ExtraLine& e : extra_lines(sc)) {
    LineResult lr;
    lr.code = e.code, lr.name = e.name, lr.group = e.is_risk ? "risico's" : "beleid", lr.side = e.side;
    r.lines.push_back(std::move(lr));
  }
  for (int y : r.years) {
    double e = 0;
    for (const auto& rk : sc.risks) e += expected_risk_load(rk, sc.first_year, y);
    r.expected_risk_cost.push_back(e);
  }
  r.signal_percentage = sc.signal_percentage;
  r.signal_minimum = sc.signal_minimum;
  r.start_equity = sc.start.equity;
  r.start_general_reserve = sc.start.equity;
  for (const auto& res : sc.reserves) r.start_general_reserve -= res.balance;
  r.warnings = warnings;
  return r;
}

PlanTrace trace_plan(const Scenario& sc) {
  Model model(sc);
  DeterministicDraws dr(model, static_cast<size_t>(sc.years()), sc.lines.size());
  PlanTrace t;
  TraceSink sink{&t};
  model.run_path(dr, sink);
  return t;
}

void fix_plan(Scenario& sc) {
  sc.plan_spend.clear(), sc.plan_equity.clear();
  const PlanTrace t = trace_plan(sc);
  std::vector<std::string> later;  // the run reports the plan's warnings; its errors stop it here, before any path
  check_plan(sc, t, later);
  for (const YearRecord& y : t.years) sc.plan_equity.push_back(y.equity);
  if (sc.policy.spend_down && sc.policy.spend_moment == SpendMoment::Budget)
    for (const YearRecord& y : t.years) sc.plan_spend.push_back(y.spend_down);
}

void check_plan(const Scenario& sc, const PlanTrace& plan, std::vector<std::string>& warnings) {
  const std::string& file = sc.files.back();
  std::string errors;
  if (sc.balance.given) {
    auto first_below = [&](double YearRecord::*item) {
      for (const YearRecord& y : plan.years)
        if (y.*item < -0.005) return &y;
      return static_cast<const YearRecord*>(nullptr);
    };
    if (const YearRecord* y = first_below(&YearRecord::fixed_assets))
      errors += file + ": fout: balans.afschrijvingen: in " + std::to_string(y->year) + " zakken de materiële vaste activa in de begroting onder 0 (" +
                euro(y->fixed_assets) + "): er wordt meer afgeschreven dan er aan activa is; verlaag balans.afschrijvingen of verhoog "
                "balans.investeringen of balans.materiele_vaste_activa\n";
    if (const YearRecord* y = first_below(&YearRecord::provisions))
      errors += file + ": fout: balans.voorzieningen_mutatie: in " + std::to_string(y->year) + " zakken de voorzieningen in de begroting onder 0 (" +
                euro(y->provisions) + "): er wordt meer onttrokken dan de voorzieningen bevatten; verlaag de onttrekking of verhoog "
                "balans.voorzieningen\n";
  }
  if (!errors.empty()) throw RunError(errors);
  for (const YearRecord& y : plan.years)
    if (!sc.reserves.empty() && y.earmarked > y.equity + 0.005) {
      warnings.push_back(file + ": waarschuwing: bestemmingsreserve: in " + std::to_string(y.year) + " staan de bestemmingsreserves in de begroting op " +
                         euro(y.earmarked) + ", meer dan het eigen vermogen (" + euro(y.equity) + "): de algemene reserve is dan negatief (" +
                         euro(y.general) + "); een reserve kan niet meer geoormerkt houden dan er is — verlaag een dotatie of onttrek eerder");
      break;
    }
}

void set_plan_budgets(const Scenario& sc, const PlanTrace& plan, Result& r) {
  const std::vector<ExtraLine> extra = extra_lines(sc);
  for (size_t i = 0; i < r.lines.size(); ++i) {
    r.lines[i].budget.clear();
    for (const LineAmounts& a : plan.lines)
      r.lines[i].budget.push_back(i < sc.lines.size() ? a.budget[i] : extra_budget(extra[i - sc.lines.size()], a));
  }
}

Result run_deterministic(const Scenario& input, const std::vector<std::string>& warnings) {
  auto t0 = std::chrono::steady_clock::now();
  Scenario solved;
  const bool solve = (input.flows.target_given[0] || input.flows.target_given[1]) && !input.flows.targets_solved;
  if (solve) solved = input, solve_targets(solved);
  const Scenario& sc = solve ? solved : input;
  const PlanTrace plan = trace_plan(sc);
  const std::vector<YearRecord>& years = plan.years;

  Result r = init_result(sc, warnings);
  check_plan(sc, plan, r.warnings);
  r.mode = Mode::Deterministic;
  r.paths = 1;
  r.threads = 1;
  auto col = [&](auto f) {
    std::vector<double> v;
    for (const auto& y : years) v.push_back(f(y));
    return v;
  };
  const std::vector<std::string> keys = path_series_keys(sc);
  std::vector<std::vector<double>> values(keys.size());
  std::vector<double> row(keys.size());
  for (size_t y = 0; y < years.size(); ++y) {
    path_series_values(sc, years[y], plan.lines[y], row.data());
    for (size_t k = 0; k < keys.size(); ++k) values[k].push_back(row[k]);
  }
  for (size_t k = 0; k < keys.size(); ++k) r.series.push_back(constant_series(keys[k], values[k]));
  auto flag = [&](auto f) {
    return Probability{col([&](const YearRecord& y) { return f(y) ? 1.0 : 0.0; }), std::vector<double>(years.size(), 0.0)};
  };
  r.excessive = flag([](const YearRecord& y) { return y.equity > y.signal; });
  r.below_floor = flag([](const YearRecord& y) { return y.equity < y.floor; });
  r.negative = flag([](const YearRecord& y) { return y.equity < 0; });
  const std::vector<std::string> flag_keys = path_flag_keys(sc);
  for (size_t k = 0; k < flag_keys.size(); ++k) {
    r.more_flags.push_back({flag_keys[k], flag([&](const YearRecord& y) {
                              bool f[kMaxFlags];
                              path_flag_values(sc, y, f);
                              return f[k];
                            })});
  }
  r.expected_excess = col([](const YearRecord& y) { return std::max(0.0, y.equity - y.signal); });
  const std::vector<ExtraLine> extra = extra_lines(sc);
  for (size_t i = 0; i < r.lines.size(); ++i) {
    for (const LineAmounts& a : plan.lines) {
      if (i < sc.lines.size()) {
        r.lines[i].realised.push_back(a.realised[i]);
        if (sc.lines[i].has_override) r.lines[i].computed.push_back(a.computed[i]);
      } else {
        r.lines[i].realised.push_back(extra_realised(extra[i - sc.lines.size()], a));
      }
    }
  }
  set_plan_budgets(sc, plan, r);
  r.policy_fired = {
      {"ocw_afroming", col([](const YearRecord& y) { return y.skim > 0 ? 1.0 : 0.0; })},
      {"afbouw", col([](const YearRecord& y) { return y.spend_down > 0 ? 1.0 : 0.0; })},
      {"bezuiniging", col([](const YearRecord& y) { return y.cut_active ? 1.0 : 0.0; })},
      {"ocw_korting", col([](const YearRecord& y) { return y.generic_cut > 0 ? 1.0 : 0.0; })},
      {"cap", col([](const YearRecord& y) { return y.cap_binding ? 1.0 : 0.0; })},
  };
  check_finite(r, sc.files.back());  // an overflow is an error, never a 0 or an empty cell
  add_plausibility_warnings(sc.files.back(), r);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace swv
