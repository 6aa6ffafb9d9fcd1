// A rules amount past the end of its table, and the funding index made of wages and prices: the two
// rules the mutation list found unpinned (tools/mutaties.txt "regelsbedrag na de tabel niet
// doorgeïndexeerd", "indexatie: loon- en prijsaandeel verwisseld (getrokken bekostigingsindex)").
// docs/domein.md: an amount beyond the rules' last year is that year's amount carried by the
// bekostigingsindex; without indexatie.bekostiging the index is loon_aandeel × loon +
// (1 − loon_aandeel) × prijs, in the plan and in every Monte-Carlo path alike.
#include <catch2/catch.hpp>

#include "deterministic.h"
#include "helpers.h"
#include "mc.h"

using namespace swv;
using namespace swv::test;

namespace {

// 1000 regular pupils that stay 1000 (no intake, no outflow); only the lichte ondersteuning pays,
// 100 a pupil in 2025 and 110 in 2026, the table's last year. Wages rise 3%, prices 1% a year.
const char* kRules = R"(schema = "swvsim-regels/1"
sector = "po"
[ondersteuning.licht]
normbedrag = { 2025 = 100.0, 2026 = 110.0 }
grondslag = "regulier"
[ondersteuning.zwaar]
normbedrag = 0.0
grondslag = "totaal"
[afdracht.so]
laag = 0.0
midden = 0.0
hoog = 0.0
[afdracht.sbo]
drempel = 0.0
bedrag = 0.0
)";

const char* kScenario = R"(schema = "swvsim/1"
[swv]
naam = "Index na de tabel"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2028
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
[demografie]
instroom = 0
[stromen]
uitstroom = { regulier = 0 }
[indexatie]
loon = 0.03
prijs = 0.01
[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"
)";

// The funding index by hand: 0,8915 × 3% + 0,1085 × 1% = 2,783%.
constexpr double kFunding = 0.8915 * 0.03 + 0.1085 * 0.01;

}  // namespace

TEST_CASE("a rules amount past its table is the last year's amount carried by the bekostigingsindex", "[model][berekend][indexatie]") {
  LoadResult lr = load_text(kScenario, kRules);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Result r = run_deterministic(*lr.scenario);
  const LineResult& support = line_of(r, "3.1");
  CHECK(support.realised[0] == Approx(100'000));  // in the table
  CHECK(support.realised[1] == Approx(110'000));  // the table's last year
  CHECK(support.realised[2] == Approx(110'000 * (1 + kFunding)));  // 113.061,30
  CHECK(support.realised[3] == Approx(110'000 * (1 + kFunding) * (1 + kFunding)));
}

TEST_CASE("every Monte-Carlo path builds the bekostigingsindex from wages and prices as the plan does", "[mc][indexatie]") {
  LoadResult lr = load_text(kScenario, kRules);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 50;
  const Result m = run_monte_carlo(sc, {}, {2});
  // Fixed wages and prices: every path draws the same index, so the mean is the hand value exactly.
  const LineResult& support = line_of(m, "3.1");
  CHECK(support.realised[2] == Approx(110'000 * (1 + kFunding)).epsilon(1e-12));
  CHECK(support.realised[3] == Approx(110'000 * (1 + kFunding) * (1 + kFunding)).epsilon(1e-12));
}
