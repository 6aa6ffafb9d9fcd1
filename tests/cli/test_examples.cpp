// Every bundled example and rules file loads without errors and runs deterministically; the CLI
// answers with the contract's exit codes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "deterministic.h"
#include "helpers.h"
#include "json_writer.h"

using namespace swv;
using namespace swv::test;
namespace fs = std::filesystem;

TEST_CASE("each example scenario loads and runs", "[examples]") {
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-po-krimp.toml", "voorbeeld-vo.toml"}) {
    INFO(name);
    LoadResult lr = load_scenario(source_path(std::string("scenarios/") + name));
    INFO(errors(lr));
    REQUIRE(lr.scenario);
    Result r = run_deterministic(*lr.scenario);
    const auto& eq = r.find("eigen_vermogen")->mean;
    REQUIRE(eq.size() == static_cast<size_t>(lr.scenario->years()));
    for (double x : eq) CHECK(std::isfinite(x));
    // PO example: starts above the norm, as its story says.
    if (std::string(name) == "voorbeeld-po.toml") CHECK(r.excessive.value[0] == 1.0);
  }
}

TEST_CASE("the krimp variant changes the base and shrinks faster", "[examples]") {
  LoadResult base = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  LoadResult var = load_scenario(source_path("scenarios/voorbeeld-po-krimp.toml"));
  REQUIRE(base.scenario);
  REQUIRE(var.scenario);
  Result rb = run_deterministic(*base.scenario), rv = run_deterministic(*var.scenario);
  CHECK(rv.find("leerlingen_regulier")->mean.back() < rb.find("leerlingen_regulier")->mean.back());
  CHECK(rv.find("leerlingen_sbo")->mean.back() < rb.find("leerlingen_sbo")->mean.back());
}

TEST_CASE("each rules file loads for its sector", "[examples]") {
  for (auto [file, sector] : {std::pair{"po-2025", Sector::Po}, {"po-2022", Sector::Po}, {"vo-2025", Sector::Vo}}) {
    INFO(file);
    Diagnostics d;
    Rules r;
    load_rules(source_path(std::string("scenarios/regels/") + file + ".toml"), sector, r, d);
    // A bundled rules file loads without any message, errors or warnings (shown when one appears).
    std::string messages;
    for (const auto& x : d.items()) messages += x.format() + "\n";
    CHECK(messages == "");
    CHECK(r.sector == sector);
    CHECK(r.file == source_path(std::string("scenarios/regels/") + file + ".toml"));
    CHECK(!r.support.empty());
    for (const auto& c : r.support) {
      INFO(c.name);
      CHECK(c.amount.at(2025) > 0);  // every component pays something in the first year of the examples
    }
  }
}

TEST_CASE("CLI exit codes and resultaat.json", "[cli]") {
  std::string dir = temp_dir();
  CHECK(run_cli("controleer " + source_path("scenarios/voorbeeld-po.toml")) == 0);
  CHECK(run_cli("check " + source_path("scenarios/voorbeeld-vo.toml")) == 0);
  CHECK(run_cli("--version") == 0);
  CHECK(run_cli("onzin") == 2);
  CHECK(run_cli("controleer " + dir + "/bestaat-niet.toml") == 2);
  std::string bad = write(dir, "fout.toml", "schema = \"swvsim/1\"\n[swvv]\n");
  CHECK(run_cli("controleer " + bad, dir + "/err.txt") == 2);
  CHECK(slurp(dir + "/err.txt").find("bedoelde je \"swv\"?") != std::string::npos);
  CHECK(run_cli("run " + source_path("scenarios/voorbeeld-po.toml") + " --formaat pdf") == 2);

  std::string out = dir + "/uit";
  REQUIRE(run_cli("run " + source_path("scenarios/voorbeeld-po.toml") + " --deterministisch --stil --uit " + out) == 0);
  auto j = nlohmann::json::parse(slurp(out + "/resultaat.json"));
  CHECK(j["simulatie"]["modus"] == "deterministisch");
  CHECK(j["jaren"].size() == 6);
  for (const char* k : {"eigen_vermogen", "signaleringswaarde", "totale_baten", "kortingen", "totale_lasten", "saldo",
                        "ratio_ev_baten", "leerlingen_regulier", "leerlingen_sbo", "leerlingen_so", "leerlingen_pro"}) {
    INFO(k);
    REQUIRE(j["reeksen"].contains(k));
    for (const char* p : {"gemiddelde", "p5", "p25", "p50", "p75", "p95"}) CHECK(j["reeksen"][k][p].size() == 6);
    CHECK(j["reeksen"][k]["p5"] == j["reeksen"][k]["gemiddelde"]);  // deterministic: one value
  }
  for (const char* k : {"bovenmatig", "onder_ondergrens", "negatief"}) CHECK(j["kansen"][k]["standaardfout"][0] == 0.0);
  CHECK(j["scenario"]["sha256"].get<std::string>().size() == 64);
  CHECK(j["posten"][0].contains("begroot"));
  CHECK(j["posten"][0].contains("bedragen"));
  CHECK(j["verwachte_risicolast"].size() == 6);
  // No temporary file left behind.
  for (const auto& e : fs::directory_iterator(out)) {
    INFO(e.path());
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
  }
}
