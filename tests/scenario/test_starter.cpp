// swvsim nieuw's derivation (sim/scenario/starter.h): from the contract's example answers, a scenario
// that loads and whose deterministic plan holds the answered participation and krimp, checked by
// running the engine on the written file. Expected values are computed here by hand from the
// answers (the steady state of the flows, the first year's budget from the rules), never copied
// from the program.
#include <catch2/catch.hpp>

#include <cmath>

#include "answers.h"
#include "deterministic.h"
#include "helpers.h"
#include "starter.h"

using namespace swv;
using namespace swv::test;

namespace {

struct Written {
  std::string dir, scenario;
  LoadResult loaded;
  Result plan;
};

// Answers text -> files written by the derivation -> loaded and run deterministically.
Written write_and_run(const std::string& answers_text) {
  Written w;
  w.dir = temp_dir();
  const std::string path = write(w.dir, "antwoorden.toml", answers_text);
  Diagnostics d;
  const std::optional<Answers> a = read_answers(path, d);
  INFO((d.items().empty() ? std::string() : d.items().front().format()));
  REQUIRE(a);
  const std::optional<StarterPlan> p = derive_starter(*a, source_path("scenarios/regels"), d);
  INFO((d.items().empty() ? std::string() : d.items().front().format()));
  REQUIRE(p);
  const bool own = a->decision.any();
  const StarterFiles f = starter_files(*a, *p, own ? "scenario-regels.toml" : p->rules_name, p->rules_name);
  if (own) write(w.dir, "scenario-regels.toml", f.rules_overlay);
  w.scenario = write(w.dir, "scenario.toml", f.scenario);
  w.loaded = load_scenario(w.scenario);
  INFO(errors(w.loaded));
  REQUIRE(w.loaded.scenario);
  w.plan = run_deterministic(*w.loaded.scenario);
  return w;
}

const std::vector<double>& mean(const Result& r, const char* key) { return r.find(key)->mean; }

// The error messages of reading and deriving, with the folder removed.
std::vector<std::string> answer_errors(const std::string& text) {
  const std::string dir = temp_dir();
  const std::string path = write(dir, "antwoorden.toml", text);
  Diagnostics d;
  if (std::optional<Answers> a = read_answers(path, d)) derive_starter(*a, source_path("scenarios/regels"), d);
  std::vector<std::string> out;
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const auto& m : d.items()) {
    std::string s = m.format();
    replace_all(s, dir + "/", "");
    INFO(s);
    CHECK(doc.find(s) != std::string::npos);  // every message is documented, with this example
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("nieuw (po): de voorbeeldantwoorden geven een scenario dat elk jaar de deelname en de krimp houdt", "[nieuw]") {
  const Written w = write_and_run(example_answers(Sector::Po));
  const Result& r = w.plan;
  REQUIRE(r.years == std::vector<int>{2026, 2027, 2028, 2029, 2030});
  // Krimp 1% of the 18.950 BaO pupils of the last teldatum, every year.
  double regular = 18'950;
  for (size_t y = 0; y < 5; ++y) {
    regular *= 0.99;
    CHECK(mean(r, "leerlingen_regulier")[y] == Approx(regular).epsilon(1e-6));
    // The answered participation, well within the 0,1 point the contract asks.
    CHECK(mean(r, "deelname_sbo")[y] == Approx(0.020).margin(1e-5));
    CHECK(mean(r, "deelname_so")[y] == Approx(0.019).margin(1e-5));
  }
  // The referral rates, by hand. 2026 starts from the counts (SBO 390, 24% of it leaves):
  // (0,02/0,98 × 18.760,5 − 390 × 0,76) / 18.950. From 2027 the steady state of a 1% krimp:
  // SBO/BaO = 0,02/0,98 stays, so verwijzing = 0,02/0,98 × (0,24 − 0,01).
  const Scenario& sc = *w.loaded.scenario;
  const double p = 0.02 / 0.98;
  CHECK(sc.flows.refer_sbo.mean(2026) == Approx((p * 18'760.5 - 390 * 0.76) / 18'950).margin(5e-8));
  CHECK(sc.flows.refer_sbo.mean(2028) == Approx(p * 0.23).margin(5e-8));
  // SO: SO/BaO = 0,019/0,981 × (1 + p) stays; in: verwijzing × BaO + 0,02 × SBO; out 23%:
  // verwijzing = SO/BaO × (0,23 − 0,01) − p × 0,02, split 300/25/40 over the categories.
  const double so_steady = 0.019 / 0.981 * (1 + p) * 0.22 - p * 0.02;
  double so_2028 = 0;
  for (int c = 0; c < 3; ++c) so_2028 += sc.flows.refer_so[c].mean(2028);
  CHECK(so_2028 == Approx(so_steady).margin(2e-7));
  CHECK(sc.flows.refer_so[0].mean(2028) / so_2028 == Approx(300.0 / 365).epsilon(1e-4));

  // The first year's budget closes: amounts of po-2026 (2024 tables) carried to 2026 with the mean
  // funding index f = 0,8915 × 3% + 0,1085 × 2% for two years, plus the 2026 step of the zware
  // ondersteuning, € 9,80 per pupil of BaO + SBO (its own table starts in 2026: not indexed yet).
  const double F = std::pow(1 + 0.8915 * 0.03 + 0.1085 * 0.02, 2);
  const double income = (378.14 * 18'950 + 516.08 * (18'950 + 390)) * F + 9.80 * (18'950 + 390);
  const double so = (12'938.34 * 300 + 21'053.23 * 25 + 31'419.53 * 40) * F, sbo = 6'634.52 * 390 * F;
  CHECK(line_of(r, "3.1").realised[0] == Approx(income).epsilon(1e-12));
  CHECK(line_of(r, "4.5.1a").realised[0] == Approx(so).epsilon(1e-12));
  CHECK(line_of(r, "4.5.1b").realised[0] == Approx(sbo).epsilon(1e-12));
  const double staff = std::round(0.07 * income / 1000) * 1000, other = std::round(0.02 * income / 1000) * 1000;
  CHECK(line_of(r, "4.1").realised[0] == staff);
  CHECK(line_of(r, "4.4").realised[0] == other);
  // What remains goes to the school boards, per pupil in cents: the result of 2026 is 0 up to half
  // a cent per pupil.
  CHECK(std::fabs(mean(r, "saldo")[0]) <= 0.005 * 19'340);
  CHECK(w.loaded.scenario->start.equity == 2'400'000);
}

TEST_CASE("nieuw (vo): de voorbeeldantwoorden houden de deelname PrO en VSO en de krimp", "[nieuw]") {
  const Written w = write_and_run(example_answers(Sector::Vo));
  const Result& r = w.plan;
  double regular = 9'700;
  for (size_t y = 0; y < 5; ++y) {
    regular *= 0.99;
    CHECK(mean(r, "leerlingen_regulier")[y] == Approx(regular).epsilon(1e-6));
    CHECK(mean(r, "deelname_pro")[y] == Approx(0.030).margin(1e-5));
    CHECK(mean(r, "deelname_vso")[y] == Approx(0.038).margin(1e-5));
  }
  // Steady state: PrO leaves at 20%, VSO at 21% (19% uitstroom + 2% terugplaatsing).
  const Scenario& sc = *w.loaded.scenario;
  CHECK(sc.flows.refer_pro.mean(2029) == Approx(0.03 / 0.97 * (0.20 - 0.01)).margin(5e-8));
  double vso = 0;
  for (int c = 0; c < 3; ++c) vso += sc.flows.refer_so[c].mean(2029);
  CHECK(vso == Approx(0.038 / 0.962 * (0.21 - 0.01)).margin(2e-7));
  CHECK(sc.start.lwoo_share.mean(2026) == Approx(870.0 / 9'700).margin(5e-7));
}

TEST_CASE("nieuw: een deelname per jaar, lineair tussen de gegeven jaren", "[nieuw]") {
  std::string text = example_answers(Sector::Po);
  replace_all(text, "deelname_sbo = 0.020 ", "deelname_sbo = { 2026 = 0.020, 2030 = 0.016 } ");
  const Written w = write_and_run(text);
  const double expected[] = {0.020, 0.019, 0.018, 0.017, 0.016};
  for (size_t y = 0; y < 5; ++y) CHECK(mean(w.plan, "deelname_sbo")[y] == Approx(expected[y]).margin(1e-5));
}

TEST_CASE("nieuw: een eigen DUO-beschikking wordt een regelsbestand met basis, en telt in de begroting", "[nieuw]") {
  std::string text = example_answers(Sector::Po);
  text += "[beschikking]\njaar = 2026\nlicht = 380.12\nzwaar = 520.35\n";
  const Written w = write_and_run(text);
  const Rules& rules = w.loaded.scenario->rules;
  // zwaar of 2026 holds the 2026 step, so the overlay sets po-2026's zwaar_2026 to 0.
  CHECK(rules.own == std::vector<std::string>{"ondersteuning.licht.normbedrag", "ondersteuning.zwaar.normbedrag",
                                              "ondersteuning.zwaar_2026.normbedrag"});
  CHECK(rules.files.size() == 2);
  // 2026 uses the beschikking's amounts as given (no index in the first year).
  CHECK(line_of(w.plan, "3.1").realised[0] == Approx(380.12 * 18'950 + 520.35 * 19'340).epsilon(1e-12));
  CHECK(std::fabs(mean(w.plan, "saldo")[0]) <= 0.005 * 19'340);
}

TEST_CASE("nieuw: een bestemmingsreserve met onttrekking wordt een reserve en een post", "[nieuw]") {
  std::string text = example_answers(Sector::Po);
  text += "[[bestemmingsreserve]]\ncode = \"BR1\"\nnaam = \"Pilot thuiszitters\"\nstand = 200_000\nonttrekking = 80_000\n";
  const Written w = write_and_run(text);
  // 80.000 in 2026 and 2027, the rest (40.000) in 2028: the plan's result falls by that much.
  const double spend[] = {80'000, 80'000, 40'000, 0, 0};
  for (size_t y = 0; y < 5; ++y) CHECK(line_of(w.plan, "4.5.2r1").realised[y] == spend[y]);
  CHECK(std::fabs(mean(w.plan, "saldo")[0] + 80'000) <= 0.005 * 19'340);
  CHECK(mean(w.plan, "bestemmingsreserves")[2] == 0);
}

TEST_CASE("nieuw: antwoorden met fouten geven alle fouten met bestand, regel en sleutel", "[nieuw]") {
  CHECK(answer_errors("sector = \"po\"\nnaam = \"SWV Fout\"\neerste_jaar = 2026\nlaatste_jaar = 2030\neigen_vermogen = 1_000_000\n"
                      "[leerlingen]\nbao = 18_950\n[verwachting]\nkrimp_per_jaar = \"1%\"\n") ==
        std::vector<std::string>{
            "antwoorden.toml:7:7: fout: leerlingen.bao: onbekende sleutel \"bao\" in [leerlingen] (bedoelde je \"regulier\"? leerlingen in het "
            "basisonderwijs (BaO) heten hier regulier)",
            "antwoorden.toml:9:18: fout: verwachting.krimp_per_jaar: verwacht een getal of een jaartabel, gevonden tekst \"1%\"; schrijf 0.01 (een "
            "percentage schrijf je als fractie: 1% = 0.01, zonder aanhalingstekens)",
            "antwoorden.toml:6:1: fout: leerlingen: verplichte sleutel \"regulier\" ontbreekt in [leerlingen] (reguliere leerlingen (BaO, of VO "
            "zonder PrO))"});
  CHECK(answer_errors("sector = \"po\"\nnaam = \"SWV Fout\"\neerste_jaar = 2026\nlaatste_jaar = 2024\neigen_vermogen = 1_000_000\n"
                      "[leerlingen]\nregulier = 18_950\n[verwachting]\nkrimp_per_jaar = 0.01\n") ==
        std::vector<std::string>{"antwoorden.toml:4:16: fout: laatste_jaar: laatste_jaar (2024) ligt vóór eerste_jaar (2026)"});
}

TEST_CASE("nieuw: een deelname die niet te halen is, noemt het antwoord en wat wel kan", "[nieuw]") {
  std::string text = example_answers(Sector::Po);
  replace_all(text, "deelname_sbo = 0.020 ", "deelname_sbo = 0.005 ");
  // Without referrals SBO keeps 76% of its 390 pupils: 296,4 / (296,4 + 18.760,5) = 1,555...%.
  CHECK(answer_errors(text) ==
        std::vector<std::string>{"antwoorden.toml:19:16: fout: verwachting.deelname_sbo: een deelname van 0,50% in 2026 is niet te halen: zonder "
                                 "verwijzingen is ze dan nog 1,56% (de uitstroom is 24% per jaar, AANNAME, docs/starten.md); laat de deelname "
                                 "geleidelijk dalen, bijv. een jaartabel { 2026 = 0.0156, 2030 = 0.005 }"});
}
