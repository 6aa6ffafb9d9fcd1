// One vocabulary across formats (issue 13, item 8): the figures a board reads on page 1 are the
// same in resultaat.json, the HTML report, samenvatting.md, the CSV and the workbook.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "format_nl.h"
#include "helpers.h"

using namespace swv;
using namespace swv::test;

namespace {

// The digits of a CSV/XML number as written: "2010000" for 2010000.0, "595479.644193" otherwise.
bool has_number(const std::string& text, double x, double tolerance) {
  // Every number in the text is compared: the writers may print more or fewer decimals.
  for (size_t i = 0; i < text.size();) {
    if (!(std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '-')) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' || text[end] == 'e' || text[end] == 'E' ||
                                 text[end] == '-' || text[end] == '+'))
      ++end;
    const std::string token = text.substr(i, end - i);
    char* stop = nullptr;
    const double v = std::strtod(token.c_str(), &stop);
    if (stop != token.c_str() && std::fabs(v - x) <= tolerance) return true;
    i = end;
  }
  return false;
}

}  // namespace

TEST_CASE("formats agree: page-1 figures are the same in JSON, HTML, Markdown, CSV and Excel", "[cli][formaten]") {
  const std::string dir = temp_dir();
  REQUIRE(run_cli("run " + source_path("scenarios/voorbeeld-po.toml") + " --paden 2000 --stil --uit " + dir) == 0);
  const auto j = nlohmann::json::parse(slurp(dir + "/resultaat.json"));
  const size_t last = j["jaren"].size() - 1;
  const double start = j["start"]["eigen_vermogen"], median_last = j["reeksen"]["eigen_vermogen"]["p50"][last];
  const double signal_first = j["reeksen"]["signaleringswaarde"]["gemiddelde"][0];
  double needed = 0;
  for (const auto& b : j["weerstandsvermogen"]["benodigd"])
    if (b["zekerheid"] == 0.9) needed = b["benodigd"];
  REQUIRE(needed > 0);
  REQUIRE(j.contains("kaderbrief"));
  const double spend = j["kaderbrief"]["bedrag_per_jaar"];
  CHECK(j["kaderbrief"]["paden"] == 2000);
  CHECK(j["kaderbrief"]["doeljaar"] == j["jaren"][last]);

  const std::string html = slurp(dir + "/rapport.html"), md = slurp(dir + "/samenvatting.md");
  const std::string page1 = html.substr(html.find("<section id=\"bestuurssamenvatting\">"));
  // The kaderbrief figure is worded by kind: a cut shows the amount without its minus sign.
  for (double x : {start, median_last, signal_first, needed, std::fabs(spend)}) {
    INFO(euro(x));
    CHECK(page1.find(euro(x)) != std::string::npos);
  }
  CHECK(page1.find("Voor de kaderbrief: <span id=\"kaderbrief-bedrag\">") != std::string::npos);
  for (double x : {median_last, std::fabs(spend)}) {
    INFO(euro(x));
    CHECK(md.find(euro(x)) != std::string::npos);
  }
  const std::string csv = slurp(dir + "/resultaat.csv");
  for (double x : {median_last, signal_first}) {
    INFO(x);
    CHECK(has_number(csv, x, 1e-6));
  }
  // The workbook stores numbers as numbers: the median and the buffer, to the euro.
  const std::string sheets = run_output("unzip -p '" + dir + "/rapport.xlsx' 'xl/worksheets/*.xml' 2>/dev/null");
  REQUIRE(!sheets.empty());
  for (double x : {median_last, needed, start}) {
    INFO(x);
    CHECK(has_number(sheets, x, 0.5));
  }

  // The same amount as bestedingsruimte on the same paths, whose JSON is the decision command's.
  REQUIRE(run_cli("bestedingsruimte " + source_path("scenarios/voorbeeld-po.toml") + " --paden 2000 --stil --formaat json --uit " + dir + "/b") == 0);
  const auto b = nlohmann::json::parse(slurp(dir + "/b/bestedingsruimte.json"));
  CHECK(b["aanbeveling"]["bedrag_per_jaar"] == j["kaderbrief"]["bedrag_per_jaar"]);
  CHECK(b["aanbeveling"]["soort"] == j["kaderbrief"]["soort"]);
}

TEST_CASE("formats agree: a deterministic run's reports carry no probability words", "[cli][formaten]") {
  const std::string dir = temp_dir();
  REQUIRE(run_cli("run " + source_path("scenarios/voorbeeld-po.toml") + " --deterministisch --stil --uit " + dir) == 0);
  // The HTML report up to the risk register (whose inputs are probabilities by nature), and samenvatting.md.
  std::string html = slurp(dir + "/rapport.html");
  const size_t from = html.find("<section id=\"bestuurssamenvatting\">"), to = html.find("<section id=\"risicos\">");
  REQUIRE(from != std::string::npos);
  html = html.substr(from, to == std::string::npos ? std::string::npos : to - from);
  const std::string md = slurp(dir + "/samenvatting.md");
  for (const std::string* text : std::initializer_list<const std::string*>{&html, &md})
    for (const char* word : {"kans", "paden", "P5", "P95", "banden", "mediaan", "percentiel", "standaardfout"}) {
      INFO(word << " in " << (text == &md ? "samenvatting.md" : "rapport.html"));
      CHECK(text->find(word) == std::string::npos);
    }
  const auto j = nlohmann::json::parse(slurp(dir + "/resultaat.json"));
  CHECK(j["kaderbrief"]["paden"] == 0);
}
