// Chart labels never overlap and the legend fits (issue 27): on the charts of every example's report
// and on a fan chart with long line names whose lines end at the same value, the names of the
// reference lines are at least a text line apart inside the frame, and every legend text ends inside
// the chart's width.
#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>

#include "deterministic.h"
#include "helpers.h"
#include "html_report.h"
#include "mc.h"
#include "svg_chart.h"

using namespace swv;
using namespace swv::test;

namespace {

std::string unescape(std::string s) {
  replace_all(s, "&amp;", "&");
  replace_all(s, "&#39;", "'");
  replace_all(s, "&quot;", "\"");
  return s;
}

// Checks one <svg>…</svg>: label gaps and legend widths.
void check_svg(const std::string& svg) {
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")));
  const double width = std::stod(m[1].str());
  std::vector<double> ys;
  static const std::regex label("<text class=\"ref-label\"[^>]* y=\"([0-9.-]+)\">");
  static const std::regex legend("<text class=\"legend\" x=\"([0-9.]+)\" y=\"[0-9.]+\">([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it)
    ys.push_back(std::stod((*it)[1].str()));
  std::sort(ys.begin(), ys.end());
  for (size_t k = 1; k < ys.size(); ++k) CHECK(ys[k] - ys[k - 1] >= 11.9);
  for (double y : ys) CHECK((y >= 48 && y <= 280 - 30));
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), legend); it != std::sregex_iterator(); ++it) {
    const std::string text = unescape((*it)[2].str());
    INFO(text);
    CHECK(std::stod((*it)[1].str()) + text_width(text) <= width + 0.5);
  }
}

void check_all_charts(const std::string& html) {
  size_t charts = 0;
  for (size_t at = html.find("<svg class=\"chart"); at != std::string::npos; at = html.find("<svg class=\"chart", at + 1), ++charts)
    check_svg(html.substr(at, html.find("</svg>", at) - at));
  CHECK(charts > 0);
}

}  // namespace

TEST_CASE("charts: line names apart and the legend inside the chart on every example", "[reports][grafiek]") {
  for (const char* name : {"voorbeeld-po", "voorbeeld-po-krimp", "voorbeeld-vo", "voorbeeld-po-streefvermogen", "voorbeeld-po-2022"}) {
    INFO(name);
    LoadResult lr = load_scenario(source_path(std::string("scenarios/") + name + ".toml"));
    REQUIRE(lr.scenario);
    Scenario sc = *lr.scenario;
    sc.paths = 200;
    const Result det = run_deterministic(sc), mc = run_monte_carlo(sc, {}, {2});
    check_all_charts(html_report({det, nullptr, &sc}));
    check_all_charts(html_report({mc, &det, &sc}));
  }
}

TEST_CASE("charts: long line names ending at one value are pushed apart — a long legend takes two rows", "[reports][grafiek]") {
  const std::vector<double> same{1e6, 1.1e6, 1.2e6};
  FanChart c{"Eigen vermogen", {2025, 2026, 2027}, {8e5, 9e5, 1e6}, {9e5, 1e6, 1.1e6}, {1e6, 1.1e6, 1.2e6}, {1.1e6, 1.2e6, 1.3e6},
             {1.2e6, 1.3e6, 1.4e6},
             {{"signaleringswaarde van het samenwerkingsverband", "signal", same},
              {"ondergrens die het bestuur zelf heeft gekozen", "floor", same},
              {"streefvermogen (algemene reserve) volgens het bestuursbesluit", "target", same}},
             true};
  const auto labels = fan_labels(c);
  REQUIRE(labels.size() == 3);
  for (size_t k = 1; k < labels.size(); ++k) CHECK(labels[k].y - labels[k - 1].y >= 12);
  const auto rows = legend_rows(c);
  CHECK(rows.size() >= 2);
  const std::string svg = fan_chart_svg(c);
  check_svg(svg);
  CHECK(svg.find("translate(0,") != std::string::npos);  // the plot moved down below the second legend row
  // Lines that all end at the bottom of the frame: the names move up instead of into the axis labels.
  FanChart low = c;
  for (auto& l : low.lines) l.values = {1.4e6, 1.0e6, 8e5};
  for (const FanLabel& l : fan_labels(low)) CHECK(l.y <= 280 - 30 - 4 + 1e-9);
}
