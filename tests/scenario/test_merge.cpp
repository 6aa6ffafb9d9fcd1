// Variants (section 2): every merge rule, paths relative to their file, cycles, no-op warning.
#include <catch2/catch.hpp>
#include <filesystem>

#include "deterministic.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

extern const std::string kMjbScenario;

namespace {
struct Chain {
  std::string dir;
  LoadResult load(const std::string& variant) {
    write(dir, "variant.toml", variant);
    return load_scenario(dir + "/variant.toml");
  }
};
Chain chain() {
  Chain c{temp_dir()};
  write(c.dir, "regels.toml", kRulesPo);
  write(c.dir, "basis.toml", kMjbScenario);
  return c;
}
const Line* find_line(const Scenario& s, const std::string& code) {
  for (const auto& l : s.lines)
    if (l.code == code) return &l;
  return nullptr;
}
const std::string kHead = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n";
}  // namespace

TEST_CASE("tables merge key by key — a value replaces the base's value whole", "[merge]") {
  auto c = chain();
  LoadResult r = c.load(kHead + "[start]\neigen_vermogen = 5\n[stromen.uitstroom]\nregulier = { verdeling = \"uniform\", min = 0.05, max = 0.15 }\n");
  INFO(errors(r));
  REQUIRE(r.scenario);
  CHECK(r.scenario->start.equity == 5);
  CHECK(r.scenario->start.regular == 1000);  // kept from the base
  CHECK(r.scenario->flows.out_regular.dist == Dist::Uniform);
  CHECK(r.scenario->flows.out_sbo.mean(2025) == 0.25);  // sibling kept
  CHECK(r.scenario->files.size() == 2);
}

TEST_CASE("[[post]] merges by code: new code appended, known code merged, vervang replaces, verwijder removes", "[merge]") {
  auto c = chain();
  LoadResult r = c.load(kHead + R"(
[[post]]
code = "4.1"
realisatie = 0.5
[[post]]
code = "4.4"
vervang = true
naam = "Nieuw overig"
kant = "lasten"
bedrag = 1
[[post]]
code = "4.5.2"
verwijder = true
[[post]]
code = "9.9"
naam = "Nieuw"
kant = "lasten"
bedrag = 10
)");
  INFO(errors(r));
  REQUIRE(r.scenario);
  const Scenario& s = *r.scenario;
  REQUIRE(find_line(s, "4.1"));
  CHECK(find_line(s, "4.1")->realisation.mean(2025) == 0.5);
  CHECK(find_line(s, "4.1")->index == IndexKind::Wage);  // merged: the rest of the base entry stays
  CHECK(find_line(s, "4.4")->name == "Nieuw overig");
  CHECK(find_line(s, "4.4")->group.empty());  // replaced whole: groep of the base is gone
  CHECK(find_line(s, "4.5.2") == nullptr);
  CHECK(s.lines.back().code == "9.9");
}

TEST_CASE("a plain array replaces the base's", "[merge]") {
  auto c = chain();
  write(c.dir, "basis.toml", kMjbScenario + "[[risico]]\ncode = \"R\"\nnaam = \"r\"\nkans = 0.1\nimpact = 1\njaren = [2025, 2026]\n");
  LoadResult r = c.load(kHead + "[[risico]]\ncode = \"R\"\njaren = [2027]\n");
  REQUIRE(r.scenario);
  CHECK(r.scenario->risks.at(0).years == std::vector<int>{2027});
}

TEST_CASE("paths are relative to the file in which they are written, also when inherited", "[merge]") {
  std::string dir = temp_dir();
  std::filesystem::create_directories(dir + "/basis/regels");
  std::filesystem::create_directories(dir + "/varianten");
  write(dir + "/basis/regels", "eigen.toml", kRulesPo);
  std::string base = kMjbScenario;
  base.replace(base.find("regels = \"regels.toml\""), 22, "regels = \"regels/eigen.toml\"");
  write(dir + "/basis", "basis.toml", base);
  write(dir + "/varianten", "v.toml", "schema = \"swvsim/1\"\nbasis = \"../basis/basis.toml\"\n[start]\neigen_vermogen = 1\n");
  LoadResult r = load_scenario(dir + "/varianten/v.toml");
  INFO(errors(r));
  REQUIRE(r.scenario);
  CHECK(r.scenario->rules.file.find("basis/regels/eigen.toml") != std::string::npos);
}

TEST_CASE("bases may have bases — the merged result is the last word", "[merge]") {
  auto c = chain();
  write(c.dir, "midden.toml", kHead + "[start]\neigen_vermogen = 2\n[demografie]\ninstroom = 50\n");
  write(c.dir, "top.toml", "schema = \"swvsim/1\"\nbasis = \"midden.toml\"\n[start]\neigen_vermogen = 3\n");
  LoadResult r = load_scenario(c.dir + "/top.toml");
  REQUIRE(r.scenario);
  CHECK(r.scenario->start.equity == 3);
  CHECK(r.scenario->demography.intake == 50);
  CHECK(r.scenario->files.size() == 3);
}

TEST_CASE("a variant that changes nothing is warned about", "[merge]") {
  auto c = chain();
  LoadResult r = c.load(kHead + "[start]\neigen_vermogen = 1_000_000\n");
  REQUIRE(r.scenario);
  bool warned = false;
  for (const auto& w : r.diags.warnings()) warned |= w.find("verandert niets") != std::string::npos;
  CHECK(warned);
  LoadResult changed = c.load(kHead + "[start]\neigen_vermogen = 999\n");
  for (const auto& w : changed.diags.warnings()) CHECK(w.find("verandert niets") == std::string::npos);
}

TEST_CASE("a variant identical in content gives the same deterministic result", "[merge]") {
  auto c = chain();
  LoadResult v = c.load(kHead);
  LoadResult b = load_scenario(c.dir + "/basis.toml");
  REQUIRE(v.scenario);
  REQUIRE(b.scenario);
  CHECK(run_deterministic(*v.scenario).find("eigen_vermogen")->mean == run_deterministic(*b.scenario).find("eigen_vermogen")->mean);
}
