#include "svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "format_nl.h"
#include "html_escape.h"
#include "palette.h"

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

// A line through the finite values; a NaN leaves a gap (separate segments).
std::string polyline(const Frame& f, const std::vector<double>& v, const std::string& cls, const std::string& style = "") {
  std::string s, pts;
  int n = 0;
  auto flush = [&] {
    if (n >= 2) s += "<polyline class=\"" + cls + "\"" + style + " points=\"" + pts + "\"/>";
    pts.clear(), n = 0;
  };
  for (size_t i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v[i])) {
      flush();
      continue;
    }
    pts += fmt(f.x(i)) + "," + fmt(f.yv(v[i])) + " ", ++n;
  }
  flush();
  return s;
}

// A norm line's colour from the shared palette (the same in the Excel chart): ` style="stroke:#b86200"`.
std::string norm_style(const char* property, const std::string& css_class) {
  const palette::Rgb c = palette::norm_colour(css_class);
  return c ? " style=\"" + std::string(property) + ":" + palette::css(c) + "\"" : "";
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

// Width of a legend or label text at 11px (about 6,6 px a character; UTF-8 aware).
double text_width(const std::string& t) {
  size_t n = 0;
  for (unsigned char ch : t) n += (ch & 0xC0) != 0x80;
  return 6.6 * static_cast<double>(n);
}

std::vector<FanLabel> fan_labels(const FanChart& c) {
  double lo = INFINITY, hi = -INFINITY;
  auto widen = [&](const std::vector<double>& v) {
    for (double x : v)
      if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  };
  widen(c.p5), widen(c.p95), widen(c.p50);
  for (const auto& l : c.lines) widen(l.values);
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  const Frame f{nice_scale(lo, hi, c.percent ? 0.001 : 1.0), c.years.size()};
  // Each line's name at its right end, just above it; names closer than a line of text are pushed
  // apart, then the whole column is moved up if it would run into the axis labels.
  std::vector<FanLabel> labels;
  for (size_t i = 0; i < c.lines.size(); ++i) {
    const auto& l = c.lines[i];
    if (!l.values.empty() && std::isfinite(l.values.back())) labels.push_back({f.yv(l.values.back()) - 4, i});
  }
  std::sort(labels.begin(), labels.end(), [](const FanLabel& a, const FanLabel& b) { return a.y < b.y; });
  constexpr double kGap = 12, kLowest = kH - kBottom - 4, kHighest = kTop + 10;
  for (size_t k = 0; k < labels.size(); ++k) {
    if (k > 0) labels[k].y = std::max(labels[k].y, labels[k - 1].y + kGap);
    labels[k].y = std::max(labels[k].y, kHighest);
  }
  if (!labels.empty() && labels.back().y > kLowest) {
    labels.back().y = kLowest;
    for (size_t k = labels.size() - 1; k-- > 0;) labels[k].y = std::min(labels[k].y, labels[k + 1].y - kGap);
  }
  return labels;
}

std::vector<std::vector<std::string>> legend_rows(const FanChart& c) {
  std::vector<std::string> items;
  if (!c.p5.empty()) items = {"P5–P95", "P25–P75", "mediaan"};
  for (const auto& l : c.lines) items.push_back(l.name);
  std::vector<std::vector<std::string>> rows(1);
  double x = kLeft;
  for (const auto& t : items) {
    const double w = 28 + text_width(t);
    if (x + w - 10 > kW - kRight && !rows.back().empty()) rows.emplace_back(), x = kLeft;
    rows.back().push_back(t), x += w;
  }
  return rows;
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
  // The legend fits the width: a second row where it would not, with the plot moved down below it.
  const auto rows = legend_rows(c);
  const double shift = 14.0 * static_cast<double>(rows.size() - 1);
  std::string s = open_svg(c.title);
  if (shift > 0) s.replace(s.find(" " + fmt(kH) + "\""), fmt(kH).size() + 2, " " + fmt(kH + shift) + "\"");
  if (c.wide) s.replace(s.find("class=\"chart\""), 13, "class=\"chart wide\"");
  // Legend.
  size_t item = 0;
  for (size_t row = 0; row < rows.size(); ++row) {
    double lx = kLeft;
    const double y = 27 + 14.0 * static_cast<double>(row);
    for (const auto& text : rows[row]) {
      std::string cls = "key", style;
      if (!c.p5.empty() && item < 3) cls = item == 0 ? "band90" : item == 1 ? "band50" : "median key";
      else {
        const auto& l = c.lines[item - (c.p5.empty() ? 0 : 3)];
        cls = "key " + l.css_class, style = norm_style("fill", l.css_class);
      }
      s += "<rect class=\"" + cls + "\"" + style + " x=\"" + fmt(lx) + "\" y=\"" + fmt(y) + "\" width=\"14\" height=\"10\"/><text class=\"legend\" x=\"" +
           fmt(lx + 18) + "\" y=\"" + fmt(y + 9) + "\">" + html_escape(text) + "</text>";
      lx += 28 + text_width(text), ++item;
    }
  }
  if (shift > 0) s += "<g transform=\"translate(0," + fmt(shift) + ")\">";
  if (!c.zone_above.empty()) {  // the zone from the line up to the top of the frame, where the line is defined
    std::string pts;
    size_t first = c.zone_above.size(), last = 0;
    for (size_t i = 0; i < c.zone_above.size(); ++i)
      if (std::isfinite(c.zone_above[i])) {
        pts += fmt(f.x(i)) + "," + fmt(std::max(kTop, f.yv(c.zone_above[i]))) + " ";
        first = std::min(first, i), last = i;
      }
    if (first < last) {
      // Its name at the left end, away from the line names at the right end.
      s += "<polygon class=\"zone\" points=\"" + pts + fmt(f.x(last)) + "," + fmt(kTop) + " " + fmt(f.x(first)) + "," + fmt(kTop) + "\"/>";
      s += "<text class=\"zone-label\" style=\"text-anchor:start\" x=\"" + fmt(f.x(first) + 4) + "\" y=\"" + fmt(kTop + 14) + "\">" +
           html_escape(c.zone_label) + "</text>";
    }
  }
  s += axes(f, c.years, c.money, c.percent);
  if (!c.p5.empty() && !c.p95.empty()) s += band(f, c.p5, c.p95, "band90");
  if (!c.p25.empty() && !c.p75.empty()) s += band(f, c.p25, c.p75, "band50");
  for (const auto& l : c.lines) s += polyline(f, l.values, "ref " + l.css_class, norm_style("stroke", l.css_class));
  for (const FanLabel& lab : fan_labels(c))
    s += "<text class=\"ref-label\"" + norm_style("fill", c.lines[lab.line].css_class) + " x=\"" + fmt(f.x(c.lines[lab.line].values.size() - 1)) +
         "\" y=\"" + fmt(lab.y) + "\">" + html_escape(c.lines[lab.line].name) + "</text>";
  if (!c.p50.empty()) s += polyline(f, c.p50, "median");
  if (shift > 0) s += "</g>";
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

std::string distribution_svg(const DistributionChart& c) {
  // Points (value, share below) from the quantiles, plus the norm's point where it keeps the curve monotone.
  std::vector<std::pair<double, double>> pts;
  for (size_t i = 0; i < c.quantiles.size() && i < c.quantile_levels.size(); ++i) pts.push_back({c.quantiles[i], c.quantile_levels[i]});
  if (std::isfinite(c.norm) && std::isfinite(c.share_above_norm)) {
    const std::pair<double, double> n{c.norm, 1 - c.share_above_norm};
    bool fits = true;
    for (const auto& p : pts) fits &= (p.first < n.first && p.second <= n.second) || (p.first > n.first && p.second >= n.second);
    if (fits) pts.push_back(n);
  }
  std::sort(pts.begin(), pts.end());
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& p : pts) lo = std::min(lo, p.first), hi = std::max(hi, p.first);
  for (double v : {c.norm, c.floor})
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  const Scale sx = nice_scale(lo, hi);
  auto xv = [&](double v) { return kLeft + (kW - kLeft - kRight) * (v - sx.lo) / (sx.hi - sx.lo); };
  auto yv = [&](double share) { return kTop + (kH - kTop - kBottom) * (1 - share); };
  std::string s = open_svg(c.title);
  if (std::isfinite(c.norm)) {
    const double x = xv(c.norm);
    s += "<rect class=\"zone\" x=\"" + fmt(x) + "\" y=\"" + fmt(kTop) + "\" width=\"" + fmt(kW - kRight - x) + "\" height=\"" +
         fmt(kH - kTop - kBottom) + "\"/>";
    if (std::isfinite(c.share_above_norm))
      s += "<text class=\"zone-label\" x=\"" + fmt(kW - kRight - 4) + "\" y=\"" + fmt(kTop + 14) + "\">bovenmatig: " +
           html_escape(pct(c.share_above_norm, 0)) + " van de paden</text>";
  }
  for (int k = 0; k <= 4; ++k) {  // 0%, 25%, … 100% of the paths
    const double y = yv(k / 4.0);
    s += "<line class=\"grid\" x1=\"" + fmt(kLeft) + "\" x2=\"" + fmt(kW - kRight) + "\" y1=\"" + fmt(y) + "\" y2=\"" + fmt(y) + "\"/>";
    s += "<text class=\"ylab\" x=\"" + fmt(kLeft - 6) + "\" y=\"" + fmt(y + 4) + "\">" + html_escape(pct(k / 4.0, 0)) + "</text>";
  }
  for (double v = sx.lo; v <= sx.hi + sx.step / 2; v += sx.step)
    s += "<text class=\"xlab\" x=\"" + fmt(xv(v)) + "\" y=\"" + fmt(kH - 10) + "\">" + html_escape(axis_label(v, true)) + "</text>";
  // The two vertical lines are often close: the floor's name at the top, the norm's at the bottom.
  auto vline = [&](double v, const char* cls, const char* name, double label_y) {
    if (!std::isfinite(v)) return;
    const double x = xv(v);
    s += "<line class=\"ref " + std::string(cls) + "\"" + norm_style("stroke", cls) + " x1=\"" + fmt(x) + "\" x2=\"" + fmt(x) + "\" y1=\"" +
         fmt(kTop) + "\" y2=\"" + fmt(kH - kBottom) + "\"/>";
    s += "<text class=\"ref-label\"" + norm_style("fill", cls) + " x=\"" + fmt(x - 3) + "\" y=\"" + fmt(label_y) + "\">" + name + "</text>";
  };
  vline(c.floor, "floor", "ondergrens", kTop + 30);
  vline(c.norm, "signal", "signaleringswaarde", kH - kBottom - 4);
  std::string line;
  for (const auto& p : pts) line += fmt(xv(p.first)) + "," + fmt(yv(p.second)) + " ";
  s += "<polyline class=\"median\" points=\"" + line + "\"/>";
  for (const auto& p : pts) s += "<circle class=\"dot\" cx=\"" + fmt(xv(p.first)) + "\" cy=\"" + fmt(yv(p.second)) + "\" r=\"3\"/>";
  s += "<text class=\"legend\" x=\"" + fmt(kLeft) + "\" y=\"36\">aandeel van de paden met minder eigen vermogen</text>";
  return s + "</svg>";
}

namespace {
size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
// The first `n` characters of s (UTF-8 aware).
std::string utf8_prefix(const std::string& s, size_t n) {
  size_t i = 0, k = 0;
  while (i < s.size() && k < n) {
    ++i, ++k;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}
}  // namespace

std::vector<std::string> wrap_label(const std::string& text, size_t width, size_t max_lines) {
  std::vector<std::string> lines;  // greedy: as many words on a line as fit
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!lines.empty() && utf8_length(lines.back()) + 1 + utf8_length(word) <= width) lines.back() += " " + word;
    else lines.push_back(word);
  }
  const bool more = lines.size() > max_lines;
  if (more) lines.resize(max_lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool mark = more && i + 1 == lines.size();
    const size_t room = mark ? width - 1 : width;
    // The mark takes a place: drop whole words from the end first, cut inside a word only if one
    // word alone is too long.
    while (utf8_length(lines[i]) > room && lines[i].find(' ') != std::string::npos) lines[i].erase(lines[i].rfind(' '));
    if (utf8_length(lines[i]) > room) lines[i] = utf8_prefix(lines[i], width - 1) + "…";
    else if (mark) lines[i] += "…";
  }
  return lines;
}

std::string share_chart_svg(const ShareChart& c) {
  constexpr double kLabel = 280, kRow = 34, kTopT = 40, kRightT = 24;
  const double height = kTopT + kRow * static_cast<double>(c.bars.size()) + 36;
  double hi = 0.05;
  for (const auto& b : c.bars)
    if (std::isfinite(b.share)) hi = std::max(hi, b.share + (std::isfinite(b.std_error) ? 2 * b.std_error : 0.0));
  hi = std::min(hi, 1.0);
  // Steps of 1, 2, 5, 10, 20 or 25 percent: at most six ticks, each label distinct.
  double step = 0.01;
  for (double st : {0.01, 0.02, 0.05, 0.1, 0.2, 0.25})
    if (hi / st <= 5.0 + 1e-9) { step = st; break; } else step = st;
  const double top = std::ceil(hi / step - 1e-9) * step;
  auto xv = [&](double v) { return kLabel + (kW - kLabel - kRightT) * std::clamp(v, 0.0, top) / top; };
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + fmt(kW) + " " + fmt(height) + "\" role=\"img\" aria-label=\"" +
                  html_escape(c.title) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" + html_escape(c.title) +
                  "</title><text class=\"ctitle\" x=\"8\" y=\"18\">" + html_escape(c.title) + "</text>";
  const double bottom = kTopT + kRow * static_cast<double>(c.bars.size());
  for (int k = 0; k * step <= top + step / 2; ++k) {
    const double v = k * step, x = xv(v);
    s += "<line class=\"grid\" x1=\"" + fmt(x) + "\" x2=\"" + fmt(x) + "\" y1=\"" + fmt(kTopT - 6) + "\" y2=\"" + fmt(bottom) + "\"/>";
    s += "<text class=\"xlab\" x=\"" + fmt(x) + "\" y=\"" + fmt(bottom + 14) + "\">" + html_escape(axis_label_pct(v, step)) + "</text>";
  }
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const ShareBar& b = c.bars[i];
    const double y = kTopT + kRow * static_cast<double>(i);
    const std::vector<std::string> lines = wrap_label(b.label, 44, 2);
    for (size_t l = 0; l < lines.size(); ++l) {
      const double ty = y + kRow / 2 + 4 + (lines.size() == 2 ? (l == 0 ? -7.0 : 7.0) : 0.0);
      s += "<text class=\"ylab\" x=\"" + fmt(kLabel - 8) + "\" y=\"" + fmt(ty) + "\">" + html_escape(lines[l]) + "</text>";
    }
    if (!std::isfinite(b.share)) continue;
    s += "<rect class=\"bar\" x=\"" + fmt(xv(0)) + "\" y=\"" + fmt(y + 6) + "\" width=\"" + fmt(xv(b.share) - xv(0)) + "\" height=\"" +
         fmt(kRow - 12) + "\"/>";
    if (std::isfinite(b.std_error) && b.std_error > 0)
      s += "<line class=\"whisker\" x1=\"" + fmt(xv(b.share - 2 * b.std_error)) + "\" x2=\"" + fmt(xv(b.share + 2 * b.std_error)) +
           "\" y1=\"" + fmt(y + kRow / 2) + "\" y2=\"" + fmt(y + kRow / 2) + "\"/>";
  }
  s += "<text class=\"legend\" x=\"" + fmt(kLabel) + "\" y=\"" + fmt(height - 4) +
       "\">aandeel in de spreiding van het eigen vermogen · streepje: ± 2 standaardfouten</text>";
  return s + "</svg>";
}

}  // namespace swv
