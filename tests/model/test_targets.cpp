// Participation targets, round 3 (scenario-format 14.4 and 15): every infeasible target at once with
// its true cause (effectiveness, capacity, outflow), targets in pupils (a change against the start),
// controleer solving them as run does, and the chance that each target is met. Hand-computed.
#include <catch2/catch.hpp>
#include <cmath>

#include <boost/math/distributions/binomial.hpp>

#include "deterministic.h"
#include "helpers.h"
#include "mc.h"
#include "result_check.h"
#include "targets.h"

using namespace swv;
using namespace swv::test;

namespace {

// 1000 regular pupils, 20 SBO, 10 SO laag; no intake, no outflow but where a test adds it; each
// year 1% of the regular pupils is referred to SBO and 0.5% to SO laag.
const std::string kPupils = R"(schema = "swvsim/1"
[swv]
naam = "Doelen"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2027
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
sbo = 20
so = { laag = 10 }
[demografie]
instroom = 0
[stromen.verwijzing]
sbo = 0.01
so = { laag = 0.005 }
)";

LoadResult load(const std::string& text) {
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return lr;
}

std::string solve_error(const std::string& text) {
  Scenario sc = *load(text).scenario;
  try {
    solve_targets(sc);
  } catch (const RunError& e) {
    return e.what();
  }
  FAIL("no error");
  return {};
}

}  // namespace

TEST_CASE("doel: an effectiveness below 1 is named as the cause of a target no factor reaches", "[model][doel]") {
  // effectiviteit 0.5: factor 0 still refers 1 − 0.5 = half: 0.005 × 1000 = 5 to SBO in 2025, so
  // SBO 25 of regular 990 + SBO 25: 25 / 1015 = 2,46%. With effectiveness 1 and no referral it would
  // be 20 / 1015 = 1,97% ≤ 2,00%: the effectiveness, not the outflow, stops the 2,00% target.
  const std::string m = solve_error(kPupils + "[stromen.beleid]\neffectiviteit = 0.5\n[stromen.doel]\nsbo = 0.02\n");
  CHECK(m.find("stromen.doel.sbo: het doel 2,00% in 2025 is niet te halen: met een effectiviteit van 50% haalt zelfs geen enkele "
               "verwijzing (factor 0) 2,00% — de deelname blijft dan 2,46%") != std::string::npos);
  // Without the effectiveness (and with SBO pupils leaving, so the share can stay at 2% in later
  // years) the same target is met: 18 / 1013 = 1,78% at factor 0 in 2025.
  Scenario ok = *load(kPupils + "[stromen.uitstroom]\nsbo = 0.1\n[stromen.doel]\nsbo = 0.02\n").scenario;
  CHECK_NOTHROW(solve_targets(ok));
}

TEST_CASE("doel: every infeasible target at once, each with its cause", "[model][doel]") {
  // SBO 1% in 2025: without any referral SBO stays 20 of about 1020 (no outflow): the outflow.
  // SO 1,6% in 2025 with 12 places: SO can hold at most 12 pupils, about 1,2%: the capacity (without
  // it a factor reaches 1,6%).
  const std::string m = solve_error(kPupils + "[stromen.capaciteit]\nso = 12\n[stromen.doel]\nsbo = 0.01\nso = 0.016\n");
  CHECK(m.find("stromen.doel.sbo: het doel 1,00% in 2025 vraagt een negatieve verwijzingsfactor: zonder verwijzingen is het al 1,9") !=
        std::string::npos);
  CHECK(m.find("stromen.doel.so: het doel 1,60% in 2025 is met geen enkele verwijzingsfactor te halen: de capaciteit "
               "(stromen.capaciteit.so = 12 plaatsen) laat ten hoogste") != std::string::npos);
  // Later years are listed too (each year of the planperiode misses both).
  CHECK(m.find("in 2027") != std::string::npos);
  // A referral rate of 0 is named as such.
  std::string none = kPupils;
  none.replace(none.find("so = { laag = 0.005 }"), 21, "so = { laag = 0 }");
  CHECK(solve_error(none + "[stromen.doel]\nso = 0.016\n").find("de verwijzingskans naar het SO is 0") != std::string::npos);
}

TEST_CASE("doel in leerlingen: the SO count is the start plus the change, by hand", "[model][doel]") {
  // uitstroom so 20%: 2025 SO = 10 − 2 + 1000 × 0.005 × g = 10 (change 0) -> g = 0.4. 2026 (change
  // −1 by interpolation): regular 2025 = 1000 − 10 − 2 = 988; 8 + 988 × 0.005 × g = 9 -> g = 1/4.94.
  const std::string text = kPupils + "[stromen.uitstroom]\nso = 0.2\n[stromen.doel]\nso_leerlingen = { 2025 = 0, 2027 = -2 }\n";
  Scenario sc = *load(text).scenario;
  CHECK(sc.flows.target_pupils[1]);
  CHECK(sc.flows.target_start[1] == 10);
  solve_targets(sc);
  CHECK(sc.flows.factor_so.at(2025) == Approx(0.4).epsilon(1e-9));
  CHECK(sc.flows.factor_so.at(2026) == Approx(1 / 4.94).epsilon(1e-9));
  const Result r = run_deterministic(*load(text).scenario);
  const std::vector<double> so = series_of(r, "leerlingen_so");
  CHECK(so[0] == Approx(10).margin(1e-6));
  CHECK(so[1] == Approx(9).margin(1e-6));
  CHECK(so[2] == Approx(8).margin(1e-6));
  // The plan meets its own target every year.
  const Probability* met = nullptr;
  for (const auto& [k, p] : r.more_flags)
    if (k == "doel_so_gehaald") met = &p;
  REQUIRE(met);
  for (double x : met->value) CHECK(x == 1.0);
  // Both forms for one flow is an error.
  LoadResult both = load_text(text + "so = 0.016\n", kRulesPo);
  CHECK_FALSE(both.scenario);
  CHECK(errors(both).find("twee doelen voor dezelfde stroom") != std::string::npos);
}

TEST_CASE("doel: Monte Carlo gives the chance that a target is met, as the binomial flows say", "[mc][doel]") {
  // 2025: SO = 10 − Y + X with Y ~ Bin(10, 0.2) leaving and X ~ Bin(1000, 0.005 × 0.4) referred (the
  // solved factor 0.4; a marginal of the competing flows is binomial). Met: SO <= 10, i.e. X <= Y.
  std::string text = kPupils + "[stromen.uitstroom]\nso = 0.2\n[stromen.doel]\nso_leerlingen = 0\n[simulatie]\npaden = 20000\n";
  const Result r = run_monte_carlo(*load(text).scenario, {}, {2});
  const Probability* met = nullptr;
  for (const auto& [k, p] : r.more_flags)
    if (k == "doel_so_gehaald") met = &p;
  REQUIRE(met);
  const boost::math::binomial_distribution<double> X(1000, 0.002), Y(10, 0.2);
  double p = 0;
  for (int y = 0; y <= 10; ++y) p += boost::math::pdf(Y, y) * boost::math::cdf(X, y);
  const double se = std::sqrt(p * (1 - p) / 20'000);
  CHECK(std::fabs(met->value[0] - p) < 4.5 * se);
}

TEST_CASE("controleer solves the targets as run does: exit 2 naming every infeasible one", "[cli][doel]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string bad = write(dir, "doel.toml", kPupils + "[stromen.capaciteit]\nso = 12\n[stromen.doel]\nsbo = 0.01\nso = 0.016\n");
  CHECK(run_cli("controleer '" + bad + "'", dir + "/uit.txt") == 2);
  const std::string out = slurp(dir + "/uit.txt");
  CHECK(out.find("stromen.doel.sbo: het doel 1,00% in 2025") != std::string::npos);
  CHECK(out.find("stromen.doel.so: het doel 1,60% in 2025") != std::string::npos);
  const std::string good = write(dir, "goed.toml", kPupils + "[stromen.uitstroom]\nsbo = 0.1\n[stromen.doel]\nsbo = 0.02\n");
  CHECK(run_cli("controleer '" + good + "'", dir + "/goed.txt") == 0);
  CHECK(slurp(dir + "/goed.txt").find("doel      stromen.doel.sbo: verwijzingsfactor") != std::string::npos);
}
