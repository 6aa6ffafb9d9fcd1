// A small complete meerjarenbegroting over 3 years, computed by hand below (every number derived
// on paper from the scenario text, never copied from the program's output) and reproduced to the
// cent by the deterministic engine.
#include <catch2/catch.hpp>
#include <cmath>

#include "deterministic.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

// Shared with test_model.cpp, which varies it.
extern const std::string kMjbScenario;
const std::string kMjbScenario = R"(schema = "swvsim/1"
[swv]
naam = "Handberekening"
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
instroom = 100

[stromen]
verwijzing = { sbo = 0.01, so = { laag = 0.005 } }
uitstroom = { regulier = 0.1, sbo = 0.25, so = 0.2 }

[indexatie]
loon = 0.03
prijs = 0.02

[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"

[[post]]
code = "4.5.1a"
naam = "Afdracht SO"
kant = "lasten"
berekend = "afdracht_so"

[[post]]
code = "4.5.1b"
naam = "Afdracht SBO"
kant = "lasten"
berekend = "afdracht_sbo"

[[post]]
code = "4.5.2"
naam = "Schoolbesturen"
kant = "lasten"
per_leerling = 200
grondslag = "totaal"

[[post]]
code = "4.1"
naam = "Personeel"
kant = "lasten"
bedrag = 100_000
indexatie = "loon"
realisatie = 0.9

[[post]]
code = "4.4"
naam = "Overig"
kant = "lasten"
bedrag = 50_000
groep = "projecten"

[normen]
ondergrens = 200_000

[beleid]
afbouw = { aandeel = 0.5 }
)";

namespace {
const std::vector<double>& series(const Result& r, const char* key) { return r.find(key)->mean; }
}  // namespace

TEST_CASE("deterministic MJB over 3 years equals the hand computation to the cent", "[mjb]") {
  LoadResult lr = load_text(kMjbScenario);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Result r = run_deterministic(*lr.scenario);

  // Funding index (no bekostiging given): 0.8915 × 3% + 0.1085 × 2%.
  const double f = 0.8915 * 0.03 + 0.1085 * 0.02;  // 0.028915
  REQUIRE(f == Approx(0.028915).epsilon(1e-12));

  // 2025, counts of teldatum 2024: regulier 1000, SBO 20, SO laag 10; every index factor is 1.
  // 3.1 = 100 × 1000 + 500 × 1020; 4.5.1a = 10,000 × 10; 4.5.1b = 5,000 × 20; 4.5.2 = 200 × 1020;
  // 4.1 = 100,000 × 0.9 (realised; budget 100,000); 4.4 = 50,000.
  const double inc25 = 610'000, cost25 = 100'000 + 100'000 + 204'000 + 90'000 + 50'000;
  const double eq25 = 1'000'000 + inc25 - cost25;                 // 1,066,000
  const double spend26 = 0.5 * (eq25 - 250'000);                  // signal = minimum 250,000
  // Flows in 2025: regulier 1000 − 10 (SBO) − 5 (SO) − 100 (uit) + 100 instroom = 985;
  // SBO 20 + 10 − 5 = 25; SO 10 + 5 − 2 = 13.
  // 2026: 3.1 = 100 × 985 + 500 × 1010 = 603,500; 4.5.1a = 130,000; 4.5.1b = 125,000;
  // 4.5.2 = 200 × 1010 × (1 + f); 4.1 = 100,000 × 1.03 × 0.9; 4.4 = 50,000 × 1.02; afbouw spend26.
  const double inc26 = 603'500;
  const double cost26 = 130'000 + 125'000 + 200 * 1010 * (1 + f) + 92'700 + 51'000 + spend26;
  const double eq26 = eq25 + inc26 - cost26;
  const double spend27 = 0.5 * (eq26 - 250'000);
  // Flows in 2026: regulier 985 − 9.85 − 4.925 − 98.5 + 100 = 971.725; SBO 25 + 9.85 − 6.25 = 28.6;
  // SO 13 + 4.925 − 2.6 = 15.325.
  // 2027: 3.1 = 100 × 971.725 + 500 × 1000.325 = 597,335; 4.5.1a = 153,250; 4.5.1b = 143,000;
  // 4.5.2 = 200 × 1000.325 × (1 + f)²; 4.1 = 100,000 × 1.03² × 0.9; 4.4 = 50,000 × 1.02².
  const double inc27 = 597'335;
  const double cost27 = 153'250 + 143'000 + 200 * 1000.325 * (1 + f) * (1 + f) + 100'000 * 1.0609 * 0.9 + 50'000 * 1.0404 + spend27;
  const double eq27 = eq26 + inc27 - cost27;

  auto cents = [](double x) { return Approx(x).margin(0.005); };
  CHECK(series(r, "totale_baten")[0] == cents(inc25));
  CHECK(series(r, "totale_baten")[1] == cents(inc26));
  CHECK(series(r, "totale_baten")[2] == cents(inc27));
  CHECK(series(r, "totale_lasten")[0] == cents(cost25));
  CHECK(series(r, "totale_lasten")[1] == cents(cost26));
  CHECK(series(r, "totale_lasten")[2] == cents(cost27));
  CHECK(series(r, "saldo")[1] == cents(inc26 - cost26));
  CHECK(series(r, "eigen_vermogen")[0] == cents(eq25));
  CHECK(series(r, "eigen_vermogen")[1] == cents(eq26));
  CHECK(series(r, "eigen_vermogen")[2] == cents(eq27));
  CHECK(series(r, "signaleringswaarde")[2] == cents(250'000));
  CHECK(series(r, "kortingen")[2] == cents(0));

  // Line by line.
  auto line = [&](const char* code) -> const LineResult& {
    for (const auto& l : r.lines)
      if (l.code == code) return l;
    FAIL("no line " << code);
    return r.lines[0];
  };
  CHECK(line("3.1").realised[1] == cents(603'500));
  CHECK(line("4.5.1a").realised[2] == cents(153'250));
  CHECK(line("4.5.1b").realised[2] == cents(143'000));
  CHECK(line("4.5.2").realised[1] == cents(200 * 1010 * (1 + f)));
  CHECK(line("4.1").budget[2] == cents(100'000 * 1.0609));
  CHECK(line("4.1").realised[2] == cents(100'000 * 1.0609 * 0.9));
  CHECK(line("4.4").realised[2] == cents(52'020));
  CHECK(line("beleid.afbouw").realised[1] == cents(spend26));
  CHECK(line("beleid.afbouw").realised[2] == cents(spend27));
  CHECK(line("beleid.afbouw").side == Side::Cost);

  // Every euro on a line (scenario-format 14.3): the lines of each side add up to its total.
  for (size_t y = 0; y < 3; ++y) {
    double income = 0, costs = 0, reductions = 0;
    for (const auto& l : r.lines) (l.side == Side::Income ? income : l.side == Side::Cost ? costs : reductions) += l.realised[y];
    CHECK(income == cents(series(r, "totale_baten")[y]));
    CHECK(costs == cents(series(r, "totale_lasten")[y]));
    CHECK(reductions == cents(series(r, "kortingen")[y]));
  }

  // Pupils at the teldatum of each year.
  CHECK(series(r, "leerlingen_regulier")[0] == Approx(985));
  CHECK(series(r, "leerlingen_sbo")[0] == Approx(25));
  CHECK(series(r, "leerlingen_so")[0] == Approx(13));
  CHECK(series(r, "leerlingen_regulier")[1] == Approx(971.725));
  CHECK(series(r, "leerlingen_sbo")[1] == Approx(28.6));
  CHECK(series(r, "leerlingen_so")[1] == Approx(15.325));

  // Flags: equity far above 250,000 in every year; never below the floor or negative.
  CHECK(r.excessive.value == std::vector<double>{1, 1, eq27 > 250'000 ? 1.0 : 0.0});
  CHECK(r.below_floor.value == std::vector<double>{0, 0, eq27 < 200'000 ? 1.0 : 0.0});
  CHECK(r.negative.value == std::vector<double>{0, 0, 0});
  CHECK(r.excessive.std_error == std::vector<double>{0, 0, 0});
}
