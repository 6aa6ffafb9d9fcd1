#pragma once
// Inline SVG charts for the HTML report (no scripts, no network): a fan chart (P5–P95 and P25–P75
// bands, median line, reference lines such as the signaleringswaarde and the floor) and a bar chart
// with P5–P95 whiskers. Every number shown is also in a table of the report; the charts are a view.
#include <string>
#include <vector>

namespace swv {

struct ChartLine {
  std::string name;       // legend text
  std::string css_class;  // "signal", "floor", ...
  std::vector<double> values;
};

struct FanChart {
  std::string title;
  std::vector<int> years;
  std::vector<double> p5, p25, p50, p75, p95;  // bands (may be empty: then only the lines)
  std::vector<ChartLine> lines;                // reference lines, drawn dashed
  bool money = true;                           // axis labels in euro (else counts)
  bool percent = false;                        // values are fractions: axis labels "2,5%" (overrides money)
};

std::string fan_chart_svg(const FanChart& c);

struct BarChart {
  std::string title;
  std::vector<int> years;
  std::vector<double> mean, p5, p95;  // whiskers may be empty
};

std::string bar_chart_svg(const BarChart& c);

// "€ 2,4 mln", "€ 480.000", "12.400": short axis labels.
std::string axis_label(double x, bool money);
// A fraction on an axis with ticks `step` apart, with as many decimals as the step needs:
// "2,5%" (step 0,005), "2,25%" (step 0,0005), "10%" (step 0,05).
std::string axis_label_pct(double x, double step);

}  // namespace swv

namespace swv {

// Tornado chart: per input a horizontal bar from the outcome with the input at its P10 to the
// outcome at its P90, around the reference (all inputs random), largest swing on top.
struct TornadoBar {
  std::string label;
  double low = 0, high = 0;  // outcome with the input at P10 / P90
};
struct TornadoChart {
  std::string title;
  double reference = 0;
  std::vector<TornadoBar> bars;  // in display order (top first)
};
std::string tornado_svg(const TornadoChart& c);

}  // namespace swv
