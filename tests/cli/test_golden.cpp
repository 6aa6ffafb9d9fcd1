// The golden result (issue 30): resultaat.json of every example at 2.000 paths, checked in under
// tests/golden/, so that any change to a number the engine produces shows up as a reviewed diff.
// The fields that depend on the machine or the folder (simulatie.seconden, simulatie.threads, the
// paths in scenario.bestand and invoer[].bestand) are left out; everything else must match to the
// JSON's own rounding (1e-6).
//
// A deliberate change (new rules, a corrected amount, another stream layout) regenerates the files
// with one command and commits them with the change:
//     bash tools/golden.sh        (runs this test with SWVSIM_GOLDEN_UPDATE=1, then git diff --stat)
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.h"

using namespace swv::test;
using nlohmann::json;

namespace {

const char* const kExamples[] = {"voorbeeld-po", "voorbeeld-po-krimp", "voorbeeld-po-streefvermogen", "voorbeeld-po-2022", "voorbeeld-vo"};

// resultaat.json without what depends on the machine or the folder it ran in.
json normalised(json j) {
  j["simulatie"].erase("seconden");
  j["simulatie"].erase("threads");
  j["scenario"].erase("bestand");
  for (json& f : j["invoer"]) f.erase("bestand");
  return j;
}

// JSON with one line per scalar field and per array of scalars (a year's series is one line), keys
// sorted: a change of the engine reads as a short diff.
void render(const json& j, std::ostream& out, int depth) {
  const std::string pad(static_cast<size_t>(2 * depth), ' ');
  auto flat = [](const json& a) { return std::all_of(a.begin(), a.end(), [](const json& x) { return !x.is_structured(); }); };
  if (j.is_object() && !j.empty()) {
    out << "{\n";
    size_t i = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++i) {
      out << pad << "  " << json(it.key()).dump() << ": ";
      render(it.value(), out, depth + 1);
      out << (i + 1 < j.size() ? ",\n" : "\n");
    }
    out << pad << "}";
  } else if (j.is_array() && !j.empty() && !flat(j)) {
    out << "[\n";
    for (size_t i = 0; i < j.size(); ++i) {
      out << pad << "  ";
      render(j[i], out, depth + 1);
      out << (i + 1 < j.size() ? ",\n" : "\n");
    }
    out << pad << "]";
  } else {
    out << j.dump();
  }
}

std::string rendered(const json& j) {
  std::ostringstream os;
  render(j, os, 0);
  os << "\n";
  return os.str();
}

// Every difference between the golden file and the run, by JSON pointer (numbers within 1e-6
// absolute or 1e-12 relative count as equal: the JSON rounds to 1e-6).
void diff(const json& want, const json& got, const std::string& at, std::vector<std::string>& out) {
  if (want.is_number() && got.is_number()) {
    const double a = want.get<double>(), b = got.get<double>();
    if (std::fabs(a - b) > 1.5e-6 + 1e-12 * std::fabs(a)) out.push_back(at + ": " + want.dump() + " -> " + got.dump());
    return;
  }
  if (want.type() != got.type()) {
    out.push_back(at + ": " + want.dump().substr(0, 80) + " -> " + got.dump().substr(0, 80));
    return;
  }
  if (want.is_object()) {
    for (auto it = want.begin(); it != want.end(); ++it) {
      const std::string p = at + "/" + it.key();
      if (!got.contains(it.key())) out.push_back(p + ": removed");
      else diff(it.value(), got[it.key()], p, out);
    }
    for (auto it = got.begin(); it != got.end(); ++it)
      if (!want.contains(it.key())) out.push_back(at + "/" + it.key() + ": new");
  } else if (want.is_array()) {
    if (want.size() != got.size()) out.push_back(at + ": " + std::to_string(want.size()) + " -> " + std::to_string(got.size()) + " elements");
    for (size_t i = 0; i < std::min(want.size(), got.size()); ++i) diff(want[i], got[i], at + "/" + std::to_string(i), out);
  } else if (want != got) {
    out.push_back(at + ": " + want.dump().substr(0, 80) + " -> " + got.dump().substr(0, 80));
  }
}

}  // namespace

TEST_CASE("golden result: resultaat.json of every example at 2.000 paths equals tests/golden/ (bash tools/golden.sh)", "[golden][cli]") {
  const bool update = std::getenv("SWVSIM_GOLDEN_UPDATE") && std::string(std::getenv("SWVSIM_GOLDEN_UPDATE")) == "1";
  const std::string dir = temp_dir();
  for (const char* name : kExamples) {
    INFO(name);
    // Run from the source folder with a relative path, as a user would: messages quote the file so.
    const std::string out = dir + "/" + name;
    const std::string cmd = "cd '" + source_path("") + "' && '" SWVSIM_BINARY "' run scenarios/" + name +
                            ".toml --paden 2000 --stil --formaat json --uit '" + out + "' >'" + out + ".log' 2>&1";
    REQUIRE(run_shell(cmd) == 0);
    const json got = normalised(json::parse(slurp(out + "/resultaat.json")));
    const std::string golden = source_path("tests/golden/") + name + ".json";
    if (update) {
      std::ofstream(golden, std::ios::binary) << rendered(got);
      continue;
    }
    const std::string text = slurp(golden);
    INFO("tests/golden/" << name << ".json is missing or empty: make it with bash tools/golden.sh");
    REQUIRE(!text.empty());
    std::vector<std::string> d;
    diff(json::parse(text), got, "", d);
    std::string shown;
    for (size_t i = 0; i < d.size() && i < 12; ++i) shown += "  " + d[i] + "\n";
    if (d.size() > 12) shown += "  ... and " + std::to_string(d.size() - 12) + " more\n";
    INFO("The engine's numbers changed: " << d.size() << " differences from tests/golden/" << name << ".json (golden -> now):\n"
                                          << shown
                                          << "If the change is intended, regenerate the golden files with\n"
                                             "    bash tools/golden.sh\n"
                                             "review the diff (git diff tests/golden/) and commit it with the change that caused it.\n"
                                             "If it is not intended, the change broke a number: find which.");
    CHECK(d.empty());
  }
}
