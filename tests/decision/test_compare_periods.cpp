// vergelijk over different planperiodes (last year's plan beside this year's): the years the files
// share, named; and two files that are not variants of each other. The scenarios below have no
// random input and no flows, so every path is the plan and every number is computed by hand.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "compare.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

namespace {

// Regulier 1.000, SBO 20, SO laag 10, no flows (no intake either: nothing leaves), rules kRulesPo.
std::string plan(int first, int last, const std::string& equity, const std::string& per_pupil, const std::string& staff,
                 const std::string& other) {
  return "schema = \"swvsim/1\"\n[swv]\nnaam = \"Plan " + std::to_string(first) + "\"\nsector = \"po\"\neerste_jaar = " + std::to_string(first) +
         "\nlaatste_jaar = " + std::to_string(last) + "\nregels = \"regels.toml\"\n[start]\neigen_vermogen = " + equity +
         "\n[start.leerlingen]\nregulier = 1000\nsbo = 20\nso = { laag = 10 }\n[indexatie]\nloon = 0.03\nprijs = 0.02\n"
         "[[post]]\ncode = \"3.1\"\nnaam = \"Ondersteuning\"\nkant = \"baten\"\nberekend = \"ondersteuning\"\n"
         "[[post]]\ncode = \"4.5.1a\"\nnaam = \"Afdracht SO\"\nkant = \"lasten\"\nberekend = \"afdracht_so\"\n"
         "[[post]]\ncode = \"4.5.1b\"\nnaam = \"Afdracht SBO\"\nkant = \"lasten\"\nberekend = \"afdracht_sbo\"\n"
         "[[post]]\ncode = \"4.5.2\"\nnaam = \"Schoolbesturen\"\nkant = \"lasten\"\nper_leerling = " + per_pupil + "\ngrondslag = \"totaal\"\n"
         "[[post]]\ncode = \"4.1\"\nnaam = \"Personeel\"\nkant = \"lasten\"\nbedrag = " + staff + "\nindexatie = \"loon\"\n"
         "[[post]]\ncode = \"4.4\"\nnaam = \"Overig\"\nkant = \"lasten\"\nbedrag = " + other + "\n";
}

}  // namespace

TEST_CASE("vergelijk: een plan van een jaar later, vergeleken over de gedeelde jaren", "[vergelijk][planperiode]") {
  // Last year's plan 2025–2027 from € 1.000.000. Each year: baten 3.1 = 100 × 1.000 + 500 × 1.020 =
  // 610.000; afdrachten 10 × 10.000 + 20 × 5.000 = 200.000; schoolbesturen 200 × 1.020 × F;
  // personeel 100.000 × 1,03^k; overig 50.000 × 1,02^k, with F = (1 + f)^k, f = 0,8915 × 3% +
  // 0,1085 × 2% = 2,8915%. 2025: saldo 610.000 − 200.000 − 204.000 − 100.000 − 50.000 = 56.000, so
  // equity 31-12-2025 = 1.056.000.
  // This year's plan 2026–2028 starts from 1.056.000 with its amounts in 2026 prices (200 × 1,028915
  // = 205,783 per pupil, 103.000 and 51.000): in 2026 and 2027 it is the same budget, line for line.
  const double f = 0.8915 * 0.03 + 0.1085 * 0.02;
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string last_year = write(dir, "vorig-jaar.toml", plan(2025, 2027, "1_000_000", "200", "100_000", "50_000"));
  const std::string this_year = write(dir, "dit-jaar.toml", plan(2026, 2028, "1_056_000", "205.783", "103_000", "51_000"));
  REQUIRE(run_cli("vergelijk '" + last_year + "' '" + this_year + "' --paden 64 --formaat json --stil --uit '" + dir + "/uit'", dir + "/log.txt") == 0);
  const auto j = nlohmann::json::parse(slurp(dir + "/uit/vergelijking.json"));
  CHECK(j["jaren"] == nlohmann::json({2026, 2027}));
  CHECK(j["basis"]["planperiode"] == nlohmann::json({2025, 2027}));
  const auto& v = j["varianten"][0];
  CHECK(v["planperiode"] == nlohmann::json({2026, 2028}));
  CHECK(v["variant_van_basis"] == false);
  const std::string said = j["vergeleken_over"];
  CHECK(said.find("Vergeleken over de jaren die de scenario's delen: 2026–2027") == 0);
  CHECK(said.find("\"Plan 2025\" 2025–2027, \"Plan 2026\" 2026–2028") != std::string::npos);
  // Equity 31-12-2026 = 1.056.000 + 610.000 − 200.000 − 204.000 (1 + f) − 103.000 − 51.000; 2027 on.
  const double eq26 = 1'056'000 + 610'000 - 200'000 - 204'000 * (1 + f) - 103'000 - 51'000;
  const double eq27 = eq26 + 610'000 - 200'000 - 204'000 * (1 + f) * (1 + f) - 106'090 - 52'020;
  for (const char* side : {"basis", "variant"}) {
    CHECK(v["eigen_vermogen"][side][0].get<double>() == Approx(eq26).margin(0.01));
    CHECK(v["eigen_vermogen"][side][1].get<double>() == Approx(eq27).margin(0.01));
  }
  // 205,783 is exactly 200 × 1,028915: the two plans are the same in 2026 and 2027.
  CHECK(std::fabs(v["eigen_vermogen"]["verschil"][1].get<double>()) < 0.01);
  CHECK(std::fabs(v["effecten"]["start"].get<double>()) < 0.01);  // both start the comparison at 1.056.000
  // The inputs that differ, named: the first year, the start equity, and the amounts in new prices.
  std::vector<std::string> keys;
  for (const auto& c : v["verschillen"]) keys.push_back(c["sleutel"]);
  for (const char* k : {"swv.eerste_jaar", "swv.laatste_jaar", "start.eigen_vermogen", "post[4.5.2].per_leerling", "post[4.1].bedrag"})
    CHECK(std::find(keys.begin(), keys.end(), k) != keys.end());
  const std::string first_sentence = v["samenvatting"][0];
  CHECK(first_sentence.rfind("Scenario \"Plan 2026\" wijkt op", 0) == 0);  // not a variant of the base
}

TEST_CASE("vergelijk: planperiodes zonder gedeeld jaar zijn een fout", "[vergelijk][planperiode]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string a = write(dir, "a.toml", plan(2025, 2026, "1_000_000", "200", "100_000", "50_000"));
  const std::string b = write(dir, "b.toml", plan(2027, 2028, "1_000_000", "200", "100_000", "50_000"));
  REQUIRE(run_cli("vergelijk '" + a + "' '" + b + "' --paden 64 --stil --uit '" + dir + "/uit'", dir + "/log.txt") == 2);
  std::string log = slurp(dir + "/log.txt");
  replace_all(log, dir + "/", "");
  CHECK(log == "swvsim: fout: de planperiodes hebben geen jaar gemeen (a.toml 2025–2026, b.toml 2027–2028); vergelijken kan alleen over gedeelde jaren\n");
}

TEST_CASE("restrict_years: een uitkomst over een deel van zijn jaren, met de start aan het eind van het jaar ervoor", "[vergelijk][planperiode]") {
  Result r;
  r.years = {2025, 2026, 2027};
  r.series.push_back({"eigen_vermogen", {10, 20, 30}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}});
  r.series.push_back({"algemene_reserve", {7, 8, 9}, {}, {}, {}, {}, {}});
  r.excessive = {{0.1, 0.2, 0.3}, {0.01, 0.02, 0.03}};
  LineResult l;
  l.code = "4.1", l.budget = {100, 103, 106.09}, l.realised = {90, 92.7, 95.481};
  r.lines.push_back(l);
  r.start_equity = 5, r.start_general_reserve = 4;
  const Result o = restrict_years(r, 2026, 2027);
  CHECK(o.years == std::vector<int>{2026, 2027});
  CHECK(o.find("eigen_vermogen")->mean == std::vector<double>{20, 30});
  CHECK(o.find("algemene_reserve")->p5.empty());  // not a per-year vector: left as it is
  CHECK(o.excessive.value == std::vector<double>{0.2, 0.3});
  CHECK(o.lines[0].realised == std::vector<double>{92.7, 95.481});
  CHECK(o.start_equity == 10);          // the mean equity on 31-12-2025
  CHECK(o.start_general_reserve == 7);  // and the algemene reserve then
  CHECK(restrict_years(r, 2025, 2025).start_equity == 5);
  CHECK_THROWS(restrict_years(r, 2024, 2026));

  PathTable t;
  t.paths = 2, t.years = 3;
  t.equity = {1, 2, 3, 4, 5, 6}, t.signal = t.equity, t.floor = t.equity;
  const PathTable c = restrict_years(t, 1, 2);
  CHECK(c.years == 2);
  CHECK(c.equity == std::vector<double>{2, 3, 5, 6});
}

TEST_CASE("vergelijk: twee bestanden met andere regels noemen de bedragen die verschillen, en hun effect", "[vergelijk][planperiode]") {
  // Both plan 2025–2027 with SBO 20 every year (no flows); the second has its own beschikking, an
  // afdracht of 6.000 instead of 5.000 per SBO pupil: 20.000 more a year, 60.000 less equity by 2027.
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  write(dir, "eigen.toml", "schema = \"swvsim-regels/1\"\nbasis = \"regels.toml\"\n[afdracht.sbo]\nbedrag = 6_000.0\n");
  const std::string a = write(dir, "a.toml", plan(2025, 2027, "1_000_000", "200", "100_000", "50_000"));
  std::string own = plan(2025, 2027, "1_000_000", "200", "100_000", "50_000");
  replace_all(own, "regels = \"regels.toml\"", "regels = \"eigen.toml\"");
  const std::string b = write(dir, "b.toml", own);
  REQUIRE(run_cli("vergelijk '" + a + "' '" + b + "' --paden 64 --formaat json --stil --uit '" + dir + "/uit'", dir + "/log.txt") == 0);
  const auto j = nlohmann::json::parse(slurp(dir + "/uit/vergelijking.json"));
  CHECK(j["vergeleken_over"].is_null());  // the same years
  const auto& v = j["varianten"][0];
  bool listed = false;
  for (const auto& c : v["verschillen"])
    if (c["sleutel"] == "afdracht.sbo.bedrag") {
      listed = true;
      REQUIRE(c["jaren"].size() == 3);
      CHECK(c["jaren"][0]["basis"] == "5.000");
      CHECK(c["jaren"][0]["variant"] == "6.000");
    }
  CHECK(listed);
  // In the report's words, under its topic.
  bool worded = false;
  for (const auto& g : v["groepen"])
    for (const auto& w : g["wijzigingen"])
      if (w["sleutel"] == "afdracht.sbo.bedrag") {
        worded = true;
        CHECK(g["groep"] == "Bekostiging en regels");
        CHECK(w["zin"] == "Afdracht DUO per SBO-leerling, 2025–2027: € 5.000 → € 6.000 (€ +1.000)");
      }
  CHECK(worded);
  bool explained = false;
  for (const auto& e : v["effecten"]["posten"])
    if (e["code"] == "4.5.1b") {
      explained = true;
      CHECK(e["verschil_totaal"].get<double>() == Approx(60'000).margin(0.01));
      CHECK(e["effect_eigen_vermogen"].get<double>() == Approx(-60'000).margin(0.01));
      CHECK(std::find(e["door"].begin(), e["door"].end(), "afdracht.sbo.bedrag") != e["door"].end());
    }
  CHECK(explained);
  CHECK(v["eigen_vermogen"]["verschil"][2].get<double>() == Approx(-60'000).margin(0.01));
}
