// Bad input beyond the catalogue: one file per mistake with its exact message lives in
// tests/catalogus/ (test_catalogue.cpp). Here the cases the catalogue cannot express: loading through
// the API (a folder or a missing file given directly, a private rules folder), several files at once
// (variant and basis), warnings and regressions; hostile input generated in code (40.000 nesting
// levels, invalid UTF-8, colliding stream ids, paths that cannot be followed) is in
// test_hostile_input.cpp. Messages are compared exactly, "<file>:<line>:<column>: fout: <key>:
// <message>", with the temporary folder stripped.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

using swv::test::load_text;
using swv::test::messages;
using swv::test::po_with_line;
using swv::test::temp_dir;
using swv::test::write;

namespace {

// The minimal valid po scenario (helpers.cpp): 11 lines, so appended text starts on line 12; the
// line numbers in the expected messages below depend on it.
const std::string kPo = swv::test::kMinimalPo;

using Msgs = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Distributions and per-year tables
// ---------------------------------------------------------------------------------------------

TEST_CASE("jaartabel met een jaartal buiten 1900-2200", "[bad]") {
  auto r = load_text(kPo + R"([stromen.beleid]
verwijzing_sbo_factor = { 2025 = 1.0, 2500 = 0.8 }
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) ==
        Msgs{R"(scenario.toml:13:46: fout: stromen.beleid.verwijzing_sbo_factor.2500: jaartal 2500 ligt buiten 1900–2200)"});
}

// ---------------------------------------------------------------------------------------------
// Schema line, required keys, planperiode
// ---------------------------------------------------------------------------------------------

TEST_CASE("verplichte sleutel ontbreekt (swv.naam)", "[bad]") {
  auto r = load_text(po_with_line(3, "# geen naam"));
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) ==
        Msgs{R"(scenario.toml:2:1: fout: swv: verplichte sleutel "naam" ontbreekt in [swv] (naam van het samenwerkingsverband (weergave)))"});
}

TEST_CASE("verkeerde schema-waarde", "[bad]") {
  auto r = load_text(po_with_line(1, R"(schema = "swvsim/2")"));
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{R"(scenario.toml:1:10: fout: schema: verwacht schema = "swvsim/1", gevonden tekst "swvsim/2")"});
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

TEST_CASE("onbekende ingebouwde regels in de meegeleverde map", "[bad]") {
  // The project's scenarios/regels (compiled-in default): the list grows with new years, so only
  // the start of the message and one known name are fixed here.
  auto r = load_text(po_with_line(7, R"(regels = "po-2052")"));
  CHECK_FALSE(r.scenario);
  auto m = messages(r);
  REQUIRE(m.size() == 1);
  CHECK_THAT(m[0], Catch::StartsWith(R"(scenario.toml:7:10: fout: swv.regels: onbekende ingebouwde regels "po-2052")"));
  CHECK_THAT(m[0], Catch::Contains("beschikbaar: ") && Catch::Contains("po-2025") &&
                       Catch::EndsWith("; of geef een pad naar een regelsbestand (eindigend op .toml)"));
}

TEST_CASE("regels van de andere sector", "[bad]") {
  auto r = load_text(kPo, R"(schema = "swvsim-regels/1"
sector = "vo"
[ondersteuning.regionaal]
normbedrag = 200.0
grondslag = "totaal"
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{R"(regels.toml:2:10: fout: sector: deze regels zijn voor sector vo, het scenario is po)"});
}

// ---------------------------------------------------------------------------------------------
// Budget lines, risks and policy
// ---------------------------------------------------------------------------------------------

TEST_CASE("post met bedrag én per_leerling", "[bad]") {
  auto r = load_text(kPo + R"([[post]]
code = "5"
naam = "Dubbel"
kant = "lasten"
bedrag = 10_000
per_leerling = 10
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{R"(scenario.toml:17:16: fout: post[5].per_leerling: een post heeft bedrag óf per_leerling, niet beide)"});
}

TEST_CASE("per_leerling zonder grondslag", "[bad]") {
  auto r = load_text(kPo + R"([[post]]
code = "6"
naam = "Per leerling"
kant = "lasten"
per_leerling = 10
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) ==
        Msgs{R"(scenario.toml:16:16: fout: post[6].per_leerling: per_leerling vraagt ook grondslag (regulier, sbo, so, pro, lwoo of totaal))"});
}

TEST_CASE("berekend = \"ondersteuning\" aan de lastenkant", "[bad]") {
  auto r = load_text(kPo + R"([[post]]
code = "1.1"
naam = "Ondersteuning"
kant = "lasten"
berekend = "ondersteuning"
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) ==
        Msgs{R"(scenario.toml:16:12: fout: post[1.1].berekend: berekend = "ondersteuning" hoort bij kant = "baten")"});
}

TEST_CASE("post zonder code", "[bad]") {
  auto r = load_text(kPo + R"([[post]]
naam = "Naamloos"
kant = "lasten"
bedrag = 10
)");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{R"(scenario.toml:12:1: fout: post[#1]: elke post heeft een code nodig ("code = ..."))"});
}

// ---------------------------------------------------------------------------------------------
// Files: syntax, encoding, missing, empty, directory
// ---------------------------------------------------------------------------------------------

TEST_CASE("een map in plaats van een bestand", "[bad]") {
  std::string dir = temp_dir();
  auto r = swv::load_scenario(dir);
  CHECK_FALSE(r.scenario);
  REQUIRE(r.diags.items().size() == 1);
  CHECK(r.diags.items()[0].format() == dir + ": fout: dit is een map, geen bestand; geef een .toml-bestand op");
}

TEST_CASE("bestand bestaat niet", "[bad]") {
  std::string dir = temp_dir();
  auto r = swv::load_scenario(dir + "/bestaat-niet.toml");
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{"bestaat-niet.toml: fout: bestand niet gevonden"});
}

// ---------------------------------------------------------------------------------------------
// Variants
// ---------------------------------------------------------------------------------------------

TEST_CASE("fouten in variant én basis worden allebei gemeld", "[bad]") {
  std::string dir = temp_dir();
  write(dir, "regels.toml", swv::test::kRulesPo);
  write(dir, "basis.toml", po_with_line(3, "naam = 5"));
  std::string v = write(dir, "variant.toml", R"(schema = "swvsim/1"
basis = "basis.toml"
[start]
eigen_vermogn = 2_000_000
)");
  auto r = swv::load_scenario(v);
  CHECK_FALSE(r.scenario);
  CHECK(messages(r) == Msgs{
                           R"(variant.toml:4:17: fout: start.eigen_vermogn: onbekende sleutel "eigen_vermogn" in [start] (bedoelde je "eigen_vermogen"?))",
                           R"(basis.toml:3:8: fout: swv.naam: verwacht tekst tussen aanhalingstekens, gevonden getal 5)",
                       });
}

TEST_CASE("variant zonder wijzigingen geeft een waarschuwing, geen fout", "[bad]") {
  std::string dir = temp_dir();
  write(dir, "regels.toml", swv::test::kRulesPo);
  write(dir, "basis.toml", kPo);
  std::string v = write(dir, "variant.toml", R"(schema = "swvsim/1"
basis = "basis.toml"
[start]
eigen_vermogen = 1_000_000
)");
  auto r = swv::load_scenario(v);
  CHECK(messages(r).empty());
  CHECK(r.scenario);
  CHECK(messages(r, swv::Severity::Warning) ==
        Msgs{"variant.toml: waarschuwing: deze variant verandert niets aan zijn basis (basis.toml)"});
}

// Regressions for defects the catalogue found (each fixed in sim/ with this test): what the
// catalogue's one file per case cannot show.

TEST_CASE("tekstlengte telt tekens, niet bytes", "[bad]") {
  std::string name;
  for (int i = 0; i < 600; ++i) name += "é";
  auto ok = load_text(po_with_line(3, "naam = \"" + name + "\""));
  CHECK(ok.scenario);
  std::string longer = name + name;  // 1200 characters
  auto r = load_text(po_with_line(3, "naam = \"" + longer + "\""));
  REQUIRE(!r.scenario);
  CHECK(messages(r) == Msgs{"scenario.toml:3:8: fout: swv.naam: tekst is te lang (1200 tekens; ten hoogste 1000)"});
}

TEST_CASE("verdeling voor een beleidsfactor verwijst naar effectiviteit", "[bad]") {
  auto r = load_text(kPo + "[stromen.beleid]\nverwijzing_sbo_factor = { verdeling = \"normaal\", gemiddelde = 0.8, sd = 0.1 }\n");
  REQUIRE(!r.scenario);
  CHECK(messages(r) == Msgs{"scenario.toml:13:25: fout: stromen.beleid.verwijzing_sbo_factor: hier is geen verdeling toegestaan, "
                            "alleen een getal of jaartabel (onzekere werking van beleid geef je met stromen.beleid.effectiviteit)"});
}
