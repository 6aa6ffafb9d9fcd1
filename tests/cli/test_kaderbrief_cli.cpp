// The kaderbrief figure through the program: a structural deficit gets a cut in both modes and every
// format, --met-risicolast, and --precisie giving the figure of --paden N.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "format_nl.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

namespace {

// The walk of helpers.h with lasten 2.100.000 against baten 2.000.000: equity 250.000 − k (100.000 +
// S) after year k of 2025–2027. With floor 0 the floor needs S <= −100.000 + 250.000 / 3: a cut of
// 16.666,67 a year; in Monte Carlo (sd 20.000 on the lasten, once per path) a little more.
std::string deficit(const std::string& dir, const std::string& sd, int paths) {
  std::string text = random_walk_scenario(2027, sd, "0", paths);
  replace_all(text, "gemiddelde = 1_950_000", "gemiddelde = 2_100_000");
  write(dir, "regels.toml", kRulesPo);
  return write(dir, "tekort.toml", text);
}

nlohmann::json result(const std::string& dir) { return nlohmann::json::parse(slurp(dir + "/resultaat.json")); }

}  // namespace

TEST_CASE("kaderbrief cli: a structural deficit gets a cut in both modes, worded in every format", "[cli][kaderbrief]") {
  const std::string dir = temp_dir(), sc = deficit(dir, "20_000", 2'000);
  REQUIRE(run_cli("run " + sc + " --deterministisch --stil --uit " + dir + "/plan") == 0);
  REQUIRE(run_cli("run " + sc + " --stil --uit " + dir + "/mc") == 0);
  const auto plan = result(dir + "/plan")["kaderbrief"], mc = result(dir + "/mc")["kaderbrief"];
  CHECK(plan["soort"] == "bezuiniging");
  CHECK(mc["soort"] == "bezuiniging");
  const double p = plan["bedrag_per_jaar"], m = mc["bedrag_per_jaar"];
  CHECK(p <= -50'000.0 / 3);
  CHECK(p >= -50'000.0 / 3 - 1);
  CHECK(m < p);  // the spread asks a larger cut to stay above the floor with 95% certainty
  CHECK(mc["onder_ondergrens_enig_jaar"].get<double>() <= 0.05);
  CHECK(mc["paden"] == 2'000);
  CHECK(plan["paden"] == 0);
  // The plan's other mode is a Monte Carlo of 2.000 paths: the same direction, so no note.
  CHECK(plan["andere_modus"]["soort"] == "bezuiniging");
  CHECK(plan["toelichting"].empty());
  for (const char* sub : {"plan", "mc"}) {
    INFO(sub);
    const std::string html = slurp(dir + "/" + sub + "/rapport.html"), md = slurp(dir + "/" + sub + "/samenvatting.md");
    const std::string amount = euro(-result(dir + "/" + sub)["kaderbrief"]["bedrag_per_jaar"].get<double>());
    CHECK(html.find("<span id=\"kaderbrief-bedrag\">bezuinig " + amount + " per jaar</span>") != std::string::npos);
    CHECK(md.find("Bezuinig " + amount + " per jaar tot en met 2027") != std::string::npos);
    const std::string strings = run_output("unzip -p '" + dir + "/" + sub + "/rapport.xlsx' xl/sharedStrings.xml 2>/dev/null");
    CHECK(strings.find("Voor de kaderbrief: bezuinig " + amount + " per jaar") != std::string::npos);
  }
}

TEST_CASE("kaderbrief cli: --met-risicolast puts the expected load on the plan's risk lines", "[cli][kaderbrief]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string sc = write(dir, "risico.toml", random_walk_scenario(2027, "0", "0", 500) + R"(
[[risico]]
code = "R1"
naam = "Half zeker"
kans = 0.5
impact = 120_000
)");
  CHECK(run_cli("run " + sc + " --met-risicolast --stil --uit " + dir + "/x", dir + "/x.txt") == 2);
  CHECK(slurp(dir + "/x.txt").find("--met-risicolast geldt alleen voor de deterministische begroting") != std::string::npos);
  REQUIRE(run_cli("run " + sc + " --deterministisch --stil --uit " + dir + "/zonder") == 0);
  REQUIRE(run_cli("run " + sc + " --deterministisch --met-risicolast --stil --uit " + dir + "/met") == 0);
  const auto zonder = result(dir + "/zonder"), met = result(dir + "/met");
  auto risk_line = [](const nlohmann::json& j) {
    for (const auto& p : j["posten"])
      if (p["code"] == "risico.R1") return p["bedragen"];
    FAIL("no line risico.R1");
    return nlohmann::json();
  };
  CHECK(risk_line(zonder) == nlohmann::json::array({0, 0, 0}));
  CHECK(risk_line(met) == nlohmann::json::array({60'000, 60'000, 60'000}));  // 0,5 × 120.000
  // Equity: 250.000 + k · 50.000 without, 250.000 − k · 10.000 with the load.
  CHECK(met["reeksen"]["eigen_vermogen"]["gemiddelde"] == nlohmann::json::array({240'000, 230'000, 220'000}));
  CHECK(zonder["kaderbrief"]["risicolast_in_begroting"] == false);
  CHECK(met["kaderbrief"]["risicolast_in_begroting"] == true);
  CHECK(zonder["kaderbrief"]["risicolast_per_jaar"] == nlohmann::json::array({60'000, 60'000, 60'000}));
  CHECK(zonder["kaderbrief"]["toelichting"][0] ==
        "De begroting rekent zonder de risico's: hun verwachte last is gemiddeld € 60.000 per jaar en staat niet in dit bedrag.");
}

TEST_CASE("kaderbrief cli: a run with --precisie has the figure of --paden with the paths it ran", "[cli][kaderbrief]") {
  const std::string dir = temp_dir(), sc = deficit(dir, "200_000", 1'000);
  REQUIRE(run_cli("run " + sc + " --precisie 0.01 --stil --formaat json --uit " + dir + "/p") == 0);
  const auto p = result(dir + "/p");
  const int64_t n = p["simulatie"]["paden"];
  REQUIRE(run_cli("run " + sc + " --paden " + std::to_string(n) + " --stil --formaat json --uit " + dir + "/n") == 0);
  const auto q = result(dir + "/n");
  CHECK(p["kaderbrief"]["paden"] == n);
  CHECK(p["kaderbrief"]["bedrag_per_jaar"] == q["kaderbrief"]["bedrag_per_jaar"]);
  CHECK(p["kaderbrief"]["soort"] == q["kaderbrief"]["soort"]);
}

TEST_CASE("kaderbrief cli: amounts far beyond the documented scale end quickly with a cut that meets the floor", "[cli][kaderbrief][bounds]") {
  // Issue 24: 100 lines of 9,99e12 a year with prijs = 1.0 (doubling) over 15 years, and a
  // demographic growth of 1e4 a year. Beyond ≈ 5,8e17 adjacent doubles are 128 apart: a bisection to
  // € 100 never ended. Now every search is bounded by a count and a relative tolerance.
  const std::string dir = temp_dir();
  std::string big = "schema = \"swvsim/1\"\n[swv]\nnaam = \"Groot\"\nsector = \"po\"\neerste_jaar = 2025\nlaatste_jaar = 2039\n"
                    "regels = \"po-2024\"\n[start]\neigen_vermogen = 250_000\n[start.leerlingen]\nregulier = 1000\n[indexatie]\nprijs = 1.0\n";
  for (int i = 0; i < 100; ++i)
    big += "[[post]]\ncode = \"L" + std::to_string(i) + "\"\nnaam = \"Post " + std::to_string(i) +
           "\"\nkant = \"lasten\"\nbedrag = 9.99e12\nindexatie = \"prijs\"\n";
  const std::string growth = "schema = \"swvsim/1\"\n[swv]\nnaam = \"Groei\"\nsector = \"po\"\neerste_jaar = 2025\nlaatste_jaar = 2039\n"
                             "regels = \"po-2024\"\n[start]\neigen_vermogen = 250_000\n[start.leerlingen]\nregulier = 1000\n[demografie]\n"
                             "groei = 1e4\n[[post]]\ncode = \"1\"\nnaam = \"Personeel\"\nkant = \"lasten\"\nper_leerling = 100\ngrondslag = \"regulier\"\n";
  for (const auto& [name, text] : {std::pair{"groot.toml", big}, {"groei.toml", growth}})
    for (const std::string mode : {"--deterministisch", "--paden 200"}) {
      INFO(name << " " << mode);
      const std::string sc = write(dir, name, text), out = dir + "/uit";
      // `timeout` is the wall-clock guard: a hang is exit 124 after 60 s (SIGKILL 5 s later: 0.4
      // ignored the first SIGTERM in that loop), not a stuck suite.
      REQUIRE(run_shell("timeout -k 5 60 " + std::string(SWVSIM_BINARY) + " run " + sc + " " + mode + " --stil --formaat json --uit " + out +
                        " >/dev/null 2>&1") == 0);
      const auto k = result(out)["kaderbrief"];
      CHECK(k["onder_ondergrens_enig_jaar"].get<double>() <= 0.05);
      if (std::string(name) == "groot.toml") CHECK(k["soort"] == "bezuiniging");
    }
}
