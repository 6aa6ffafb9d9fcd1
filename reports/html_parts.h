#pragma once
// The pieces the HTML report is assembled from (html_summary.cpp: the bestuurssamenvatting on page 1;
// html_report.cpp: header, summary, charts, policy,
// method; html_tables.cpp: participation and waiting lists, the meerjarenbegroting, the
// meerjarenbalans, risks and buffer), and the small cell helpers they share. All scenario text goes through esc().
#include <string>
#include <vector>

#include "format_nl.h"
#include "html_escape.h"
#include "report_input.h"

namespace swv::html {

inline std::string esc(const std::string& s) { return html_escape(s); }
inline std::string td(const std::string& text, const std::string& cls = "") {
  return "<td" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + text + "</td>";
}
inline std::string th(const std::string& text) { return "<th>" + text + "</th>"; }

inline std::string year_header(const Result& r, const std::string& first) {
  std::string s = "<tr>" + th(first);
  for (int y : r.years) s += th(std::to_string(y));
  return s + "</tr>";
}

// A row of amounts; `label` is HTML (escape scenario text before).
inline std::string money_row(const std::string& label, const std::vector<double>& v, const std::string& cls = "") {
  std::string s = "<tr" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + td(label, "label");
  for (double x : v) s += td(euro(x), "num");
  return s + "</tr>";
}

// A heading row across the table.
inline std::string group_row(const Result& r, const std::string& title, const std::string& cls = "group") {
  return "<tr class=\"" + cls + "\"><td colspan=\"" + std::to_string(r.years.size() + 1) + "\">" + title + "</td></tr>";
}

inline const std::vector<double>& mean(const Result& r, const char* key) {
  static const std::vector<double> none;
  const Series* s = r.find(key);
  return s ? s->mean : none;
}

std::string board_summary(const ReportInput& in);  // section "bestuurssamenvatting": page 1 (html_summary.cpp)
std::string equity_chart(const ReportInput& in);   // the equity fan chart against the norms, full width (html_report.cpp)
std::string participation(const ReportInput& in);  // table "deelname" after the pupil charts ("" without the series)
std::string mjb(const ReportInput& in);      // section "mjb"
std::string balance(const ReportInput& in);  // section "balans" (only with [balans]; else "")
std::string risks(const ReportInput& in);    // section "risicos": risks and weerstandsvermogen

}  // namespace swv::html
