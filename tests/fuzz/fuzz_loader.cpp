// libFuzzer target on the loader. The input is a scenario file (fuzz_scenario) or, with
// SWVSIM_FUZZ_RULES=1, the rules file of a fixed valid scenario (fuzz_rules). Loading must end in a
// scenario or in errors: never a crash, hang, leak or sanitizer report. A scenario that loads is
// then run, deterministically and as a Monte Carlo of 8 paths (model_check.h): a non-finite number
// anywhere in the result is a finding too (SWVSIM_FUZZ_MODEL=0 switches this off).
//
// The loader reads files (basis and regels are resolved relative to the scenario), so the input is
// written to a file in a private folder, one per process, which also holds the example scenarios
// (bases for fuzzed variants), the catalogue's companions (bij/) and a valid regels.toml; in rules
// mode the fuzzed regels.toml is read by tests/fuzz/rules-scenario-po.toml (or -vo).
// tests/scenario/test_fuzz_regressions.cpp sets up the same folder to replay tests/fuzz/regressions/.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "loader.h"
#include "model_check.h"

#ifndef SWVSIM_FUZZ_RULES
#define SWVSIM_FUZZ_RULES 0
#endif

namespace {

namespace fs = std::filesystem;

const std::string kSource = SWVSIM_SOURCE_DIR;
fs::path g_dir;
bool g_model = true;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: kan %s niet lezen\n", p.c_str());
    std::abort();
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void put(const fs::path& p, const char* data, size_t size) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

void put(const fs::path& p, const std::string& text) { put(p, text.data(), text.size()); }

// True when every byte sequence is valid UTF-8 (messages quote the input, which was checked).
bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += len;
  }
  return true;
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz: invariant geschonden: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* m = std::getenv("SWVSIM_FUZZ_MODEL"); m && std::string_view(m) == "0") g_model = false;
  std::string tmpl = (fs::temp_directory_path() / "swvsim-fuzz-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) std::abort();
  g_dir = tmpl;
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(g_dir, ec);
  });
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-vo.toml", "voorbeeld-po-krimp.toml"})
    put(g_dir / name, slurp(kSource + "/scenarios/" + name));
  // The companions of the bad-input catalogue (its cases are seeds: bases, rules, a long chain).
  fs::copy(kSource + "/tests/catalogus/bij", g_dir / "bij", fs::copy_options::recursive);
  if (SWVSIM_FUZZ_RULES) {
    // Small scenarios whose computed lines read every part of the rules (regels = "regels.toml").
    put(g_dir / "scenario-po.toml", slurp(kSource + "/tests/fuzz/rules-scenario-po.toml"));
    put(g_dir / "scenario-vo.toml", slurp(kSource + "/tests/fuzz/rules-scenario-vo.toml"));
  } else {
    put(g_dir / "regels.toml", slurp(kSource + "/scenarios/regels/po-2025.toml"));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* bytes = reinterpret_cast<const char*>(data);
  std::string scenario;
  if (SWVSIM_FUZZ_RULES) {
    put(g_dir / "regels.toml", bytes, size);
    // Rules of the other sector stop at the first check: pick the scenario the input seems made for.
    bool vo = std::string_view(bytes, size).find("\"vo\"") != std::string_view::npos;
    scenario = (g_dir / (vo ? "scenario-vo.toml" : "scenario-po.toml")).string();
  } else {
    scenario = (g_dir / "fuzz.toml").string();
    put(scenario, bytes, size);
  }
  swv::LoadOptions options;
  options.rules_dir = kSource + "/scenarios/regels";
  swv::LoadResult r = swv::load_scenario(scenario, options);

  check(r.scenario.has_value() != r.diags.has_errors(), "scenario alleen zonder fouten");
  for (const auto& d : r.diags.items()) {
    std::string line = d.format();
    check(!d.message.empty(), "elke melding heeft tekst");
    check(valid_utf8(line), "meldingen zijn UTF-8");
    check(std::none_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }),
          "meldingen bevatten geen stuurtekens");
    check(line.size() <= 32 * 1024, "meldingen blijven kort (lange invoer wordt afgekapt)");
  }
  if (r.scenario) {
    const swv::Scenario& sc = *r.scenario;
    check(sc.first_year <= sc.last_year && sc.last_year - sc.first_year < 15, "planperiode van 1 tot 15 jaar");
    check(sc.paths >= 1, "ten minste één pad");
    if (g_model) {
      if (std::string bad = swv::fuzz::check_model(sc); !bad.empty()) {
        std::fprintf(stderr, "fuzz: niet-eindig getal in de uitkomst: %s\n", bad.c_str());
        check(false, "een scenario dat laadt, rekent met eindige getallen");
      }
    }
  }
  return 0;
}
