#pragma once
// Small shared pieces of the decision-support builders (decision_*.cpp): JSON arrays with
// non-finite values as null, a per-year header and the equity fan chart of a Result.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine_version.h"
#include "document.h"
#include "result.h"
#include "svg_chart.h"

namespace swv {

using djson = nlohmann::ordered_json;

inline djson json_number(double x) { return std::isfinite(x) ? djson(std::round(x * 1e6) / 1e6) : djson(nullptr); }
inline djson json_array(const std::vector<double>& v) {
  djson a = djson::array();
  for (double x : v) a.push_back(json_number(x));
  return a;
}
inline double at_or_nan(const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : NAN; }

// The equity fan chart (P5–P95, P25–P75, median) against the signaleringswaarde and the floor.
inline std::string equity_fan(const Result& r, const std::string& title) {
  const Series* x = r.find("eigen_vermogen");
  if (!x) return "";
  std::vector<ChartLine> lines;
  if (const Series* s = r.find("signaleringswaarde")) lines.push_back({"signaleringswaarde", "signal", s->mean});
  if (const Series* s = r.find("ondergrens")) lines.push_back({"ondergrens", "floor", s->mean});
  return fan_chart_svg({title, r.years, x->p5, x->p25, x->p50, x->p75, x->p95, std::move(lines), true});
}

inline Document new_document(std::string title, std::string subtitle) {
  Document d;
  d.title = std::move(title), d.subtitle = std::move(subtitle), d.engine_version = engine_version();
  return d;
}

}  // namespace swv
