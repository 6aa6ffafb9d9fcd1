// The bestuurssamenvatting (page 1 of the HTML report): first section, the start position and the
// norm in euros, no probability words in a deterministic run, the verdict with the 90% buffer in a
// Monte-Carlo run, and (with Chromium and pdftotext) page 1 of the printed PDF holds the start equity.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "deterministic.h"
#include "format_nl.h"
#include "helpers.h"
#include "html_report.h"
#include "mc.h"
#include "report_terms.h"

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

Scenario po_scenario() {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

}  // namespace

TEST_CASE("bestuurssamenvatting: deterministic, first section, start equity and norm, no probability words", "[reports][bestuur]") {
  const Scenario sc = po_scenario();
  const Result det = run_deterministic(sc);
  const std::string html = html_report({det, nullptr, &sc});
  const size_t at = html.find("<section id=\"bestuurssamenvatting\">");
  REQUIRE(at != std::string::npos);
  CHECK(html.find("<section") == at);  // the first section
  CHECK(at < html.find("<section id=\"samenvatting\">"));
  const std::string s = board_section(html);
  CHECK(s.find(euro(det.start_equity)) != std::string::npos);
  CHECK(s.find(euro(det.start_general_reserve)) != std::string::npos);
  CHECK(s.find(euro(det.start_equity - det.start_general_reserve)) != std::string::npos);
  const double signal = det.find("signaleringswaarde")->mean.front();
  const std::string norm = "Signaleringswaarde = " + pct(det.signal_percentage, 1) + " × totale baten, minimaal " + euro(det.signal_minimum) +
                           " = " + euro(signal) + " in " + std::to_string(det.years.front());
  CHECK(s.find(norm) != std::string::npos);
  for (const char* word : {"kans", "paden", "P5", "P95", "band", "mediaan"}) {
    INFO(word);
    CHECK(s.find(word) == std::string::npos);
  }
  CHECK(s.find("Oordeel.") != std::string::npos);
  CHECK(html.find("#bestuurssamenvatting { break-after: page;") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find("counter(page)") != std::string::npos);
  CHECK(html.find("scenario " + det.scenario_sha256.substr(0, 12)) != std::string::npos);
  CHECK(s.find("<svg") == std::string::npos);  // no charts: the report keeps its 7 (test_reports.cpp)
}

TEST_CASE("bestuurssamenvatting: Monte Carlo verdict carries the 90% buffer and the median of the last year", "[reports][bestuur]") {
  Scenario sc = po_scenario();
  sc.paths = 2000;
  const Result r = run_monte_carlo(sc, {}, {2}), det = run_deterministic(sc);
  const std::string s = board_section(html_report({r, &det, &sc}));
  REQUIRE(!s.empty());
  const BufferResult* b = nullptr;
  for (const auto& x : r.buffers)
    if (std::fabs(x.confidence - 0.9) < 1e-9) b = &x;
  REQUIRE(b);
  const BufferVerdict v = buffer_verdict(r.start_general_reserve, b->required);
  const size_t from = s.find("<p class=\"verdict\"");
  REQUIRE(from != std::string::npos);
  const std::string verdict = s.substr(from, s.find("</p>", from) - from);
  INFO(verdict);
  CHECK(verdict.find(v.ratio_text) != std::string::npos);
  CHECK(verdict.find(std::string("klasse ") + v.nar.letter) != std::string::npos);
  CHECK(verdict.find(v.nar.label) != std::string::npos);
  const Series* ev = r.find("eigen_vermogen");
  CHECK(s.find(euro(ev->p50.back())) != std::string::npos);
  CHECK(s.find(euro(ev->p5.back()) + " (P5)") != std::string::npos);
  CHECK(s.find(euro(ev->p95.back()) + " (P95)") != std::string::npos);
  CHECK(s.find("Eigen vermogen (mediaan)") != std::string::npos);
  CHECK(s.find(num_nl(2000) + " paden") != std::string::npos);
}

TEST_CASE("bestuurssamenvatting: printed page 1 holds the start equity", "[reports][bestuur][chromium]") {
  const std::string chromium = run_output("command -v chromium || command -v chromium-browser");
  INFO("Chromium ontbreekt: draai de tests met bash tools/test.sh (installeert het Debian-pakket chromium)");
  REQUIRE(!chromium.empty());
  const std::string bin = chromium.substr(0, chromium.find('\n'));
  const Scenario sc = po_scenario();
  const Result det = run_deterministic(sc);
  const std::string dir = temp_dir(), page = write(dir, "rapport.html", html_report({det, nullptr, &sc}));
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" + dir + "/profiel ";
  run_output(bin + flags + "--print-to-pdf=" + dir + "/rapport.pdf --no-pdf-header-footer file://" + page + " 2>/dev/null");
  REQUIRE(std::filesystem::exists(dir + "/rapport.pdf"));
  if (run_output("command -v pdftotext").empty()) {
    WARN("pdftotext ontbreekt (Debian-pakket poppler-utils): pagina 1 niet gecontroleerd");
    return;
  }
  const std::string page1 = run_output("pdftotext -f 1 -l 1 -layout " + dir + "/rapport.pdf - 2>/dev/null");
  CHECK(page1.find("Bestuurssamenvatting") != std::string::npos);
  CHECK(page1.find(euro(det.start_equity)) != std::string::npos);
  CHECK(page1.find("de buffer voor tegenvallers") != std::string::npos);  // the glossary's last term made it onto page 1
  CHECK(page1.find("pagina 1 van") != std::string::npos);      // the page footer
  // Page 2 starts with the old summary: the bestuurssamenvatting fills page 1 exactly.
  const std::string page2 = run_output("pdftotext -f 2 -l 2 -layout " + dir + "/rapport.pdf - 2>/dev/null");
  CHECK(page2.find("Samenvatting") != std::string::npos);
  CHECK(page2.find("Bestuurssamenvatting") == std::string::npos);
}
