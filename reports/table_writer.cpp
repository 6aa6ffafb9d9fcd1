#include "table_writer.h"

#include <algorithm>
#include <vector>

#include "format_nl.h"
#include "report_terms.h"

namespace swv {

namespace {

// Display width in characters (UTF-8 aware: "€" is one column).
size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}
std::string pad_left(const std::string& s, size_t w) { return std::string(w > width(s) ? w - width(s) : 0, ' ') + s; }
// The first `w` characters of UTF-8 text (never cuts a character in two).
std::string truncate(const std::string& s, size_t w) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == w) break;
  }
  return s.substr(0, i);
}
std::string pad_right(const std::string& s, size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

// One row of the table: a label and one cell per year.
struct Row {
  std::string label;
  std::vector<std::string> cells;
  bool rule_before = false;
  bool flag = false;          // highlighted on a terminal: a deterministic flag, or ...
  std::vector<double> probs;  // ... a probability of 50% or more
};
using Rows = std::vector<Row>;

Row money_row(const std::string& label, const std::vector<double>& v, bool rule = false) {
  Row row{label, {}, rule, false, {}};
  for (double x : v) row.cells.push_back(euro(x));
  return row;
}

// BATEN, KORTINGEN (only when the run has kortingen lines) and LASTEN: each a heading and every
// line of that side (budget lines, then policy and risk lines), so the lines add up to the totals.
void add_line_rows(Rows& rows, const Result& r) {
  const size_t n = r.years.size();
  bool first = true;
  for (Side s : kSideOrder) {
    if (s == Side::Reduction && !has_side(r, s)) continue;
    std::string title = side_title(s);
    for (char& c : title) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    rows.push_back({title, std::vector<std::string>(n), !first, false, {}});
    first = false;
    for (const auto& l : r.lines)
      if (l.side == s) rows.push_back(money_row("  " + l.code + " " + l.name, l.realised));
  }
}

// Totals, equity with its two parts, and the norms.
void add_total_rows(Rows& rows, const Result& r) {
  auto series = [&](const char* key) { return r.find(key) ? r.find(key)->mean : std::vector<double>(r.years.size(), 0.0); };
  rows.push_back(money_row("Totale baten", series("totale_baten"), true));
  rows.push_back(money_row("Kortingen", series("kortingen")));
  rows.push_back(money_row("Totale lasten", series("totale_lasten")));
  rows.push_back(money_row("Saldo", series("saldo")));
  rows.push_back(money_row("Eigen vermogen 31-12", series("eigen_vermogen"), true));
  if (r.find("algemene_reserve")) rows.push_back(money_row("  Algemene reserve 31-12", series("algemene_reserve")));
  if (any_nonzero(r.find("bestemmingsreserves"))) rows.push_back(money_row("  Bestemmingsreserves 31-12", series("bestemmingsreserves")));
  if (r.find("streefvermogen")) rows.push_back(money_row("Streefvermogen", series("streefvermogen")));
  rows.push_back(money_row("Signaleringswaarde", series("signaleringswaarde")));
  rows.push_back(money_row("Ondergrens", series("ondergrens")));
}

// Participation (two decimals) and the waiting lists the run has: the figures a board steers on.
void add_share_rows(Rows& rows, const Result& r) {
  bool first = true;
  for (const PupilShare& p : pupil_shares(r)) {
    Row row{p.label, {}, first, false, {}};
    for (double x : p.series->mean) row.cells.push_back(pupil_share_text(p, x));
    rows.push_back(row);
    first = false;
  }
}

Row probability_row(const std::string& label, const Probability& p) {
  Row row{label, {}, false, false, {}};
  for (double x : p.value) row.cells.push_back(x <= 0 ? "0%" : x < 0.005 ? "<1%" : pct(x, 0));
  row.probs = p.value;
  return row;
}

// Monte Carlo: the spread of equity.
void add_spread_rows(Rows& rows, const Result& r) {
  if (const Series* ev = r.find("eigen_vermogen")) {
    rows.push_back(money_row("Eigen vermogen P5", ev->p5));
    rows.push_back(money_row("Eigen vermogen P95", ev->p95));
  }
}

// Monte Carlo: one row per probability, so columns stay narrow.
void add_probability_rows(Rows& rows, const Result& r) {
  rows.push_back(probability_row("Kans bovenmatig", r.excessive));
  rows.back().rule_before = true;
  rows.push_back(probability_row("Kans onder ondergrens", r.below_floor));
  rows.push_back(probability_row("Kans negatief vermogen", r.negative));
  for (const auto& [key, p] : r.more_flags) rows.push_back(probability_row(flag_label(key, true), p));
}

// Deterministic: one row per extra flag (onder streefvermogen, the balance signals), "ja" or "—".
void add_more_flag_rows(Rows& rows, const Result& r) {
  for (const auto& [key, p] : r.more_flags) {
    Row row{flag_label(key, false), {}, false, true, {}};
    for (double x : p.value) row.cells.push_back(x > 0 ? "ja" : "—");
    rows.push_back(row);
  }
}

// Deterministic: one row naming the flags raised per year ("—" for none).
Row flags_row(const Result& r) {
  Row row{"Vlaggen", {}, false, false, {}};
  for (size_t i = 0; i < r.years.size(); ++i) {
    std::string f;
    auto add = [&](const Probability& p, const char* name) {
      if (p.value[i] > 0) f += (f.empty() ? "" : " ") + std::string(name);
    };
    add(r.excessive, "BOVENMATIG");
    add(r.below_floor, "ONDERGRENS");
    add(r.negative, "NEGATIEF");
    row.cells.push_back(f.empty() ? "—" : f);
  }
  row.flag = true;
  return row;
}

Rows table_rows(const Result& r) {
  Rows rows;
  add_line_rows(rows, r);
  add_total_rows(rows, r);
  if (r.mode == Mode::MonteCarlo) add_spread_rows(rows, r);
  const size_t before = rows.size();
  add_share_rows(rows, r);
  if (r.mode == Mode::MonteCarlo) add_probability_rows(rows, r);
  else {
    rows.push_back(flags_row(r));
    rows.back().rule_before = rows.size() - 1 > before;  // set apart from the participation rows
    add_more_flag_rows(rows, r);
  }
  rows.push_back(money_row("Verwachte risicolast", r.expected_risk_cost));
  return rows;
}

// Column widths: labels up to 48 characters, each year as wide as its widest cell.
struct Widths {
  size_t label = 0;
  std::vector<size_t> cells;
};

Widths column_widths(const Rows& rows, const std::vector<int>& years) {
  Widths w;
  for (const auto& row : rows) w.label = std::max(w.label, width(row.label));
  w.label = std::min<size_t>(w.label, 48);
  w.cells.assign(years.size(), 0);
  for (size_t i = 0; i < years.size(); ++i) {
    w.cells[i] = width(std::to_string(years[i]));
    for (const auto& row : rows) w.cells[i] = std::max(w.cells[i], width(row.cells[i]));
  }
  return w;
}

// One line of the table; a label too long is cut with "…", flagged cells are red on a terminal.
std::string render_row(const Row& row, const Widths& w, bool color) {
  std::string label = row.label;
  if (width(label) > w.label) label = truncate(label, w.label - 1) + "…";
  std::string out = pad_right(label, w.label);
  for (size_t i = 0; i < w.cells.size(); ++i) {
    std::string cell = pad_left(row.cells[i], w.cells[i]);
    const bool flagged = (row.flag && row.cells[i] != "—") || (!row.probs.empty() && row.probs[i] >= 0.5);
    if (color && flagged) cell = "\033[1;31m" + cell + "\033[0m";
    out += "  " + cell;
  }
  return out + "\n";
}

}  // namespace

std::string mjb_table(const Result& r, bool color) {
  const Rows rows = table_rows(r);
  const Widths w = column_widths(rows, r.years);
  std::string header = pad_right(r.mode == Mode::MonteCarlo ? "Meerjarenbegroting (gemiddelde over paden)" : "Meerjarenbegroting (deterministisch)", w.label);
  for (size_t i = 0; i < r.years.size(); ++i) header += "  " + pad_left(std::to_string(r.years[i]), w.cells[i]);
  const size_t total = width(header);
  std::string out = header + "\n" + std::string(total, '=') + "\n";
  for (const auto& row : rows) {
    if (row.rule_before) out += std::string(total, '-') + "\n";
    out += render_row(row, w, color);
  }
  return out;
}

}  // namespace swv
