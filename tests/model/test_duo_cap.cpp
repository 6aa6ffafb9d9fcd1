// DUO's cap per component (docs/domein.md section 4, model/duo_cap.h): SBO against the lichte
// ondersteuning with its overflow to the zware, SO/VSO against the zware with its overflow to the
// schools (never to licht), LWOO/PrO against its own budget with its overflow to licht and then the
// schools; the pooled cap when no component is licht, zwaar or lwoo_pro. One test per route, every
// amount by hand.
#include <catch2/catch.hpp>
#include <algorithm>

#include "deterministic.h"
#include "duo_cap.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

namespace {

// One year (2025): licht 100 × regulier, zwaar 500 × (regulier + SBO); SO laag 10,000, SBO 5,000.
std::string po(int regular, int sbo, int so_laag) {
  return std::string(R"(schema = "swvsim/1"
[swv]
naam = "Cap"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2025
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = )") + std::to_string(regular) + "\nsbo = " + std::to_string(sbo) + "\nso = { laag = " + std::to_string(so_laag) + R"( }
[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"
[[post]]
code = "SO"
naam = "Afdracht SO"
kant = "lasten"
berekend = "afdracht_so"
[[post]]
code = "SBO"
naam = "Afdracht SBO"
kant = "lasten"
berekend = "afdracht_sbo"
)";
}

// One year (2025), vo: regionaal 200 × 1050, LWOO/PrO budget 4,000 × 0.1 × 1050 = 420,000,
// zwaar 800 × 1050 = 840,000 (kRulesVo); LWOO/PrO 4,000 and VSO midden 20,000 per pupil.
std::string vo(const std::string& lwoo_share, int vso_midden) {
  return std::string(R"(schema = "swvsim/1"
[swv]
naam = "Cap"
sector = "vo"
eerste_jaar = 2025
laatste_jaar = 2025
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
pro = 50
lwoo_aandeel = )") + lwoo_share + "\nso = { midden = " + std::to_string(vso_midden) + R"( }
[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"
[[post]]
code = "VSO"
naam = "Afdracht VSO"
kant = "lasten"
berekend = "afdracht_so"
[[post]]
code = "LP"
naam = "Afdracht LWOO/PrO"
kant = "lasten"
berekend = "afdracht_lwoo_pro"
)";
}

Result run(const std::string& text, const std::string& rules) {
  LoadResult lr = load_text(text, rules);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return run_deterministic(*lr.scenario);
}

double real(const Result& r, const char* code) { return line_of(r, code).realised.at(0); }
bool capped(const Result& r) { return r.policy_fired.back().second.at(0) == 1.0; }

}  // namespace

TEST_CASE("DUO cap, po: SBO above licht overflows to zwaar, which carries it", "[model][cap]") {
  // licht 100 × 1000 = 100,000; zwaar 500 × 1100 = 550,000. SBO 100 × 5,000 = 500,000: 100,000 from
  // licht, 400,000 from zwaar; SO 10 × 10,000 = 100,000 from zwaar (500,000 of 550,000 used).
  Result r = run(po(1000, 100, 10), kRulesPo);
  CHECK(real(r, "SBO") == Approx(500'000));
  CHECK(real(r, "SO") == Approx(100'000));
  CHECK_FALSE(capped(r));
}

TEST_CASE("DUO cap, po: SBO's overflow and SO together above zwaar are cut in proportion", "[model][cap]") {
  // licht 100,000; zwaar 550,000. SBO 500,000: 100,000 from licht, 400,000 overflow; SO 20 × 10,000 =
  // 200,000. zwaar must carry 600,000 and holds 550,000: both cut by 11/12. SBO 100,000 + 400,000 ×
  // 11/12 = 466,666.67; SO 200,000 × 11/12 = 183,333.33; the schools pay 50,000.
  Result r = run(po(1000, 100, 20), kRulesPo);
  CHECK(real(r, "SBO") == Approx(100'000 + 400'000.0 * 11 / 12));
  CHECK(real(r, "SO") == Approx(200'000.0 * 11 / 12));
  CHECK(capped(r));
  // The SWV bears exactly licht + zwaar: equity = 1,000,000 + 650,000 − 650,000.
  CHECK(series_of(r, "eigen_vermogen")[0] == Approx(1'000'000));
}

TEST_CASE("DUO cap, po: SO above zwaar is paid by the schools, not taken from licht", "[model][cap]") {
  // licht 100 × 1000 = 100,000; zwaar 500 × 1010 = 505,000. SBO 10 × 5,000 = 50,000 from licht
  // (50,000 of licht left). SO 60 × 10,000 = 600,000 against zwaar 505,000: the SWV bears 505,000,
  // the schools 95,000; licht's 50,000 stays. (The pooled cap would have taken 605,000.)
  Result r = run(po(1000, 10, 60), kRulesPo);
  CHECK(real(r, "SBO") == Approx(50'000));
  CHECK(real(r, "SO") == Approx(505'000));
  CHECK(capped(r));
  CHECK(series_of(r, "eigen_vermogen")[0] == Approx(1'000'000 + 605'000 - 555'000));
}

TEST_CASE("DUO cap, vo: LWOO/PrO above its budget takes licht, VSO stays within zwaar", "[model][cap]") {
  // LWOO 8% of 1000 = 80 + PrO 50 = 130 × 4,000 = 520,000: 420,000 from its budget, 100,000 from
  // regionaal (210,000). VSO 2 × 20,000 = 40,000 from zwaar (840,000).
  Result r = run(vo("0.08", 2), kRulesVo);
  CHECK(real(r, "LP") == Approx(520'000));
  CHECK(real(r, "VSO") == Approx(40'000));
  CHECK_FALSE(capped(r));
}

TEST_CASE("DUO cap, vo: LWOO/PrO beyond its budget and licht is paid by the schools", "[model][cap]") {
  // LWOO 20% of 1000 = 200 + PrO 50 = 250 × 4,000 = 1,000,000: 420,000 from its budget, 210,000
  // from regionaal, 370,000 by the schools; zwaar (840,000) does not carry it. VSO 50 × 20,000 =
  // 1,000,000 against zwaar 840,000: 160,000 more by the schools.
  Result r = run(vo("0.2", 50), kRulesVo);
  CHECK(real(r, "LP") == Approx(630'000));
  CHECK(real(r, "VSO") == Approx(840'000));
  CHECK(capped(r));
  // The SWV bears all of its 1,470,000 income: equity stays at 1,000,000.
  CHECK(series_of(r, "eigen_vermogen")[0] == Approx(1'000'000));
}

TEST_CASE("DUO cap: components that name no pool fall back to the pooled cap, with a warning", "[model][cap]") {
  // One component "alles" (600 × 1010 = 606,000, no verrekening): SBO 50,000 + SO 600,000 =
  // 650,000 against 606,000: both scaled by 606/650.
  const std::string rules = R"(schema = "swvsim-regels/1"
sector = "po"
[ondersteuning.alles]
normbedrag = 600.0
grondslag = "totaal"
[afdracht.so]
laag = 10_000.0
midden = 20_000.0
hoog = 30_000.0
[afdracht.sbo]
drempel = 0.0
bedrag = 5_000.0
)";
  LoadResult lr = load_text(po(1000, 10, 60), rules);
  REQUIRE(lr.scenario);
  const auto w = messages(lr, Severity::Warning);
  CHECK(std::any_of(w.begin(), w.end(), [](const std::string& m) { return m.find("niet per component") != std::string::npos; }));
  Result r = run_deterministic(*lr.scenario);
  CHECK(real(r, "SBO") == Approx(50'000.0 * 606 / 650));
  CHECK(real(r, "SO") == Approx(600'000.0 * 606 / 650));
  CHECK(capped(r));
  // verrekening names the pool explicitly: "alles" as zwaar nets SO against it, SBO overflows to it.
  std::string named = rules;
  named.replace(named.find("grondslag = \"totaal\""), 20, "grondslag = \"totaal\"\nverrekening = \"zwaar\"");
  Result z = run(po(1000, 10, 60), named);
  // licht 0: SBO 50,000 overflows to zwaar; demand 650,000 on 606,000: the same proportion here.
  CHECK(real(z, "SO") == Approx(600'000.0 * 606 / 650));
}

TEST_CASE("DUO cap: the netting by hand, route by route", "[model][cap]") {
  // Pure function: budgets and deductions in, what the SWV bears and the schools pay out.
  DuoNetted n = net_per_component({100, 550, 0}, {500, 200, 0});
  CHECK(n.sbo == Approx(100 + 400.0 * 550 / 600));
  CHECK(n.so == Approx(200.0 * 550 / 600));
  CHECK(n.schools == Approx(50));
  n = net_per_component({100, 505, 0}, {50, 600, 0});  // SO overflow never takes licht's rest
  CHECK(n.so == 505);
  CHECK(n.sbo == 50);
  CHECK(n.schools == 95);
  n = net_per_component({210, 840, 420}, {0, 1000, 1000});  // LWOO/PrO: own budget, licht, schools
  CHECK(n.lwoo_pro == 630);
  CHECK(n.so == 840);
  CHECK(n.schools == 370 + 160);
  n = net_per_component({100, 500, 0}, {0, 0, 0});
  CHECK(n.schools == 0);
  n = net_pooled(606, {50, 600, 0});
  CHECK(n.sbo + n.so == Approx(606));
  CHECK(n.schools == Approx(44));
}
