// The bad-input catalogue (tests/catalogus/, described in docs/foutmeldingen.md): every malformed
// scenario or rules file NN-naam.toml has NN-naam.verwacht beside it. In that file, lines starting
// with "#" are a description and directives, every other non-empty line is one expected message
// (errors and warnings, in order), with paths relative to tests/catalogus/:
//   # soort: regels       the case is a rules file: it is loaded as the regels of
//                         bij/scenario-regels-po.toml, copied to a temporary scenario.toml
//   # opzet: onleesbaar   the case is copied and made unreadable (chmod 000; as root the CLI runs
//                         as user nobody through setpriv, since root reads anything)
// Each case is loaded through swv::load_scenario and through `swvsim controleer` (exit 2, the same
// lines on stderr, then the count). Built-in rules come from bij/ingebouwd (a fixed list of names).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.h"
#include "loader.h"

namespace {

namespace fs = std::filesystem;

const std::string kCatalogue = std::string(SWVSIM_SOURCE_DIR) + "/tests/catalogus";
const std::string kBuiltin = kCatalogue + "/bij/ingebouwd";

using swv::test::replace_all;
using swv::test::run_shell;
using swv::test::slurp;

struct Case {
  std::string name;  // "07-syntax-sleutel-twee-keer"
  std::string file;  // absolute path of the .toml
  std::map<std::string, std::string> directives;
  std::vector<std::string> expected;
  bool rules() const { return directives.count("soort") && directives.at("soort") == "regels"; }
  bool unreadable() const { return directives.count("opzet") && directives.at("opzet") == "onleesbaar"; }
};

std::vector<Case> catalogue() {
  std::vector<Case> out;
  for (const auto& e : fs::directory_iterator(kCatalogue)) {
    const fs::path p = e.path();
    if (p.extension() != ".verwacht") continue;
    Case c;
    c.name = p.stem().string();
    c.file = (fs::path(kCatalogue) / (c.name + ".toml")).string();
    std::istringstream in(slurp(p.string()));
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      if (line[0] != '#') {
        c.expected.push_back(line);
        continue;
      }
      size_t colon = line.find(':');
      if (colon != std::string::npos && line.find(' ', 2) > colon)  // "# key: value", key one word
        c.directives[line.substr(2, colon - 2)] = line.substr(colon + 2);
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

// What to load for a case: the case itself, or for a rules case a temporary scenario whose regels
// is the case file; an unreadable case is a copy without permissions.
std::string prepare(const Case& c, const std::string& tmp) {
  if (c.rules()) {
    std::string s = slurp(kCatalogue + "/bij/scenario-regels-po.toml");
    replace_all(s, "\"regels.toml\"", "\"" + c.file + "\"");
    std::string path = tmp + "/scenario.toml";
    std::ofstream(path) << s;
    return path;
  }
  if (c.unreadable()) {
    std::string path = tmp + "/" + c.name + ".toml";
    fs::copy_file(c.file, path);
    ::chmod(tmp.c_str(), 0755);
    ::chmod(path.c_str(), 0);
    return path;
  }
  return c.file;
}

// Paths as the user sees them beside the catalogue.
std::string relative(std::string s, const std::string& tmp) {
  replace_all(s, tmp + "/", "");
  replace_all(s, kCatalogue + "/", "");
  return s;
}

std::vector<std::string> load_messages(const std::string& path, const std::string& tmp) {
  swv::LoadResult r = swv::load_scenario(path, {kBuiltin});
  std::vector<std::string> out;
  for (const auto& d : r.diags.items()) out.push_back(relative(d.format(), tmp));
  CHECK(r.scenario.has_value() != r.diags.has_errors());
  return out;
}

// Whether the CLI can run as user nobody (setpriv present, and the binary reachable for nobody: not
// so when the build lives in a private home folder).
bool can_run_as_nobody() {
  return run_shell(std::string("setpriv --reuid=65534 --regid=65534 --clear-groups test -x '") + SWVSIM_BINARY + "' >/dev/null 2>&1") == 0;
}

// `swvsim controleer path`: exit code and stderr lines.
int run_check(const std::string& path, const std::string& tmp, bool as_nobody, std::vector<std::string>& lines) {
  std::string err = tmp + "/stderr.txt";
  std::string cmd = "SWVSIM_REGELS='" + kBuiltin + "' " + (as_nobody ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "") +
                    "'" + SWVSIM_BINARY + "' controleer '" + path + "' >/dev/null 2>'" + err + "'";
  const int rc = run_shell(cmd);
  std::istringstream in(slurp(err));
  for (std::string line; std::getline(in, line);) lines.push_back(relative(line, tmp));
  return rc;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

}  // namespace

TEST_CASE("catalogus: ten minste 40 gevallen, elk met een verwachte melding", "[catalogus]") {
  auto cases = catalogue();
  CHECK(cases.size() >= 40);
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(fs::exists(c.file));
    CHECK_FALSE(c.expected.empty());
    for (const auto& [k, v] : c.directives) {
      INFO(k + ": " + v);
      CHECK(((k == "soort" && v == "regels") || (k == "opzet" && v == "onleesbaar")));
    }
  }
}

TEST_CASE("catalogus: elk geval geeft precies zijn meldingen (lader)", "[catalogus]") {
  const bool root = ::geteuid() == 0;
  for (const auto& c : catalogue()) {
    if (c.unreadable() && root) continue;  // root reads anything: covered through the CLI below
    DYNAMIC_SECTION(c.name) {
      std::string tmp = swv::test::temp_dir();
      CHECK(joined(load_messages(prepare(c, tmp), tmp)) == joined(c.expected));
      fs::permissions(tmp, fs::perms::owner_all, fs::perm_options::add);
      fs::remove_all(tmp);
    }
  }
}

TEST_CASE("catalogus: swvsim controleer stopt met exitcode 2 en dezelfde meldingen", "[catalogus]") {
  const bool root = ::geteuid() == 0;
  for (const auto& c : catalogue()) {
    if (c.unreadable() && root && !can_run_as_nobody()) {
      WARN("swvsim kan niet als nobody draaien (setpriv ontbreekt of de map is privé): het onleesbare bestand is als root niet te testen");
      continue;
    }
    DYNAMIC_SECTION(c.name) {
      std::string tmp = swv::test::temp_dir();
      std::vector<std::string> lines;
      int rc = run_check(prepare(c, tmp), tmp, c.unreadable() && root, lines);
      CHECK(rc == 2);
      auto errors = std::count_if(c.expected.begin(), c.expected.end(), [](const std::string& m) { return m.find(": fout: ") != std::string::npos; });
      std::vector<std::string> want = c.expected;
      want.push_back(std::to_string(errors) + (errors == 1 ? " fout" : " fouten") + " gevonden; er is niets berekend.");
      CHECK(joined(lines) == joined(want));
      fs::remove_all(tmp);
    }
  }
}

TEST_CASE("catalogus: elke melding staat in docs/foutmeldingen.md", "[catalogus]") {
  const std::string doc = slurp(std::string(SWVSIM_SOURCE_DIR) + "/docs/foutmeldingen.md");
  REQUIRE_FALSE(doc.empty());
  for (const auto& c : catalogue())
    for (const auto& m : c.expected) {
      INFO(c.name + ": " + m);
      CHECK(doc.find(m) != std::string::npos);
    }
}

TEST_CASE("opdrachtregel: fouten in de opties geven exitcode 2 met een Nederlandse melding", "[catalogus]") {
  const std::string scenario = std::string(SWVSIM_SOURCE_DIR) + "/scenarios/voorbeeld-po.toml";
  const std::string doc = slurp(std::string(SWVSIM_SOURCE_DIR) + "/docs/foutmeldingen.md");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"run " + scenario + " --paden 0", "swvsim: fout: --paden moet ten minste 1 zijn"},
      {"run " + scenario + " --paden 1000000000", "swvsim: fout: --paden mag hoogstens 100.000.000 zijn"},
      {"run " + scenario + " --threads 0", "swvsim: fout: --threads moet ten minste 1 zijn"},
      {"run " + scenario + " --geheugen 0", "swvsim: fout: --geheugen moet ten minste 1 (MB) zijn"},
      {"run " + scenario + " --formaat htm", "swvsim: fout: onbekend formaat \"htm\" (bedoelde je \"html\"?); kies uit json, html, xlsx, csv, md"},
      {"controleer", "swvsim: fout: geef een scenariobestand op: swvsim controleer BESTAND"},
      {"run " + scenario + " --onzin", "swvsim: fout in de opties: onbekende optie --onzin (zie swvsim run --help)"},
      {"run " + scenario + " --paden veel", "swvsim: fout in de opties: ongeldige waarde voor --paden (verwacht een getal) (zie swvsim run --help)"},
      {"run " + scenario + " --paden", "swvsim: fout in de opties: optie --paden mist een waarde (zie swvsim run --help)"},
      {"gevoeligheid " + scenario + " " + scenario, "swvsim: fout in de opties: te veel bestanden of argumenten (zie swvsim gevoeligheid --help)"},
      {"bestedingsruimte " + scenario + " --doeljaar 1999", "swvsim: fout: doeljaar 1999 ligt buiten de planperiode 2025–2030"},
      {"bestedingsruimte " + scenario + " --zekerheid 1.5", "swvsim: fout: een zekerheid ligt tussen 0 en 1 (bijv. 0.9), niet 1.5"},
      {"vergelijk " + scenario, "swvsim: fout: geef een basis en ten minste één variant: swvsim vergelijk BASIS VARIANT..."},
  };
  for (const auto& [args, message] : cases) {
    INFO(args);
    std::string tmp = swv::test::temp_dir();
    std::string cmd = std::string("'") + SWVSIM_BINARY + "' " + args + " >/dev/null 2>'" + tmp + "/err.txt'";
    CHECK(run_shell(cmd) == 2);
    // Warnings about the scenario (such as the extrapolated rules of the examples) may come first.
    std::string err = slurp(tmp + "/err.txt");
    while (err.find(": waarschuwing: ") != std::string::npos && err.find('\n') < err.find("swvsim: fout")) err.erase(0, err.find('\n') + 1);
    CHECK(err == message + "\n");
    CHECK(doc.find(message) != std::string::npos);
    fs::remove_all(tmp);
  }
}
