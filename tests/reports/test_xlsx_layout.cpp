// The controller's workbook as a working document (issue 13): the classic MJB layout with formulas
// whose cached results are the engine's figures, print settings on every sheet, the chart in the
// first screen, traffic-light fills with their words, the norm colours shared with the HTML charts,
// and the number formats (sheet names: test_xlsx_names.cpp). The .xlsx is unzipped and its XML
// read; every expectation is worked out here from the Result or resultaat.json, not taken from the
// writer.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "deterministic.h"
#include "format_nl.h"
#include "helpers.h"
#include "html_report.h"
#include "html_style.h"
#include "json_writer.h"
#include "mc.h"
#include "palette.h"
#include "xlsx_report.h"

using namespace swv;
using namespace swv::test;
using Json = nlohmann::json;

namespace {

std::string part(const std::string& xlsx, const std::string& name) {
  return run_output("unzip -p '" + xlsx + "' '" + name + "' 2>/dev/null");
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : ents)
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::string(from).size(), to);
  return s;
}

// The groups of one match, copied (so they outlive the searched text).
struct Groups {
  std::vector<std::string> g;
  struct Group {
    std::string s;
    const std::string& str() const { return s; }
  };
  Group operator[](size_t i) const { return {g.at(i)}; }
};
std::vector<Groups> matches(const std::string& s, const std::string& pattern) {
  std::vector<Groups> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    Groups g;
    for (size_t i = 0; i < it->size(); ++i) g.g.push_back((*it)[i].str());
    out.push_back(g);
  }
  return out;
}

// A cell as stored: text (shared string), number, formula, number format and fill colour.
struct XCell {
  bool text = false;
  std::string str, formula, format, fill;
  double num = NAN;
};

struct XSheet {
  std::string xml;
  std::map<std::string, XCell> cells;
  const XCell& at(const std::string& ref) const {
    static const XCell none;
    auto it = cells.find(ref);
    return it == cells.end() ? none : it->second;
  }
  // The first row (1-based) whose column A says `code` (and column D `side` when given); 0 when none.
  size_t row_of(const std::string& code, const std::string& side = "") const {
    for (size_t r = 1; r < 2000; ++r)
      if (at("A" + std::to_string(r)).str == code && (side.empty() || at("D" + std::to_string(r)).str == side)) return r;
    return 0;
  }
};

// Sheet n (1-based, workbook order) with shared strings, formats and fills resolved.
XSheet read_sheet(const std::string& file, int n) {
  XSheet s;
  s.xml = part(file, "xl/worksheets/sheet" + std::to_string(n) + ".xml");
  std::vector<std::string> strings;
  const std::string sst = part(file, "xl/sharedStrings.xml");
  for (const auto& m : matches(sst, "<si>([\\s\\S]*?)</si>")) strings.push_back(unescape(std::regex_replace(m[1].str(), std::regex("<[^>]+>"), "")));
  const std::string styles = part(file, "xl/styles.xml");
  std::map<std::string, std::string> codes = {{"0", ""}, {"1", "0"}, {"9", "0%"}, {"10", "0.00%"}};
  for (const auto& m : matches(styles, "<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"")) codes[m[1].str()] = unescape(m[2].str());
  std::vector<std::string> fills;
  const std::string fill_xml = styles.substr(styles.find("<fills"), styles.find("</fills>") - styles.find("<fills"));
  for (const auto& m : matches(fill_xml, "<fill>([\\s\\S]*?)</fill>")) {
    std::smatch c;
    const std::string f = m[1].str();
    fills.push_back(std::regex_search(f, c, std::regex("fgColor rgb=\"FF([0-9A-F]{6})\"")) ? c[1].str() : "");
  }
  const size_t xs = styles.find("<cellXfs");
  const std::string xfs = styles.substr(xs, styles.find("</cellXfs>") - xs);
  std::vector<std::pair<std::string, size_t>> xf;
  for (const auto& m : matches(xfs, "<xf numFmtId=\"(\\d+)\" fontId=\"\\d+\" fillId=\"(\\d+)\"")) xf.push_back({m[1].str(), std::stoul(m[2].str())});
  for (const auto& m : matches(s.xml, "<c r=\"([A-Z]+\\d+)\"( s=\"(\\d+)\")?( t=\"(\\w+)\")?(/>|>([\\s\\S]*?)</c>)")) {
    XCell c;
    const std::string body = m.g.at(7);
    std::smatch v, f;
    const bool has_v = std::regex_search(body, v, std::regex("<v>([^<]*)</v>"));
    if (std::regex_search(body, f, std::regex("<f>([^<]*)</f>"))) c.formula = unescape(f[1].str());
    if (m[5].str() == "s" && has_v) c.text = true, c.str = strings.at(std::stoul(v[1].str()));
    else if (has_v) c.num = std::stod(v[1].str());
    if (!m.g.at(3).empty()) {
      const auto& [fmt, fill] = xf.at(std::stoul(m[3].str()));
      c.format = codes.count(fmt) ? codes[fmt] : fmt;
      c.fill = fill < fills.size() ? fills[fill] : "";
    }
    s.cells[m[1].str()] = c;
  }
  return s;
}

std::string column(size_t c) {  // 0 -> A
  std::string s;
  for (size_t n = c + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}
std::string ref(size_t c, size_t r) { return column(c) + std::to_string(r); }

Scenario example(const std::string& file, int64_t paths) {
  LoadResult lr = load_scenario(source_path("scenarios/" + file));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = paths;
  return sc;
}

std::string hex(palette::Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%06X", static_cast<unsigned>(c));
  return buf;
}

// Checks one side's total row: in each formula column SUM over exactly the side's line rows, the
// cached value equal to the total of resultaat.json, and the lines adding up to it.
void check_side(const XSheet& s, const std::string& side, const std::string& key, size_t years, size_t per_year,
                const std::vector<const Json*>& json) {
  std::vector<size_t> lines;
  for (size_t r = 1; r < 200; ++r)
    if (s.at("D" + std::to_string(r)).str == side && s.at("E" + std::to_string(r)).str == "bedrag") lines.push_back(r);
  REQUIRE(!lines.empty());
  CHECK(lines.back() - lines.front() + 1 == lines.size());  // one block
  const size_t total = s.row_of(key, side);
  REQUIRE(total == lines.back() + 1);
  for (size_t y = 0; y < years; ++y)
    for (size_t k = 0; k < json.size(); ++k) {
      const size_t c = 5 + y * per_year + k;
      INFO(side << " " << y << " " << k);
      const XCell& t = s.at(ref(c, total));
      CHECK(t.formula == "SUM(" + ref(c, lines.front()) + ":" + ref(c, lines.back()) + ")");
      CHECK(t.num == Approx((*json[k])["reeksen"][key]["gemiddelde"][y].get<double>()).margin(0.5));
      double sum = 0;
      for (size_t r : lines) sum += std::isnan(s.at(ref(c, r)).num) ? 0 : s.at(ref(c, r)).num;
      CHECK(sum == Approx(t.num).margin(0.5));
    }
}

}  // namespace

TEST_CASE("xlsx layout: MJB per year plan, verwacht, P5, P95 with formulas that give the engine's totals", "[xlsx][layout]") {
  const Scenario sc = example("voorbeeld-po.toml", 400);
  const Result mc = run_monte_carlo(sc, {}, {2});
  const Result det = run_deterministic(sc);
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({mc, &det, &sc}, file);
  const Json jm = Json::parse(result_json(mc)), jd = Json::parse(result_json(det));
  const XSheet s = read_sheet(file, 2);
  const size_t n = mc.years.size();

  // Two header rows: the year over its four columns (merged), then the four column names.
  CHECK(s.at("F5").num == mc.years[0]);
  CHECK(s.at("J5").num == mc.years[1]);
  CHECK(s.xml.find("<mergeCell ref=\"F5:I5\"/>") != std::string::npos);
  const char* names[] = {"plan", "verwacht", "P5", "P95"};
  for (size_t y = 0; y < n; ++y)
    for (size_t k = 0; k < 4; ++k) CHECK(s.at(ref(5 + 4 * y + k, 6)).str == names[k]);

  // Lines: begroot is the deterministic budget's amount, verwacht the mean over the paths (JSON posten).
  const size_t r31 = s.row_of("3.1");
  REQUIRE(r31 > 0);
  CHECK(s.at(ref(5, r31)).num == Approx(jd["posten"][0]["bedragen"][0].get<double>()).margin(1e-6));
  CHECK(s.at(ref(10, r31)).num == Approx(jm["posten"][0]["bedragen"][1].get<double>()).margin(1e-6));
  CHECK(std::isnan(s.at(ref(7, r31)).num));  // no P5 for a line
  CHECK(s.at(ref(5, r31)).format == "€ #,##0;€ -#,##0");

  check_side(s, "baten", "totale_baten", n, 4, {&jd, &jm});
  check_side(s, "kortingen", "kortingen", n, 4, {&jd, &jm});
  check_side(s, "lasten", "totale_lasten", n, 4, {&jd, &jm});

  // Percentile columns hold values: the P5 of the total, not a sum of P5s.
  const size_t baten = s.row_of("totale_baten"), kort = s.row_of("kortingen"), lasten = s.row_of("totale_lasten");
  for (size_t y = 0; y < n; ++y) {
    const XCell& p5 = s.at(ref(7 + 4 * y, baten));
    CHECK(p5.formula.empty());
    CHECK(p5.num == Approx(jm["reeksen"]["totale_baten"]["p5"][y].get<double>()).margin(1e-6));
  }

  // Saldo = baten − kortingen − lasten; eigen vermogen 1-1 + resultaat = 31-12; next 1-1 = this 31-12.
  const size_t saldo = s.row_of("saldo"), begin = s.row_of("eigen_vermogen_begin"), res = s.row_of("resultaat"),
               end = s.row_of("eigen_vermogen");
  REQUIRE(saldo > 0);
  REQUIRE(begin > saldo);
  CHECK(res == begin + 1);
  CHECK(end == begin + 2);
  for (size_t k = 0; k < 2; ++k) {
    const Json& j = k == 0 ? jd : jm;
    double equity = j["start"]["eigen_vermogen"].get<double>();
    for (size_t y = 0; y < n; ++y) {
      const size_t c = 5 + 4 * y + k;
      INFO("jaar " << y << " kolom " << k);
      CHECK(s.at(ref(c, saldo)).formula == ref(c, baten) + "-" + ref(c, kort) + "-" + ref(c, lasten));
      CHECK(s.at(ref(c, saldo)).num == Approx(j["reeksen"]["saldo"]["gemiddelde"][y].get<double>()).margin(0.5));
      if (y == 0) {
        CHECK(s.at(ref(c, begin)).formula.empty());
        CHECK(s.at(ref(c, begin)).num == Approx(equity).margin(1e-6));
      } else {
        CHECK(s.at(ref(c, begin)).formula == ref(c - 4, end));
      }
      CHECK(s.at(ref(c, res)).formula == ref(c, saldo));
      CHECK(s.at(ref(c, end)).formula == ref(c, begin) + "+" + ref(c, res));
      // The roll-forward evaluated by hand from the cached saldo equals the engine's equity.
      equity += s.at(ref(c, saldo)).num;
      CHECK(s.at(ref(c, end)).num == Approx(j["reeksen"]["eigen_vermogen"]["gemiddelde"][y].get<double>()).margin(0.5));
      CHECK(equity == Approx(s.at(ref(c, end)).num).margin(0.5));
    }
  }
  for (size_t y = 0; y < n; ++y) {
    CHECK(s.at(ref(8 + 4 * y, end)).formula.empty());
    CHECK(s.at(ref(8 + 4 * y, end)).num == Approx(jm["reeksen"]["eigen_vermogen"]["p95"][y].get<double>()).margin(1e-6));
  }

  // Formulas only in the rows of totals, saldo and the roll-forward, and (plan column) the norms, the
  // algemene reserve and the flags that follow them (issue 27).
  const std::set<std::string> formula_rows = {"totale_baten", "kortingen", "totale_lasten", "saldo", "eigen_vermogen_begin", "resultaat",
                                              "eigen_vermogen", "balanstotaal", "algemene_reserve", "signaleringswaarde",
                                              "afstand_signaleringswaarde", "bovenmatig", "onder_ondergrens", "negatief", "onder_streefvermogen"};
  for (const auto& [r, c] : s.cells) {
    if (c.formula.empty()) continue;
    INFO(r);
    CHECK(formula_rows.count(s.at("A" + r.substr(r.find_first_of("0123456789"))).str) == 1);
  }
  // Every other sheet: values only.
  for (int i : {1, 3, 4, 5, 6, 7}) CHECK(part(file, "xl/worksheets/sheet" + std::to_string(i) + ".xml").find("<f>") == std::string::npos);
}

TEST_CASE("xlsx layout: deterministic MJB has one column per year and no chance or band words", "[xlsx][layout]") {
  const Scenario sc = example("voorbeeld-vo.toml", 1);
  const Result det = run_deterministic(sc);
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({det, nullptr, &sc}, file);
  const Json jd = Json::parse(result_json(det));
  const XSheet s = read_sheet(file, 2);
  const size_t n = det.years.size();
  for (size_t y = 0; y < n; ++y) {
    CHECK(s.at(ref(5 + y, 5)).num == det.years[y]);
    CHECK(s.at(ref(5 + y, 6)).str == "plan");
  }
  CHECK(s.at(ref(5 + n, 6)).str.empty());
  check_side(s, "baten", "totale_baten", n, 1, {&jd});
  check_side(s, "lasten", "totale_lasten", n, 1, {&jd});
  const size_t end = s.row_of("eigen_vermogen");
  for (size_t y = 0; y < n; ++y)
    CHECK(s.at(ref(5 + y, end)).num == Approx(jd["reeksen"]["eigen_vermogen"]["gemiddelde"][y].get<double>()).margin(0.5));
  for (int i : {1, 2}) {
    const XSheet sheet = i == 2 ? s : read_sheet(file, i);
    for (const auto& [r, c] : sheet.cells) {
      INFO(r << ": " << c.str);
      for (const char* word : {"P5", "P95", "P(", "kans", "Kans", "paden", "percentiel", "gem."})
        CHECK(c.str.find(word) == std::string::npos);
    }
  }
  // The flags as words: ja/nee over the numbers 1/0.
  const XCell& flag = s.at(ref(5, s.row_of("bovenmatig")));
  CHECK((flag.num == 0 || flag.num == 1));
  CHECK(flag.format.find("\"ja") != std::string::npos);
  CHECK(flag.format.find("\"nee") != std::string::npos);
  // The norm, the algemene reserve and the flags follow the lines (issue 27): formulas over the rows
  // above, each giving the engine's figure.
  const size_t baten = s.row_of("totale_baten"), sw = s.row_of("signaleringswaarde"), ar = s.row_of("algemene_reserve");
  const size_t og = s.row_of("ondergrens");
  for (size_t y = 0; y < n; ++y) {
    INFO(det.years[y]);
    const size_t c = 5 + y;
    CHECK(s.at(ref(c, sw)).formula == "MAX(" + num_plain(det.signal_percentage) + "*" + ref(c, baten) + "," + num_plain(det.signal_minimum) + ")");
    CHECK(s.at(ref(c, sw)).num == Approx(jd["reeksen"]["signaleringswaarde"]["gemiddelde"][y].get<double>()).margin(0.5));
    CHECK(s.at(ref(c, ar)).formula.rfind(ref(c, end), 0) == 0);
    CHECK(s.at(ref(c, s.row_of("bovenmatig"))).formula == "IF(" + ref(c, end) + ">" + ref(c, sw) + ",1,0)");
    CHECK(s.at(ref(c, s.row_of("onder_ondergrens"))).formula == "IF(" + ref(c, end) + "<" + ref(c, og) + ",1,0)");
    CHECK(s.at(ref(c, s.row_of("negatief"))).formula == "IF(" + ref(c, end) + "<0,1,0)");
  }
  // The chart: one equity line and the norms, no percentiles.
  const auto series = matches(part(file, "xl/charts/chart1.xml"), "<c:tx><c:v>([^<]*)</c:v></c:tx>");
  REQUIRE(series.size() == 3);
  CHECK(series[0][1].str() == "Eigen vermogen");
}

TEST_CASE("xlsx layout: every sheet prints A4 landscape, one page wide, with repeated headers, header and footer", "[xlsx][layout]") {
  const Scenario sc = example("voorbeeld-po.toml", 200);
  const Result mc = run_monte_carlo(sc, {}, {2});
  const Result det = run_deterministic(sc);
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({mc, &det, &sc}, file);
  const std::string book = part(file, "xl/workbook.xml");
  const auto sheets = matches(book, "<sheet name=\"([^\"]*)\"");
  REQUIRE(sheets.size() == 7);
  CHECK(sheets[6][1].str() == "MJB-lijst");
  std::map<std::string, std::string> titles;
  for (const auto& m : matches(book, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"(\\d+)\">([^<]*)</definedName>"))
    titles[m[1].str()] = unescape(m[2].str());
  CHECK(titles.size() == 7);
  CHECK(titles["1"] == "MJB!$5:$6");
  CHECK(titles["0"] == "Samenvatting!$7:$7");
  for (int i = 1; i <= 7; ++i) {
    INFO("blad " << i);
    const std::string xml = part(file, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
    std::smatch m;
    REQUIRE(std::regex_search(xml, m, std::regex("<pageSetup ([^>]*)/>")));
    const std::string setup = m[1].str();
    CHECK(setup.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(setup.find("paperSize=\"9\"") != std::string::npos);
    CHECK(setup.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK((setup.find("fitToWidth") == std::string::npos || setup.find("fitToWidth=\"1\"") != std::string::npos));
    CHECK(xml.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
    CHECK(xml.find("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.75\" bottom=\"0.75\"") != std::string::npos);
    const std::string hf = unescape(xml.substr(xml.find("<headerFooter>")));
    CHECK(hf.find(mc.scenario_name) != std::string::npos);
    CHECK(hf.find("pagina &P van &N") != std::string::npos);
    CHECK(std::regex_search(hf, std::regex("Gemaakt op \\d\\d-\\d\\d-\\d{4}")));
  }
  // Money columns fit "€ -12.345.678"; a header longer than its column wraps in a taller row.
  const std::string mjb = part(file, "xl/worksheets/sheet2.xml");
  std::smatch w;
  REQUIRE(std::regex_search(mjb, w, std::regex("<col min=\"6\" max=\"\\d+\" width=\"([0-9.]+)\"")));
  CHECK(std::stod(w[1].str()) >= 14);  // 13 characters and a little room
  std::smatch h;
  const std::string summary = part(file, "xl/worksheets/sheet1.xml");
  REQUIRE(std::regex_search(summary, h, std::regex("<row r=\"7\"[^>]* ht=\"([0-9.]+)\"")));
  CHECK(std::stod(h[1].str()) >= 30);  // "Afstand tot de norm (mediaan)" in a column of 15
}

TEST_CASE("xlsx layout: the chart sits below its table in the first screen, in the HTML colours", "[xlsx][layout]") {
  const Scenario sc = example("voorbeeld-po.toml", 200);
  const Result mc = run_monte_carlo(sc, {}, {2});
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({mc, nullptr, &sc}, file);
  std::smatch m;
  const std::string drawing = part(file, "xl/drawings/drawing1.xml");
  REQUIRE(std::regex_search(drawing, m, std::regex("<xdr:from><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>")));
  const size_t col0 = std::stoul(m[1].str()), row0 = std::stoul(m[2].str());
  CHECK(col0 <= 1);
  CHECK(row0 > 7 + mc.years.size());  // below the year table (0-based row of its last year: 6 + years)
  CHECK(row0 < 25);                   // its top within the first screen
  // Each norm series in the colour of the HTML chart (palette.h), which is html_style.h's.
  const std::string chart = part(file, "xl/charts/chart1.xml");
  std::map<std::string, std::string> colour;
  for (const auto& s : matches(chart, "<c:ser>([\\s\\S]*?)</c:ser>")) {
    std::smatch name, rgb;
    const std::string x = s[1].str();
    if (std::regex_search(x, name, std::regex("<c:v>([^<]*)</c:v>")) && std::regex_search(x, rgb, std::regex("srgbClr val=\"([0-9A-F]{6})\"")))
      colour[name[1].str()] = rgb[1].str();
  }
  CHECK(colour["Signaleringswaarde"] == "B86200");
  CHECK(colour["Ondergrens"] == "B3141B");
  CHECK(colour["P50"] == "1F4E8C");
  const std::string css = kReportCss;
  CHECK(css.find("--orange: " + palette::css(palette::kSignal)) != std::string::npos);
  CHECK(css.find("--red: " + palette::css(palette::kFloor)) != std::string::npos);
  CHECK(css.find("--green: " + palette::css(palette::kTarget)) != std::string::npos);
  CHECK(css.find("--median: " + palette::css(palette::kMedian)) != std::string::npos);
  CHECK(css.find("--band90: " + palette::css(palette::kBand90)) != std::string::npos);
  const std::string html = html_report({mc, nullptr, &sc});
  CHECK(html.find("class=\"ref signal\" style=\"stroke:#b86200\"") != std::string::npos);
  CHECK(html.find("class=\"ref floor\" style=\"stroke:#b3141b\"") != std::string::npos);
}

TEST_CASE("xlsx layout: traffic lights as fill and word, by the HTML thresholds", "[xlsx][layout]") {
  Scenario sc = example("voorbeeld-po.toml", 400);
  const Result mc = run_monte_carlo(sc, {}, {2});
  const Result det = run_deterministic(sc);
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({mc, &det, &sc}, file);
  const XSheet sum = read_sheet(file, 1), mjb = read_sheet(file, 2);
  const std::map<std::string, std::string> fill = {
      {"groen", hex(palette::kFillGreen)}, {"oranje", hex(palette::kFillOrange)}, {"rood", hex(palette::kFillRed)}};
  // [rapport] thresholds of the example or the defaults: bovenmatig 20% / 50%, ondergrens 5% / 20%.
  const ReportSettings st = sc.report;
  auto word = [](double p, double orange, double red) { return p >= red ? "rood" : p >= orange ? "oranje" : "groen"; };
  const size_t row_ex = mjb.row_of("bovenmatig"), row_fl = mjb.row_of("onder_ondergrens");
  std::set<std::string> seen;
  for (size_t y = 0; y < mc.years.size(); ++y) {
    const std::string r = std::to_string(8 + y);
    const std::string ex = word(mc.excessive.value[y], st.excessive_orange, st.excessive_red);
    const std::string fl = word(mc.below_floor.value[y], st.floor_orange, st.floor_red);
    INFO(mc.years[y] << " " << ex << " " << fl);
    CHECK(sum.at("C" + r).str == ex);
    CHECK(sum.at("C" + r).fill == fill.at(ex));
    CHECK(sum.at("B" + r).fill == fill.at(ex));
    CHECK(sum.at("B" + r).format == "0.0%");
    CHECK(sum.at("E" + r).str == fl);
    CHECK(sum.at("E" + r).fill == fill.at(fl));
    // MJB: the chance in the verwacht column carries its light's word in its number format.
    CHECK(mjb.at(ref(6 + 4 * y, row_ex)).format == "0.0%\" (" + ex + ")\"");
    CHECK(mjb.at(ref(6 + 4 * y, row_ex)).fill == fill.at(ex));
    CHECK(mjb.at(ref(6 + 4 * y, row_fl)).format == "0.0%\" (" + fl + ")\"");
    seen.insert(ex), seen.insert(fl);
  }
  CHECK(seen.size() >= 2);  // the example shows more than one light
  // Lightness falls from groen to rood, so the fills stay apart without hue (grey print, colour blindness).
  auto luminance = [](palette::Rgb c) {
    auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(((c >> 16) & 0xFF) / 255.0) + 0.7152 * lin(((c >> 8) & 0xFF) / 255.0) + 0.0722 * lin((c & 0xFF) / 255.0);
  };
  CHECK(luminance(palette::kFillGreen) - luminance(palette::kFillOrange) > 0.08);
  CHECK(luminance(palette::kFillOrange) - luminance(palette::kFillRed) > 0.15);
}

TEST_CASE("xlsx layout: ratios with two decimals, percentages with one", "[xlsx][layout]") {
  const Scenario sc = example("voorbeeld-po.toml", 200);
  const Result mc = run_monte_carlo(sc, {}, {2});
  const std::string file = temp_dir() + "/uit.xlsx";
  write_xlsx({mc, nullptr, &sc}, file);
  const XSheet mjb = read_sheet(file, 2), perc = read_sheet(file, 3);
  REQUIRE(mjb.row_of("solvabiliteit_2") > 0);
  CHECK(mjb.at(ref(6, mjb.row_of("solvabiliteit_2"))).format == "0.00");
  CHECK(mjb.at(ref(6, mjb.row_of("liquiditeit"))).format == "0.00");
  CHECK(mjb.at(ref(6, mjb.row_of("rentabiliteit"))).format == "0.0%");
  size_t i = 0;
  while (i < mc.series.size() && mc.series[i].key != "ratio_ev_baten") ++i;
  REQUIRE(i < mc.series.size());
  CHECK(perc.at("C" + std::to_string(2 + i * mc.years.size())).format == "0.00");
}
