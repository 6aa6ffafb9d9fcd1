// Variant files written by the program (sim/scenario/overlay.h) and loading a file's text from memory
// (LoadOptions::text): the text is exact, valid TOML whatever the values hold, and loads like the
// same text saved to disk.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "deterministic.h"
#include "helpers.h"
#include "json_writer.h"
#include "overlay.h"
#include "sha256.h"

using namespace swv;
using namespace swv::test;

namespace {
OverlayValue table(std::vector<std::pair<std::string, OverlayValue>> items) {
  OverlayValue o;
  o.kind = OverlayValue::Kind::Table;
  o.table = std::move(items);
  return o;
}
}  // namespace

TEST_CASE("overlay: a value's TOML text keeps its kind and escapes what a text holds", "[overlay]") {
  CHECK(toml_value_text(OverlayValue::of_integer(200000)) == "200000");
  CHECK(toml_value_text(OverlayValue::of_integer(-7)) == "-7");
  CHECK(toml_value_text(OverlayValue::of_number(0.25)) == "0.25");
  CHECK(toml_value_text(OverlayValue::of_number(-0.005)) == "-0.005");
  CHECK(toml_value_text(OverlayValue::of_number(200000.0)) == "200000.0");  // a decimal stays a decimal
  CHECK(toml_value_text(OverlayValue::of_number(1.5e-5)) == "0.000015");
  CHECK(toml_value_text(OverlayValue::of_number(-2.5e-9)) == "-2.5e-09");  // tiny and huge: with an exponent
  CHECK(toml_value_text(OverlayValue::of_number(1e20)) == "1e+20");
  CHECK(toml_value_text(OverlayValue::of_number(0.0)) == "0.0");
  CHECK(toml_value_text(OverlayValue::of_number(0.1 + 0.2)) == "0.30000000000000004");  // exact: reads back the same double
  CHECK(toml_value_text(OverlayValue::of_bool(true)) == "true");
  CHECK(toml_value_text(OverlayValue::of_text("a \"b\" \\ c\nd\x01")) == "\"a \\\"b\\\" \\\\ c\\u000Ad\\u0001\"");
  CHECK(toml_value_text(table({{"verdeling", OverlayValue::of_text("normaal")}, {"gemiddelde", OverlayValue::of_number(-0.01)},
                               {"sd", OverlayValue::of_number(0.003)}})) == "{ verdeling = \"normaal\", gemiddelde = -0.01, sd = 0.003 }");
  CHECK(toml_value_text(table({{"2025", OverlayValue::of_integer(1)}, {"een sleutel", OverlayValue::of_integer(2)}})) ==
        "{ 2025 = 1, \"een sleutel\" = 2 }");
  OverlayValue list;
  list.kind = OverlayValue::Kind::List;
  list.list = {OverlayValue::of_integer(2026), OverlayValue::of_integer(2027)};
  CHECK(toml_value_text(list) == "[2026, 2027]");
  CHECK_THROWS_AS(toml_value_text(OverlayValue::of_number(std::numeric_limits<double>::quiet_NaN())), std::invalid_argument);
  CHECK_THROWS_AS(toml_value_text(OverlayValue::of_number(INFINITY)), std::invalid_argument);
  CHECK_THROWS_AS(toml_value_text(table({{"a", OverlayValue::of_integer(1)}, {"a", OverlayValue::of_integer(2)}})), std::invalid_argument);
}

TEST_CASE("overlay: the file groups changes per table and per code, with one-line comments", "[overlay]") {
  Overlay o;
  o.header = {"Variant van basis.toml", "twee\nregels"};
  o.basis = "basis.toml";
  o.changes = {{"demografie.groei", OverlayValue::of_number(-0.01), "krimp; in de basis -0.005"},
               {"risico[R1].kans", OverlayValue::of_number(0.5), ""},
               {"beleid.afbouw.aandeel", OverlayValue::of_number(0.25), ""},
               {"post[4.5.2\"x].naam", OverlayValue::of_text("Extra"), ""},
               {"demografie.onzekerheid", OverlayValue::of_integer(0), "regel\r\nbreuk"},
               {"post[4.5.2\"x].bedrag", OverlayValue::of_integer(200000), ""}};
  const std::string expected =
      "# Variant van basis.toml\n"
      "# twee regels\n"
      "\n"
      "schema = \"swvsim/1\"\n"
      "basis  = \"basis.toml\"\n"
      "\n[demografie]\n"
      "# krimp; in de basis -0.005\n"
      "groei = -0.01\n"
      "# regel  breuk\n"
      "onzekerheid = 0\n"
      "\n[[risico]]\n"
      "code = \"R1\"\n"
      "kans = 0.5\n"
      "\n[beleid.afbouw]\n"
      "aandeel = 0.25\n"
      "\n[[post]]\n"
      "code = \"4.5.2\\\"x\"\n"
      "naam = \"Extra\"\n"
      "bedrag = 200000\n";
  CHECK(overlay_text(o) == expected);
  // It is TOML, and each value reads back as written.
  const toml::table t = toml::parse(overlay_text(o));
  CHECK(t["demografie"]["groei"].value<double>() == -0.01);
  CHECK(t["risico"][0]["code"].value<std::string>() == "R1");
  CHECK(t["post"][0]["code"].value<std::string>() == "4.5.2\"x");
  CHECK(t["beleid"]["afbouw"]["aandeel"].value<double>() == 0.25);
}

TEST_CASE("overlay: keys it cannot write are refused, not written wrongly", "[overlay]") {
  auto text_with = [](const std::string& key) {
    Overlay o;
    o.basis = "b.toml";
    o.changes = {{key, OverlayValue::of_integer(1), ""}};
    return overlay_text(o);
  };
  CHECK_THROWS_AS(text_with("basis"), std::invalid_argument);
  CHECK_THROWS_AS(text_with("schema"), std::invalid_argument);
  CHECK_THROWS_AS(text_with("a..b"), std::invalid_argument);
  CHECK_THROWS_AS(text_with("[R1].kans"), std::invalid_argument);
  CHECK_THROWS_AS(text_with("risico[R1]"), std::invalid_argument);
  CHECK_THROWS_AS(text_with("risico[R1].code"), std::invalid_argument);
  Overlay twice;
  twice.basis = "b.toml";
  twice.changes = {{"a.b", OverlayValue::of_integer(1), ""}, {"a.b", OverlayValue::of_integer(2), ""}};
  CHECK_THROWS_AS(overlay_text(twice), std::invalid_argument);
}

TEST_CASE("overlay: a TOML value converts to the same text the file holds", "[overlay]") {
  const toml::table t = toml::parse("a = { verdeling = \"pert\", min = 0.1, modus = 0.2, max = 0.4 }\nb = [2026, 2027]\nc = { 2025 = 60_000, 2027 = 0 }\n");
  CHECK(toml_value_text(overlay_value_of(*t.get("a"))) == "{ verdeling = \"pert\", min = 0.1, modus = 0.2, max = 0.4 }");
  CHECK(toml_value_text(overlay_value_of(*t.get("b"))) == "[2026, 2027]");
  CHECK(toml_value_text(overlay_value_of(*t.get("c"))) == "{ 2025 = 60000, 2027 = 0 }");
}

TEST_CASE("loading a text in memory equals loading the same text from the file", "[overlay][loader]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  write(dir, "basis.toml", kMinimalPo);
  const std::string variant = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[start]\neigen_vermogen = 123_456\n";
  const std::string path = dir + "/variant.toml";
  LoadOptions o;
  o.text = variant;
  const LoadResult in_memory = load_scenario(path, o);  // no file at `path` yet
  INFO(errors(in_memory));
  REQUIRE(in_memory.scenario);
  write(dir, "variant.toml", variant);
  const LoadResult from_file = load_scenario(path);
  REQUIRE(from_file.scenario);
  CHECK(in_memory.scenario->files == from_file.scenario->files);
  CHECK(in_memory.scenario->files_sha256 == from_file.scenario->files_sha256);
  CHECK(in_memory.scenario->files_sha256.back() == sha256_hex(variant));
  CHECK(in_memory.scenario->start.equity == 123456);
  // The whole result, provenance included, is the same (but for the time it took: a loaded machine
  // can make the two runs differ by a millisecond).
  Result a = run_deterministic(*in_memory.scenario), b = run_deterministic(*from_file.scenario);
  a.seconds = b.seconds = 0;
  CHECK(result_json(a, nullptr) == result_json(b, nullptr));
  // The file on disk is not read when a text is given.
  o.text = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[start]\neigen_vermogen = 7\n";
  const LoadResult other = load_scenario(path, o);
  REQUIRE(other.scenario);
  CHECK(other.scenario->start.equity == 7);
}

TEST_CASE("loading a text in memory gives the loader's own messages, naming the path", "[overlay][loader]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  write(dir, "basis.toml", kMinimalPo);
  LoadOptions o;
  o.text = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[start]\neigen_vermogen = \"veel\"\n";
  const LoadResult r = load_scenario(dir + "/variant.toml", o);
  CHECK_FALSE(r.scenario);
  const auto m = messages(r);
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("variant.toml:4:", 0) == 0);
  CHECK(m[0].find("start.eigen_vermogen") != std::string::npos);
  o.text = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[start\n";
  const LoadResult syntax = load_scenario(dir + "/variant.toml", o);
  CHECK_FALSE(syntax.scenario);
  CHECK(errors(syntax).find("variant.toml:3") != std::string::npos);
}
