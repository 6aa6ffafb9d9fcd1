// Every bundled example and rules file loads without errors and runs deterministically; the CLI
// answers with the contract's exit codes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "deterministic.h"
#include "helpers.h"
#include "json_writer.h"

using namespace swv;
using namespace swv::test;
namespace fs = std::filesystem;

TEST_CASE("each example scenario loads and runs", "[examples]") {
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-po-krimp.toml", "voorbeeld-vo.toml", "voorbeeld-po-streefvermogen.toml", "voorbeeld-po-2022.toml"}) {
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

// Every euro on a line (scenario-format 14.3): in resultaat.json and the CSV of every example, in
// both modes, the lines of each side add up to its total per year (deterministic exactly, up to the
// printed rounding; Monte Carlo the means, within rounding).
TEST_CASE("every example's lines add up to its totals in JSON and CSV, in both modes", "[examples][reconciliation]") {
  const std::string dir = temp_dir();
  for (const char* name : {"voorbeeld-po", "voorbeeld-po-krimp", "voorbeeld-vo", "voorbeeld-po-streefvermogen", "voorbeeld-po-2022"})
    for (const char* mode : {"--deterministisch", "--paden 300"}) {
      INFO(name << " " << mode);
      const std::string out = dir + "/" + name + (mode[2] == 'd' ? "-d" : "-mc");
      REQUIRE(run_cli("run " + source_path(std::string("scenarios/") + name + ".toml") + " " + mode +
                      " --stil --formaat json,csv,md --uit " + out) == 0);
      const auto j = nlohmann::json::parse(slurp(out + "/resultaat.json"));
      const size_t years = j["jaren"].size();
      const std::pair<const char*, const char*> sides[] = {{"baten", "totale_baten"}, {"kortingen", "kortingen"}, {"lasten", "totale_lasten"}};
      // CSV rows "post_<kant>,code,naam,jaar,waarde,..." summed per side and year.
      std::map<std::string, std::vector<double>> csv;
      std::map<std::string, std::vector<double>> csv_total;
      std::istringstream in(slurp(out + "/resultaat.csv"));
      for (std::string row; std::getline(in, row);) {
        std::vector<std::string> f;
        std::string cell;
        bool quoted = false;
        for (char c : row) {
          if (c == '"') quoted = !quoted;
          else if (c == ',' && !quoted) f.push_back(cell), cell.clear();
          else if (c != '\r') cell += c;
        }
        f.push_back(cell);
        if (f.size() < 5 || f[3] == "jaar") continue;
        const size_t y = static_cast<size_t>(std::stoi(f[3]) - j["jaren"][0].get<int>());
        auto add = [&](std::map<std::string, std::vector<double>>& m, const std::string& k) {
          m[k].resize(years);
          m[k][y] += std::stod(f[4]);
        };
        if (f[0].rfind("post_", 0) == 0) add(csv, f[0].substr(5));
        if (f[0] == "reeks") add(csv_total, f[1]);
      }
      // Markdown: in its Meerjarenbegroting each side's lines come right before "**Totale ...**"; the
      // amounts are whole euros, so a side's sum may differ from its total by half a euro per line.
      {
        std::istringstream md(slurp(out + "/samenvatting.md"));
        std::vector<double> sum(years, 0.0);
        size_t lines = 0;
        bool in_table = false;
        auto euros = [](std::string c) {
          std::string digits;
          for (char ch : c)
            if ((ch >= '0' && ch <= '9') || ch == '-') digits += ch;
          return std::stod(digits);
        };
        for (std::string row; std::getline(md, row);) {
          if (row.rfind("## Meerjarenbegroting", 0) == 0) in_table = true;
          if (!in_table || row.rfind("| ", 0) != 0 || row.rfind("| Post", 0) == 0) continue;
          std::vector<std::string> cells;
          for (size_t a = 1, b; (b = row.find(" |", a)) != std::string::npos; a = b + 2) cells.push_back(row.substr(a + 1, b - a - 1));
          if (cells.size() != years + 1) continue;
          if (cells[0].rfind("**Totale", 0) == 0) {
            for (size_t y = 0; y < years; ++y) {
              INFO(cells[0] << " " << y);
              CHECK(std::fabs(sum[y] - euros(cells[1 + y])) <= 0.5 * static_cast<double>(lines + 1));
            }
            std::fill(sum.begin(), sum.end(), 0.0);
            lines = 0;
          } else if (cells[0].rfind("**", 0) == 0) {
            break;  // Saldo: the lines are done
          } else {
            for (size_t y = 0; y < years; ++y) sum[y] += euros(cells[1 + y]);
            ++lines;
          }
        }
        CHECK(in_table);
      }
      for (const auto& [side, total] : sides)
        for (size_t y = 0; y < years; ++y) {
          double sum = 0;
          for (const auto& p : j["posten"])
            if (p["kant"] == side) sum += p["bedragen"][y].get<double>();
          const double t = j["reeksen"][total]["gemiddelde"][y].get<double>();
          INFO(side << " " << y);
          CHECK(std::fabs(sum - t) <= 0.01);  // JSON amounts are printed to 6 decimals
          const double c = csv.count(side) ? csv[side][y] : 0.0;
          CHECK(std::fabs(c - csv_total[total][y]) <= 0.01);
        }
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
