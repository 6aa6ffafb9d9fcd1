// The count history reader (sim/calibration/history.h): the forms a Dutch spreadsheet writes, the
// flow columns completed from the counts, the round trip through history_to_csv, and the catalogue
// of bad histories (tests/catalogus/historie/, every message in docs/foutmeldingen.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include <sys/stat.h>

#include "helpers.h"
#include "history.h"
#include "history_sim.h"

using namespace swv;
using namespace swv::test;

namespace {

std::optional<History> parse(const std::string& text, std::optional<Sector> sector = std::nullopt) {
  Diagnostics d;
  auto h = parse_history(text, "historie.csv", sector, d);
  for (const auto& x : d.items()) UNSCOPED_INFO(x.format());
  return h;
}

std::vector<std::string> messages_of(const std::string& text, std::optional<Sector> sector = std::nullopt) {
  Diagnostics d;
  parse_history(text, "historie.csv", sector, d);
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(x.format());
  return out;
}

}  // namespace

TEST_CASE("history: comma and point, semicolon and decimal comma, tab, BOM, quotes and comments read alike", "[kalibratie][historie]") {
  const std::string comma = "jaar,regulier,sbo,so_laag,so_midden,so_hoog\n2020,12000,300,200,20,30\n2021,11900,305,201,21,30\n2022,11800,310,202,22,31\n";
  const std::string semi = "\xEF\xBB\xBF# uit Excel\r\n\"Jaar\";\"Regulier\";\"SBO\";\"SO laag\";\"SO midden\";\"SO-hoog\"\r\n2020;12000;300;200;20;30\r\n"
                           "2021;11900,0;305;201;21;30\r\n;;;;;\r\n2022;\"11800\";310;202;22;31\r\n";
  const std::string tab = "jaar\tregulier\tsbo\tso_laag\tso_midden\tso_hoog\n2020\t12000\t300\t200\t20\t30\n2021\t11900\t305\t201\t21\t30\n"
                          "2022\t11800.0\t310\t202\t22\t31\n";
  for (const std::string* text : {&comma, &semi, &tab}) {
    auto h = parse(*text);
    REQUIRE(h);
    CHECK(h->sector == Sector::Po);
    CHECK(h->years == std::vector<int>{2020, 2021, 2022});
    CHECK(h->regular == std::vector<double>{12000, 11900, 11800});
    CHECK(h->special == std::vector<double>{300, 305, 310});
    CHECK(h->so[1] == std::vector<double>{20, 21, 22});
    CHECK(h->so_total(2) == 202 + 22 + 31);
    CHECK(h->special_flow.known_years() == 0);
  }
}

TEST_CASE("history: the sector follows the columns, or --sector — one so/vso column is the total", "[kalibratie][historie]") {
  auto vo = parse("jaar,regulier,pro,vso\n2020,9700,300,380\n2021,9650,302,381\n2022,9600,301,379\n");
  REQUIRE(vo);
  CHECK(vo->sector == Sector::Vo);
  CHECK_FALSE(vo->so_by_category);
  CHECK(vo->so_total(1) == 381);
  CHECK(vo->special[2] == 301);
  auto given = parse("jaar,regulier,sbo,so\n2020,100,2,3\n2021,100,2,3\n2022,100,2,3\n", Sector::Po);
  REQUIRE(given);
  CHECK(given->sector == Sector::Po);
}

TEST_CASE("history: one flow column of a pair is completed from the counts — the first row's flows are not used", "[kalibratie][historie]") {
  // SBO 300 -> 310: in 70 gives out 60; out 65 in 2022 (310 -> 305) gives in 60.
  auto h = parse("jaar,regulier,sbo,so,instroom_sbo,uitstroom_sbo,instroom_so\n2020,12000,300,250,99,99,\n2021,12000,310,250,70,,\n"
                 "2022,12000,305,252,,65,58\n");
  REQUIRE(h);
  CHECK(std::isnan(h->special_flow.in[0]));
  CHECK(h->special_flow.in[1] == 70);
  CHECK(h->special_flow.out[1] == 60);
  CHECK(h->special_flow.in[2] == 60);
  CHECK(h->special_flow.out[2] == 65);
  CHECK(h->special_flow.known_years() == 2);
  // SO: only 2022 (250 -> 252 with 58 in: 56 out).
  CHECK_FALSE(h->so_flow.known(1));
  CHECK(h->so_flow.known(2));
  CHECK(h->so_flow.out[2] == 56);
}

TEST_CASE("history: flows that do not close on the counts are a warning naming the years", "[kalibratie][historie]") {
  Diagnostics d;
  auto h = parse_history("jaar,regulier,sbo,so,instroom_sbo,uitstroom_sbo\n2020,12000,300,250,,\n2021,12000,310,250,70,60\n2022,12000,305,250,70,60\n",
                         "historie.csv", std::nullopt, d);
  REQUIRE(h);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].severity == Severity::Warning);
  CHECK(d.items()[0].format() ==
        "historie.csv: waarschuwing: instroom_sbo: instroom en uitstroom van SBO sluiten niet aan op de aantallen in 2022 (-15) (verschil tussen "
        "de verandering van de stand en instroom − uitstroom); de kansen komen uit de stroomkolommen");
}

TEST_CASE("history: every problem of a file at once, with line, column and column name", "[kalibratie][historie]") {
  const auto m = messages_of("jaar;regulier;sbo;so\n2019;12000;300;250\n2020;12000;;250\n2021;12000;300;2,5\n2022;12000;300;abc\n");
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "historie.csv:3:12: fout: sbo: leeg; een aantal is verplicht");
  CHECK(m[1] == "historie.csv:4:16: fout: so: geen geheel aantal: \"2,5\"");
  CHECK(m[2] == "historie.csv:5:16: fout: so: geen getal: \"abc\"");
}

TEST_CASE("history: history_to_csv reads back as the same history", "[kalibratie][historie]") {
  LoadResult lr = load_scenario(source_path("tests/kalibratie/po-bekend.toml"));
  REQUIRE(lr.scenario);
  for (bool flows : {true, false}) {
    const History h = simulate_history(*lr.scenario, 3, flows);
    auto back = parse(history_to_csv(h));
    REQUIRE(back);
    CHECK(back->years == h.years);
    CHECK(back->regular == h.regular);
    CHECK(back->special == h.special);
    for (size_t c = 0; c < 3; ++c) CHECK(back->so[c] == h.so[c]);
    CHECK(back->special_flow.known_years() == (flows ? h.size() - 1 : 0));
    for (size_t t = 1; flows && t < h.size(); ++t) {
      CHECK(back->special_flow.in[t] == h.special_flow.in[t]);
      CHECK(back->so_flow.out[t] == h.so_flow.out[t]);
    }
  }
}

TEST_CASE("history: a history drawn from the engine has the engine's counts, and its flows close on them", "[kalibratie][historie]") {
  LoadResult lr = load_scenario(source_path("tests/kalibratie/po-bekend.toml"));
  REQUIRE(lr.scenario);
  const History h = simulate_history(*lr.scenario, 0, true);
  REQUIRE(h.size() == 12);
  CHECK(h.years.front() == 2012);
  CHECK(h.years.back() == 2023);
  CHECK(h.regular[0] == 12000);
  for (size_t t = 1; t < h.size(); ++t) {
    INFO(h.years[t]);
    CHECK(h.special[t] - h.special[t - 1] == h.special_flow.in[t] - h.special_flow.out[t]);
    CHECK(h.so_total(t) - h.so_total(t - 1) == h.so_flow.in[t] - h.so_flow.out[t]);
    for (size_t c = 0; c < 3; ++c) CHECK(h.so[c][t] >= 0);
  }
}

TEST_CASE("history: a folder, a FIFO, a file of more than 1 MB and more than 200 years are refused, nothing hangs", "[kalibratie][historie]") {
  const std::string dir = temp_dir();
  auto first_message = [](const std::string& path) {
    Diagnostics d;
    CHECK_FALSE(read_history(path, std::nullopt, d));
    REQUIRE_FALSE(d.items().empty());
    return d.items().front().message;
  };
  CHECK(first_message(dir) == "dit is een map, geen bestand; geef een .csv-bestand op");
  CHECK(first_message(dir + "/bestaat-niet.csv") == "bestand niet gevonden");
  const std::string fifo = dir + "/pijp.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(first_message(fifo) == "dit is geen gewoon bestand");
  CHECK(first_message(write(dir, "groot.csv", std::string(2 << 20, '#'))) == "bestand is groter dan 1 MB; dit is geen telgeschiedenis");
  std::string many = "jaar,regulier,sbo,so\n";
  for (int y = 1900; y <= 2110; ++y) many += std::to_string(y) + ",1000,20,10\n";
  CHECK(first_message(write(dir, "lang.csv", many)) == "meer dan 200 jaren; dit is geen telgeschiedenis van één SWV");
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------------------------------------
// The catalogue: tests/catalogus/historie/NN-naam.csv with NN-naam.verwacht beside it (lines "#" are
// a description and directives, "# sector: po" passes --sector; every other line one expected
// message), read through read_history and through `swvsim kalibreer` (exit 2, the same lines, then
// the count).

namespace {

namespace fs = std::filesystem;
const std::string kHistories = std::string(SWVSIM_SOURCE_DIR) + "/tests/catalogus/historie";

struct Case {
  std::string name, file;
  std::optional<Sector> sector;
  std::vector<std::string> expected;
};

std::vector<Case> history_catalogue() {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(kHistories)) {
    if (e.path().extension() != ".verwacht") continue;
    Case c;
    c.name = e.path().stem().string();
    c.file = kHistories + "/" + c.name + ".csv";
    std::istringstream in(slurp(e.path().string()));
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      if (line.starts_with("# sector: ")) c.sector = line.substr(10) == "vo" ? Sector::Vo : Sector::Po;
      else if (line[0] != '#') c.expected.push_back(line);
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

std::string relative(std::string s) {
  replace_all(s, kHistories + "/", "");
  return s;
}

}  // namespace

TEST_CASE("historie-catalogus: ten minste 20 gevallen, elk met zijn meldingen (lezer en swvsim kalibreer)", "[kalibratie][catalogus]") {
  const auto cases = history_catalogue();
  CHECK(cases.size() >= 20);
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      REQUIRE(fs::exists(c.file));
      REQUIRE_FALSE(c.expected.empty());
      Diagnostics d;
      CHECK_FALSE(read_history(c.file, c.sector, d));
      std::string got, want;
      for (const auto& x : d.items()) got += relative(x.format()) + "\n";
      for (const auto& x : c.expected) want += x + "\n";
      CHECK(got == want);
      const std::string tmp = temp_dir();
      const std::string sector = c.sector ? std::string(" --sector ") + sector_name(*c.sector) : "";
      CHECK(run_shell("cd '" + kHistories + "' && '" + SWVSIM_BINARY + "' kalibreer " + c.name + ".csv" + sector + " --uit '" + tmp +
                      "/uit' >/dev/null 2>'" + tmp + "/err.txt'") == 2);
      const int errors = d.error_count();
      CHECK(slurp(tmp + "/err.txt") == want + std::to_string(errors) + (errors == 1 ? " fout" : " fouten") + " gevonden; er is niets berekend.\n");
      CHECK_FALSE(fs::exists(tmp + "/uit"));
      for (const auto& m : c.expected) {
        INFO(m);
        CHECK(doc.find(m) != std::string::npos);
      }
      fs::remove_all(tmp);
    }
  }
}
