// Blijvende risico's (scenario-format section 15): from the year a risk first occurs, its impact
// (drawn then) recurs every later year; it cannot occur twice. Expected load in the k-th active
// year of a fixed impact I with yearly chance p: I × (1 − (1 − p)^k). Checked by hand in the plan,
// against the Monte-Carlo mean within standard errors, path by path, and in weerstandsvermogen.
#include <catch2/catch.hpp>
#include <cmath>

#include "deterministic.h"
#include "helpers.h"
#include "mc.h"
#include "mc_draws.h"
#include "model.h"
#include "risk_buffer.h"
#include "risk_load.h"

using namespace swv;
using namespace swv::test;

namespace {

// Income 2,000,000 and costs 1,950,000 fixed, 2025–2027: every path is the plan but for the risk.
std::string fixed_walk(int paths) {
  std::string s = random_walk_scenario(2027, "100_000", "0", paths, 3);
  const size_t a = s.find("{ verdeling");
  s.replace(a, s.find("}\nindexatie") + 1 - a, "1_950_000");
  return s;
}

const std::string kLasting = R"(
[[risico]]
code = "AF"
naam = "Afroming die blijft"
kans = 0.25
impact = 100_000
blijvend = true
)";

LoadResult load(const std::string& text) {
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return lr;
}

// One path, each year's amount of risk 0.
std::vector<double> risk_path(const Model& model, McDraws& dr, uint64_t p) {
  struct Sink {
    std::vector<double> a;
    void year(int, const YearRecord&, const LineAmounts& x) { a.push_back(x.risk[0]); }
  } sink;
  dr.start_path(p);
  model.run_path(dr, sink);
  dr.end_path();
  return sink.a;
}

}  // namespace

TEST_CASE("blijvend: the expected load I (1 - (1 - p)^k), by hand", "[model][risico][blijvend]") {
  LoadResult lr = load(fixed_walk(10) + kLasting);
  const Risk& rk = lr.scenario->risks.at(0);
  CHECK(rk.lasting);
  // p = 0.25, I = 100,000: 25,000; 100,000 × (1 − 0.75²) = 43,750; × (1 − 0.75³) = 57,812.50.
  CHECK(expected_risk_load(rk, 2025, 2025) == Approx(25'000));
  CHECK(expected_risk_load(rk, 2025, 2026) == Approx(43'750));
  CHECK(expected_risk_load(rk, 2025, 2027) == Approx(57'812.5));
  // verwachte_risicolast of the plan, and the plan itself with --met-risicolast.
  Result r = run_deterministic(*lr.scenario);
  REQUIRE(r.expected_risk_cost.size() == 3);
  CHECK(r.expected_risk_cost[2] == Approx(57'812.5));
  CHECK(line_of(r, "risico.AF").realised[2] == 0);  // the plan leaves risks out
  Scenario loaded = *lr.scenario;
  loaded.plan_risk_load = true;
  Result w = run_deterministic(loaded);
  CHECK(line_of(w, "risico.AF").realised[0] == Approx(25'000));
  CHECK(line_of(w, "risico.AF").realised[1] == Approx(43'750));
  CHECK(line_of(w, "risico.AF").realised[2] == Approx(57'812.5));
  // Equity 2027 = 250,000 + 3 × 50,000 − (25,000 + 43,750 + 57,812.50) = 273,437.50.
  CHECK(series_of(w, "eigen_vermogen")[2] == Approx(273'437.5));
}

TEST_CASE("blijvend: only its jaren can start it, and it recurs after them", "[model][risico][blijvend]") {
  // Can start only in 2026: 2025 0, 2026 0.25 × I, 2027 still 0.25 × I (recurs, cannot start anew).
  LoadResult lr = load(fixed_walk(10) + kLasting + "jaren = [2026]\n");
  const Risk& rk = lr.scenario->risks.at(0);
  CHECK(expected_risk_load(rk, 2025, 2025) == 0);
  CHECK(expected_risk_load(rk, 2025, 2026) == Approx(25'000));
  CHECK(expected_risk_load(rk, 2025, 2027) == Approx(25'000));
  // A plain risk with the same jaren weighs only in 2026.
  LoadResult plain = load(fixed_walk(10) + R"(
[[risico]]
code = "R"
naam = "Eenmalig"
kans = 0.25
impact = 100_000
jaren = [2026]
)");
  CHECK(expected_risk_load(plain.scenario->risks.at(0), 2025, 2027) == 0);
  // A kans per year: 2025 p = 0.1, 2026 p = 0.5: 2026 load = I (0.1 + 0.9 × 0.5) = 55,000.
  LoadResult tab = load(fixed_walk(10) + R"(
[[risico]]
code = "T"
naam = "Oplopend"
kans = { 2025 = 0.1, 2026 = 0.5 }
impact = 100_000
blijvend = true
)");
  CHECK(expected_risk_load(tab.scenario->risks.at(0), 2025, 2026) == Approx(55'000));
  // 2027 keeps p = 0.5: 100,000 × (1 − 0.9 × 0.5 × 0.5) = 77,500.
  CHECK(expected_risk_load(tab.scenario->risks.at(0), 2025, 2027) == Approx(77'500));
}

TEST_CASE("blijvend: path by path it starts once and then repeats the impact drawn then", "[model][risico][blijvend]") {
  LoadResult lr = load(fixed_walk(10) + R"(
[[risico]]
code = "AF"
naam = "Afroming die blijft"
kans = 0.4
impact = { verdeling = "uniform", min = 50_000, max = 150_000 }
blijvend = true
)");
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  const Model model(sc);
  McDraws dr(sc, Eigen::Matrix3d::Identity(), sc.seed);
  int started = 0, impacts_differ = 0;
  double first_impact = -1;
  for (uint64_t p = 0; p < 400; ++p) {
    const std::vector<double> a = risk_path(model, dr, p);
    REQUIRE(a.size() == 3);
    size_t k = 0;
    while (k < a.size() && a[k] == 0) ++k;
    if (k == a.size()) continue;
    ++started;
    for (size_t j = k; j < a.size(); ++j) CHECK(a[j] == a[k]);  // the same impact every later year
    CHECK(a[k] >= 50'000);
    CHECK(a[k] <= 150'000);
    if (first_impact >= 0 && a[k] != first_impact) ++impacts_differ;
    first_impact = a[k];
  }
  CHECK(started > 200);         // P(started by 2027) = 1 − 0.6³ = 0.784: about 314 of 400
  CHECK(impacts_differ > 100);  // drawn per path
  // The same path twice: the same years (a pure function of seed, path and year).
  CHECK(risk_path(model, dr, 7) == risk_path(model, dr, 7));
}

TEST_CASE("blijvend: the Monte-Carlo mean per year is the closed form within standard errors", "[mc][risico][blijvend]") {
  const double n = 20'000, I = 100'000, p = 0.25;
  Result r = run_monte_carlo(*load(fixed_walk(20'000) + kLasting).scenario, {}, {2});
  REQUIRE(r.risks.size() == 1);
  CHECK(r.risks[0].lasting);
  for (int k = 1; k <= 3; ++k) {
    const double q = 1 - std::pow(1 - p, k);  // P(occurred by the k-th year)
    const double se = I * std::sqrt(q * (1 - q) / n);
    INFO("jaar " << 2024 + k);
    CHECK(std::fabs(r.risks[0].expected[static_cast<size_t>(k - 1)] - I * q) < 4.5 * se);
    CHECK(std::fabs(r.risks[0].hit_share[static_cast<size_t>(k - 1)] - q) < 4.5 * se / I);
    // The risk line (lasten) holds the same mean, and the plan's expected load is the closed form.
    CHECK(line_of(r, "risico.AF").realised[static_cast<size_t>(k - 1)] == Approx(r.risks[0].expected[static_cast<size_t>(k - 1)]));
    CHECK(r.expected_risk_cost[static_cast<size_t>(k - 1)] == Approx(I * q));
  }
}

TEST_CASE("blijvend: weerstandsvermogen takes the recurrences out with the risk", "[decision][buffer][blijvend]") {
  // Shortfall below the plan (no risks) = I × the years the risk weighed by 2027: 300,000 with
  // chance 0.25 (from 2025), 200,000 with 0.1875, 100,000 with 0.140625, else 0. P(S <= 200,000) =
  // 0.75 < 0.8, so the 80%, 90% and 95% buffers are all 300,000 (0.05 is 5 standard errors at
  // 2,000 paths). Without the risk every path is the plan: its contribution is all of it.
  LoadResult lr = load(fixed_walk(2'000) + kLasting);
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  const BufferAnalysis a = analyse_buffer(sc, {2});
  const Result r = run_monte_carlo(*lr.scenario, {}, {2});
  REQUIRE(a.risks.size() == 1);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(r.buffers[i].required == 300'000);
    CHECK(a.with_all.required[i] == 300'000);
    CHECK(a.risks[0].without.required[i] == 0);
    CHECK(a.risks[0].contribution[i] == 300'000);
  }
}
