// A user's own files are never replaced or removed (docs/cli-en-uitvoer.md, "Result sets"): swvsim
// touches only the files a swvsim set wrote and recorded in the folder's `.swvsim.set`; `/` and the
// home folder itself are refused as --uit (exit 2); a user's file under a set's name is refused
// (exit 4) before anything is computed, and one the run would only remove stays.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "helpers.h"

using namespace swv::test;
namespace fs = std::filesystem;

namespace {

std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

std::string scenario(const std::string& dir) {
  write(dir, "regels.toml", kRulesPo);
  return write(dir, "scenario.toml", random_walk_scenario(2027, "50_000", "0", 300));
}

// The record's names (comment lines skipped).
std::set<std::string> recorded(const std::string& out) {
  std::set<std::string> names;
  std::istringstream in(slurp(out + "/.swvsim.set"));
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && l[0] != '#') names.insert(l);
  return names;
}

}  // namespace

TEST_CASE("eigen bestanden: a folder without a set keeps the user's files under a set's names", "[cli][uitvoerset][eigen]") {
  const std::string dir = temp_dir(), out = dir + "/uit", log = dir + "/log", sc = scenario(dir);
  fs::create_directories(out);
  write(out, "resultaat.csv", "mijn eigen cijfers");
  write(out, "samenvatting.md", "mijn eigen samenvatting");

  // Before: --formaat json removed both ("files of the set this run did not write").
  REQUIRE(run_cli("run " + sc + " --stil --formaat json --uit " + out, log) == 0);
  CHECK(slurp(out + "/resultaat.csv") == "mijn eigen cijfers");
  CHECK(slurp(out + "/samenvatting.md") == "mijn eigen samenvatting");
  CHECK(recorded(out) == std::set<std::string>{"resultaat.json"});

  // A run that would write over them is refused before computing, and changes nothing.
  CHECK(run_cli("run " + sc + " --stil --uit " + out, log) == 4);
  CHECK_THAT(slurp(log), Catch::Contains("swvsim: fout: uitvoermap " + out +
                                         " bevat al resultaat.csv, samenvatting.md, die swvsim daar niet zelf heeft vastgelegd"));
  CHECK(slurp(out + "/resultaat.csv") == "mijn eigen cijfers");
  CHECK(names_in(out) == std::set<std::string>{".swvsim.lock", ".swvsim.set", "resultaat.json", "resultaat.csv", "samenvatting.md"});

  // The set's own files are replaced and removed as before.
  REQUIRE(run_cli("run " + sc + " --stil --formaat json,html --uit " + out, log) == 0);
  REQUIRE(run_cli("run " + sc + " --stil --formaat json --uit " + out, log) == 0);
  CHECK(!fs::exists(out + "/rapport.html"));
  CHECK(slurp(out + "/samenvatting.md") == "mijn eigen samenvatting");
  CHECK(recorded(out) == std::set<std::string>{"resultaat.json"});

  // A decision command, the same: its own names only.
  write(out, "weerstandsvermogen.html", "mijn eigen pagina");
  REQUIRE(run_cli("weerstandsvermogen " + sc + " --stil --paden 100 --formaat json --uit " + out, log) == 0);
  CHECK(slurp(out + "/weerstandsvermogen.html") == "mijn eigen pagina");
  CHECK(recorded(out) == std::set<std::string>{"resultaat.json", "weerstandsvermogen.json"});
  CHECK(run_cli("weerstandsvermogen " + sc + " --stil --paden 100 --uit " + out, log) == 4);
  CHECK(slurp(out + "/weerstandsvermogen.html") == "mijn eigen pagina");
}

TEST_CASE("eigen bestanden: vergelijk leaves the user's vergelijking files alone", "[cli][uitvoerset][eigen]") {
  const std::string dir = temp_dir(), out = dir + "/uit", log = dir + "/log", sc = scenario(dir);
  fs::create_directories(out);
  write(out, "vergelijking.md", "mijn eigen vergelijking");
  write(out, "vergelijking.json", "{}");
  CHECK(run_cli("vergelijk " + sc + " " + sc + " --stil --paden 100 --formaat md --uit " + out, log) == 4);
  CHECK(slurp(out + "/vergelijking.md") == "mijn eigen vergelijking");
  REQUIRE(run_cli("vergelijk " + sc + " " + sc + " --stil --paden 100 --formaat html --uit " + out, log) == 0);
  CHECK(slurp(out + "/vergelijking.md") == "mijn eigen vergelijking");
  CHECK(slurp(out + "/vergelijking.json") == "{}");
  CHECK(fs::exists(out + "/vergelijking.html"));
}

TEST_CASE("eigen bestanden: a file at a part's name that is no part is refused", "[cli][eigen][shards]") {
  const std::string dir = temp_dir(), out = dir + "/delen", log = dir + "/log", sc = scenario(dir);
  fs::create_directories(out);
  write(out, "deel-1-van-2.swvdeel", "mijn eigen bestand");
  CHECK(run_cli("run " + sc + " --stil --paden 600 --deel 1/2 --uit " + out, log) == 4);
  CHECK_THAT(slurp(log), Catch::Contains("deel-1-van-2.swvdeel bestaat al en is geen deelbestand van swvsim"));
  CHECK(slurp(out + "/deel-1-van-2.swvdeel") == "mijn eigen bestand");
  CHECK(names_in(out) == std::set<std::string>{"deel-1-van-2.swvdeel"});
  // A part is replaced by the same part computed again.
  REQUIRE(run_cli("run " + sc + " --stil --paden 600 --deel 2/2 --uit " + out, log) == 0);
  REQUIRE(run_cli("run " + sc + " --stil --paden 600 --deel 2/2 --uit " + out, log) == 0);
}

TEST_CASE("eigen bestanden: / and the home folder itself are refused as --uit (exit 2)", "[cli][eigen]") {
  const std::string dir = temp_dir(), log = dir + "/log", sc = scenario(dir);
  const std::string home = dir + "/thuis";
  fs::create_directories(home);
  fs::create_symlink(home, dir + "/koppeling");
  for (const std::string& uit : {home, home + "/", home + "/.", dir + "/koppeling"}) {
    INFO(uit);
    CHECK(run_shell("HOME=" + home + " " + SWVSIM_BINARY + " run " + sc + " --stil --formaat json --uit " + uit + " >" + log + " 2>&1") == 2);
    CHECK_THAT(slurp(log), Catch::Contains("is je thuismap zelf; swvsim schrijft zijn resultaten in een eigen map"));
    CHECK(names_in(home).empty());
  }
  CHECK(run_shell("HOME=" + home + " " + SWVSIM_BINARY + " run " + sc + " --stil --deel 1/1 --uit " + home + " >" + log + " 2>&1") == 2);
  CHECK(names_in(home).empty());
  // A folder inside the home folder is fine.
  CHECK(run_shell("HOME=" + home + " " + SWVSIM_BINARY + " run " + sc + " --stil --formaat json --uit " + home + "/uitvoer >" + log + " 2>&1") == 0);

  // `/`: as a user who cannot write there (root could, and before the fix the set went into /).
  std::string as_user;
  if (::geteuid() == 0) {
    if (run_shell("command -v setpriv >/dev/null 2>&1") != 0) {
      WARN("the case --uit / is skipped: running as root without setpriv (the run must not be able to write in /)");
      return;
    }
    as_user = "setpriv --reuid=64999 --regid=64999 --clear-groups ";
    if (run_shell(as_user + SWVSIM_BINARY + " --version >/dev/null 2>&1") != 0) {
      WARN("the case --uit / is skipped: an unprivileged user cannot run " SWVSIM_BINARY " (a clone under /root)");
      return;
    }
  }
  ::chmod(dir.c_str(), 0755);
  CHECK(run_shell(as_user + SWVSIM_BINARY + " run " + sc + " --stil --formaat json --uit / >" + log + " 2>&1") == 2);
  CHECK_THAT(slurp(log), Catch::Contains("swvsim: fout: uitvoermap / is de hoofdmap van het systeem (/)"));
  CHECK(run_shell(as_user + SWVSIM_BINARY + " gevoeligheid " + sc + " --stil --paden 100 --uit /. >" + log + " 2>&1") == 2);
  // Every message here is documented.
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const char* m : {"is je thuismap zelf", "is de hoofdmap van het systeem", "die swvsim daar niet zelf heeft vastgelegd",
                        "bestaat al en is geen deelbestand van swvsim"})
    CHECK_THAT(doc, Catch::Contains(m));
}
