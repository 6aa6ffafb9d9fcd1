// Participation (deelname_*) and waiting lists (wachtlijst_*) in the outputs a board reads: the HTML
// report (fan charts with a percentage axis, the table after the pupil charts), the terminal table,
// the Markdown summary and the MJB sheet of the workbook (numbers in 0.00% format).
#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "deterministic.h"
#include "format_nl.h"
#include "helpers.h"
#include "html_report.h"
#include "loader.h"
#include "mc.h"
#include "md_report.h"
#include "svg_chart.h"
#include "report_text.h"
#include "table_writer.h"
#include "xlsx_report.h"

using namespace swv;
using namespace swv::test;

namespace {

// 1000 regular pupils, 20 SBO, 10 SO laag; 1% referred to SBO and 0.5% to SO each year (as in
// tests/model/test_pupils.cpp). 2025: regular 985, SBO 30, SO 15.
const std::string kPupils = R"(schema = "swvsim/1"
[swv]
naam = "Leerlingen"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2027
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
sbo = 20
so = { laag = 10 }
[demografie]
instroom = 0
[stromen.verwijzing]
sbo = 0.01
so = { laag = 0.005 }
)";

Scenario load(const std::string& text) {
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

Scenario example(const char* file) {
  LoadResult lr = load_scenario(source_path(std::string("scenarios/") + file));
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

// The terminal table's line whose label starts with `label` ("" when missing).
std::string table_line(const std::string& table, const std::string& label) {
  for (size_t at = 0; at < table.size();) {
    const size_t end = table.find('\n', at);
    const std::string line = table.substr(at, end - at);
    if (line.rfind(label, 0) == 0) return line;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "";
}

std::string part(const std::string& xlsx, const std::string& name) {
  return run_output("unzip -p '" + xlsx + "' '" + name + "' 2>/dev/null");
}

// The shared strings of the workbook, in index order (plain text, no rich runs needed here).
std::vector<std::string> shared_strings(const std::string& xlsx) {
  const std::string xml = part(xlsx, "xl/sharedStrings.xml");
  std::vector<std::string> out;
  std::regex re("<si><t[^>]*>([^<]*)</t></si>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1].str());
  return out;
}

// The text cells of a sheet: "A12" -> text.
std::map<std::string, std::string> text_cells(const std::string& xlsx, const std::string& sheet) {
  const std::vector<std::string> strings = shared_strings(xlsx);
  const std::string xml = part(xlsx, sheet);
  std::map<std::string, std::string> out;
  std::regex re("<c r=\"([A-Z]+\\d+)\"[^>]*t=\"s\"[^>]*><v>(\\d+)</v></c>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator(); ++it) {
    const size_t i = std::stoul((*it)[2].str());
    if (i < strings.size()) out[(*it)[1].str()] = strings[i];
  }
  return out;
}

// A numeric cell: its value and number format code (looked up in styles.xml).
struct Num {
  bool found = false;
  double value = 0;
  std::string format;
};
Num number_cell(const std::string& xlsx, const std::string& sheet, const std::string& ref) {
  const std::string xml = part(xlsx, sheet), styles = part(xlsx, "xl/styles.xml");
  std::smatch m;
  if (!std::regex_search(xml, m, std::regex("<c r=\"" + ref + "\"( s=\"(\\d+)\")?><v>([^<]*)</v></c>"))) return {};
  Num n{true, std::stod(m[3].str()), ""};
  if (!m[2].matched) return n;
  std::string xfs = styles.substr(styles.find("<cellXfs"));
  xfs = xfs.substr(0, xfs.find("</cellXfs>"));
  std::vector<std::string> ids;
  std::regex re("<xf numFmtId=\"(\\d+)\"");
  for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), re); it != std::sregex_iterator(); ++it) ids.push_back((*it)[1].str());
  const size_t s = std::stoul(m[2].str());
  REQUIRE(s < ids.size());
  std::smatch f;
  if (std::regex_search(styles, f, std::regex("<numFmt numFmtId=\"" + ids[s] + "\" formatCode=\"([^\"]*)\""))) n.format = f[1].str();
  return n;
}

// The MJB row (1-based, as in Excel) whose code is `code` and whose fifth column says `what`; 0 when none.
size_t mjb_row(const std::map<std::string, std::string>& cells, const std::string& code, const std::string& what) {
  for (const auto& [ref, text] : cells) {
    if (ref[0] != 'A' || text != code) continue;
    const std::string r = ref.substr(1);
    auto e = cells.find("E" + r);
    if (e != cells.end() && e->second == what) return std::stoul(r);
  }
  return 0;
}

}  // namespace

TEST_CASE("participation: percentage axis labels with a Dutch comma", "[reports][deelname]") {
  CHECK(axis_label_pct(0.025, 0.005) == "2,5%");
  CHECK(axis_label_pct(0.0225, 0.0005) == "2,25%");
  CHECK(axis_label_pct(0.1, 0.05) == "10%");
  CHECK(axis_label_pct(0.019, 0.001) == "1,9%");
  CHECK(axis_label_pct(-1e-19, 0.001) == "0,0%");  // no "-0,0%" from accumulated ticks
  FanChart c{"Deelname SBO", {2025, 2026, 2027}, {}, {}, {0.029, 0.028, 0.025}, {}, {}, {}, false, true};
  const std::string svg = fan_chart_svg(c);
  CHECK(svg.find(">2,5%</text>") != std::string::npos);
  CHECK(svg.find("€") == std::string::npos);
  // A flat share gets an axis around it, not from -100% to 100%.
  FanChart flat{"Deelname SO", {2025, 2026}, {}, {}, {0.019, 0.019}, {}, {}, {}, false, true};
  const std::string f = fan_chart_svg(flat);
  CHECK(f.find(">1,9%</text>") != std::string::npos);
  CHECK(f.find(">-") == std::string::npos);
}

TEST_CASE("participation: deterministic PO run in HTML, terminal table, Markdown and the MJB sheet", "[reports][deelname]") {
  const Scenario sc = load(kPupils);
  const Result r = run_deterministic(sc);
  const Series *sbo = r.find("deelname_sbo"), *so = r.find("deelname_so");
  REQUIRE(sbo);
  REQUIRE(so);
  CHECK(pct(sbo->mean[0], 2) == "2,96%");  // 30 / 1015
  const ReportInput in{r, nullptr, &sc};

  const std::string html = html_report(in);
  CHECK(count(html, "<svg") == 7);  // equity, saldo, pupils regulier / SBO / SO, deelname SBO / SO
  CHECK(html.find("<title>Deelname SBO (% van BaO + SBO)</title>") != std::string::npos);
  CHECK(html.find("<title>Deelname SO (% van alle leerlingen)</title>") != std::string::npos);
  CHECK(html.find("Wachtlijst") == std::string::npos);  // no capaciteit: no waiting list
  const size_t table = html.find("<table class=\"mjb deelname\">");
  REQUIRE(table != std::string::npos);
  CHECK(table < html.find("<section id=\"mjb\">"));
  for (size_t y = 0; y < r.years.size(); ++y) {
    CHECK(html.find("<td class=\"num\">" + pct(sbo->mean[y], 2) + "</td>", table) != std::string::npos);
    CHECK(html.find("<td class=\"num\">" + pct(so->mean[y], 2) + "</td>", table) != std::string::npos);
  }

  const std::string t = mjb_table(r);
  const std::string row = table_line(t, "Deelname SBO");
  REQUIRE(!row.empty());
  for (double x : sbo->mean) CHECK(row.find(pct(x, 2)) != std::string::npos);
  CHECK(table_line(t, "Deelname SO").find(pct(so->mean[0], 2)) != std::string::npos);
  CHECK(table_line(t, "Wachtlijst").empty());

  const std::string md = markdown_summary(in);
  CHECK(md.find("| Deelname SBO | Deelname SO |") != std::string::npos);
  CHECK(md.find("| 2025 |") != std::string::npos);
  CHECK(md.find(" " + pct(sbo->mean[0], 2) + " | " + pct(so->mean[0], 2) + " |\n") != std::string::npos);

  const std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx(in, file);
  const auto cells = text_cells(file, "xl/worksheets/sheet2.xml");
  const size_t rr = mjb_row(cells, "deelname_sbo", "waarde");
  REQUIRE(rr > 0);
  CHECK(cells.at("B" + std::to_string(rr)) == "Deelname SBO (% van BaO + SBO)");
  for (size_t y = 0; y < r.years.size(); ++y) {
    const Num n = number_cell(file, "xl/worksheets/sheet2.xml", std::string(1, static_cast<char>('F' + y)) + std::to_string(rr));
    REQUIRE(n.found);
    CHECK(n.value == Approx(sbo->mean[y]).epsilon(1e-12));
    CHECK(n.format == "0.00%");
  }
  CHECK(mjb_row(cells, "deelname_so", "waarde") == rr + 1);
  // Percentielen (one row per series and year, P5 in D): the share in 0.00% as well.
  size_t i = 0;
  while (i < r.series.size() && r.series[i].key != "deelname_sbo") ++i;
  const Num p5 = number_cell(file, "xl/worksheets/sheet3.xml", "D" + std::to_string(2 + i * r.years.size()));
  REQUIRE(p5.found);
  CHECK(p5.value == Approx(sbo->p5[0]).epsilon(1e-12));
  CHECK(p5.format == "0.00%");
}

TEST_CASE("participation: waiting lists appear only where capaciteit is set", "[reports][deelname][capaciteit]") {
  // SBO places 25 in 2025, 32 in 2026 (tests/model/test_pupils.cpp): 5 waiting in 2025, 7,85 in 2026.
  const Scenario sc = load(kPupils + "[stromen.capaciteit]\nsbo = { 2025 = 25, 2026 = 32 }\n");
  const Result r = run_deterministic(sc);
  const Series* w = r.find("wachtlijst_sbo");
  REQUIRE(w);
  const ReportInput in{r, nullptr, &sc};
  const std::string html = html_report(in);
  CHECK(count(html, "<svg") == 8);
  CHECK(html.find("<title>Wachtlijst SBO (leerlingen)</title>") != std::string::npos);
  CHECK(html.find("<h3>Deelname en wachtlijsten</h3>") != std::string::npos);
  CHECK(html.find("<td class=\"label\">Wachtlijst SBO</td><td class=\"num\">5</td><td class=\"num\">8</td>") != std::string::npos);

  const std::string row = table_line(mjb_table(r), "Wachtlijst SBO");
  REQUIRE(!row.empty());
  CHECK(row.find(" 5 ") != std::string::npos);

  CHECK(markdown_summary(in).find("| Wachtlijst SBO |") != std::string::npos);

  const std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx(in, file);
  const auto cells = text_cells(file, "xl/worksheets/sheet2.xml");
  const size_t rr = mjb_row(cells, "wachtlijst_sbo", "waarde");
  REQUIRE(rr > 0);
  const Num n = number_cell(file, "xl/worksheets/sheet2.xml", "G" + std::to_string(rr));
  CHECK(n.value == Approx(7.85));
  CHECK(n.format == "#,##0");
}

TEST_CASE("participation: the example scenarios, with targets and in Monte Carlo", "[reports][deelname]") {
  SECTION("PO 2022 with participation targets: the target line and row") {
    Scenario sc = example("voorbeeld-po-2022.toml");
    sc.paths = 300;
    const Result mc = run_monte_carlo(sc, {}, {2}), det = run_deterministic(sc);
    const ReportInput in{mc, &det, &sc};
    const std::string html = html_report(in);
    CHECK(count(html, "<svg") == 8);  // with the distribution of equity in the last year
    CHECK(html.find("Deelname SBO (gemiddelde)") != std::string::npos);
    CHECK(html.find("<td class=\"label\">P5–P95</td>") != std::string::npos);
    CHECK(html.find("<td class=\"label\">doel</td><td class=\"num\">2,90%</td><td class=\"num\">2,82%</td>") != std::string::npos);
    CHECK(html.find("class=\"ref target\"") != std::string::npos);
    // The chance that each target is met, from kansen.doel_<type>_gehaald, in the participation table.
    const Probability* met = nullptr;
    for (const auto& [k, p] : mc.more_flags)
      if (k == "doel_sbo_gehaald") met = &p;
    REQUIRE(met);
    CHECK(html.find("<td class=\"label\">kans doel gehaald</td><td class=\"num\">" + chance(met->value[0]) + "</td>") != std::string::npos);
    // A target in pupils is no participation: no "doel" row of shares, its chance still shown.
    Scenario pupils = sc;
    pupils.flows.target_pupils[0] = true, pupils.flows.target_start[0] = sc.start.sbo;
    pupils.flows.target[0] = YearTable::fixed(0.0), pupils.flows.targets_solved = false;
    pupils.flows.factor_sbo = YearTable::fixed(1.0);
    const Result pm = run_monte_carlo(pupils, {}, {2});
    const std::string ph = html_report(ReportInput{pm, nullptr, &pupils});
    CHECK(ph.find("<td class=\"label\">kans doel (leerlingen) gehaald</td>") != std::string::npos);
    CHECK(ph.find("<td class=\"label\">doel</td><td class=\"num\">0,00%</td>") == std::string::npos);
    // Deterministic mode hits the targets (stromen.doel).
    CHECK(pct(det.find("deelname_sbo")->mean[0], 2) == "2,90%");
    const std::string row = table_line(mjb_table(mc), "Deelname SBO");
    CHECK(row.find(pct(mc.find("deelname_sbo")->mean[0], 2)) != std::string::npos);
    CHECK(markdown_summary(in).find("| Deelname SBO (gemiddelde) |") != std::string::npos);
  }
  SECTION("VO: VSO and PrO") {
    const Scenario sc = example("voorbeeld-vo.toml");
    const Result det = run_deterministic(sc);
    const ReportInput in{det, nullptr, &sc};
    const std::string html = html_report(in);
    CHECK(count(html, "<svg") == 7);  // equity, saldo, regulier / VSO / PrO, deelname VSO / PrO
    CHECK(html.find("<title>Deelname VSO (% van VO + VSO)</title>") != std::string::npos);
    CHECK(html.find("<title>Deelname PrO (% van VO + PrO)</title>") != std::string::npos);
    CHECK(html.find("Deelname SBO") == std::string::npos);
    const std::string t = mjb_table(det);
    CHECK(table_line(t, "Deelname VSO").find(pct(det.find("deelname_vso")->mean[0], 2)) != std::string::npos);
    CHECK(table_line(t, "Deelname PrO").find(pct(det.find("deelname_pro")->mean[0], 2)) != std::string::npos);
  }
}
