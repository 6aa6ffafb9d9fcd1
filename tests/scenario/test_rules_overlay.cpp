// A rules file with `basis` (the SWV's own DUO beschikking over other rules) changes exactly the
// amounts it lists: two deterministic runs of the hand-computed MJB of test_mjb.cpp (without its
// policy rule, so nothing reacts to equity), one on the base rules and one on an overlay.
#include <catch2/catch.hpp>

#include <cmath>

#include "deterministic.h"
#include "helpers.h"
#include "report_terms.h"

using namespace swv;
using namespace swv::test;

extern const std::string kMjbScenario;

namespace {

// The MJB scenario without its spend-down rule, with `regels` pointing at regels.toml.
std::string plain_mjb() {
  std::string s = kMjbScenario;
  replace_all(s, "afbouw = { aandeel = 0.5 }", "");
  return s;
}

// Loads the plain MJB in a folder holding basis.toml (kRulesPo) and regels.toml (`overlay`).
LoadResult load_with_overlay(const std::string& overlay, std::string* dir_out = nullptr) {
  const std::string dir = temp_dir();
  write(dir, "basis.toml", kRulesPo);
  write(dir, "regels.toml", overlay);
  if (dir_out) *dir_out = dir;
  return load_scenario(write(dir, "scenario.toml", plain_mjb()));
}

void same_line(const Result& a, const Result& b, const std::string& code) {
  INFO(code);
  CHECK(line_of(a, code).realised == line_of(b, code).realised);
  CHECK(line_of(a, code).budget == line_of(b, code).budget);
}

}  // namespace

TEST_CASE("regels met basis: een afdracht schaalt met precies nieuw/oud bedrag, elke andere post blijft gelijk", "[regels][basis]") {
  LoadResult base = load_text(plain_mjb(), kRulesPo);
  INFO(errors(base));
  REQUIRE(base.scenario);
  LoadResult own = load_with_overlay("schema = \"swvsim-regels/1\"\nbasis = \"basis.toml\"\n[afdracht.sbo]\nbedrag = 6_000.0\n");
  INFO(errors(own));
  REQUIRE(own.scenario);
  const Result rb = run_deterministic(*base.scenario), ro = run_deterministic(*own.scenario);
  // 4.5.1b = bedrag × SBO: 5.000 → 6.000 per leerling, dus × 1,2 in elk jaar (SBO 20, 25, 28,6).
  const auto& ob = line_of(rb, "4.5.1b").realised;
  const auto& oo = line_of(ro, "4.5.1b").realised;
  REQUIRE(ob.size() == 3);
  const double sbo[] = {20, 25, 28.6};
  for (size_t y = 0; y < 3; ++y) {
    CHECK(ob[y] == Approx(5'000 * sbo[y]).epsilon(1e-12));
    CHECK(oo[y] == Approx(6'000 * sbo[y]).epsilon(1e-12));
    CHECK(oo[y] / ob[y] == Approx(6'000.0 / 5'000.0).epsilon(1e-12));
  }
  for (const char* code : {"3.1", "4.5.1a", "4.5.2", "4.1", "4.4"}) same_line(rb, ro, code);
  // The result moves by exactly the extra deduction, year by year.
  const auto& sb = rb.find("saldo")->mean;
  const auto& so = ro.find("saldo")->mean;
  for (size_t y = 0; y < 3; ++y) CHECK(so[y] - sb[y] == Approx(-1'000 * sbo[y]).epsilon(1e-9));
  // Which amounts are the SWV's own: the overlay's, named in the report.
  REQUIRE(own.scenario->rules.own == std::vector<std::string>{"afdracht.sbo.bedrag"});
  REQUIRE(own.scenario->rules.files.size() == 2);
  const std::vector<std::string> words = rules_words(*own.scenario);
  REQUIRE(words.size() == 1);
  CHECK(words[0] == "regels.toml: eigen bedragen voor afdracht SBO; de overige bedragen uit basis.toml");
  CHECK(rules_words(*base.scenario) == std::vector<std::string>{"regels.toml"});
}

TEST_CASE("regels met basis: sleutel voor sleutel, de grondslag blijft die van de basis", "[regels][basis]") {
  LoadResult base = load_text(plain_mjb(), kRulesPo);
  REQUIRE(base.scenario);
  LoadResult own = load_with_overlay("schema = \"swvsim-regels/1\"\nbasis = \"basis.toml\"\nnaam = \"Beschikking\"\n[ondersteuning.licht]\nnormbedrag = 120.0\n");
  INFO(errors(own));
  REQUIRE(own.scenario);
  REQUIRE(own.scenario->rules.support.size() == 2);
  CHECK(own.scenario->rules.support[0].basis == Basis::Regular);  // grondslag from the base
  const Result rb = run_deterministic(*base.scenario), ro = run_deterministic(*own.scenario);
  // 3.1 = 100 × regulier + 500 × (regulier + SBO); licht 100 → 120 adds 20 × regulier: the regular
  // counts at the teldatum of Y−1 are 1.000, 985 and 971,725 (test_mjb.cpp).
  const double regular[] = {1'000, 985, 971.725};
  for (size_t y = 0; y < 3; ++y)
    CHECK(line_of(ro, "3.1").realised[y] - line_of(rb, "3.1").realised[y] == Approx(20 * regular[y]).epsilon(1e-12));
  for (const char* code : {"4.5.1a", "4.5.1b", "4.5.2", "4.1", "4.4"}) same_line(rb, ro, code);
  CHECK(own.scenario->rules.name == "Beschikking");
  CHECK(own.scenario->rules.own == std::vector<std::string>{"ondersteuning.licht.normbedrag"});
}

TEST_CASE("regels met basis: een ingebouwde basis, en een bestand dat niets verandert geeft een waarschuwing", "[regels][basis]") {
  std::string dir;
  LoadResult same = load_with_overlay("schema = \"swvsim-regels/1\"\nbasis = \"basis.toml\"\n[afdracht.sbo]\nbedrag = 5_000.0\n", &dir);
  REQUIRE(same.scenario);
  const auto warnings = messages(same, Severity::Warning);
  CHECK(std::find(warnings.begin(), warnings.end(), "regels.toml: waarschuwing: dit regelsbestand verandert niets aan zijn basis (basis.toml)") !=
        warnings.end());
  // A built-in basis by name: the installed rules folder (source tree) holds po-2026.
  write(dir, "regels.toml", "schema = \"swvsim-regels/1\"\nbasis = \"po-2026\"\n[afdracht.so]\nlaag = { 2026 = 13_500.0 }\n");
  LoadResult builtin = load_scenario(dir + "/scenario.toml");
  INFO(errors(builtin));
  REQUIRE(builtin.scenario);
  CHECK(builtin.scenario->rules.deduct_so[0].at(2026) == 13'500.0);
  CHECK(builtin.scenario->rules.deduct_so[1].at(2024) == 21'053.23);  // midden: the built-in amount
  CHECK(rules_words(*builtin.scenario).front() == "regels.toml: eigen bedragen voor afdracht SO laag; de overige bedragen uit po-2026");
}
