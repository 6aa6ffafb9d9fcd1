// The controller's workbook (rapport.xlsx, docs/rapporten.md): the written .xlsx is unzipped and its XML
// parts checked: sheet names, numbers stored as numbers with € and % formats, the native chart on
// the equity data, inert hostile text, and all-or-nothing writing.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <stdexcept>

#include "deterministic.h"
#include "document.h"
#include "helpers.h"
#include "html_report.h"
#include "loader.h"
#include "mc.h"
#include "xlsx_book.h"
#include "xlsx_report.h"

using namespace swv;
using namespace swv::test;
namespace fs = std::filesystem;

namespace {

// One part of the zip container ("xl/workbook.xml"); empty when missing.
std::string part(const std::string& xlsx, const std::string& name) {
  return run_output("unzip -p '" + xlsx + "' '" + name + "' 2>/dev/null");
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> ents[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : ents)
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::string(from).size(), to);
  return s;
}

std::vector<std::string> all(const std::string& xml, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back(unescape((*it)[1].str()));
  return out;
}

// A cell as stored: its type attribute ("" for a number), value and number format code.
struct Cell {
  std::string type, value, format;
};

// The cell `ref` of a worksheet part, with its number format looked up in styles.xml.
Cell cell(const std::string& xlsx, const std::string& sheet_part, const std::string& ref) {
  std::string xml = part(xlsx, sheet_part), styles = part(xlsx, "xl/styles.xml");
  std::smatch m;
  std::regex re("<c r=\"" + ref + "\"( s=\"(\\d+)\")?( t=\"(\\w+)\")?><v>([^<]*)</v></c>");
  if (!std::regex_search(xml, m, re)) return {"missing", "", ""};
  Cell c{m[4].str(), m[5].str(), ""};
  if (!m[2].matched) return c;
  // cellXfs in order; numFmtId -> formatCode from numFmts (built-in 9/10 are 0% and 0.00%).
  std::string xfs = styles.substr(styles.find("<cellXfs"));
  std::vector<std::string> ids = all(xfs.substr(0, xfs.find("</cellXfs>")), "<xf numFmtId=\"(\\d+)\"");
  size_t s = std::stoul(m[2].str());
  REQUIRE(s < ids.size());
  std::smatch f;
  if (std::regex_search(styles, f, std::regex("<numFmt numFmtId=\"" + ids[s] + "\" formatCode=\"([^\"]*)\"")))
    c.format = unescape(f[1].str());
  return c;
}

double number(const Cell& c) {
  REQUIRE(c.type.empty());  // a number, not a (shared) string
  return std::stod(c.value);
}

std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

Scenario example(int64_t paths) {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = paths;
  return sc;
}

}  // namespace

// The row (1-based) of the MJB sheet whose column A holds the shared string `code`; 0 when none.
static size_t mjb_row(const std::string& xlsx, const std::string& code) {
  std::vector<std::string> strings = all(part(xlsx, "xl/sharedStrings.xml"), "<si><t[^>]*>([^<]*)</t></si>");
  const auto it = std::find(strings.begin(), strings.end(), code);
  if (it == strings.end()) return 0;
  std::smatch m;
  const std::string xml = part(xlsx, "xl/worksheets/sheet2.xml");
  const std::string index = std::to_string(it - strings.begin());
  if (!std::regex_search(xml, m, std::regex("<c r=\"A(\\d+)\"( s=\"\\d+\")? t=\"s\"><v>" + index + "</v></c>"))) return 0;
  return std::stoul(m[1].str());
}

TEST_CASE("xlsx: seven sheets, numbers stored as numbers with euro and percent formats", "[xlsx]") {
  Scenario sc = example(500);
  Result mc = run_monte_carlo(sc, {}, {2});
  Result det = run_deterministic(sc);
  std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx({mc, &det, &sc}, file);

  // Only the workbook: no temporary file left behind; a real zip container.
  CHECK(listing(dir) == std::vector<std::string>{"uit.xlsx"});
  CHECK(run_output("head -c 2 '" + file + "'") == "PK");

  std::vector<std::string> sheets = all(part(file, "xl/workbook.xml"), "<sheet name=\"([^\"]*)\"");
  // The six sheets of the contract in their order, then MJB-lijst (the long table).
  CHECK(sheets == std::vector<std::string>{"Samenvatting", "MJB", "Percentielen", "Kansen", "Risico's", "Invoer", "MJB-lijst"});

  // Samenvatting row 8 is the first year: P(bovenmatig) in B, mean equity in G, both numeric.
  const Series* ev = mc.find("eigen_vermogen");
  REQUIRE(ev);
  Cell year = cell(file, "xl/worksheets/sheet1.xml", "A8");
  CHECK(number(year) == mc.years[0]);
  Cell p = cell(file, "xl/worksheets/sheet1.xml", "B8");
  CHECK(number(p) == Approx(mc.excessive.value[0]).margin(1e-12));
  CHECK(p.format == "0.0%");
  Cell equity = cell(file, "xl/worksheets/sheet1.xml", "G8");
  CHECK(number(equity) == Approx(ev->mean[0]).epsilon(1e-12));
  CHECK(equity.format.find("€") != std::string::npos);
  CHECK(equity.format.find("#,##0") != std::string::npos);

  // MJB: the first post in year 2, plan (J) the deterministic budget after realisation, verwacht (K) the Monte-Carlo mean.
  REQUIRE(!mc.lines.empty());
  const std::string r1 = std::to_string(mjb_row(file, mc.lines[0].code));
  REQUIRE(r1 != "0");
  CHECK(number(cell(file, "xl/worksheets/sheet2.xml", "J" + r1)) == Approx(det.lines[0].realised[1]).epsilon(1e-12));
  Cell expected = cell(file, "xl/worksheets/sheet2.xml", "K" + r1);
  CHECK(number(expected) == Approx(mc.lines[0].realised[1]).epsilon(1e-12));
  CHECK(expected.format.find("€") != std::string::npos);
  if (det.lines[0].realised[1] != mc.lines[0].realised[1]) CHECK(number(cell(file, "xl/worksheets/sheet2.xml", "J" + r1)) != number(expected));
  // MJB-lijst keeps the long table: the first post's begroot (before realisation) and verwacht rows.
  CHECK(number(cell(file, "xl/worksheets/sheet7.xml", "F2")) == Approx(mc.lines[0].budget[0]).epsilon(1e-12));
  CHECK(number(cell(file, "xl/worksheets/sheet7.xml", "F3")) == Approx(mc.lines[0].realised[0]).epsilon(1e-12));

  // Percentielen: one row per series and year below the header; pupil counts not in euros.
  std::string perc = part(file, "xl/worksheets/sheet3.xml");
  CHECK(all(perc, "<row r=\"(\\d+)\"").size() == 1 + mc.series.size() * mc.years.size());
  for (size_t i = 0; i < mc.series.size(); ++i) {
    std::string ref = "D" + std::to_string(2 + i * mc.years.size());
    INFO(mc.series[i].key);
    Cell c = cell(file, "xl/worksheets/sheet3.xml", ref);
    CHECK(number(c) == Approx(mc.series[i].p5[0]).epsilon(1e-12).margin(1e-12));
    // Money in euros; counts, shares and ratios not (leerlingen_*, wachtlijst_*, deelname_*, ratio_*,
    // solvabiliteit_2, liquiditeit, rentabiliteit).
    const std::string& k = mc.series[i].key;
    const bool money = k.rfind("leerlingen_", 0) != 0 && k.rfind("wachtlijst_", 0) != 0 && k.rfind("deelname_", 0) != 0 &&
                       k.rfind("ratio", 0) != 0 && k != "solvabiliteit_2" && k != "liquiditeit" && k != "rentabiliteit";
    CHECK((c.format.find("€") != std::string::npos) == money);
  }

  // Kansen: standard errors are numbers in percent format.
  Cell se = cell(file, "xl/worksheets/sheet4.xml", "C2");
  CHECK(number(se) == Approx(mc.excessive.std_error[0]).margin(1e-12));
  CHECK(se.format == "0.0%");

  // Invoer: the scenario's hash; the shared strings hold the traffic-light words.
  std::vector<std::string> strings = all(part(file, "xl/sharedStrings.xml"), "<t[^>]*>([^<]*)</t>");
  CHECK(std::find(strings.begin(), strings.end(), mc.scenario_sha256) != strings.end());
  CHECK(std::find(strings.begin(), strings.end(), "Samenvatting") == strings.end());  // sheet names are not cells
  CHECK((std::find(strings.begin(), strings.end(), "groen") != strings.end() ||
         std::find(strings.begin(), strings.end(), "oranje") != strings.end() ||
         std::find(strings.begin(), strings.end(), "rood") != strings.end()));
}

TEST_CASE("xlsx: a native chart of the equity percentiles against the norms on Samenvatting", "[xlsx]") {
  Scenario sc = example(300);
  Result mc = run_monte_carlo(sc, {}, {2});
  std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx({mc, nullptr, &sc}, file);

  std::string chart = part(file, "xl/charts/chart1.xml");
  REQUIRE(!chart.empty());
  CHECK(chart.find("<c:lineChart>") != std::string::npos);
  // The chart hangs on Samenvatting (its drawing), and its series read that sheet's data block.
  CHECK(part(file, "xl/worksheets/_rels/sheet1.xml.rels").find("drawing") != std::string::npos);
  CHECK(part(file, "xl/drawings/_rels/drawing1.xml.rels").find("chart1.xml") != std::string::npos);
  std::vector<std::string> names = all(chart, "<c:tx><c:v>([^<]*)</c:v></c:tx>");
  std::vector<std::string> refs = all(chart, "<c:val><c:numRef><c:f>([^<]*)</c:f>");
  CHECK(names == std::vector<std::string>{"P5", "P25", "P50", "P75", "P95", "Signaleringswaarde", "Ondergrens"});
  REQUIRE(refs.size() == 7);
  // Each referenced column holds, in its first row, that statistic of the first year.
  const Series* ev = mc.find("eigen_vermogen");
  const double first[] = {ev->p5[0], ev->p25[0], ev->p50[0], ev->p75[0], ev->p95[0],
                          mc.find("signaleringswaarde")->mean[0], mc.find("ondergrens")->mean[0]};
  std::regex ref_re("Samenvatting!\\$([A-Z]+)\\$(\\d+):\\$[A-Z]+\\$(\\d+)");
  for (size_t k = 0; k < refs.size(); ++k) {
    INFO(refs[k]);
    std::smatch m;
    REQUIRE(std::regex_match(refs[k], m, ref_re));
    CHECK(std::stoi(m[3].str()) - std::stoi(m[2].str()) + 1 == static_cast<int>(mc.years.size()));
    CHECK(number(cell(file, "xl/worksheets/sheet1.xml", m[1].str() + m[2].str())) == Approx(first[k]).epsilon(1e-12));
  }
}

TEST_CASE("xlsx: hostile text from the scenario is stored inert", "[xlsx]") {
  std::string text = kMinimalPo;
  text.replace(text.find("naam = \"Test\""), 13, "naam = \"-2+3\"");
  LoadResult lr = load_text(text + R"TOML(
[[post]]
code = "3"
naam = '=HYPERLINK("http://x","y")'
kant = "baten"
bedrag = 2_000_000
indexatie = "geen"
[[post]]
code = "+4"
naam = "@SUM(1)"
kant = "lasten"
bedrag = { verdeling = "normaal", gemiddelde = 1_950_000, sd = 100_000 }
indexatie = "geen"
)TOML",
                            kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 200;
  Result mc = run_monte_carlo(sc, {}, {1});
  Result det = run_deterministic(sc);
  std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx({mc, &det, &sc}, file);

  std::vector<std::string> strings = all(part(file, "xl/sharedStrings.xml"), "<t[^>]*>([^<]*)</t>");
  REQUIRE(!strings.empty());
  auto has = [&](const std::string& s) { return std::find(strings.begin(), strings.end(), s) != strings.end(); };
  CHECK(has("'=HYPERLINK(\"http://x\",\"y\")"));
  CHECK(has("'@SUM(1)"));
  CHECK(has("'+4"));
  CHECK(has("'-2+3"));
  for (const auto& s : strings) {
    INFO(s);
    CHECK(std::string("=+-@").find(s.empty() ? 'x' : s[0]) == std::string::npos);
  }
  // No text becomes a formula: the only formulas are the MJB's sums, references, norms and flags over its own cells.
  for (int i = 1; i <= 7; ++i) {
    std::string xml = part(file, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
    REQUIRE(!xml.empty());
    for (const std::string& f : all(xml, "<f>([^<]*)</f>")) {
      INFO(f);
      CHECK(i == 2);
      CHECK(std::regex_match(f, std::regex("(SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)|[A-Z]+\\d+([+-][A-Z]+\\d+)*|MAX\\([0-9.]+\\*[A-Z]+\\d+,[0-9.]+\\)|"
                                            "IF\\([A-Z]+\\d+(<|>|&lt;|&gt;)([A-Z]+\\d+|0),1,0\\))")));
    }
  }
}

TEST_CASE("xlsx: a deterministic result without scenario still gives all seven sheets", "[xlsx]") {
  Scenario sc = example(1);
  Result det = run_deterministic(sc);
  std::string dir = temp_dir(), file = dir + "/mjb.xlsx";
  write_xlsx({det, nullptr, nullptr}, file);
  CHECK(all(part(file, "xl/workbook.xml"), "<sheet name=\"([^\"]*)\"").size() == 7);
  const std::string r1 = std::to_string(mjb_row(file, det.lines[0].code));
  CHECK(number(cell(file, "xl/worksheets/sheet2.xml", "F" + r1)) == Approx(det.lines[0].realised[0]).epsilon(1e-12));
  CHECK(part(file, "xl/worksheets/sheet1.xml").find(">nan<") == std::string::npos);
  CHECK(listing(dir) == std::vector<std::string>{"mjb.xlsx"});
}

TEST_CASE("xlsx: written completely or not at all", "[xlsx]") {
  Scenario sc = example(1);
  Result det = run_deterministic(sc);
  std::string dir = temp_dir();

  SECTION("a missing folder throws a Dutch message and creates nothing") {
    std::string file = dir + "/ontbreekt/uit.xlsx";
    try {
      write_xlsx({det, &det, &sc}, file);
      FAIL("geen fout");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find("kan " + file + " niet schrijven") != std::string::npos);
    }
    CHECK(listing(dir).empty());
  }
  SECTION("an existing file is replaced") {
    std::string file = write(dir, "uit.xlsx", "oud");
    write_xlsx({det, &det, &sc}, file);
    CHECK(fs::file_size(file) > 1000);
    CHECK(listing(dir) == std::vector<std::string>{"uit.xlsx"});
  }
  SECTION("a target that cannot be replaced (a folder) throws and removes the temporary file") {
    fs::create_directory(dir + "/uit.xlsx");
    write(dir + "/uit.xlsx", "inhoud", "blijft");
    CHECK_THROWS_AS(write_xlsx({det, &det, &sc}, dir + "/uit.xlsx"), std::runtime_error);
    CHECK(listing(dir) == std::vector<std::string>{"uit.xlsx"});
    CHECK(listing(dir + "/uit.xlsx") == std::vector<std::string>{"inhoud"});
  }
}

namespace {

// Characters XML 1.0 forbids (or a strict parser rejects) in any form: U+FFFE, U+FFFF, C0 controls
// other than tab/newline/CR, and invalid UTF-8 (an encoded surrogate, a lone continuation byte).
const std::string kBadChars = std::string("A\xEF\xBF\xBE" "B\xEF\xBF\xBF" "C") + '\x01' + "D\x1B" "E\xED\xA0\x80" "F\x80" "G\xC2\x9B" "H";

// Whether `xml` holds any of those characters raw.
bool has_forbidden(const std::string& xml) {
  for (const char* bad : {"\xEF\xBF\xBE", "\xEF\xBF\xBF", "\x01", "\x1B", "\xED\xA0\x80", "\xC2\x9B"})
    if (xml.find(bad) != std::string::npos) return true;
  for (size_t i = 0; i < xml.size(); ++i)  // a continuation byte must follow a lead byte
    if ((static_cast<unsigned char>(xml[i]) & 0xC0) == 0x80) {
      size_t k = i;
      while (k > 0 && (static_cast<unsigned char>(xml[k - 1]) & 0xC0) == 0x80) --k;
      if (k == 0 || static_cast<unsigned char>(xml[k - 1]) < 0xC2) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("xlsx and HTML: characters XML forbids never reach a part, they show as U+FFFD", "[xlsx][vijandig]") {
  // Writer level: whatever the loader lets through, the workbook must not be damaged.
  Scenario sc = example(1);
  Result det = run_deterministic(sc);
  det.scenario_name = kBadChars;
  det.scenario_description = kBadChars;
  det.lines.at(0).name = kBadChars;
  const std::string dir = temp_dir(), file = dir + "/uit.xlsx";
  write_xlsx({det, nullptr, nullptr}, file);
  const std::string strings = part(file, "xl/sharedStrings.xml");
  REQUIRE(!strings.empty());
  CHECK_FALSE(has_forbidden(strings));
  CHECK(strings.find("A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C") != std::string::npos);
  CHECK(strings.find("G\xEF\xBF\xBDH") != std::string::npos);

  Document d;
  d.title = kBadChars;
  d.engine_version = "test";
  DocSection sec;
  sec.id = "s";
  sec.title = kBadChars;
  sec.paragraphs = {kBadChars};
  DocTable t;
  t.title = kBadChars;
  t.sheet = kBadChars;
  DocTable quoted = t;  // Excel refuses a sheet name that starts or ends with an apostrophe
  quoted.sheet = "'citaat'";
  t.header = {kBadChars, "x"};
  t.rows = {{DocCell::t(kBadChars), DocCell::t("y")}};
  sec.tables = {t, quoted};
  d.sections = {sec};
  const std::string doc_file = dir + "/doc.xlsx";
  write_document_xlsx(d, doc_file);
  CHECK_FALSE(has_forbidden(part(doc_file, "xl/sharedStrings.xml")));
  CHECK_FALSE(has_forbidden(part(doc_file, "xl/workbook.xml")));  // the sheet name
  CHECK(part(doc_file, "xl/workbook.xml").find("<sheet name=\"-citaat-\"") != std::string::npos);
  CHECK(part(doc_file, "xl/sharedStrings.xml").find("A\xEF\xBF\xBD") != std::string::npos);

  const std::string html = document_html(d) + html_report({det, nullptr, nullptr});
  CHECK_FALSE(has_forbidden(html));
  CHECK(html.find("A\xEF\xBF\xBD" "B") != std::string::npos);
}

TEST_CASE("xlsx: a workbook that cannot be written is an EnvironmentError in Dutch, no English on stderr", "[xlsx][omgeving]") {
  const std::string dir = temp_dir();
  fs::create_directory(dir + "/map.xlsx");  // a folder where the workbook must go
  const std::string err_file = dir + "/stderr.txt";
  // Catch libxlsxwriter's stderr lines in a file for the duration of close().
  const int saved = ::dup(2);
  FILE* f = std::fopen(err_file.c_str(), "w");
  REQUIRE(f);
  ::dup2(::fileno(f), 2);
  std::string message;
  bool environment = false;
  try {
    swv::Book b(dir + "/map.xlsx");
    b.text(b.sheet("Blad"), 0, 0, "tekst");
    b.close();
  } catch (const swv::EnvironmentError& e) {
    environment = true;
    message = e.what();
  } catch (const std::exception& e) {
    message = e.what();
  }
  ::dup2(saved, 2);
  ::close(saved);
  std::fclose(f);
  INFO(message);
  CHECK(environment);
  CHECK(message.find("de werkmap kon niet worden weggeschreven: is een map, geen bestand (EISDIR)") != std::string::npos);
  CHECK(slurp(err_file).empty());  // before: "[ERROR] workbook_close(): Error creating '...'"
}
