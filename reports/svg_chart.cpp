#include "svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "format_nl.h"
#include "html_escape.h"

namespace swv {

namespace {

constexpr double kW = 640, kH = 280, kLeft = 86, kRight = 16, kTop = 48, kBottom = 30;

struct Scale {
  double lo, hi, step;
};

// Axis from lo to hi in "nice" steps of 1, 2 or 5 times a power of ten (about five ticks). A flat
// series gets room around it (at least `min_pad`), never below 0 when its values are not.
Scale nice_scale(double lo, double hi, double min_pad = 1.0) {
  if (!(hi > lo)) {
    const double pad = std::max(min_pad, std::fabs(lo) * 0.1);
    const bool nonneg = lo >= 0;
    lo -= pad, hi += pad;
    if (nonneg && lo < 0) lo = 0;
  }
  const double raw = (hi - lo) / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) {
      step = m * mag;
      break;
    }
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Frame {
  Scale y;
  size_t n;
  double x(size_t i) const { return kLeft + (n <= 1 ? (kW - kLeft - kRight) / 2 : (kW - kLeft - kRight) * static_cast<double>(i) / static_cast<double>(n - 1)); }
  double yv(double v) const { return kTop + (kH - kTop - kBottom) * (1 - (v - y.lo) / (y.hi - y.lo)); }
};

std::string open_svg(const std::string& title) {
  return "<svg class=\"chart\" viewBox=\"0 0 " + fmt(kW) + " " + fmt(kH) + "\" role=\"img\" aria-label=\"" + html_escape(title) +
         "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + html_escape(title) + "</title>" + "<text class=\"ctitle\" x=\"" +
         fmt(kLeft) + "\" y=\"18\">" + html_escape(title) + "</text>";
}

std::string axes(const Frame& f, const std::vector<int>& years, bool money, bool percent) {
  std::string s;
  for (double v = f.y.lo; v <= f.y.hi + f.y.step / 2; v += f.y.step) {
    const double y = f.yv(v);
    const std::string label = percent ? axis_label_pct(v, f.y.step) : axis_label(v, money);
    s += "<line class=\"grid\" x1=\"" + fmt(kLeft) + "\" x2=\"" + fmt(kW - kRight) + "\" y1=\"" + fmt(y) + "\" y2=\"" + fmt(y) + "\"/>";
    s += "<text class=\"ylab\" x=\"" + fmt(kLeft - 6) + "\" y=\"" + fmt(y + 4) + "\">" + html_escape(label) + "</text>";
  }
  for (size_t i = 0; i < years.size(); ++i)
    s += "<text class=\"xlab\" x=\"" + fmt(f.x(i)) + "\" y=\"" + fmt(kH - 10) + "\">" + std::to_string(years[i]) + "</text>";
  return s;
}

std::string polyline(const Frame& f, const std::vector<double>& v, const std::string& cls) {
  std::string pts;
  for (size_t i = 0; i < v.size(); ++i) pts += fmt(f.x(i)) + "," + fmt(f.yv(v[i])) + " ";
  return "<polyline class=\"" + cls + "\" points=\"" + pts + "\"/>";
}

std::string band(const Frame& f, const std::vector<double>& lo, const std::vector<double>& hi, const std::string& cls) {
  std::string pts;
  for (size_t i = 0; i < hi.size(); ++i) pts += fmt(f.x(i)) + "," + fmt(f.yv(hi[i])) + " ";
  for (size_t i = lo.size(); i-- > 0;) pts += fmt(f.x(i)) + "," + fmt(f.yv(lo[i])) + " ";
  return "<polygon class=\"" + cls + "\" points=\"" + pts + "\"/>";
}

}  // namespace

std::string axis_label(double x, bool money) {
  if (!money) return num_nl(x, std::fabs(x) < 10 && x != std::round(x) ? 1 : 0);
  if (std::fabs(x) >= 1e6) return "€ " + num_nl(x / 1e6, std::fmod(x, 1e6) == 0 ? 0 : 1) + " mln";
  return euro(x);
}

std::string axis_label_pct(double x, double step) {
  // Decimals of the step in percent points: 0,5 -> 1, 0,25 -> 2 (at most 3).
  int decimals = 0;
  for (double p = step * 100; decimals < 3 && std::fabs(p - std::round(p)) > 1e-9 * std::max(1.0, std::fabs(p)); p *= 10) ++decimals;
  const double v = std::fabs(x) < step * 1e-6 ? 0.0 : x;  // no "-0%" from accumulated ticks
  return pct(v, decimals);
}

std::string fan_chart_svg(const FanChart& c) {
  double lo = INFINITY, hi = -INFINITY;
  auto widen = [&](const std::vector<double>& v) {
    for (double x : v) lo = std::min(lo, x), hi = std::max(hi, x);
  };
  widen(c.p5), widen(c.p95), widen(c.p50);
  for (const auto& l : c.lines) widen(l.values);
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  Frame f{nice_scale(lo, hi, c.percent ? 0.001 : 1.0), c.years.size()};
  std::string s = open_svg(c.title) + axes(f, c.years, c.money, c.percent);
  if (!c.p5.empty() && !c.p95.empty()) s += band(f, c.p5, c.p95, "band90");
  if (!c.p25.empty() && !c.p75.empty()) s += band(f, c.p25, c.p75, "band50");
  for (const auto& l : c.lines) s += polyline(f, l.values, "ref " + l.css_class);
  if (!c.p50.empty()) s += polyline(f, c.p50, "median");
  // Legend.
  double lx = kLeft;
  auto key = [&](const std::string& cls, const std::string& text) {
    s += "<rect class=\"" + cls + "\" x=\"" + fmt(lx) + "\" y=\"27\" width=\"14\" height=\"10\"/><text class=\"legend\" x=\"" + fmt(lx + 18) +
         "\" y=\"36\">" + html_escape(text) + "</text>";
    lx += 28 + 6.6 * static_cast<double>(text.size());
  };
  if (!c.p5.empty()) key("band90", "P5–P95"), key("band50", "P25–P75"), key("median key", "mediaan");
  for (const auto& l : c.lines) key("key " + l.css_class, l.name);
  return s + "</svg>";
}

std::string bar_chart_svg(const BarChart& c) {
  double lo = 0, hi = 0;
  for (const auto* v : {&c.mean, &c.p5, &c.p95})
    for (double x : *v) lo = std::min(lo, x), hi = std::max(hi, x);
  Frame f{nice_scale(lo, hi), c.years.size() + 1};
  // Bars sit between the grid positions: shift by half a slot.
  auto xc = [&](size_t i) { return (f.x(i) + f.x(i + 1)) / 2; };
  std::string s = open_svg(c.title);
  for (double v = f.y.lo; v <= f.y.hi + f.y.step / 2; v += f.y.step) {
    const double y = f.yv(v);
    s += "<line class=\"grid\" x1=\"" + fmt(kLeft) + "\" x2=\"" + fmt(kW - kRight) + "\" y1=\"" + fmt(y) + "\" y2=\"" + fmt(y) + "\"/>";
    s += "<text class=\"ylab\" x=\"" + fmt(kLeft - 6) + "\" y=\"" + fmt(y + 4) + "\">" + html_escape(axis_label(v, true)) + "</text>";
  }
  const double w = (f.x(1) - f.x(0)) * 0.5, zero = f.yv(0);
  for (size_t i = 0; i < c.mean.size(); ++i) {
    const double y = f.yv(c.mean[i]);
    s += "<rect class=\"" + std::string(c.mean[i] < 0 ? "bar neg" : "bar") + "\" x=\"" + fmt(xc(i) - w / 2) + "\" y=\"" + fmt(std::min(y, zero)) +
         "\" width=\"" + fmt(w) + "\" height=\"" + fmt(std::fabs(zero - y)) + "\"/>";
    if (i < c.p5.size() && i < c.p95.size())
      s += "<line class=\"whisker\" x1=\"" + fmt(xc(i)) + "\" x2=\"" + fmt(xc(i)) + "\" y1=\"" + fmt(f.yv(c.p5[i])) + "\" y2=\"" +
           fmt(f.yv(c.p95[i])) + "\"/>";
    s += "<text class=\"xlab\" x=\"" + fmt(xc(i)) + "\" y=\"" + fmt(kH - 10) + "\">" + std::to_string(c.years[i]) + "</text>";
  }
  return s + "</svg>";
}

std::string tornado_svg(const TornadoChart& c) {
  constexpr double kLabel = 250, kRow = 22, kTopT = 40, kRightT = 20;
  const double height = kTopT + kRow * static_cast<double>(c.bars.size()) + 34;
  double lo = c.reference, hi = c.reference;
  for (const auto& b : c.bars) lo = std::min({lo, b.low, b.high}), hi = std::max({hi, b.low, b.high});
  const Scale sc = nice_scale(lo, hi);
  auto xv = [&](double v) { return kLabel + (kW - kLabel - kRightT) * (v - sc.lo) / (sc.hi - sc.lo); };
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + fmt(kW) + " " + fmt(height) + "\" role=\"img\" aria-label=\"" +
                  html_escape(c.title) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + html_escape(c.title) +
                  "</title><text class=\"ctitle\" x=\"8\" y=\"18\">" + html_escape(c.title) + "</text>";
  const double bottom = kTopT + kRow * static_cast<double>(c.bars.size());
  for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
    const double x = xv(v);
    s += "<line class=\"grid\" x1=\"" + fmt(x) + "\" x2=\"" + fmt(x) + "\" y1=\"" + fmt(kTopT - 6) + "\" y2=\"" + fmt(bottom) + "\"/>";
    s += "<text class=\"xlab\" x=\"" + fmt(x) + "\" y=\"" + fmt(bottom + 14) + "\">" + html_escape(axis_label(v, true)) + "</text>";
  }
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const TornadoBar& b = c.bars[i];
    const double y = kTopT + kRow * static_cast<double>(i), ref = xv(c.reference);
    std::string label = b.label.size() > 44 ? b.label.substr(0, 41) + "..." : b.label;
    while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80) label.pop_back();
    s += "<text class=\"ylab\" x=\"" + fmt(kLabel - 8) + "\" y=\"" + fmt(y + kRow / 2 + 4) + "\">" + html_escape(label) + "</text>";
    for (auto [v, cls] : {std::pair{b.low, "bar neg"}, std::pair{b.high, "bar"}}) {
      const double x = xv(v);
      s += "<rect class=\"" + std::string(cls) + "\" x=\"" + fmt(std::min(x, ref)) + "\" y=\"" + fmt(y + 3) + "\" width=\"" +
           fmt(std::fabs(x - ref)) + "\" height=\"" + fmt(kRow - 6) + "\"/>";
    }
  }
  const double ref = xv(c.reference);
  s += "<line class=\"whisker\" x1=\"" + fmt(ref) + "\" x2=\"" + fmt(ref) + "\" y1=\"" + fmt(kTopT - 6) + "\" y2=\"" + fmt(bottom) + "\"/>";
  s += "<text class=\"legend\" x=\"" + fmt(kLabel) + "\" y=\"" + fmt(height - 4) +
       "\">rood: invoer op P10 · blauw: invoer op P90 · lijn: alles onzeker</text>";
  return s + "</svg>";
}

}  // namespace swv
