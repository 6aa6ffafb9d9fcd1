#pragma once
// Inline SVG charts for the HTML report (no scripts, no network): a fan chart (P5–P95 and P25–P75
// bands, median line, reference lines such as the signaleringswaarde and the floor) and a bar chart
// with P5–P95 whiskers. Every number shown is also in a table of the report; the charts are a view.
#include <cmath>
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
  std::vector<double> zone_above{};            // shaded from these values up (bovenmatig: above the signaleringswaarde)
  std::string zone_label{};                    // text in the shaded zone
  bool wide = false;                           // the full width of the page (the equity chart)
  // NaN values (e.g. a norm line at the 31-12 start point, where it is not defined) leave a gap.
  // Reference lines are labelled with their name at their right end as well as in the legend.
};

std::string fan_chart_svg(const FanChart& c);

// Where fan_chart_svg puts the name of each reference line: y (in the frame) and the line's index.
// Names are at least a text line apart and stay between the top of the frame and the axis labels.
struct FanLabel {
  double y;
  size_t line;
};
std::vector<FanLabel> fan_labels(const FanChart& c);
// The legend's rows: the keys in order, a new row where the next key would not fit the width.
std::vector<std::vector<std::string>> legend_rows(const FanChart& c);
// Width of a text at the charts' 11px (an estimate: 6,6 px a character).
double text_width(const std::string& t);

// The distribution of equity in one year as a cumulative curve through the known quantiles
// (P5 … P95, exact values of the run) and the share of paths at or below the norm: x in euro, y the
// share of paths with less equity. The norm (signaleringswaarde) and the floor are vertical lines;
// the part above the norm is shaded and labelled with the share of paths there.
struct DistributionChart {
  std::string title;
  std::vector<double> quantile_levels, quantiles;  // e.g. {0,05 0,25 0,5 0,75 0,95} and their values
  double norm = NAN, share_above_norm = NAN;       // mean signaleringswaarde; P(bovenmatig)
  double floor = NAN;                              // mean ondergrens (NaN: none)
};
std::string distribution_svg(const DistributionChart& c);

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

// Share chart (gevoeligheid): per input a horizontal bar of the share of the variance it explains
// (a fraction), with a ±2 standard-error whisker, largest on top. The axis runs from 0 in percent
// steps; labels wrap over two lines instead of being cut.
struct ShareBar {
  std::string label;
  double share = 0, std_error = 0;  // fractions; NaN error: no whisker
};
struct ShareChart {
  std::string title;
  std::vector<ShareBar> bars;  // in display order (top first)
};
std::string share_chart_svg(const ShareChart& c);
// A label split at a space into lines of at most `width` characters (UTF-8 aware), at most
// `max_lines` lines; only a single word longer than the whole space is cut (with "…").
std::vector<std::string> wrap_label(const std::string& text, size_t width, size_t max_lines);

}  // namespace swv
