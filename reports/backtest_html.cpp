// terugtoets.html (calibration_report.h): one page, no scripts or network. Per series a chart of the
// realised counts with the fan (P5–P95, P25–P75, median) of every origin, the points outside the
// 90% band marked, and a table of every point; on top the verdict in plain Dutch.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "calibration_report.h"
#include "format_nl.h"
#include "html_escape.h"
#include "html_style.h"
#include "svg_chart.h"

namespace swv {

namespace {

std::string f1(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

// A step of 1, 2 or 5 × 10^k that gives about five ticks over `range`.
double nice_step(double range) {
  if (!(range > 0)) return 1;
  const double raw = range / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

double realised_at(const Backtest& b, const std::vector<double>& actual, int year) {
  const size_t i = static_cast<size_t>(year - b.years.front());
  return i < actual.size() ? actual[i] : NAN;
}

std::string chart(const Backtest& b, const std::string& key, const std::vector<BacktestPoint>& pts, const std::vector<double>& actual) {
  const double W = 760, H = 300, L = 64, R = 18, T = 34, B = 40;
  double lo = INFINITY, hi = -INFINITY;
  for (double a : actual) lo = std::min(lo, a), hi = std::max(hi, a);
  for (const auto& p : pts) lo = std::min(lo, p.p5), hi = std::max(hi, p.p95);
  const double step = nice_step(hi - lo);
  lo = std::floor(lo / step) * step, hi = std::ceil(hi / step) * step;
  if (hi <= lo) hi = lo + step;
  const int y0 = b.years.front(), y1 = b.years.back();
  auto X = [&](double year) { return L + (W - L - R) * (year - y0) / std::max(1, y1 - y0); };
  auto Y = [&](double v) { return T + (H - T - B) * (hi - v) / (hi - lo); };
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + f1(W) + " " + f1(H) + "\" role=\"img\" aria-label=\"" +
                  html_escape(series_title(key, b.sector)) + "\">";
  s += "<text class=\"ctitle\" x=\"" + f1(L) + "\" y=\"16\">" + html_escape(series_title(key, b.sector)) + " (teldatum)</text>";
  for (double v = lo; v <= hi + step / 2; v += step)
    s += "<line class=\"grid\" x1=\"" + f1(L) + "\" x2=\"" + f1(W - R) + "\" y1=\"" + f1(Y(v)) + "\" y2=\"" + f1(Y(v)) + "\"/><text class=\"ylab\" x=\"" +
         f1(L - 6) + "\" y=\"" + f1(Y(v) + 3.5) + "\">" + axis_label(v, false) + "</text>";
  const int every = y1 - y0 > 12 ? 2 : 1;
  for (int y = y0; y <= y1; y += every)
    s += "<text class=\"xlab\" x=\"" + f1(X(y)) + "\" y=\"" + f1(H - B + 16) + "\">" + std::to_string(y) + "</text>";
  // One fan per origin, from the realised count at the origin (known then) to each year ahead.
  for (int o : b.origins) {
    std::vector<const BacktestPoint*> fan;
    for (const auto& p : pts)
      if (p.origin == o) fan.push_back(&p);
    if (fan.empty()) continue;
    const double start = realised_at(b, actual, o);
    auto band = [&](double BacktestPoint::*low, double BacktestPoint::*high, const char* cls) {
      std::string pts_text = f1(X(o)) + "," + f1(Y(start));
      for (const auto* p : fan) pts_text += " " + f1(X(p->year)) + "," + f1(Y(p->*high));
      for (auto it = fan.rbegin(); it != fan.rend(); ++it) pts_text += " " + f1(X((*it)->year)) + "," + f1(Y((*it)->*low));
      return std::string("<polygon class=\"") + cls + "\" fill-opacity=\"0.45\" points=\"" + pts_text + "\"/>";
    };
    s += band(&BacktestPoint::p5, &BacktestPoint::p95, "band90") + band(&BacktestPoint::p25, &BacktestPoint::p75, "band50");
    std::string med = f1(X(o)) + "," + f1(Y(start));
    for (const auto* p : fan) med += " " + f1(X(p->year)) + "," + f1(Y(p->p50));
    s += "<polyline class=\"median\" stroke-width=\"1.2\" stroke-dasharray=\"3 3\" points=\"" + med + "\"/>";
  }
  std::string line;
  for (size_t i = 0; i < actual.size(); ++i) line += (i ? " " : "") + f1(X(y0 + static_cast<int>(i))) + "," + f1(Y(actual[i]));
  s += "<polyline fill=\"none\" stroke=\"#1d2733\" stroke-width=\"2\" points=\"" + line + "\"/>";
  for (const auto& p : pts)
    if (p.in90() == 0)
      s += "<circle cx=\"" + f1(X(p.year)) + "\" cy=\"" + f1(Y(p.actual)) + "\" r=\"4\" fill=\"none\" stroke=\"#b3141b\" stroke-width=\"1.8\"><title>" +
           std::to_string(p.year) + " (oorsprong " + std::to_string(p.origin) + "): " + num_nl(p.actual) + " buiten P5–P95</title></circle>";
  const double ly = H - 8;
  s += "<rect class=\"band90\" x=\"" + f1(L) + "\" y=\"" + f1(ly - 9) + "\" width=\"14\" height=\"10\"/><text class=\"legend\" x=\"" + f1(L + 18) + "\" y=\"" +
       f1(ly) + "\">P5–P95</text>";
  s += "<rect class=\"band50\" x=\"" + f1(L + 80) + "\" y=\"" + f1(ly - 9) + "\" width=\"14\" height=\"10\"/><text class=\"legend\" x=\"" + f1(L + 98) +
       "\" y=\"" + f1(ly) + "\">P25–P75 (per oorsprong)</text>";
  s += "<line x1=\"" + f1(L + 260) + "\" x2=\"" + f1(L + 280) + "\" y1=\"" + f1(ly - 4) + "\" y2=\"" + f1(ly - 4) +
       "\" stroke=\"#1d2733\" stroke-width=\"2\"/><text class=\"legend\" x=\"" + f1(L + 284) + "\" y=\"" + f1(ly) + "\">werkelijk</text>";
  s += "<circle cx=\"" + f1(L + 360) + "\" cy=\"" + f1(ly - 4) + "\" r=\"4\" fill=\"none\" stroke=\"#b3141b\" stroke-width=\"1.8\"/><text class=\"legend\" x=\"" +
       f1(L + 368) + "\" y=\"" + f1(ly) + "\">buiten de 90%-band</text>";
  return s + "</svg>";
}

std::string td(const std::string& s, const char* cls = "num") { return std::string("<td class=\"") + cls + "\">" + s + "</td>"; }

}  // namespace

std::string backtest_html(const Backtest& b, const std::string& version) {
  const std::string title = "Terugtoets van de banden";
  std::string s = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\"><title>" + title + " — swvsim</title><style>" + std::string(kReportCss) +
                  "td.in { color: var(--green); } td.uit { color: var(--red); font-weight: 600; } p.verdict { font-size: 16px; border-left: 4px "
                  "solid var(--median); padding: 6px 12px; background: #f1f4f8; } pre { background: #f1f4f8; padding: 8px; }</style></head><body>";
  s += "<header><h1>" + title + "</h1><p class=\"sub\">" + html_escape(b.history_file) + " (" + sector_name(b.sector) + ", teldata " +
       std::to_string(b.years.front()) + "–" + std::to_string(b.years.back()) + "); oorsprongen " + std::to_string(b.origins.front()) + "–" +
       std::to_string(b.origins.back()) + ", " + std::to_string(b.horizon) + " jaar vooruit, " + int_nl(b.paths) + " paden per oorsprong</p></header>";
  s += "<section id=\"oordeel\"><h2>Oordeel</h2><p class=\"verdict\">" + html_escape(verdict_sentence(b.all)) + ".</p>";
  s += "<table><thead><tr><th>Reeks</th><th>binnen P25–P75</th><th>binnen P5–P95</th><th>punten</th><th>oordeel</th></tr></thead><tbody>";
  auto row = [&](const std::string& name, const Coverage& c) {
    s += "<tr>" + td(html_escape(name), "label") + td(pct(c.c50, 0)) + td(pct(c.c90, 0)) + td(int_nl(c.points)) + td(verdict_word(verdict(c)), "label") +
         "</tr>";
  };
  for (const auto& [key, c] : b.coverage) row(series_title(key, b.sector), c);
  row("Alle reeksen", b.all);
  s += "</tbody></table><p class=\"note\">Hoe te lezen: een eerlijke 90%-band vangt op den duur 9 van de 10 werkelijke aantallen en een "
       "eerlijke 50%-band de helft. Ligt een aandeel meer dan twee standaardfouten (√(p(1−p)/n)) onder 90% of 50%, dan zijn de banden te smal: "
       "de werkelijkheid schommelt meer dan de kalibratie denkt (een trendbreuk, beleid, een verandering in de regio). Ligt het er meer boven, dan "
       "zijn ze te breed. De punten van één oorsprong hangen samen (een te lage verwachting is dat vaak in alle jaren erna), dus de werkelijke "
       "onzekerheid van de aandelen is groter dan die standaardfout: een oordeel vlak bij de grens is een aanwijzing, geen bewijs. Onder " +
       std::to_string(kMinVerdictPoints) + " punten geeft swvsim geen oordeel.</p></section>";
  const std::vector<std::string> series = b.series();
  for (size_t k = 0; k < series.size(); ++k) {
    const std::string& key = series[k];
    std::vector<BacktestPoint> pts;
    for (const auto& p : b.points)
      if (p.series == key) pts.push_back(p);
    const Coverage& c = b.coverage[k].second;
    s += "<section id=\"" + key + "\"><h2>" + html_escape(series_title(key, b.sector)) + "</h2><p>" + html_escape(verdict_sentence(c)) + ".</p>";
    s += chart(b, key, pts, b.realised[k]);
    s += "<table><thead><tr><th>Oorsprong</th><th>Jaar</th><th>Werkelijk</th><th>P5</th><th>P25</th><th>Mediaan</th><th>P75</th><th>P95</th>"
         "<th>50%-band</th><th>90%-band</th></tr></thead><tbody>";
    for (const auto& p : pts) {
      s += "<tr>" + td(std::to_string(p.origin), "label") + td(std::to_string(p.year)) + td(num_nl(p.actual));
      for (double x : {p.p5, p.p25, p.p50, p.p75, p.p95}) s += td(num_nl(x, 1));
      auto mark = [](double in) { return in == 1 ? td("binnen", "in") : in == 0 ? td("buiten", "uit") : td("op de rand (telt half)", "in"); };
      s += mark(p.in50()) + mark(p.in90()) + "</tr>";
    }
    s += "</tbody></table></section>";
  }
  s += "<section id=\"methode\"><h2>Methode</h2><p>Voor elke oorsprong T is de kalibratie (swvsim kalibreer) alleen op de teldata tot en met T "
       "gedaan; met die parameters en hun onzekerheid heeft de rekenkern de aantallen van T+1 tot en met T+" + std::to_string(b.horizon) +
       " doorgerekend (" + int_nl(b.paths) + " paden, zaad " + std::to_string(b.seed) + "), vanaf de werkelijke aantallen op T. Daarna zijn de "
       "werkelijke aantallen van die jaren naast de banden gelegd. Percentielen: Hyndman–Fan type 7. Rekentijd " + num_nl(b.seconds, 1) + " s.</p>"
       "<p>Zet de uitkomst bij de kalibratie, zodat het rapport van elk scenario dat haar gebruikt de terugtoets toont (of gebruik "
       "<code>swvsim kalibreer --terugtoets</code>, dat het zelf doet):</p><pre>" + html_escape(backtest_toml_snippet(b)) + "</pre></section>";
  s += "<footer>Gemaakt met swvsim " + html_escape(version) + ". Historie SHA-256 <span class=\"hash\">" + html_escape(b.history_sha256) +
       "</span>.</footer></body></html>\n";
  return s;
}

}  // namespace swv
