// Hostile input (split from test_bad_input.cpp, which has the plain mistakes): nesting tens of
// thousands of levels deep, integers beyond 2^53, characters in names, numbers in messages, paths,
// colliding stream ids, invalid UTF-8 and TOML errors in Dutch; and one command-line case (vergelijk
// warns only when a variant itself picks another seed or path count). Messages are compared exactly,
// with the temporary folder stripped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <string>
#include <vector>

#include "helpers.h"
#include "stream_id.h"

using swv::test::load_text;
using swv::test::messages;
using swv::test::po_with_line;
using swv::test::replace_all;
using swv::test::temp_dir;
using swv::test::write;

namespace {

namespace fs = std::filesystem;

// The minimal valid po scenario (helpers.cpp): 11 lines, so appended text starts on line 12; the
// line numbers in the expected messages below depend on it.
const std::string kPo = swv::test::kMinimalPo;

using Msgs = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Hostile input: nesting, big integers, characters in names, messages, paths, stream ids
// ---------------------------------------------------------------------------------------------

namespace {

std::string repeat_joined(const std::string& part, const std::string& sep, int n) {
  std::string s;
  s.reserve(n * (part.size() + sep.size()));
  for (int i = 0; i < n; ++i) s += (i ? sep : "") + part;
  return s;
}

const std::string kDeepKey =
    "te diep genest: deze sleutel ligt meer dan 32 niveaus diep (delen tussen punten, samen met de tabelkop en omringende { } of [ ]); "
    "een scenario heeft er hoogstens 8 nodig";
const std::string kDeepValue =
    "te diep genest: meer dan 32 niveaus van lijsten [ ] en tabellen { } in elkaar (samen met de sleutel ervoor); een scenario heeft er "
    "hoogstens 8 nodig";

}  // namespace

TEST_CASE("sleutel, tabelkop of nesting van 40.000 niveaus: een fout, geen stack-overloop", "[bad][nesting]") {
  // An 80 KB file of one dotted key overflowed the stack inside toml++ (exit 139).
  SECTION("gestippelde sleutel") {
    auto r = load_text("schema = \"swvsim/1\"\n" + repeat_joined("a", ".", 40'000) + " = 1\n");
    CHECK(messages(r) == Msgs{"scenario.toml:2:64: fout: " + kDeepKey});
  }
  SECTION("tabelkop") {
    auto r = load_text("schema = \"swvsim/1\"\n[[" + repeat_joined("a", ".", 40'000) + "]]\n");
    // [[ counts one level (an array of tables): the 31st dot is the 33rd level, at column 2 + 2 × 31.
    CHECK(messages(r) == Msgs{"scenario.toml:2:64: fout: te diep genest: deze tabelkop heeft meer dan 32 niveaus (delen tussen punten); "
                              "een scenario heeft er hoogstens 3 nodig"});
  }
  SECTION("inline tabellen in elkaar") {
    std::string v = "x = " + repeat_joined("{a=", "", 40'000) + "1" + std::string(40'000, '}') + "\n";
    auto r = load_text("schema = \"swvsim/1\"\n" + v);
    // x is level 1 (its table too); the a inside the k-th { is level k + 1: the '=' after the 32nd a
    // (column 4 + 3 × 32) is where the key reaches level 33.
    CHECK(messages(r) == Msgs{"scenario.toml:2:100: fout: " + kDeepKey});
  }
  SECTION("lijsten in elkaar") {
    auto r = load_text("schema = \"swvsim/1\"\nx = " + std::string(40'000, '[') + std::string(40'000, ']') + "\n");
    CHECK(messages(r) == Msgs{"scenario.toml:2:36: fout: " + kDeepValue});
  }
  SECTION("via basis") {
    std::string dir = temp_dir();
    write(dir, "diep.toml", "schema = \"swvsim/1\"\n" + repeat_joined("b", ".", 40'000) + " = 1\n");
    auto r = swv::load_scenario(write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"diep.toml\"\n"));
    CHECK(messages(r) == Msgs{"diep.toml:2:64: fout: " + kDeepKey});
  }
  SECTION("via regels") {
    auto r = load_text(kPo, "schema = \"swvsim-regels/1\"\n[" + repeat_joined("c", ".", 40'000) + "]\n");
    CHECK(messages(r) == Msgs{"regels.toml:2:65: fout: te diep genest: deze tabelkop heeft meer dan 32 niveaus (delen tussen punten); "
                              "een scenario heeft er hoogstens 3 nodig"});
  }
}

TEST_CASE("de nestingtoets telt punten en haken in tekst en commentaar niet mee", "[bad][nesting]") {
  const std::string dots = repeat_joined("x", ".", 100), open(100, '['), curly(100, '{');
  std::string text = kPo;
  replace_all(text, "naam = \"Test\"", "naam = \"" + dots + open + "\" # " + open + curly + dots);
  text += "[\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h\".'x.y']\n";  // 2 parts, quoted
  auto r = load_text(text);
  // Only the unknown section is wrong: no nesting error from the quoted dots and brackets.
  REQUIRE(messages(r).size() == 1);
  CHECK_THAT(messages(r)[0], Catch::Contains("onbekende sleutel \"a.b.c.d.e"));
  // Multi-line strings (with an escaped quote and a run of closing quotes) and a multi-line array.
  std::string ml = kPo;
  replace_all(ml, "[start]", "omschrijving = \"\"\"\n" + dots + "\\\"\"\" " + open + "\n" + curly + "\"\"\"\"\"\n[start]");
  ml += "[indexatie]\ncorrelatie = [\n  [1.0, 0.0, 0.0], # [[[[\n  [0.0, 1.0, 0.0],\n  [0.0, 0.0, 1.0],\n]\n";
  auto ok = load_text(ml);
  INFO(swv::test::errors(ok));
  CHECK(ok.scenario);
  CHECK(ok.scenario->description == dots + "\"\"\" " + open + "\n" + curly + "\"\"");
}

TEST_CASE("32 niveaus mag, 33 niet", "[bad][nesting]") {
  // [extra] is level 1: a key of 31 more parts reaches 32 and is only an unknown key; the 31st dot
  // of a key of 32 parts (column 62) makes level 33.
  auto at_limit = load_text(kPo + "[extra]\n" + repeat_joined("k", ".", 31) + " = 1\n");
  CHECK(messages(at_limit) == Msgs{"scenario.toml:12:1: fout: extra: onbekende sleutel \"extra\""});
  auto over = load_text(kPo + "[extra]\n" + repeat_joined("k", ".", 32) + " = 1\n");
  CHECK(messages(over) == Msgs{"scenario.toml:13:62: fout: " + kDeepKey});
}

TEST_CASE("gehele getallen boven 2^53 worden niet als 0 gelezen", "[bad][getal]") {
  // toml++ gives no double for them; they slipped past the 1e13 limit as 0.
  auto r = load_text(kPo + "[[post]]\ncode = \"1\"\nnaam = \"x\"\nkant = \"lasten\"\nbedrag = { verdeling = \"uniform\", min = 0, max = 9007199254740993 }\n");
  CHECK(messages(r) == Msgs{"scenario.toml:16:50: fout: post[1].bedrag.max: getal 9.007.199.254.740.993 is onredelijk groot (ten hoogste "
                            "10.000.000.000.000)"});
  // A whole number that fits is read exactly (not through a rounded double of the wrong size).
  auto ok = load_text(po_with_line(9, "eigen_vermogen = 9_999_999_999_999"));
  REQUIRE(ok.scenario);
  CHECK(ok.scenario->start.equity == 9'999'999'999'999.0);
  // Years in a list of years and in a rules file go through the same check.
  auto rules = load_text(kPo, std::string(swv::test::kRulesPo) + "[indexatie]\nloon_aandeel = 9223372036854775807\n");
  CHECK_THAT(swv::test::errors(rules), Catch::Contains("indexatie.loon_aandeel: getal 9.223.372.036.854.775.807 is onredelijk groot"));
}

TEST_CASE("meldingen tonen getallen zoals geschreven", "[bad][getal]") {
  auto rate = load_text(kPo + "[stromen.uitstroom]\nregulier = 1.0000000001\n");
  CHECK(messages(rate) == Msgs{"scenario.toml:13:12: fout: stromen.uitstroom.regulier: moet fractie in [0, 1] zijn, gevonden 1.0000000001"});
  auto diag = load_text(kPo + "[indexatie]\ncorrelatie = [[0.9999999999, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]\n");
  CHECK(messages(diag) == Msgs{"scenario.toml:13:14: fout: indexatie.correlatie: de diagonaal van de correlatiematrix moet 1 zijn, gevonden "
                               "0.9999999999 op plaats 1"});
  auto big = load_text(po_with_line(9, "eigen_vermogen = 1.5e13"));
  CHECK(messages(big) == Msgs{"scenario.toml:9:18: fout: start.eigen_vermogen: getal 15.000.000.000.000 is onredelijk groot (ten hoogste "
                              "10.000.000.000.000)"});
}

TEST_CASE("stuur-, richtings- en niet-tekens in namen worden geweigerd", "[bad][tekst]") {
  const std::string tail = "; zulke tekens zijn niet toegestaan in namen en teksten (ze verstoren terminal, rapport en werkmap): verwijder het";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xC2\x9B", "het stuurteken U+009B"},
      {"\\u0080", "het stuurteken U+0080"},
      {"\xE2\x80\xAA", "het richtingsteken U+202A (het keert tekst onzichtbaar om of verschuift hem)"},
      {"\\u2066", "het richtingsteken U+2066 (het keert tekst onzichtbaar om of verschuift hem)"},
      {"\\u2069", "het richtingsteken U+2069 (het keert tekst onzichtbaar om of verschuift hem)"},
      {"\xE2\x80\x8F", "het richtingsteken U+200F (het keert tekst onzichtbaar om of verschuift hem)"},
      {"\\u2028", "het regelscheidingsteken U+2028"},
      {"\xEF\xBF\xBF", "het niet-teken U+FFFF (geen geldig teken in Unicode)"},
      {"\\uFDD0", "het niet-teken U+FDD0 (geen geldig teken in Unicode)"},
      {"\\U0001FFFE", "het niet-teken U+1FFFE (geen geldig teken in Unicode)"},
  };
  for (const auto& [ch, what] : cases) {
    INFO(what);
    auto r = load_text(kPo + "[[risico]]\ncode = \"R\"\nnaam = \"a" + ch + "b\"\nkans = 0.1\nimpact = 5\n");
    CHECK(messages(r) == Msgs{"scenario.toml:14:8: fout: risico[R].naam: tekst bevat " + what + tail});
  }
  // Ordinary non-ASCII text stays allowed (accents, dashes, €, symbols).
  auto ok = load_text(po_with_line(3, "naam = \"Passend Onderwijs Zuid-Limburg – één € ✓\""));
  CHECK(ok.scenario);
}

TEST_CASE("meldingen drukken geen stuur-, richtings- of niet-tekens af", "[bad][tekst]") {
  swv::Diagnostic d;
  d.where = {"a\xC2\x9B" "b.toml", 3, 1, "k\xE2\x80\xAE"};
  d.message = "onbekende sleutel \"x\tz\xEF\xBF\xBE\xF0\x9F\xBF\xBF\xE2\x81\xA6\" (\xC3\xA9\xE2\x82\xAC)";
  CHECK(d.format() == "a\\u009Bb.toml:3:1: fout: k\\u202E: onbekende sleutel \"x\\u0009z\\uFFFE\\U0001FFFF\\u2066\" (\xC3\xA9\xE2\x82\xAC)");
}

TEST_CASE("paden die niet te volgen zijn: zeggen wat er mis is", "[bad][pad]") {
  std::string dir = temp_dir();
  fs::create_symlink("lus-b", dir + "/lus-a");
  fs::create_symlink("lus-a", dir + "/lus-b");
  const std::string loop = "het pad kan niet worden gevolgd: te veel symbolische koppelingen na elkaar (een kring van koppelingen?)";
  // All messages with the temporary folder removed.
  auto all = [&](const swv::LoadResult& r) {
    Msgs out;
    for (const auto& d : r.diags.items()) {
      std::string s = d.format();
      replace_all(s, dir + "/", "");
      out.push_back(s);
    }
    return out;
  };
  SECTION("scenario") {
    auto r = swv::load_scenario(dir + "/lus-a");
    CHECK(all(r) == Msgs{"lus-a: fout: " + loop});
  }
  SECTION("basis") {
    auto r = swv::load_scenario(write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"lus-a/basis.toml\"\n"));
    CHECK(all(r) == Msgs{"lus-a/basis.toml: fout: " + loop + " (genoemd bij basis in variant.toml:2)"});
  }
  SECTION("regels") {
    std::string text = kPo;
    replace_all(text, "regels = \"regels.toml\"", "regels = \"lus-b/regels.toml\"");
    auto r = swv::load_scenario(write(dir, "scenario.toml", text));
    CHECK(all(r) == Msgs{"lus-b/regels.toml: fout: " + loop + " (genoemd bij swv.regels in scenario.toml:7)"});
  }
  SECTION("ingebouwde regels met een te lange naam: geen uitzondering") {
    std::string text = kPo;
    replace_all(text, "regels = \"regels.toml\"", "regels = \"" + std::string(300, 'n') + "\"");
    auto r = swv::load_scenario(write(dir, "scenario.toml", text), {dir});
    CHECK(all(r) == Msgs{std::string(300, 'n') + ".toml: fout: het pad is te lang (een deel van het pad mag ten hoogste 255 tekens hebben, "
                                                   "het hele pad 4095) (genoemd bij swv.regels in scenario.toml:7)"});
  }
  fs::remove_all(dir);
}

TEST_CASE("vergelijk waarschuwt alleen als een variant zelf ander zaad of andere paden kiest", "[bad][cli]") {
  std::string dir = temp_dir();
  write(dir, "regels.toml", swv::test::kRulesPo);
  std::string base = write(dir, "basis.toml", kPo + "[[post]]\ncode = \"1\"\nnaam = \"x\"\nkant = \"lasten\"\nbedrag = { verdeling = \"normaal\", gemiddelde = 100, sd = 10 }\n");
  std::string same = write(dir, "zelfde.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[start]\neigen_vermogen = 900_000\n");
  std::string seed = write(dir, "zaad.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[simulatie]\nzaad = 99\n");
  const std::string warning = "waarschuwing: vergelijk gebruikt zaad en paden van de basis";
  // --paden applies to every file: the variant that sets neither is not warned about.
  CHECK(swv::test::run_cli("vergelijk " + base + " " + same + " --paden 20 --stil --uit " + dir + "/uit1", dir + "/log1.txt") == 0);
  CHECK(swv::test::slurp(dir + "/log1.txt").find(warning) == std::string::npos);
  // A variant with its own zaad is.
  CHECK(swv::test::run_cli("vergelijk " + base + " " + seed + " --paden 20 --stil --uit " + dir + "/uit2", dir + "/log2.txt") == 0);
  CHECK_THAT(swv::test::slurp(dir + "/log2.txt"), Catch::Contains("zaad.toml: " + warning + " (1, 20 paden)"));
  fs::remove_all(dir);
}

namespace {

// Two risk codes whose stream keys "risico[CODE]" share a 32-bit FNV-1a id, found by brute force
// (birthday bound: a few hundred thousand candidates give several pairs). First < second.
std::pair<std::string, std::string> colliding_risk_codes() {
  std::unordered_map<uint32_t, std::string> seen;
  // Codes from a mixed counter (splitmix64): sequential codes differ only in their last bytes, where
  // FNV-1a hardly ever collides.
  for (uint64_t i = 0; i < 2'000'000; ++i) {
    uint64_t z = (i + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    std::string code = "R" + std::to_string(z ^ (z >> 31));
    auto [it, added] = seen.emplace(swv::stream_id("risico[" + code + "]"), code);
    if (!added) return std::minmax(it->second, code);
  }
  FAIL("geen botsing gevonden");
  return {};
}

std::string risk(const std::string& code) { return "[[risico]]\ncode = \"" + code + "\"\nnaam = \"r\"\nkans = 0.5\nimpact = 1000\n"; }

}  // namespace

TEST_CASE("stroom-ids: twee sleutels met dezelfde FNV-hash krijgen toch eigen trekkingen", "[bad][stroom]") {
  const auto [first, second] = colliding_risk_codes();
  const std::string k1 = "risico[" + first + "]", k2 = "risico[" + second + "]";
  REQUIRE(swv::stream_id(k1) == swv::stream_id(k2));
  INFO(k1 + " en " + k2);

  SECTION("één bestand: de eerste sleutel (op tekst) houdt zijn id, de andere krijgt id(sleutel#1)") {
    auto r = load_text(kPo + risk(second) + risk(first));
    REQUIRE(r.scenario);
    const auto& risks = r.scenario->risks;
    REQUIRE(risks.size() == 2);
    const auto& r1 = risks[0].code == first ? risks[0] : risks[1];
    const auto& r2 = risks[0].code == first ? risks[1] : risks[0];
    CHECK(r1.driver == swv::stream_id(k1));
    CHECK(r2.driver == swv::stream_id(k2 + "#1"));
    CHECK(r1.driver != r2.driver);
    // The same result again: the resolution is deterministic.
    auto again = load_text(kPo + risk(first) + risk(second));
    REQUIRE(again.scenario);
    for (const auto& x : again.scenario->risks) CHECK(x.driver == (x.code == first ? r1.driver : r2.driver));
  }

  SECTION("een variant houdt de trekkingen van zijn basis, ook als zijn nieuwe sleutel eerder komt") {
    std::string dir = temp_dir();
    write(dir, "regels.toml", swv::test::kRulesPo);
    auto base = swv::load_scenario(write(dir, "basis.toml", kPo + risk(second)));
    auto var = swv::load_scenario(write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n" + risk(first)));
    REQUIRE(base.scenario);
    REQUIRE(var.scenario);
    REQUIRE(var.scenario->risks.size() == 2);
    const uint32_t base_id = base.scenario->risks.at(0).driver;
    CHECK(base_id == swv::stream_id(k2));
    for (const auto& x : var.scenario->risks) CHECK(x.driver == (x.code == second ? base_id : swv::stream_id(k1 + "#1")));
    fs::remove_all(dir);
  }

  SECTION("sleutels zonder botsing houden hun id") {
    auto r = load_text(kPo + risk(first) + risk("anders") +
                       "[stromen.verwijzing]\nsbo = { verdeling = \"beta\", gemiddelde = 0.01, sd = 0.002 }\n");
    REQUIRE(r.scenario);
    for (const auto& x : r.scenario->risks) CHECK(x.driver == swv::stream_id("risico[" + x.code + "]"));
    CHECK(r.scenario->flows.refer_sbo.driver == swv::stream_id("stromen.verwijzing.sbo"));
  }
}

TEST_CASE("ongeldige UTF-8 van elke soort krijgt dezelfde Nederlandse melding", "[bad][tekst]") {
  // Overlong forms, surrogates and code points above U+10FFFF passed the old check and reached
  // toml++, which answered in English ("Encountered invalid utf-8 sequence").
  for (const char* bytes : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"}) {
    INFO(swv::escape_controls(bytes));
    auto r = load_text(po_with_line(3, std::string("naam = \"Te") + bytes + "st\""));
    CHECK(messages(r) == Msgs{"scenario.toml:3:11: fout: bestand is geen geldige UTF-8-tekst (sla het op als UTF-8)"});
  }
  // The largest valid sequences still pass this check (and are then judged as characters).
  auto ok = load_text(po_with_line(3, "naam = \"Te\xF4\x8F\xBF\xBD\xED\x9F\xBF st\""));
  CHECK(messages(ok).empty());
}

TEST_CASE("TOML-fouten zonder eigen uitleg zijn ook Nederlands", "[bad][tekst]") {
  for (const char* line : {"eerste_jaar = 2025-13-01", "naam = \"\\U00110000\"", "naam = \"\\u12\""}) {
    INFO(line);
    auto r = load_text(po_with_line(line[0] == 'e' ? 5 : 3, line));
    REQUIRE(messages(r).size() == 1);
    const std::string m = messages(r)[0];
    CHECK_THAT(m, Catch::Contains("fout: geen geldige TOML: "));
    for (const char* english : {"expected", "Error", "invalid", "saw", "while parsing"}) CHECK_THAT(m, !Catch::Contains(english));
  }
}
