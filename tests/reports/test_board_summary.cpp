// The bestuurssamenvatting (page 1 of the HTML report): first section, the start position, the
// board's meerjarenbegroting (baten, kortingen, lasten, saldo, eigen vermogen per year in € × 1.000,
// printed terms adding up to the printed saldo), no probability words in a deterministic run, the
// 80% band and the 90% buffer in a Monte-Carlo run, no engine words, and (with Chromium and
// pdftotext) page 1 of every example and of a deficit plan printed on one A4 page.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "deterministic.h"
#include "board_text.h"
#include "format_nl.h"
#include "helpers.h"
#include "html_report.h"
#include "mc.h"
#include "report_terms.h"
#include "report_text.h"

using namespace swv;
using namespace swv::test;

namespace {

// The text of the bestuurssamenvatting section (empty when missing).
std::string board_section(const std::string& html) {
  const size_t from = html.find("<section id=\"bestuurssamenvatting\">");
  if (from == std::string::npos) return "";
  const size_t to = html.find("</section>", from);
  return html.substr(from, to - from);
}

Scenario load(const std::string& rel) {
  LoadResult lr = load_scenario(source_path(rel));
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}
Scenario po_scenario() { return load("scenarios/voorbeeld-po.toml"); }

// The text of the page: tags removed, entities of the report's own text undone.
std::string text_of(const std::string& html) {
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    else if (c == '>') tag = false, out += ' ';
    else if (!tag) out += c;
  }
  replace_all(out, "&amp;", "&");
  replace_all(out, "&#39;", "'");
  replace_all(out, "&quot;", "\"");
  return out;
}

// Engine words and command-line text never on page 1 (the method section at the back names them).
const char* const kEngineWords[] = {"paden", "zaad", "standaardfout", "thread", "--", "Monte Carlo", "Monte-Carlo", "deterministisch", "P5", "P95"};

// The cells of the board table's row whose label is `label` (text of each td after the label).
std::vector<std::string> row_cells(const std::string& section, const std::string& label) {
  const size_t at = section.find("<td class=\"label\">" + label + "</td>");
  if (at == std::string::npos) return {};
  const size_t end = section.find("</tr>", at);
  std::vector<std::string> cells;
  for (size_t p = section.find("<td", at + 1); p != std::string::npos && p < end; p = section.find("<td", p + 1)) {
    const size_t open = section.find('>', p) + 1;
    cells.push_back(section.substr(open, section.find("</td>", open) - open));
  }
  return cells;
}

// "1.234" or "-56" (thousands as printed) back to a number.
double thousands(std::string s) {
  replace_all(s, ".", "");
  return s.empty() ? NAN : std::stod(s);
}

}  // namespace

TEST_CASE("bestuurssamenvatting: deterministic, first section, the board's MJB, no probability or engine words", "[reports][bestuur]") {
  const Scenario sc = po_scenario();
  const Result det = run_deterministic(sc);
  const std::string html = html_report({det, nullptr, &sc});
  const size_t at = html.find("<section id=\"bestuurssamenvatting\">");
  REQUIRE(at != std::string::npos);
  CHECK(html.find("<section") == at);  // the first section
  CHECK(at < html.find("<section id=\"samenvatting\">"));
  const std::string s = board_section(html);
  CHECK(s.find(euro_k(det.start_equity)) != std::string::npos);
  CHECK(s.find(euro_k(det.start_general_reserve)) != std::string::npos);
  CHECK(s.find(euro_k(det.start_equity - det.start_general_reserve)) != std::string::npos);
  for (const char* word : {"kans", "Kans", "paden", "P5", "P95", "band", "mediaan"}) {
    INFO(word);
    CHECK(s.find(word) == std::string::npos);
  }
  CHECK(s.find("Oordeel.") != std::string::npos);
  // The board's MJB: per year baten, kortingen, lasten, saldo and eigen vermogen in thousands; the
  // printed terms add up to the printed saldo; equity is the plan's, from 31-12 before the first year.
  const size_t n = det.years.size();
  const auto baten = row_cells(s, "Baten"), kort = row_cells(s, "Kortingen (DUO)"), lasten = row_cells(s, "Lasten"),
             saldo = row_cells(s, "Saldo"), ev = row_cells(s, "Eigen vermogen (plan)");
  REQUIRE(baten.size() == n + 1);
  REQUIRE(ev.size() == n + 1);
  CHECK(thousands(ev[0]) == std::round(det.start_equity / 1000));
  for (size_t y = 0; y < n; ++y) {
    INFO(det.years[y]);
    CHECK(thousands(baten[y + 1]) - thousands(kort[y + 1]) - thousands(lasten[y + 1]) == thousands(saldo[y + 1]));
    CHECK(std::fabs(thousands(baten[y + 1]) - det.find("totale_baten")->mean[y] / 1000) <= 1.0);
    CHECK(thousands(saldo[y + 1]) == std::round(det.find("saldo")->mean[y] / 1000));
    CHECK(thousands(ev[y + 1]) == std::round(det.find("eigen_vermogen")->mean[y] / 1000));
  }
  CHECK(!row_cells(s, "Signaleringswaarde").empty());
  CHECK(!row_cells(s, "Ondergrens").empty());
  CHECK(!row_cells(s, "Algemene reserve").empty());  // the example has bestemmingsreserves
  const std::string t = text_of(s);
  for (const char* word : kEngineWords) {
    INFO(word);
    CHECK(t.find(word) == std::string::npos);
  }
  CHECK(html.find("#bestuurssamenvatting { break-after: page;") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find("counter(page)") != std::string::npos);
  CHECK(html.find("scenario " + det.scenario_sha256.substr(0, 12)) != std::string::npos);
  CHECK(s.find("<svg") == std::string::npos);  // no charts: the report keeps its 7 (test_reports.cpp)
}

TEST_CASE("bestuurssamenvatting: Monte Carlo shows the plan with the 80% band, the chances and the 90% buffer", "[reports][bestuur]") {
  Scenario sc = po_scenario();
  sc.paths = 2000;
  const Result r = run_monte_carlo(sc, {}, {2}), det = run_deterministic(sc);
  const std::string html = html_report({r, &det, &sc});
  const std::string s = board_section(html);
  REQUIRE(!s.empty());
  const BufferResult* b = nullptr;
  for (const auto& x : r.buffers)
    if (std::fabs(x.confidence - 0.9) < 1e-9) b = &x;
  REQUIRE(b);
  const BufferVerdict v = buffer_verdict(r.start_general_reserve, b->required);
  const size_t from = s.find("<div class=\"verdict\" id=\"oordeel\">");
  REQUIRE(from != std::string::npos);
  const std::string verdict = s.substr(from, s.find("</div>", from) - from);
  INFO(verdict);
  CHECK(verdict.find("ratio " + v.ratio_text) != std::string::npos);
  CHECK(verdict.find(std::string("klasse ") + v.nar.letter + " (" + v.nar.label + ")") != std::string::npos);
  // One number per thing: equity is the plan's, the band P10–P90 beside it; no median or mean of it.
  const Series* ev = r.find("eigen_vermogen");
  const size_t n = r.years.size();
  const auto plan = row_cells(s, "Eigen vermogen (plan)"), low = row_cells(s, "80% kans: niet lager dan"), high = row_cells(s, "en niet hoger dan");
  REQUIRE(plan.size() == n + 1);
  REQUIRE(low.size() == n + 1);
  REQUIRE(high.size() == n + 1);
  for (size_t y = 0; y < n; ++y) {
    CHECK(thousands(plan[y + 1]) == std::round(det.find("eigen_vermogen")->mean[y] / 1000));
    CHECK(thousands(low[y + 1]) == std::round(ev->p10[y] / 1000));
    CHECK(thousands(high[y + 1]) == std::round(ev->p90[y] / 1000));
  }
  CHECK(s.find(euro(ev->p50.back())) == std::string::npos);
  CHECK(s.find(euro(ev->mean.back())) == std::string::npos);
  const auto chances = row_cells(s, "Bovenmatig (boven de signaleringswaarde)");
  REQUIRE(chances.size() == n + 1);
  for (size_t y = 0; y < n; ++y) CHECK(chances[y + 1] == chance(r.excessive.value[y]));
  // "Kans onder de ondergrens": one definition on the page (the chance in that year).
  const auto floor = row_cells(s, "Onder de ondergrens");
  REQUIRE(floor.size() == n + 1);
  for (size_t y = 0; y < n; ++y) CHECK(floor[y + 1] == chance(r.below_floor.value[y]));
  const std::string t = text_of(s);
  for (const char* word : kEngineWords) {
    INFO(word);
    CHECK(t.find(word) == std::string::npos);
  }
  // The header line above page 1 carries no engine words either.
  const std::string header = text_of(html.substr(html.find("<header>"), html.find("</header>") - html.find("<header>")));
  for (const char* word : kEngineWords) CHECK(header.find(word) == std::string::npos);
  // The method section at the back: paths, seed and the risks drawn each year.
  const std::string method = html.substr(html.find("<section id=\"methode\">"));
  CHECK(method.find("Elk risico kan zich in elk jaar opnieuw voordoen") != std::string::npos);
  CHECK(method.find("2 threads") != std::string::npos);
}

namespace {

// Prints `html` with headless Chromium and returns the text of each page (pdftotext), or nothing
// (with a warning) when pdftotext is missing.
std::vector<std::string> printed_pages(const std::string& html) {
  const std::string chromium = run_output("command -v chromium || command -v chromium-browser");
  INFO("Chromium ontbreekt: draai de tests met bash tools/test.sh (installeert het Debian-pakket chromium)");
  REQUIRE(!chromium.empty());
  const std::string bin = chromium.substr(0, chromium.find('\n'));
  const std::string dir = temp_dir(), page = write(dir, "rapport.html", html);
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" + dir + "/profiel ";
  run_output(bin + flags + "--print-to-pdf=" + dir + "/rapport.pdf --no-pdf-header-footer file://" + page + " 2>/dev/null");
  REQUIRE(std::filesystem::exists(dir + "/rapport.pdf"));
  if (run_output("command -v pdftotext").empty() || run_output("command -v pdfinfo").empty()) {
    WARN("pdftotext of pdfinfo ontbreekt (Debian-pakket poppler-utils): pagina 1 niet gecontroleerd");
    return {};
  }
  const std::string info = run_output("pdfinfo " + dir + "/rapport.pdf 2>/dev/null");
  const size_t at = info.find("Pages:");
  REQUIRE(at != std::string::npos);
  const int pages = std::stoi(info.substr(at + 6));
  std::vector<std::string> out;
  for (int p = 1; p <= pages; ++p)
    out.push_back(run_output("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " -layout " + dir + "/rapport.pdf - 2>/dev/null"));
  return out;
}

}  // namespace

// Page 1 of each case is the report's header and its bestuurssamenvatting, which ends with a page
// break: printed one after the other in one document (one Chromium start instead of one per case),
// case k must be exactly page k, and there must be exactly one page per case.
TEST_CASE("bestuurssamenvatting: page 1 of every example and of a deficit plan prints on one A4 page", "[reports][bestuur][chromium]") {
  struct Case {
    const char* file;
    bool monte_carlo;
  };
  const Case cases[] = {{"scenarios/voorbeeld-po.toml", false},         {"scenarios/voorbeeld-po.toml", true},
                        {"scenarios/voorbeeld-po-krimp.toml", true},    {"scenarios/voorbeeld-vo.toml", true},
                        {"scenarios/voorbeeld-po-streefvermogen.toml", true}, {"scenarios/voorbeeld-po-2022.toml", true},
                        {"tests/reports/scenarios/tekort-po.toml", false}, {"tests/reports/scenarios/tekort-po.toml", true}};
  std::string head, body;
  std::vector<double> start;
  for (const Case& c : cases) {
    INFO(c.file);
    // The report as the program writes it, with the kaderbrief figure on page 1.
    const std::string out = temp_dir() + "/uit";
    REQUIRE(run_cli("run " + source_path(c.file) + (c.monte_carlo ? " --paden 400" : " --deterministisch") + " --threads 2 --stil --formaat html --uit " + out) == 0);
    const std::string html = slurp(out + "/rapport.html");
    CHECK(html.find("id=\"kaderbrief-bedrag\"") != std::string::npos);
    if (head.empty()) head = html.substr(0, html.find("<body>") + 6);
    const size_t h = html.find("<header>"), e = html.find("</section>", html.find("<section id=\"bestuurssamenvatting\">"));
    REQUIRE(h != std::string::npos);
    REQUIRE(e != std::string::npos);
    body += html.substr(h, e + 10 - h);
    start.push_back(run_deterministic(load(c.file)).start_equity);
  }
  const auto pages = printed_pages(head + body + "</body></html>\n");
  if (pages.empty()) return;
  CHECK(pages.size() == std::size(cases));
  for (size_t k = 0; k < std::size(cases) && k < pages.size(); ++k) {
    INFO(cases[k].file << (cases[k].monte_carlo ? " (met onzekerheid)" : " (plan)"));
    const std::string& page1 = pages[k];
    CHECK(page1.find("Bestuurssamenvatting") != std::string::npos);
    CHECK(page1.find(euro_k(start[k])) != std::string::npos);
    for (const char* row : {"Baten", "Kortingen (DUO)", "Lasten", "Saldo", "Eigen vermogen (plan)", "Signaleringswaarde"})
      CHECK(page1.find(row) != std::string::npos);
    CHECK(page1.find("Weerstandsvermogen") != std::string::npos);  // the glossary's last term made it onto the page
    CHECK(page1.find("pagina " + std::to_string(k + 1) + " van") != std::string::npos);  // the page footer
    for (const char* word : kEngineWords) {
      INFO(word);
      CHECK(page1.find(word) == std::string::npos);
    }
  }
}
