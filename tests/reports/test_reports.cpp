// Reports: the Dutch sentences and traffic lights on hand-made results, escaping of hostile
// scenario text, the structure of HTML, CSV and Markdown, and an end-to-end render of the HTML
// report in headless Chromium (installed by tools/test.sh) checked from the DOM.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "csv_writer.h"
#include "deterministic.h"
#include "format_nl.h"
#include "helpers.h"
#include "html_escape.h"
#include "html_report.h"
#include "mc.h"
#include "md_report.h"
#include "report_terms.h"
#include "report_text.h"

using namespace swv;
using namespace swv::test;

namespace {

// A two-year Monte-Carlo result made by hand.
Result hand_result(std::vector<double> excessive, std::vector<double> below) {
  Result r;
  r.engine_version = "test";
  r.scenario_name = "Hand";
  r.mode = Mode::MonteCarlo;
  r.paths = 1000;
  r.years = {2025, 2026};
  auto series = [](const char* key, std::vector<double> v) { return Series{key, v, v, v, v, v, v, v, v}; };
  r.series = {series("eigen_vermogen", {900'000, 1'100'000}), series("signaleringswaarde", {470'000, 480'000}),
              series("ondergrens", {400'000, 400'000}), series("saldo", {-100'000, 200'000}),
              series("totale_baten", {13'000'000, 13'500'000}), series("kortingen", {0, 27'000}),
              series("totale_lasten", {13'100'000, 13'273'000}),
              series("afstand_signaleringswaarde", {430'000, 620'000})};  // eigen vermogen − signaleringswaarde
  r.excessive = {excessive, {0.01, 0.01}};
  r.below_floor = {below, {0.01, 0.01}};
  r.negative = {{0, 0.003}, {0, 0.001}};
  r.expected_excess = {430'000, 612'000};
  r.start_equity = 1'000'000;
  r.policy_fired = {{"afbouw", {0.0, 0.7}}, {"cap", {0.0, 0.0}}};
  return r;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("chances and traffic lights", "[reports]") {
  CHECK(chance(0) == "0%");
  CHECK(chance(0.004) == "<1%");
  CHECK(chance(0.64) == "64%");
  CHECK(chance(0.996) == ">99%");
  CHECK(chance(1) == "100%");
  CHECK(light_of(0.19, 0.2, 0.5) == Light::Green);
  CHECK(light_of(0.2, 0.2, 0.5) == Light::Orange);
  CHECK(light_of(0.5, 0.2, 0.5) == Light::Red);
  CHECK(std::string(light_name(Light::Red)) == "rood");
}

TEST_CASE("the Dutch sentences say what the numbers say", "[reports]") {
  // The floor of the year named, not of the last year: a floor that rises.
  {
    Result up = hand_result({0.30, 0.64}, {0.2, 0.1});
    up.series[2] = Series{"ondergrens", {300'000, 400'000}, {}, {}, {}, {}, {}, {}, {}};
    const auto t = summary_sentences(ReportInput{up, nullptr, nullptr});
    for (const auto& x : t) UNSCOPED_INFO(x);
    CHECK(std::any_of(t.begin(), t.end(), [](const std::string& x) {
      return x.rfind("De kans dat het eigen vermogen onder de eigen ondergrens zakt, is het grootst in 2025: 20% (ondergrens € 300.000).", 0) == 0;
    }));
  }
  Result r = hand_result({0.30, 0.64}, {0.0, 0.11});
  ReportInput in{r, nullptr, nullptr};
  CHECK(excessive_sentence(in, 1) ==
        "In 2026 is de kans 64% dat het eigen vermogen boven de signaleringswaarde (gemiddeld € 480.000) uitkomt; in de helft "
        "van de paden ligt het ten minste € 620.000 erboven.");
  CHECK(floor_sentence(in, 1) == "In 2026 is de kans 11% dat het eigen vermogen onder de eigen ondergrens (€ 400.000) zakt.");
  CHECK(movement_sentence(in, 1) ==
        "In 2026 is het saldo gemiddeld € 200.000: baten € 13.500.000, kortingen € 27.000, lasten € 13.273.000. Actief: het "
        "bestedingsplan (afbouw van het overschot) (in 70% van de paden).");
  auto s = summary_sentences(in);
  REQUIRE(s.size() >= 3);
  // Only the last year is likely: "Alleen in 2026", not "Vanaf 2026" (issue 27: "vanaf" when only one year was).
  CHECK(s[0] == "Alleen in 2026 is bovenmatig eigen vermogen waarschijnlijker dan niet: de kans dat het eigen vermogen boven de "
                "signaleringswaarde uitkomt is daar 64%.");
  CHECK(s[1] == "Stoplicht bovenmatig op rood (kans 50% of meer) in 2026.");
  CHECK(s[2] == "De kans dat het eigen vermogen onder de eigen ondergrens zakt, is het grootst in 2026: 11% (ondergrens € 400.000).");

  Result calm = hand_result({0.30, 0.45}, {0.0, 0.001});
  ReportInput in2{calm, nullptr, nullptr};
  auto s2 = summary_sentences(in2);
  CHECK(s2[0] == "In geen enkel jaar van de planperiode (2025–2026) is bovenmatig eigen vermogen waarschijnlijker dan niet; de "
                 "hoogste kans is 45% in 2026.");
  CHECK(s2[1] == "In geen enkel jaar is de kans groter dan 1% dat het eigen vermogen onder de eigen ondergrens (€ 400.000 in 2026) zakt.");

  // The buffer sentence: required = the 90% quantile of the shortfall below the plan, available =
  // the algemene reserve at the start; 1,000,000 / 1,250,000 = 0,80: class D (matig).
  calm.start_general_reserve = 1'000'000;
  calm.buffers = {{0.9, 1'250'000, 1'250'000}};
  const std::string b = summary_sentences(in2).back();
  CHECK(b.find("€ 1.250.000") != std::string::npos);
  CHECK(b.find("€ 1.000.000") != std::string::npos);
  CHECK(b.find("0,80") != std::string::npos);
  CHECK(b.find("klasse D (matig)") != std::string::npos);
  CHECK(b.find("ondergrens") == std::string::npos);  // the buffer is measured on the plan, not the floor
  calm.buffers = {{0.9, 0, 0}};
  CHECK(summary_sentences(in2).back().find("klasse A") != std::string::npos);
}

TEST_CASE("years are listed as ranges in the summary", "[reports]") {
  Result r = hand_result({0.6, 0.7}, {0, 0});
  r.years = {2025, 2026, 2027, 2029};
  r.excessive.value = {0.6, 0.7, 0.9, 0.8};
  for (auto& s : r.series) s.mean = {1, 1, 1, 1};
  r.below_floor.value = r.negative.value = {0, 0, 0, 0};
  ReportInput in{r, nullptr, nullptr};
  CHECK(summary_sentences(in)[1] == "Stoplicht bovenmatig op rood (kans 50% of meer) in 2025–2027 en 2029.");
}

TEST_CASE("hostile scenario text is escaped in HTML and Markdown and neutralised in CSV", "[reports][hostile]") {
  std::string text = kMinimalPo;
  text.replace(text.find("naam = \"Test\""), 13, "naam = \"<script>alert(1)</script> & co\"");
  LoadResult lr = load_text(text + R"(
[[post]]
code = "=cmd|' /C calc'!A0"
naam = "\"><img src=x onerror=alert(1)> | **vet**"
kant = "lasten"
bedrag = 1000
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 200;
  Result r = run_monte_carlo(sc, {}, {1});
  ReportInput in{r, nullptr, &sc};
  const std::string html = html_report(in);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  const std::string md = markdown_summary(in);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
  // The CSV for Excel guards formulas; the one for scripts holds the text exactly (docs/keuzes.md).
  const std::string csv_nl = results_csv(in, CsvDialect::DutchExcel);
  CHECK(csv_nl.find("\"'=cmd|' /C calc'!A0\"") == std::string::npos);  // no separator inside: not quoted
  CHECK(csv_nl.find(";'=cmd|' /C calc'!A0;") != std::string::npos);
  const std::string csv = results_csv(in, CsvDialect::Standard);
  CHECK(csv.find(",=cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(csv_text("+4.1", ',', false) == "+4.1");
  CHECK(csv_text("=1+1", ',') == "'=1+1");
  CHECK(csv_text("+31", ';') == "'+31");
  CHECK(csv_text("-2", ';') == "'-2");
  CHECK(csv_text("@SUM(A1)", ',') == "'@SUM(A1)");
  CHECK(csv_text("a,b", ',') == "\"a,b\"");
  CHECK(csv_text("zeg \"hoi\"", ';') == "\"zeg \"\"hoi\"\"\"");
  CHECK(csv_text("gewoon", ',') == "gewoon");
}

TEST_CASE("HTML, CSV and Markdown have their structure", "[reports]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 400;
  Result r = run_monte_carlo(sc, {}, {2}), det = run_deterministic(sc);
  ReportInput in{r, &det, &sc};
  const std::string html = html_report(in);
  for (const char* id : {"samenvatting", "grafieken", "mjb", "risicos", "beleid", "methode"})
    CHECK(html.find(std::string("<section id=\"") + id + "\">") != std::string::npos);
  // equity, its distribution in the last year, result, pupils regulier / SBO / SO, deelname SBO / SO
  CHECK(count(html, "<svg") == 8);
  // The equity chart starts at the 31-12 start value (the year before the planperiode) and shades
  // the bovenmatig zone; the norm lines carry their names at their ends.
  const std::string eq = html.substr(html.find("<svg class=\"chart wide\""));
  CHECK(eq.find(">" + std::to_string(r.years.front() - 1) + "</text>") < eq.find("</svg>"));
  CHECK(eq.find("class=\"zone\"") < eq.find("</svg>"));
  CHECK(eq.find("class=\"ref-label\"") < eq.find("</svg>"));
  CHECK(html.find("Verdeling van het eigen vermogen op 31-12-" + std::to_string(r.years.back())) != std::string::npos);
  CHECK(html.find("bovenmatig: " + pct(r.excessive.value.back(), 0) + " van de paden") != std::string::npos);
  const std::string dhtml = html_report({det, nullptr, &sc});
  CHECK(dhtml.find("Verdeling van het eigen vermogen") == std::string::npos);  // no distribution without paths
  CHECK(count(dhtml, "<svg") == 7);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);  // self-contained: nothing to fetch
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find(r.inputs.front().sha256) != std::string::npos);
  CHECK(html.find("Hyndman–Fan type 7") != std::string::npos);
  CHECK(html.find("post[4.5.2b].realisatie") != std::string::npos);  // an assumption in plain words

  const std::string csv = results_csv(in, CsvDialect::Standard), nl = results_csv(in, CsvDialect::DutchExcel);
  const size_t years = r.years.size();
  const size_t rows = 1 + r.series.size() * years + (3 + r.more_flags.size()) * years + r.lines.size() * years + 2 * r.risks.size() * years +
                      r.policy_fired.size() * years + years;
  CHECK(count(csv, "\r\n") == rows);
  CHECK(count(nl, "\r\n") == rows);
  CHECK(csv.rfind("onderdeel,sleutel,naam,jaar,waarde,begroot,p5,p25,p50,p75,p95,standaardfout\r\n", 0) == 0);
  CHECK(nl.rfind("\xEF\xBB\xBFonderdeel;sleutel;naam;jaar;waarde;", 0) == 0);
  CHECK(csv.find("reeks,eigen_vermogen,,2025,") != std::string::npos);
  CHECK(nl.find("reeks;eigen_vermogen;;2025;") != std::string::npos);
  CHECK(nl.find("kans;bovenmatig;;2025;1;") != std::string::npos);  // P = 1 in 2025: a whole number
  CHECK(csv.find(";") == std::string::npos);

  const std::string md = markdown_summary(in);
  CHECK(md.rfind("# Samenwerkingsverband Passend Primair Onderwijs Voorbeeldregio\n", 0) == 0);
  CHECK(count(md, "\n| 20") == years);
}

TEST_CASE("the HTML report renders in headless Chromium with every flagged year and the key numbers", "[reports][chromium]") {
  const std::string chromium = run_output("command -v chromium || command -v chromium-browser");
  INFO("Chromium ontbreekt: draai de tests met bash tools/test.sh (installeert het Debian-pakket chromium)");
  REQUIRE(!chromium.empty());
  const std::string bin = chromium.substr(0, chromium.find('\n'));
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 2000;
  Result r = run_monte_carlo(sc, {}, {2}), det = run_deterministic(sc);
  ReportInput in{r, &det, &sc};
  const std::string dir = temp_dir(), page = write(dir, "rapport.html", html_report(in));
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=" + dir + "/profiel ";
  const std::string dom = run_output(bin + flags + "--dump-dom file://" + page + " 2>/dev/null");
  REQUIRE(dom.find("<section id=\"samenvatting\">") != std::string::npos);
  // Every year whose light is red carries its flag in the DOM, and no other year does.
  for (size_t y = 0; y < r.years.size(); ++y) {
    const std::string year = std::to_string(r.years[y]);
    INFO(year);
    const bool red_exc = r.excessive.value[y] >= sc.report.excessive_red, red_floor = r.below_floor.value[y] >= sc.report.floor_red;
    CHECK((dom.find("data-jaar=\"" + year + "\" data-vlag=\"bovenmatig\"") != std::string::npos) == red_exc);
    CHECK((dom.find("data-jaar=\"" + year + "\" data-vlag=\"ondergrens\"") != std::string::npos) == red_floor);
    CHECK(dom.find(html_escape(chance(r.excessive.value[y]))) != std::string::npos);  // "<1%" is "&lt;1%" in the DOM
  }
  // Key numbers: median equity of the first and last year, the start equity, the signaleringswaarde.
  const Series* ev = r.find("eigen_vermogen");
  CHECK(dom.find(euro(ev->p50.front())) != std::string::npos);
  CHECK(dom.find(euro(ev->p50.back())) != std::string::npos);
  CHECK(dom.find(euro(r.start_equity)) != std::string::npos);
  CHECK(dom.find(euro(r.find("signaleringswaarde")->mean.front())) != std::string::npos);
  // And it prints to an A4 PDF.
  run_output(bin + flags + "--print-to-pdf=" + dir + "/rapport.pdf --no-pdf-header-footer file://" + page + " 2>/dev/null");
  std::ifstream pdf(dir + "/rapport.pdf", std::ios::binary);
  std::string head(5, '\0');
  pdf.read(head.data(), 5);
  CHECK(head == "%PDF-");
  CHECK(std::filesystem::file_size(dir + "/rapport.pdf") > 20'000);
}

TEST_CASE("printed lines add up to the printed total: largest remainder in whole euros", "[reports]") {
  const std::vector<double> a{100.4, 1.4, -100.6}, b{200.4, 2.4, 50.3}, c{299.2, 0, 0};
  // Year 1: floors 100 + 200 + 299 = 599, total 600: the euro goes to the largest remainder (0,4, the first).
  // Year 2: the lines (3,8) miss the total (10) by more than a euro: each line rounded on its own.
  // Year 3: floors −101 + 50 = −51, total −50,3 rounds to −50: the euro goes to −100,6 (remainder 0,4).
  const auto p = printed_lines({&a, &b, &c}, {600.0, 10.0, -50.3});
  CHECK(p[0] == std::vector<double>{101, 1, -100});
  CHECK(p[1] == std::vector<double>{200, 2, 50});
  CHECK(p[2] == std::vector<double>{299, 0, 0});
}

TEST_CASE("the NAR scale the reports print is the engine's (one definition, kNarScale)", "[reports][buffer]") {
  CHECK(nar_scale_text() ==
        "A meer dan 2,0: uitstekend; B 1,4–2,0: ruim voldoende; C 1,0–1,4: voldoende; D 0,8–1,0: matig; "
        "E 0,6–0,8: onvoldoende; F minder dan 0,6: ruim onvoldoende");
  // Each printed band holds its class: a ratio just inside each range gets that row's letter.
  const double inside[] = {2.01, 1.5, 1.2, 0.9, 0.7, 0.5};
  for (size_t i = 0; i < nar_scale().size(); ++i) CHECK(std::string(1, nar_class(inside[i]).letter) == nar_scale()[i].letter);
}
