// One rule of docs/domein.md / docs/scenario-formaat.md per test, each against a hand-computed value.
// The base scenario is the hand MJB of test_mjb.cpp (2025: income 610,000, costs 544,000,
// equity 1,066,000, totaal 1020 pupils, signaleringswaarde at its minimum 250,000).
#include <catch2/catch.hpp>

#include "deterministic.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

extern const std::string kMjbScenario;

namespace {

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

Result run(const std::string& text, const std::string& rules = "") {
  LoadResult lr = load_text(text, rules);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return run_deterministic(*lr.scenario);
}

double at(const Result& r, const char* key, int i) { return r.find(key)->mean.at(i); }

const std::string kNoSpend = "afbouw = { aandeel = 0.5 }";

}  // namespace

TEST_CASE("signaleringswaarde is 3.5% of total income when above the minimum", "[model][norm]") {
  // With minimum 0 the norm is 0.035 × 610,000 = 21,350 in 2025.
  Result r = run(kMjbScenario + "[normen.signaleringswaarde]\nminimum = 0\n");
  CHECK(at(r, "signaleringswaarde", 0) == Approx(21'350).margin(1e-6));
  // With the default minimum 250,000 the norm is the minimum.
  Result d = run(kMjbScenario);
  CHECK(at(d, "signaleringswaarde", 0) == Approx(250'000));
  // Percentage from the scenario overrides the rules: 50% of 610,000 = 305,000 > the minimum.
  Result p = run(kMjbScenario + "[normen.signaleringswaarde]\npercentage = 0.5\n");
  CHECK(at(p, "signaleringswaarde", 0) == Approx(305'000));
}

TEST_CASE("each berekend line follows the rules", "[model][berekend]") {
  Result r = run(kMjbScenario);
  // ondersteuning = 100 × regulier + 500 × (regulier + SBO) = 100,000 + 510,000.
  CHECK(line_of(r, "3.1").realised[0] == Approx(610'000));
  // afdracht_so = 10,000 × laag 10.
  CHECK(line_of(r, "4.5.1a").realised[0] == Approx(100'000));
  // afdracht_sbo since 2023: every SBO pupil, 5,000 × 20.
  CHECK(line_of(r, "4.5.1b").realised[0] == Approx(100'000));
}

TEST_CASE("afdracht_so: every SO category at its own amount, hoog included", "[model][berekend]") {
  // SO laag 10, midden 4, hoog 3 at the start: 10,000 × 10 + 20,000 × 4 + 30,000 × 3 = 270,000 in
  // 2025 (the counts of the teldatum before the year). Each category alone as well, so that a
  // category dropped or priced at another's amount shows.
  Result r = run(replace(kMjbScenario, "so = { laag = 10 }", "so = { laag = 10, midden = 4, hoog = 3 }"));
  CHECK(line_of(r, "4.5.1a").realised[0] == Approx(270'000));
  Result hoog = run(replace(kMjbScenario, "so = { laag = 10 }", "so = { hoog = 3 }"));
  CHECK(line_of(hoog, "4.5.1a").realised[0] == Approx(90'000));
  Result midden = run(replace(kMjbScenario, "so = { laag = 10 }", "so = { midden = 4 }"));
  CHECK(line_of(midden, "4.5.1a").realised[0] == Approx(80'000));
}

TEST_CASE("pre-2023 SBO rule deducts only pupils above 2% of regular + SBO", "[model][berekend]") {
  std::string rules = replace(kRulesPo, "drempel = 0.0", "drempel = 0.02");
  Result r = run(kMjbScenario, rules);
  // 2% × 1020 = 20.4 ≥ 20 SBO pupils: nothing deducted in 2025.
  CHECK(line_of(r, "4.5.1b").realised[0] == Approx(0).margin(1e-9));
  // 2026: SBO 25 against 2% × 1010 = 20.2: 4.8 pupils × 5,000 = 24,000.
  CHECK(line_of(r, "4.5.1b").realised[1] == Approx(24'000));
}

TEST_CASE("vo: regional, LWOO/PrO budget with frozen factor, and LWOO/PrO deduction", "[model][berekend]") {
  std::string sc = R"(schema = "swvsim/1"
[swv]
naam = "VO"
sector = "vo"
eerste_jaar = 2025
laatste_jaar = 2025
regels = "regels.toml"
[start]
eigen_vermogen = 0
[start.leerlingen]
regulier = 1000
pro = 50
lwoo_aandeel = 0.08
so = { midden = 2 }
[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"
[[post]]
code = "4.5.1a"
naam = "VSO"
kant = "lasten"
berekend = "afdracht_so"
[[post]]
code = "4.5.1b"
naam = "LWOO/PrO"
kant = "lasten"
berekend = "afdracht_lwoo_pro"
)";
  Result r = run(sc, kRulesVo);
  // totaal (vo) = regular VO including PrO = 1050. Income = 200 × 1050 + 4,000 × 0.1 × 1050 + 800 × 1050.
  CHECK(line_of(r, "3.1").realised[0] == Approx(210'000 + 420'000 + 840'000));
  // VSO midden 2 × 20,000.
  CHECK(line_of(r, "4.5.1a").realised[0] == Approx(40'000));
  // LWOO = 8% of 1000 regular = 80; plus 50 PrO: 130 × 4,000 = 520,000: 420,000 from its own
  // budget and 100,000 from the regionale ondersteuning (210,000): DUO's cap does not bite.
  CHECK(line_of(r, "4.5.1b").realised[0] == Approx(520'000));
  CHECK(r.policy_fired.back().second[0] == 0.0);
}

TEST_CASE("cap: SO above the zware ondersteuning is charged to the schools, SBO stays within licht", "[model][cap]") {
  // SO laag 100 pupils: deduction 1,000,000 against zwaar 500 × 1020 = 510,000; SBO 20 × 5,000 =
  // 100,000 against licht 100 × 1000 = 100,000 (tests/model/test_duo_cap.cpp has every route).
  std::string sc = replace(kMjbScenario, "so = { laag = 10 }", "so = { laag = 100 }");
  Result r = run(sc);
  CHECK(line_of(r, "4.5.1a").realised[0] == Approx(510'000));
  CHECK(line_of(r, "4.5.1b").realised[0] == Approx(100'000));
  CHECK(line_of(r, "4.5.1a").budget[0] == Approx(1'000'000));  // begroot is before the cap
  CHECK(r.policy_fired.back().first == "cap");
  CHECK(r.policy_fired.back().second[0] == 1.0);
  // Without the cap binding, nothing is scaled.
  Result base = run(kMjbScenario);
  CHECK(base.policy_fired.back().second[0] == 0.0);
}

TEST_CASE("override: a berekend line with bedrag uses the given amount and reports the computed one", "[model][override]") {
  std::string sc = replace(kMjbScenario, "berekend = \"ondersteuning\"", "berekend = \"ondersteuning\"\nbedrag = 600_000");
  Result r = run(sc);
  CHECK(line_of(r, "3.1").realised[1] == Approx(600'000));  // default indexatie "geen"
  CHECK(line_of(r, "3.1").computed[0] == Approx(610'000));
  CHECK(line_of(r, "3.1").computed[1] == Approx(603'500));
}

TEST_CASE("rules tables are extrapolated past their last year with the funding index", "[model][index]") {
  std::string rules = replace(kRulesPo, "normbedrag = 100.0", "normbedrag = { 2024 = 100.0 }");
  Result r = run(kMjbScenario, rules);
  const double f = 0.8915 * 0.03 + 0.1085 * 0.02;
  // 2025: the 2024 amount bridged with the mean index of 2025; 2026: one more year.
  CHECK(line_of(r, "3.1").realised[0] == Approx(100 * (1 + f) * 1000 + 510'000));
  CHECK(line_of(r, "3.1").realised[1] == Approx(100 * (1 + f) * (1 + f) * 985 + 505'000));
}

TEST_CASE("per-year table: a missing year takes the last earlier value", "[model][values]") {
  std::string sc = replace(kMjbScenario, "bedrag = 50_000", "bedrag = { 2025 = 50_000, 2027 = 70_000 }\nindexatie = \"geen\"");
  Result r = run(sc);
  CHECK(line_of(r, "4.4").realised == std::vector<double>{50'000, 50'000, 70'000});
}

TEST_CASE("ocw_afroming withholds the excess in the next year — afbouw spends only the rest", "[model][beleid]") {
  std::string sc = kMjbScenario + "ocw_afroming = { vanaf = 2025, aandeel = 1.0 }\n";
  Result r = run(sc);
  // End 2025: excess 1,066,000 − 250,000 = 816,000, all withheld from 2026 income; afbouw 0.
  CHECK(at(r, "kortingen", 1) == Approx(816'000));
  CHECK(line_of(r, "beleid.afbouw").realised[1] == Approx(0).margin(1e-9));
  CHECK(line_of(r, "beleid.ocw_afroming").realised[0] == Approx(0).margin(1e-9));
  CHECK(line_of(r, "beleid.ocw_afroming").realised[1] == Approx(816'000));
  // Half withheld: afbouw spends 0.5 × (816,000 − 408,000).
  Result h = run(kMjbScenario + "ocw_afroming = { vanaf = 2025, aandeel = 0.5 }\n");
  CHECK(at(h, "kortingen", 1) == Approx(408'000));
  CHECK(line_of(h, "beleid.afbouw").realised[1] == Approx(204'000));
}

TEST_CASE("bezuiniging cuts the group's costs in the year after equity fell below the floor", "[model][beleid]") {
  std::string sc = replace(kMjbScenario, "ondergrens = 200_000", "ondergrens = 2_000_000");
  sc += "bezuiniging = { aandeel = 0.4, groep = \"projecten\" }\n";
  Result r = run(sc);
  // 2025 is never cut (decided at the end of 2025); 2026: the group's line keeps 50,000 × 1.02,
  // and the cut of 0.4 × 51,000 is the line beleid.bezuiniging (a negative cost).
  CHECK(line_of(r, "4.4").budget[0] == Approx(50'000));
  CHECK(line_of(r, "4.4").budget[1] == Approx(51'000));
  CHECK(line_of(r, "beleid.bezuiniging").realised[0] == 0);
  CHECK(line_of(r, "beleid.bezuiniging").realised[1] == Approx(-20'400));
  CHECK(line_of(r, "beleid.bezuiniging").budget[1] == Approx(-20'400));
  CHECK(r.below_floor.value[0] == 1.0);
}

TEST_CASE("ocw_korting: generic cut compensated up to the signaleringswaarde", "[model][beleid]") {
  // cut = 13.50 × totaal 1020 = 13,770 in 2025; signal before the cut = 250,000.
  auto net_cut = [&](const std::string& equity) {
    std::string sc = replace(kMjbScenario, "eigen_vermogen = 1_000_000", "eigen_vermogen = " + equity);
    Result r = run(sc + "ocw_korting = { jaar = 2025, per_leerling = 13.50 }\n");
    // Two lines: the gross cut and the compensation (negative); together the net cut.
    CHECK(line_of(r, "beleid.ocw_korting").realised[0] == Approx(13'770));
    CHECK(line_of(r, "beleid.ocw_korting").side == Side::Reduction);
    return line_of(r, "beleid.ocw_korting").realised[0] + line_of(r, "beleid.ocw_korting.compensatie").realised[0];
  };
  // Far above the norm: compensation = max(0, 250,000 − (1,000,000 − 13,770)) = 0.
  CHECK(net_cut("1_000_000") == Approx(13'770));
  // Below the norm: fully compensated.
  CHECK(net_cut("200_000") == Approx(0).margin(1e-9));
  // Just above: compensation = 250,000 − (260,000 − 13,770) = 3,770; net 10,000.
  CHECK(net_cut("260_000") == Approx(10'000));
}

TEST_CASE("ocw_korting: compensated up to a signaleringswaarde above its minimum (the 3,5% branch)", "[model][beleid]") {
  // 2025 income 610,000 (test_mjb.cpp); cut 13,770 as above.
  auto lines = [&](const std::string& equity, const std::string& norm) {
    std::string sc = replace(kMjbScenario, "eigen_vermogen = 1_000_000", "eigen_vermogen = " + equity);
    Result r = run(sc + "ocw_korting = { jaar = 2025, per_leerling = 13.50 }\n" + norm);
    return std::pair{line_of(r, "beleid.ocw_korting").realised[0], line_of(r, "beleid.ocw_korting.compensatie").realised[0]};
  };
  // Minimum 0: the norm is 3,5% × 610,000 = 21,350. Equity 30,000: compensation
  // 21,350 − (30,000 − 13,770) = 5,120, net cut 8,650.
  auto [gross, comp] = lines("30_000", "[normen.signaleringswaarde]\nminimum = 0\n");
  CHECK(gross == Approx(13'770));
  CHECK(comp == Approx(-5'120));
  // 50% of 610,000 = 305,000 above the minimum 250,000. Equity 310,000: compensation
  // 305,000 − (310,000 − 13,770) = 8,770, net 5,000; at the minimum it would be 0.
  auto [gross5, comp5] = lines("310_000", "[normen.signaleringswaarde]\npercentage = 0.5\n");
  CHECK(gross5 == Approx(13'770));
  CHECK(comp5 == Approx(-8'770));
  CHECK(gross5 + comp5 == Approx(5'000));
}

TEST_CASE("default intake keeps the regular count constant in the year before the planperiode", "[model][demografie]") {
  std::string sc = replace(kMjbScenario, "instroom = 100", "groei = 0.0");
  LoadResult lr = load_text(sc);
  REQUIRE(lr.scenario);
  // (uitstroom 0.1 + verwijzing 0.01 + 0.005) × 1000 − returns 0 = 115.
  CHECK(lr.scenario->demography.intake == Approx(115));
}

TEST_CASE("krimp: intake falls with groei", "[model][demografie]") {
  std::string sc = replace(kMjbScenario, "instroom = 100", "instroom = 100\ngroei = -0.1");
  Result r = run(sc);
  // 2025: intake 100 × 0.9 = 90: regulier 1000 − 115 + 90 = 975.
  CHECK(at(r, "leerlingen_regulier", 0) == Approx(975));
}

TEST_CASE("referral policy factor with effectiveness", "[model][stromen]") {
  std::string sc = replace(kMjbScenario, "[indexatie]",
                           "[stromen.beleid]\nverwijzing_sbo_factor = { 2026 = 0.5 }\neffectiviteit = 0.8\n\n[indexatie]");
  Result r = run(sc);
  // 2025: before the first policy year the factor is 1.0: SBO 20 + 10 − 5 = 25.
  CHECK(at(r, "leerlingen_sbo", 0) == Approx(25));
  // 2026: factor applied 1 − 0.8 × 0.5 = 0.6: referral 985 × 0.01 × 0.6 = 5.91; SBO 25 + 5.91 − 6.25.
  CHECK(at(r, "leerlingen_sbo", 1) == Approx(24.66));
}

TEST_CASE("risks are not applied in deterministic mode but reported as verwachte_risicolast", "[model][risico]") {
  std::string sc = kMjbScenario + R"(
[[risico]]
code = "R1"
naam = "Groei SO"
kans = 0.25
impact = { verdeling = "driehoek", min = 0, modus = 60_000, max = 120_000 }
[[risico]]
code = "R2"
naam = "Korting"
kans = 0.5
impact = 10_000
jaren = [2026]
kant = "baten"
)";
  Result r = run(sc);
  // 0.25 × 60,000 (mean of driehoek 0/60k/120k) + 0.5 × 10,000 only in 2026.
  CHECK(r.expected_risk_cost == std::vector<double>{15'000, 20'000, 15'000});
  Result base = run(kMjbScenario);
  CHECK(at(r, "eigen_vermogen", 2) == Approx(at(base, "eigen_vermogen", 2)));
}
