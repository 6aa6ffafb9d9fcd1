// Every input the fuzzers (tools/fuzz.sh) or a review found to crash, hang or mislead the loader is
// kept in tests/fuzz/regressions/ and replayed here the way tests/fuzz/fuzz_loader.cpp runs it:
//   scenario-*.toml  loaded as a scenario in a folder with the example scenarios (as bases), the
//                    catalogue's companions (bij/) and regels.toml = scenarios/regels/po-2025.toml;
//   rules-*.toml     loaded as regels.toml of tests/fuzz/rules-scenario-po.toml (-vo when it
//                    mentions "vo").
// Loading must end in a scenario or in errors, never a crash, and every message must be readable;
// a scenario that loads must run without a non-finite number in its result (fuzz/model_check.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/model_check.h"
#include "helpers.h"
#include "loader.h"

namespace {

namespace fs = std::filesystem;

const std::string kSource = SWVSIM_SOURCE_DIR;

std::string read_file(const fs::path& p) { return swv::test::slurp(p.string()); }

std::vector<fs::path> regressions() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kSource + "/tests/fuzz/regressions"))
    if (e.path().extension() == ".toml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The folder the fuzz harness works in, with `input` placed as it places fuzz input.
std::string harness_folder(const fs::path& input, bool rules) {
  fs::path dir = swv::test::temp_dir();
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-vo.toml", "voorbeeld-po-krimp.toml"})
    fs::copy_file(kSource + "/scenarios/" + name, dir / name);
  fs::copy(kSource + "/tests/catalogus/bij", dir / "bij", fs::copy_options::recursive);
  if (rules) {
    fs::copy_file(input, dir / "regels.toml");
    bool vo = read_file(input).find("\"vo\"") != std::string::npos;
    fs::copy_file(kSource + "/tests/fuzz/rules-scenario-" + (vo ? "vo" : "po") + ".toml", dir / "scenario.toml");
    return (dir / "scenario.toml").string();
  }
  fs::copy_file(kSource + "/scenarios/regels/po-2025.toml", dir / "regels.toml");
  fs::copy_file(input, dir / "fuzz.toml");
  return (dir / "fuzz.toml").string();
}

}  // namespace

TEST_CASE("fuzz-regressies: elke bewaarde invoer eindigt in een scenario of in leesbare fouten", "[fuzz]") {
  auto files = regressions();
  REQUIRE_FALSE(files.empty());
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const bool rules = name.starts_with("rules-");
    INFO(name);
    REQUIRE((rules || name.starts_with("scenario-")));
    const std::string path = harness_folder(f, rules);
    swv::LoadResult r = swv::load_scenario(path, {kSource + "/scenarios/regels"});
    CHECK(r.scenario.has_value() != r.diags.has_errors());
    for (const auto& d : r.diags.items()) {
      const std::string line = d.format();
      INFO(line);
      CHECK_FALSE(d.message.empty());
      CHECK(std::none_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }));
      CHECK(line.size() <= 32 * 1024);
    }
    if (r.scenario) CHECK(swv::fuzz::check_model(*r.scenario) == "");
    fs::remove_all(fs::path(path).parent_path());
  }
}

TEST_CASE("fuzz-regressies: de gevonden gebreken geven nu een duidelijke fout", "[fuzz]") {
  // Crashed (boost threw on an infinite beta shape) or loaded silently with NaN probabilities, or
  // followed a basis path with a NUL byte; now each is an input error at the right key.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"scenario-beta-sd-1e-200.toml", "stromen.verwijzing.sbo.sd: getal 1e-200 is onredelijk klein"},
      {"scenario-beta-gemiddelde-1e-300.toml", "stromen.verwijzing.sbo.gemiddelde: getal 1e-300 is onredelijk klein"},
      {"scenario-lognormaal-gemiddelde-1e-300.toml", "stromen.verwijzing.sbo.gemiddelde: getal 1e-300 is onredelijk klein"},
      {"scenario-basis-met-nul-teken.toml", "basis: tekst bevat het stuurteken U+0000"},
  };
  for (const auto& [file, message] : cases) {
    INFO(file);
    const std::string path = harness_folder(kSource + "/tests/fuzz/regressions/" + file, false);
    swv::LoadResult r = swv::load_scenario(path, {kSource + "/scenarios/regels"});
    CHECK_FALSE(r.scenario);
    std::string all;
    for (const auto& d : r.diags.items()) all += d.format() + "\n";
    CHECK_THAT(all, Catch::Contains(message));
    fs::remove_all(fs::path(path).parent_path());
  }
}

TEST_CASE("fuzz-regressies: een variant van een basis met heel veel posten laadt in lineaire tijd", "[fuzz]") {
  // Merging looked each variant entry up with a linear search (40.000 posts: about a minute; a
  // file of 8 MB: hours). Now by an index; the removed entries are compacted afterwards.
  constexpr int kPosts = 40'000;
  fs::path dir = swv::test::temp_dir();
  std::string base = swv::test::kMinimalPo;
  std::string variant = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n";
  for (int i = 0; i < kPosts; ++i) {
    const std::string code = std::to_string(i);
    base += "[[post]]\ncode = \"" + code + "\"\nnaam = \"p\"\nkant = \"lasten\"\nbedrag = 1\ngroep = \"g" + code + "\"\n";
    variant += "[[post]]\ncode = \"" + code + "\"\n" + (i % 4 == 0 ? "verwijder = true\n" : "bedrag = 2\n");
  }
  swv::test::write(dir.string(), "regels.toml", swv::test::kRulesPo);
  swv::test::write(dir.string(), "basis.toml", base);
  const auto start = std::chrono::steady_clock::now();
  swv::LoadResult r = swv::load_scenario(swv::test::write(dir.string(), "variant.toml", variant));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.scenario);
  // About 1 s optimised; the quadratic merge this guards against took hours. The sanitizers run
  // several times slower, more so on a busy machine.
#ifdef SWVSIM_SANITIZED
  CHECK(seconds < 180);
#else
  CHECK(seconds < 30);
#endif
  REQUIRE(r.scenario->lines.size() == kPosts - kPosts / 4);
  for (const auto& l : r.scenario->lines) {
    INFO(l.code);
    CHECK(std::stoi(l.code) % 4 != 0);
    CHECK(l.amount.mean(2025) == 2.0);
  }
  fs::remove_all(dir);
}

TEST_CASE("fuzz-modeltoets: vindt elk niet-eindig getal in een uitkomst", "[fuzz]") {
  // The fuzz targets run every scenario that loads; this is the check they abort on.
  swv::LoadResult r = swv::load_scenario(kSource + "/scenarios/voorbeeld-po.toml");
  REQUIRE(r.scenario);
  CHECK(swv::fuzz::check_model(*r.scenario) == "");
  const swv::Result ok = swv::run_deterministic(*r.scenario);
  REQUIRE(swv::fuzz::first_non_finite(ok) == "");
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  swv::Result bad = ok;
  bad.series.at(0).p95.at(2) = inf;
  CHECK(swv::fuzz::first_non_finite(bad) == "reeks " + ok.series.at(0).key + " p95[2]");
  bad = ok;
  bad.lines.at(0).realised.at(1) = nan;
  CHECK(swv::fuzz::first_non_finite(bad) == "post " + ok.lines.at(0).code + " bedragen[1]");
  bad = ok;
  bad.start_equity = -inf;
  CHECK(swv::fuzz::first_non_finite(bad) == "start_eigen_vermogen");
  bad = ok;
  bad.expected_risk_cost.back() = nan;
  CHECK(swv::fuzz::first_non_finite(bad) == "verwachte_risicolast[" + std::to_string(ok.expected_risk_cost.size() - 1) + "]");
}
