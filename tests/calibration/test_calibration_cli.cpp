// swvsim kalibreer and swvsim terugtoets as a user runs them (docs/cli-en-uitvoer.md): the files and
// their JSON contract, the fragment used as a variant by run (the report names the calibration and
// shows the back-test), and the option errors (exit 2, each message in docs/foutmeldingen.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "backtest.h"
#include "helpers.h"
#include "history_sim.h"

using namespace swv;
using namespace swv::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A folder with historie.csv drawn from tests/kalibratie/po-bekend.toml (12 teldata, with flows).
std::string history_folder(uint64_t path = 1, bool flows = true) {
  LoadResult lr = load_scenario(source_path("tests/kalibratie/po-bekend.toml"));
  REQUIRE(lr.scenario);
  const std::string dir = temp_dir();
  write(dir, "historie.csv", history_to_csv(simulate_history(*lr.scenario, path, flows)));
  return dir;
}

int swvsim(const std::string& dir, const std::string& args, const std::string& out = "out.txt") {
  return run_shell("cd '" + dir + "' && '" + SWVSIM_BINARY + "' " + args + " >'" + out + "' 2>&1");
}

}  // namespace

TEST_CASE("kalibreer: kalibratie.toml and kalibratie.json with every estimate under its scenario key", "[kalibratie][cli]") {
  const std::string dir = history_folder();
  REQUIRE(swvsim(dir, "kalibreer historie.csv --uit kal") == 0);
  const std::string out = slurp(dir + "/out.txt");
  CHECK(out.find("stromen.verwijzing.sbo") != std::string::npos);
  CHECK(out.find("kal/kalibratie.toml") != std::string::npos);
  const json j = json::parse(slurp(dir + "/kal/kalibratie.json"));
  CHECK(j["jaren"].size() == 12);
  CHECK(j["methode"].is_string());
  for (const char* key : {"stromen.verwijzing.sbo", "stromen.verwijzing.so.laag", "stromen.uitstroom.sbo", "demografie.onzekerheid",
                          "demografie.groei", "demografie.persistentie", "demografie.instroom"}) {
    INFO(key);
    REQUIRE(j["schattingen"].contains(key));
    CHECK(j["schattingen"][key]["waarde"].is_number());
    CHECK(j["schattingen"][key]["standaardfout"].is_number());
  }
  CHECK(j["schattingen"]["stromen.uitstroom.regulier"]["standaardfout"].is_null());
  CHECK(j["schattingen"]["stromen.uitstroom.regulier"]["aangenomen"] == true);
  CHECK(fs::exists(dir + "/kal/kalibratie.toml"));
  CHECK_FALSE(fs::exists(dir + "/kal/terugtoets.json"));
  fs::remove_all(dir);
}

TEST_CASE("terugtoets: terugtoets.json with the coverage per series and every point, and an HTML page", "[kalibratie][cli]") {
  const std::string dir = history_folder();
  REQUIRE(swvsim(dir, "terugtoets historie.csv --horizon 2 --paden 500 --uit toets") == 0);
  const json j = json::parse(slurp(dir + "/toets/terugtoets.json"));
  CHECK(j["oorsprongen"] == json::array({2016, 2017, 2018, 2019, 2020, 2021, 2022}));
  CHECK(j["horizon"] == 2);
  const auto& pts = j["punten"];
  CHECK(pts.size() == 3 * (6 * 2 + 1));
  // The coverage is the share of the points inside the bands (an edge counts half).
  for (const char* series : {"leerlingen_regulier", "leerlingen_sbo", "leerlingen_so"}) {
    INFO(series);
    const auto& d = j["dekking"][series];
    REQUIRE(d.contains("50"));
    double in50 = 0, in90 = 0;
    int n = 0;
    for (const auto& p : pts) {
      if (p["reeks"] != series) continue;
      const BacktestPoint b{series, p["oorsprong"], p["jaar"], p["werkelijk"], p["p5"], p["p25"], p["p50"], p["p75"], p["p95"]};
      in50 += b.in50(), in90 += b.in90(), ++n;
    }
    CHECK(d["punten"] == n);
    CHECK(d["50"].get<double>() == Catch::Detail::Approx(in50 / n));
    CHECK(d["90"].get<double>() == Catch::Detail::Approx(in90 / n));
  }
  const std::string html = slurp(dir + "/toets/terugtoets.html");
  CHECK(html.find("<h2>Oordeel</h2>") != std::string::npos);
  CHECK(html.find(j["oordeel"].get<std::string>()) != std::string::npos);
  CHECK(html.find("<svg class=\"chart\"") != std::string::npos);
  CHECK(slurp(dir + "/out.txt").find("[kalibratie.terugtoets]") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("kalibreer --terugtoets --basis: a variant whose report names the calibration and shows the back-test", "[kalibratie][cli]") {
  const std::string dir = history_folder(2);
  std::string base = slurp(source_path("scenarios/voorbeeld-po.toml"));
  replace_all(base, "eerste_jaar  = 2025", "eerste_jaar  = 2024");
  write(dir, "scenario.toml", base);
  REQUIRE(swvsim(dir, "kalibreer historie.csv --basis scenario.toml --terugtoets --paden 500 --uit kal") == 0);
  const std::string fragment = slurp(dir + "/kal/kalibratie.toml");
  CHECK(fragment.find("\nbasis = \"../scenario.toml\"\n") != std::string::npos);
  CHECK(fragment.find("[kalibratie.terugtoets]") != std::string::npos);
  const json t = json::parse(slurp(dir + "/kal/terugtoets.json"));
  REQUIRE(swvsim(dir, "run kal/kalibratie.toml --paden 300 --geen-kaderbrief --stil --uit run") == 0);
  const json r = json::parse(slurp(dir + "/run/resultaat.json"));
  REQUIRE(r.contains("kalibratie"));
  CHECK(r["kalibratie"]["historie"] == "historie.csv");
  CHECK(r["kalibratie"]["terugtoets"]["punten"] == t["dekking"]["alle"]["punten"]);
  CHECK(r["kalibratie"]["terugtoets"]["dekking_90"].get<double>() == Catch::Detail::Approx(t["dekking"]["alle"]["90"].get<double>()).epsilon(1e-3));
  const std::string html = slurp(dir + "/run/rapport.html");
  CHECK(html.find("<dt>Kalibratie</dt><dd>Demografie en leerlingstromen gekalibreerd op de eigen telgeschiedenis historie.csv (teldata 2012–2023") !=
        std::string::npos);
  CHECK(html.find("<h3>Hoe eerlijk zijn de banden?</h3><p>De spreiding van de leerlingaantallen") != std::string::npos);
  CHECK(html.find("Terugtoets op die historie: de 90%-banden vingen") != std::string::npos);
  CHECK(slurp(dir + "/run/samenvatting.md").find("gekalibreerd op de eigen telgeschiedenis") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("kalibreer: the shipped example history calibrates the example scenario, and its bands are not too narrow", "[kalibratie][cli]") {
  const std::string dir = temp_dir();
  REQUIRE(swvsim(dir, "kalibreer '" + source_path("scenarios/voorbeeld-historie-po.csv") + "' --basis '" + source_path("scenarios/voorbeeld-po.toml") +
                          "' --terugtoets --paden 500 --uit kal") == 0);
  const std::string out = slurp(dir + "/out.txt");
  CHECK(out.find("waarschuwing: het scenario begint") == std::string::npos);  // the history ends in 2024, the example starts in 2025
  const json t = json::parse(slurp(dir + "/kal/terugtoets.json"));
  CHECK(t["dekking"]["alle"]["oordeel"] != "te smal");
  REQUIRE(swvsim(dir, "controleer kal/kalibratie.toml") == 0);
  fs::remove_all(dir);
}

TEST_CASE("kalibreer --basis: a scenario that does not start the year after the last teldatum is warned about", "[kalibratie][cli]") {
  const std::string dir = history_folder(4);
  write(dir, "scenario.toml", slurp(source_path("scenarios/voorbeeld-po.toml")));  // starts in 2025; the history ends in 2023
  REQUIRE(swvsim(dir, "kalibreer historie.csv --basis scenario.toml --uit kal") == 0);
  CHECK(slurp(dir + "/out.txt").find("scenario.toml: waarschuwing: het scenario begint in 2025; de kalibratie hoort bij een begin in 2024 (de instroom "
                                     "en de startaantallen zijn die van de laatste teldatum, 2023)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("kalibreer and terugtoets: option errors give exit 2 with a Dutch message from docs/foutmeldingen.md", "[kalibratie][cli]") {
  const std::string dir = history_folder(3);
  write(dir, "kort.csv", "jaar,regulier,sbo,so\n2021,12000,300,250\n2022,12000,300,250\n2023,12000,300,250\n");
  write(dir, "scenario.toml", slurp(source_path("scenarios/voorbeeld-vo.toml")));
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"kalibreer", "swvsim: fout: geef een historiebestand op: swvsim kalibreer HISTORIE.csv"},
      {"kalibreer historie.csv --sector bo", "swvsim: fout: --sector is po of vo, niet \"bo\""},
      {"terugtoets historie.csv --paden 10", "swvsim: fout: --paden moet bij een terugtoets ten minste 100 zijn (de banden P5–P95 vragen genoeg paden)"},
      {"terugtoets historie.csv --paden 2000000", "swvsim: fout: --paden mag bij een terugtoets hoogstens 1.000.000 zijn"},
      {"terugtoets historie.csv --horizon 0", "swvsim: fout: --horizon is 1 tot en met 15 jaar, niet 0"},
      {"terugtoets historie.csv --vanaf 2013",
       "swvsim: fout: --vanaf 2013 is te vroeg: een kalibratie heeft ten minste 3 teldata nodig, de eerste oorsprong kan dus 2014 zijn"},
      {"kalibreer historie.csv --terugtoets --vanaf 2023",
       "swvsim: fout: --vanaf 2023 laat geen jaar over om te toetsen: de historie loopt tot 2023; kies ten hoogste 2022"},
      {"terugtoets kort.csv", "swvsim: fout: de historie (2021–2023) is te kort voor een terugtoets: er zijn ten minste 4 teldata nodig"},
      {"kalibreer historie.csv --basis scenario.toml", "swvsim: fout: de basis scenario.toml is een vo-scenario, de historie po"},
  };
  for (const auto& [args, message] : cases) {
    INFO(args);
    CHECK(swvsim(dir, args + " --uit uit", "err.txt") == 2);
    std::string err = slurp(dir + "/err.txt");
    // Warnings (of the basis scenario's rules) may come first.
    while (err.find(": waarschuwing: ") != std::string::npos && err.find('\n') < err.find("swvsim: fout")) err.erase(0, err.find('\n') + 1);
    CHECK(err == message + "\n");
    CHECK(doc.find(message) != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/uit"));
  }
  fs::remove_all(dir);
}
