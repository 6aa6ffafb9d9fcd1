// Small reliability fixes of issue 24 on the command line: --geheugen is bounded (2^44 MB wrapped to
// 0 bytes and silently chose histograms), file and folder names with control characters reach
// neither the terminal nor the reports raw, default folders of names in other scripts get a short
// hash (they all became uitvoer/scenario/), and --paden in a deterministic run is noticed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

std::string scenario(const std::string& dir, const std::string& name = "scenario.toml", const std::string& swv_name = "Wandeling") {
  write(dir, "regels.toml", kRulesPo);
  std::string text = random_walk_scenario(2027, "50_000", "0", 300);
  replace_all(text, "naam = \"Wandeling\"", "naam = \"" + swv_name + "\"");
  return write(dir, name, text);
}

bool has_raw_controls(const std::string& s) {
  return s.find('\x1b') != std::string::npos || s.find("\u202E") != std::string::npos;
}

}  // namespace

TEST_CASE("geheugen: --geheugen above 16 TB is refused instead of wrapping to 0 bytes", "[cli][memory]") {
  const std::string dir = temp_dir(), log = dir + "/log", sc = scenario(dir);
  for (const char* mb : {"17592186044416", "16777217"}) {
    INFO(mb);
    CHECK(run_cli("run " + sc + " --stil --geheugen " + mb + " --uit " + dir + "/a", log) == 2);
    CHECK_THAT(slurp(log), Catch::Contains("swvsim: fout: --geheugen mag hoogstens 16.777.216 zijn (in MB: 16 TB)"));
    CHECK(run_cli("samenvoegen x.swvdeel --geheugen " + std::string(mb) + " --uit " + dir + "/a", log) == 2);
  }
  CHECK(!fs::exists(dir + "/a"));
  REQUIRE(run_cli("run " + sc + " --stil --geheugen 16777216 --formaat json --uit " + dir + "/b", log) == 0);
  CHECK_THAT(slurp(dir + "/b/resultaat.json"), Catch::Contains("\"percentielen\": \"exact\""));
}

TEST_CASE("names with control characters are shown as codes in the terminal and the reports", "[cli][vijandig]") {
  const std::string dir = temp_dir(), log = dir + "/log";
  const std::string sc = scenario(dir, "sc\u202Egpj.toml");
  const std::string out = dir + "/uit\x1b[2J";
  REQUIRE(run_cli("run '" + sc + "' --formaat json,html,xlsx --uit '" + out + "'", log) == 0);
  const std::string terminal = slurp(log);
  INFO(terminal);
  CHECK(!has_raw_controls(terminal));
  CHECK_THAT(terminal, Catch::Contains("uit\\u001B[2J/resultaat.json"));
  CHECK(!has_raw_controls(slurp(out + "/rapport.html")));
  CHECK_THAT(slurp(out + "/rapport.html"), Catch::Contains("sc\\u202Egpj.toml"));
  const std::string shared = run_output("unzip -p '" + out + "/rapport.xlsx' xl/sharedStrings.xml 2>/dev/null");
  CHECK_THAT(shared, Catch::Contains("sc\\u202Egpj.toml"));
  CHECK(!has_raw_controls(shared));
  // resultaat.json keeps the name exactly (for scripts; JSON has its own escapes).
  CHECK_THAT(slurp(out + "/resultaat.json"), Catch::Contains("sc\u202Egpj.toml"));
  // An error naming the folder, and the loader's messages, show it as a code too.
  CHECK(run_cli("run '" + dir + "/weg\x1b[2J.toml' --uit '" + out + "'", log) == 2);
  CHECK(!has_raw_controls(slurp(log)));
  CHECK(run_cli("run '" + sc + "' --uit '" + out + "/resultaat.json/sub'", log) == 4);
  CHECK(!has_raw_controls(slurp(log)));
}

TEST_CASE("default folders: accents become letters, other scripts get a short hash", "[cli][pad]") {
  const std::string dir = temp_dir(), log = dir + "/log";
  scenario(dir, "a.toml", "Школа Север");
  scenario(dir, "b.toml", "Школа Юг");
  scenario(dir, "c.toml", "Fryslân Ĳsselmonde");
  for (const char* f : {"a.toml", "b.toml", "c.toml"})
    REQUIRE(run_shell("cd '" + dir + "' && " + SWVSIM_BINARY + " run " + f + " --stil --formaat json >" + log + " 2>&1") == 0);
  std::set<std::string> folders;
  for (const auto& e : fs::directory_iterator(dir + "/uitvoer")) folders.insert(e.path().filename().string());
  INFO(folders.size());
  REQUIRE(folders.size() == 3);  // before: both Cyrillic names wrote into uitvoer/scenario/
  CHECK(folders.count("fryslan-ijsselmonde") == 1);
  for (const auto& f : folders) {
    INFO(f);
    CHECK(f.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    if (f != "fryslan-ijsselmonde") CHECK(f.rfind("scenario-", 0) == 0);
  }
}

TEST_CASE("deterministisch: --paden or --zaad in a deterministic run is noticed", "[cli]") {
  const std::string dir = temp_dir(), log = dir + "/log";
  write(dir, "regels.toml", kRulesPo);
  const std::string sc = write(dir, "det.toml", std::string(kMinimalPo) + "[simulatie]\nmodus = \"deterministisch\"\n");
  REQUIRE(run_cli("run " + sc + " --paden 500 --stil --formaat json --uit " + dir + "/a", log) == 0);
  CHECK_THAT(slurp(log), Catch::Contains("swvsim: waarschuwing: --paden doet niets: deze run is deterministisch (simulatie.modus = "
                                         "\"deterministisch\" in het scenario); voor Monte Carlo: simulatie.modus = \"montecarlo\""));
  REQUIRE(run_cli("run " + sc + " --stil --formaat json --uit " + dir + "/a", log) == 0);
  CHECK_THAT(slurp(log), !Catch::Contains("waarschuwing: --"));
  REQUIRE(run_cli("run " + scenario(dir) + " --deterministisch --zaad 3 --stil --formaat json --uit " + dir + "/b", log) == 0);
  CHECK_THAT(slurp(log), Catch::Contains("swvsim: waarschuwing: --zaad doet niets: deze run is deterministisch (--deterministisch)"));
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  CHECK_THAT(doc, Catch::Contains("--paden doet niets: deze run is deterministisch"));
}
