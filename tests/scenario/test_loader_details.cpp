// Small reliability fixes of issue 24 in the loader and its messages: a number is echoed as the
// user wrote it (not C's "1e+13"), an unknown key is never told a key of the other sector, verwijder
// = true with other keys is an error, max_paden without precisie is refused like --max-paden without
// --precisie, and names with control characters or bytes that are no UTF-8 are shown as codes.
#include <catch2/catch.hpp>

#include "diagnostics.h"
#include "format_nl.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

TEST_CASE("numbers in messages: the shortest exact text, placed as written", "[format][getal]") {
  CHECK(num_exact(1e13) == "1e13");  // was "1e+13"
  CHECK(num_exact(1e20) == "1e20");
  CHECK(num_exact(-2.5e-7) == "-2.5e-7");
  CHECK(num_exact(1e-200) == "1e-200");
  CHECK(num_exact(100000) == "100000");
  CHECK(num_exact(2'500'000'000.0) == "2500000000");
  CHECK(num_exact(1.0000000001) == "1.0000000001");
  CHECK(num_exact(0.035) == "0.035");
  CHECK(num_exact(0.00001) == "0.00001");
  CHECK(num_exact(-2) == "-2");
  CHECK(num_exact(0) == "0");
  LoadResult r = load_text(std::string(kMinimalPo) + "[indexatie]\nloon = 1e13\nprijs = { verdeling = \"normaal\", gemiddelde = 0.02, sd = -1e-3 }\n");
  CHECK_THAT(errors(r), Catch::Contains("gevonden 1e13 in 2025"));
  CHECK_THAT(errors(r), Catch::Contains("sd moet >= 0 zijn, gevonden -0.001"));
}

TEST_CASE("an unknown key is told the keys of its own sector only", "[bad]") {
  std::string vo = kMinimalPo;
  replace_all(vo, "sector = \"po\"", "sector = \"vo\"");
  LoadResult r = load_text(vo + "[stromen.capaciteit]\nsb = 10\npro = 5\n", kRulesVo);
  const std::string e = errors(r);
  INFO(e);
  CHECK_THAT(e, !Catch::Contains("\"sbo\""));
  CHECK_THAT(e, !Catch::Contains("\"so\"?"));
}

TEST_CASE("verwijder = true with other keys, and max_paden without precisie, are errors", "[bad]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  write(dir, "basis.toml", std::string(kMinimalPo) + "[[post]]\ncode = \"1\"\nnaam = \"Projecten\"\nkant = \"lasten\"\nbedrag = 10_000\n");
  const LoadResult v = load_scenario(write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[[post]]\ncode = \"1\"\nverwijder = true\nnaam = \"x\"\nbedrag = 5\n"));
  CHECK_THAT(errors(v), Catch::Contains("post[1]: verwijder = true haalt post \"1\" weg; de andere sleutels (bedrag, naam) doen dan niets"));
  const LoadResult ok = load_scenario(write(dir, "weg.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[[post]]\ncode = \"1\"\nverwijder = true\n"));
  CHECK(ok.scenario);
  const LoadResult m = load_text(std::string(kMinimalPo) + "[simulatie]\nmax_paden = 5000\n");
  CHECK_THAT(errors(m), Catch::Contains("simulatie.max_paden: max_paden geldt alleen bij precisie op verzoek"));
  CHECK(load_text(std::string(kMinimalPo) + "[simulatie]\nmax_paden = 5000\nprecisie = 0.01\n").scenario);
}

TEST_CASE("escape_controls shows controls, bidirectional marks and bytes that are no UTF-8 as codes", "[format]") {
  CHECK(escape_controls("uit\x1b[2J") == "uit\\u001B[2J");
  CHECK(escape_controls("a\u202Eb") == "a\\u202Eb");
  CHECK(escape_controls("caf\xe9") == "caf\\xE9");  // Latin-1, as a file name may be
  CHECK(escape_controls("x\x9b" "2J") == "x\\x9B2J");
  CHECK(escape_controls("Fryslân €") == "Fryslân €");
}
