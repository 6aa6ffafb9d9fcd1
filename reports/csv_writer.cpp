#include "csv_writer.h"

#include <cmath>
#include <cstdio>

#include "report_terms.h"
#include "spreadsheet_text.h"

namespace swv {

namespace {

struct Writer {
  CsvDialect dialect;
  std::string out;
  char sep() const { return dialect == CsvDialect::Standard ? ',' : ';'; }
  std::string number(double x) const {
    if (!std::isfinite(x)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", std::round(x * 1e6) / 1e6);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();  // "12.500000" -> "12.5", "3.000000" -> "3"
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    if (dialect == CsvDialect::DutchExcel)
      for (char& c : s)
        if (c == '.') c = ',';
    return s;
  }
  // part, key, name, year, value, begroot, p5, p25, p50, p75, p95, standaardfout (empty = not applicable)
  void row(const std::string& part, const std::string& key, const std::string& name, int year, const std::vector<double>& nums) {
    const bool guard = dialect == CsvDialect::DutchExcel;  // docs/keuzes.md: only the file meant for Excel
    out += csv_text(part, sep(), guard) + sep() + csv_text(key, sep(), guard) + sep() + csv_text(name, sep(), guard) + sep() + std::to_string(year);
    for (size_t i = 0; i < 8; ++i) out += sep() + (i < nums.size() ? number(nums[i]) : "");
    out += "\r\n";
  }
};

}  // namespace

std::string csv_text(const std::string& s, char separator, bool guard_formulas) {
  const std::string t = guard_formulas ? neutralise_formula(s) : s;
  if (t.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return t;
  std::string q = "\"";
  for (char c : t) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string results_csv(const ReportInput& in, CsvDialect dialect) {
  const Result& r = in.result;
  Writer w{dialect, dialect == CsvDialect::DutchExcel ? "\xEF\xBB\xBF" : ""};
  const char s = w.sep();
  for (const char* h : {"onderdeel", "sleutel", "naam", "jaar", "waarde", "begroot", "p5", "p25", "p50", "p75", "p95"}) w.out += std::string(h) + s;
  w.out += "standaardfout\r\n";
  const double nan = NAN;
  for (const auto& x : r.series)
    for (size_t y = 0; y < r.years.size(); ++y)
      w.row("reeks", x.key, "", r.years[y], {x.mean[y], nan, x.p5[y], x.p25[y], x.p50[y], x.p75[y], x.p95[y]});
  const std::pair<const char*, const Probability*> probs[] = {{"bovenmatig", &r.excessive}, {"onder_ondergrens", &r.below_floor}, {"negatief", &r.negative}};
  auto prob_rows = [&](const std::string& key, const Probability& p) {
    for (size_t y = 0; y < r.years.size(); ++y) w.row("kans", key, "", r.years[y], {p.value[y], nan, nan, nan, nan, nan, nan, p.std_error[y]});
  };
  for (const auto& [key, p] : probs) prob_rows(key, *p);
  for (const auto& [key, p] : r.more_flags) prob_rows(key, p);  // onder_streefvermogen, the balance signals
  for (const auto& l : r.lines)  // post_baten, post_kortingen, post_lasten
    for (size_t y = 0; y < r.years.size(); ++y) w.row(std::string("post_") + side_name(l.side), l.code, l.name, r.years[y], {l.realised[y], l.budget[y]});
  for (const auto& k : r.risks)
    for (size_t y = 0; y < r.years.size(); ++y) {
      w.row("risico_last", k.code, k.name, r.years[y], {k.expected[y]});
      w.row("risico_kans", k.code, k.name, r.years[y], {k.hit_share[y]});
    }
  for (const auto& [rule, share] : r.policy_fired)
    for (size_t y = 0; y < r.years.size(); ++y) w.row("beleid_actief", rule, "", r.years[y], {share[y]});
  for (size_t y = 0; y < r.years.size() && y < r.expected_excess.size(); ++y)
    w.row("verwacht_overschot", "eigen_vermogen", "", r.years[y], {r.expected_excess[y]});
  return w.out;
}

}  // namespace swv
