// Reserves as SWVs plan them (docs/scenario-formaat.md §14.1-14.3, §14.8), each rule against a
// hand-computed value. The base: fixed income 2,000,000 and costs 1,900,000 a year (no index), so
// the result before any policy is 100,000 a year; equity 1,000,000 on 31-12-2024.
#include <catch2/catch.hpp>

#include <cmath>

#include "deterministic.h"
#include "helpers.h"
#include "mc.h"

using namespace swv;
using namespace swv::test;

namespace {

const std::string kBase = R"(schema = "swvsim/1"
[swv]
naam = "Reserves"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2028
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
[[post]]
code = "3"
naam = "Baten"
kant = "baten"
bedrag = 2_000_000
indexatie = "geen"
[[post]]
code = "4"
naam = "Lasten"
kant = "lasten"
bedrag = 1_800_000
indexatie = "geen"
[[post]]
code = "4.9"
naam = "Projecten"
kant = "lasten"
groep = "projecten"
bedrag = 100_000
indexatie = "geen"
)";

Result run(const std::string& text) {
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return run_deterministic(*lr.scenario);
}

// Every euro on a line: per year the lines of each side add up to its total.
void check_reconciles(const Result& r, double tolerance) {
  for (size_t y = 0; y < r.years.size(); ++y) {
    double income = 0, costs = 0, reductions = 0;
    for (const auto& l : r.lines) (l.side == Side::Income ? income : l.side == Side::Cost ? costs : reductions) += l.realised[y];
    INFO("jaar " << r.years[y]);
    CHECK(std::fabs(income - series_of(r, "totale_baten")[y]) <= tolerance);
    CHECK(std::fabs(costs - series_of(r, "totale_lasten")[y]) <= tolerance);
    CHECK(std::fabs(reductions - series_of(r, "kortingen")[y]) <= tolerance);
  }
}

}  // namespace

TEST_CASE("bestemmingsreserve: dotatie first, then the onttrekking capped at what the reserve holds", "[model][reserves]") {
  // Stand 100,000, dotatie 10,000, onttrekking 60,000 a year:
  // 2025: 100 + 10 − 60 = 50; 2026: 50 + 10 − 60 = 0; 2027: 0 + 10 − min(60, 10) = 0; 2028: 0.
  const Result r = run(kBase + R"(
[[bestemmingsreserve]]
code = "A"
naam = "Pilot"
stand = 100_000
dotatie = 10_000
onttrekking = 60_000
[[bestemmingsreserve]]
code = "B"
naam = "Egalisatie"
stand = 200_000
)");
  const std::vector<double> a = series_of(r, "bestemmingsreserve.A");
  CHECK(a == std::vector<double>{50'000, 0, 0, 0});
  CHECK(series_of(r, "bestemmingsreserve.B") == std::vector<double>{200'000, 200'000, 200'000, 200'000});
  CHECK(series_of(r, "bestemmingsreserves") == std::vector<double>{250'000, 200'000, 200'000, 200'000});
  // Transfers within equity: equity is 1,000,000 + 100,000 per year as without reserves, and the
  // algemene reserve is the rest: 1,100,000 − 250,000 = 850,000; 1,200,000 − 200,000 = 1,000,000.
  CHECK(series_of(r, "eigen_vermogen") == std::vector<double>{1'100'000, 1'200'000, 1'300'000, 1'400'000});
  CHECK(series_of(r, "algemene_reserve") == std::vector<double>{850'000, 1'000'000, 1'100'000, 1'200'000});
  CHECK(r.start_general_reserve == 700'000);
  // The distance to the norm (signaleringswaarde at its minimum 250,000): 1,100,000 − 250,000.
  CHECK(series_of(r, "afstand_signaleringswaarde")[0] == 850'000);
  check_reconciles(r, 0);
}

TEST_CASE("bestemmingsreserves above the equity they are part of are an error", "[model][reserves]") {
  LoadResult lr = load_text(kBase + R"(
[[bestemmingsreserve]]
code = "A"
naam = "Te groot"
stand = 1_200_000
)", kRulesPo);
  CHECK(!lr.scenario);
  CHECK(errors(lr).find("€ 1.200.000, meer dan het eigen vermogen") != std::string::npos);
}

TEST_CASE("sturingsbudget: afbouw above the streefvermogen pays in Y+1 the algemene reserve of Y minus the target", "[model][reserves]") {
  // Reserve 200,000 (no movement), target 500,000, aandeel 1, volgend_jaar.
  // 2025: equity 1,100,000, algemene reserve 900,000 -> pays 400,000 in 2026.
  // 2026: result 100,000 − 400,000 = −300,000: equity 800,000, algemene 600,000 -> pays 100,000 in 2027.
  // 2027: result 0: equity 800,000, algemene 600,000 -> 100,000 in 2028; 2028 the same.
  const Result r = run(kBase + R"(
[[bestemmingsreserve]]
code = "A"
naam = "Vast"
stand = 200_000
[beleid]
afbouw = { aandeel = 1.0, boven = "streefvermogen", naam = "Sturingsbudget" }
[normen]
streefvermogen = 500_000
)");
  const LineResult& s = line_of(r, "beleid.afbouw");
  CHECK(s.name == "Sturingsbudget");
  CHECK(s.realised == std::vector<double>{0, 400'000, 100'000, 100'000});
  CHECK(series_of(r, "eigen_vermogen") == std::vector<double>{1'100'000, 800'000, 800'000, 800'000});
  CHECK(series_of(r, "algemene_reserve") == std::vector<double>{900'000, 600'000, 600'000, 600'000});
  CHECK(series_of(r, "streefvermogen") == std::vector<double>{500'000, 500'000, 500'000, 500'000});
  check_reconciles(r, 0);
}

TEST_CASE("sturingsbudget in the budget (moment begroting): the plan's algemene reserve ends every year at the target", "[model][reserves]") {
  // 2025: before the line equity 1,100,000, algemene 900,000: pays 400,000 in 2025 -> 500,000.
  // Then each year the 100,000 surplus: algemene reserve 500,000 every year.
  const std::string text = kBase + R"(
[[bestemmingsreserve]]
code = "A"
naam = "Vast"
stand = 200_000
[beleid]
afbouw = { aandeel = 1.0, boven = "streefvermogen", moment = "begroting" }
[normen]
streefvermogen = 500_000
)";
  const Result r = run(text);
  CHECK(line_of(r, "beleid.afbouw").realised == std::vector<double>{400'000, 100'000, 100'000, 100'000});
  CHECK(series_of(r, "algemene_reserve") == std::vector<double>{500'000, 500'000, 500'000, 500'000});
  check_reconciles(r, 0);
  // Monte Carlo pays the plan's fixed amounts in every path: a path with a shock on costs keeps
  // paying them, and the deviation lands in equity. With 20% noise per path on line 4 the mean
  // line equals the plan and the means still reconcile.
  LoadResult lr = load_text(text + "[simulatie]\npaden = 2000\n", kRulesPo);
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.lines[1].shock_sd = 0.2;
  const Result m = run_monte_carlo(sc, {}, {2});
  CHECK(line_of(m, "beleid.afbouw").realised == std::vector<double>{400'000, 100'000, 100'000, 100'000});
  CHECK(line_of(m, "beleid.afbouw").budget == std::vector<double>{400'000, 100'000, 100'000, 100'000});
  CHECK(m.find("eigen_vermogen")->p95[3] > m.find("eigen_vermogen")->p5[3] + 100'000);
  check_reconciles(m, 1e-6);
}

TEST_CASE("bezuiniging below the streefvermogen cuts the group in Y+1, as a line of its own", "[model][reserves]") {
  // Costs 1,900,000 + 100,000: result 0. Equity 600,000 with a reserve of 200,000: algemene reserve
  // 400,000 < target 500,000 at the end of 2025 -> in 2026 the projects (100,000) are cut by half:
  // line beleid.bezuiniging −50,000, result +50,000: algemene reserve 450,000, still below -> 2027
  // again −50,000 -> 500,000, not below (strict) -> no cut in 2028.
  std::string text = kBase + R"(
[[bestemmingsreserve]]
code = "A"
naam = "Vast"
stand = 200_000
[beleid]
bezuiniging = { aandeel = 0.5, groep = "projecten", onder = "streefvermogen" }
[normen]
streefvermogen = 500_000
ondergrens = 0
)";
  text.replace(text.find("eigen_vermogen = 1_000_000"), 26, "eigen_vermogen = 600_000");
  text.replace(text.find("bedrag = 1_800_000"), 18, "bedrag = 1_900_000");
  const Result r = run(text);
  CHECK(line_of(r, "beleid.bezuiniging").realised == std::vector<double>{0, -50'000, -50'000, 0});
  CHECK(line_of(r, "4.9").realised == std::vector<double>{100'000, 100'000, 100'000, 100'000});  // uncut: the cut is its own line
  CHECK(series_of(r, "algemene_reserve") == std::vector<double>{400'000, 450'000, 500'000, 500'000});
  REQUIRE(r.more_flags.size() == 1);
  CHECK(r.more_flags[0].first == "onder_streefvermogen");
  CHECK(r.more_flags[0].second.value == std::vector<double>{1, 1, 0, 0});
  check_reconciles(r, 0);
}

TEST_CASE("streefvermogen must be given when a policy refers to it", "[model][reserves]") {
  LoadResult lr = load_text(kBase + "[beleid]\nafbouw = { aandeel = 1.0, boven = \"streefvermogen\" }\n", kRulesPo);
  CHECK(!lr.scenario);
  CHECK(errors(lr).find("beleid.afbouw.boven = \"streefvermogen\" verwijst naar normen.streefvermogen, maar dat is niet gegeven") !=
        std::string::npos);
}

TEST_CASE("risks, OCW withholding and the generic cut are lines that reconcile with the totals", "[model][reserves]") {
  // Monte Carlo: a cost risk and a lost-income risk; OCW withholds 50% of the excess over the
  // norm from 2025; a generic cut in 2026. The mean lines add up to the mean totals.
  LoadResult lr = load_text(kBase + R"(
[[risico]]
code = "R1"
naam = "Kosten"
kans = 0.3
impact = { verdeling = "uniform", min = 50_000, max = 150_000 }
[[risico]]
code = "R2"
naam = "Gemiste baten"
kans = 0.2
impact = 80_000
kant = "baten"
[beleid]
ocw_afroming = { vanaf = 2025, aandeel = 0.5 }
ocw_korting = { jaar = 2026, per_leerling = 13.50 }
[simulatie]
paden = 3000
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Result m = run_monte_carlo(*lr.scenario, {}, {2});
  check_reconciles(m, 1e-6);
  CHECK(line_of(m, "risico.R1").side == Side::Cost);
  CHECK(line_of(m, "risico.R2").side == Side::Reduction);
  CHECK(line_of(m, "beleid.ocw_afroming").side == Side::Reduction);
  CHECK(line_of(m, "risico.R1").budget == std::vector<double>{0, 0, 0, 0});  // the plan has no risks
  // 2026 withholding = 0.5 × (1,100,000 − 250,000) in paths without a risk in 2025: positive.
  CHECK(line_of(m, "beleid.ocw_afroming").realised[1] > 300'000);
  const Result d = run_deterministic(*lr.scenario);
  check_reconciles(d, 0);
  // The plan: 2026 withholds 0.5 × (1,100,000 − 250,000) = 425,000.
  CHECK(line_of(d, "beleid.ocw_afroming").realised[1] == 425'000);
}

TEST_CASE("meerjarenbalans: two years by hand", "[model][balans]") {
  // Start: equity 1,000,000, provisions 50,000, short debt 250,000 = 1,300,000 = fixed assets
  // 200,000 + receivables 100,000 + cash 1,000,000. Investments 40,000, depreciation 30,000,
  // provisions −10,000 a year; result 100,000 a year.
  // 2025: equity 1,100,000; fixed assets 210,000; provisions 40,000; total 1,100,000 + 40,000 +
  //   250,000 = 1,390,000; cash 1,390,000 − 210,000 − 100,000 = 1,080,000;
  //   solvency-2 = 1,140,000 / 1,390,000; liquidity = (100,000 + 1,080,000) / 250,000 = 4.72;
  //   profitability = 100,000 / 2,000,000 = 0.05.
  // 2026: equity 1,200,000; fixed assets 220,000; provisions 30,000; total 1,480,000; cash 1,160,000;
  //   solvency-2 = 1,230,000 / 1,480,000; liquidity = 1,260,000 / 250,000 = 5.04.
  const Result r = run(kBase + R"(
[balans]
materiele_vaste_activa = 200_000
vorderingen = 100_000
liquide_middelen = 1_000_000
voorzieningen = 50_000
kortlopende_schulden = 250_000
investeringen = 40_000
afschrijvingen = 30_000
voorzieningen_mutatie = -10_000
)");
  auto at = [&](const char* k, size_t y) { return series_of(r, k)[y]; };
  CHECK(at("materiele_vaste_activa", 0) == 210'000);
  CHECK(at("voorzieningen", 0) == 40'000);
  CHECK(at("balanstotaal", 0) == 1'390'000);
  CHECK(at("liquide_middelen", 0) == 1'080'000);
  CHECK(at("solvabiliteit_2", 0) == Approx(1'140'000.0 / 1'390'000));
  CHECK(at("liquiditeit", 0) == Approx(4.72));
  CHECK(at("rentabiliteit", 0) == Approx(0.05));
  CHECK(at("materiele_vaste_activa", 1) == 220'000);
  CHECK(at("balanstotaal", 1) == 1'480'000);
  CHECK(at("liquide_middelen", 1) == 1'160'000);
  CHECK(at("solvabiliteit_2", 1) == Approx(1'230'000.0 / 1'480'000));
  CHECK(at("liquiditeit", 1) == Approx(5.04));
  // Signals: none (solvency 0.82 >= 0.30, liquidity 4.7 >= 0.75, results positive).
  for (const auto& [key, p] : r.more_flags) {
    INFO(key);
    CHECK(p.value == std::vector<double>{0, 0, 0, 0});
  }
}

TEST_CASE("meerjarenbalans: the Inspectie's signals", "[model][balans]") {
  // Costs 2,300,000: result −300,000 a year. Start: equity 1,000,000, short debt 1,000,000, no
  // provisions; fixed assets 500,000, receivables 0, cash 1,500,000.
  // 2025: equity 700,000, total 1,700,000, solvency 0.41; cash 1,200,000: liquidity 1.2.
  // 2026: equity 400,000, total 1,400,000, solvency 0.286 < 0.30; cash 900,000: liquidity 0.9.
  // 2027: equity 100,000, total 1,100,000, solvency 0.09; cash 600,000: liquidity 0.6 < 0.75; third
  //   negative result in a row. 2028: equity −200,000: all three signals.
  std::string text = kBase + R"(
[balans]
materiele_vaste_activa = 500_000
liquide_middelen = 1_500_000
kortlopende_schulden = 1_000_000
)";
  text.replace(text.find("bedrag = 1_800_000"), 18, "bedrag = 2_200_000");
  const Result r = run(text);
  REQUIRE(r.more_flags.size() == 3);
  CHECK(r.more_flags[0].first == "solvabiliteit_onder_signaal");
  CHECK(r.more_flags[0].second.value == std::vector<double>{0, 1, 1, 1});
  CHECK(r.more_flags[1].first == "liquiditeit_onder_signaal");
  CHECK(r.more_flags[1].second.value == std::vector<double>{0, 0, 1, 1});
  CHECK(r.more_flags[2].first == "drie_jaar_negatief_resultaat");
  CHECK(r.more_flags[2].second.value == std::vector<double>{0, 0, 1, 1});
}

TEST_CASE("a balance sheet that does not balance is an error naming both sides", "[model][balans]") {
  LoadResult lr = load_text(kBase + R"(
[balans]
materiele_vaste_activa = 200_000
liquide_middelen = 1_000_000
kortlopende_schulden = 250_000
)", kRulesPo);
  CHECK(!lr.scenario);
  CHECK(errors(lr).find("de balans sluit niet: activa € 1.200.000") != std::string::npos);
  CHECK(errors(lr).find("verschil € -50.000") != std::string::npos);
}
