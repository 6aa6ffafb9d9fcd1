#include "table_writer.h"

#include <algorithm>

#include "format_nl.h"

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

}  // namespace

std::string mjb_table(const Result& r, bool color) {
  const size_t n = r.years.size();
  const bool mc = r.mode == Mode::MonteCarlo;
  struct Row {
    std::string label;
    std::vector<std::string> cells;
    bool rule_before = false;
    bool flag = false;          // highlighted on a terminal: a deterministic flag, or ...
    std::vector<double> probs;  // ... a probability of 50% or more
  };
  std::vector<Row> rows;
  auto money_row = [&](const std::string& label, const std::vector<double>& v, bool rule = false) {
    Row row{label, {}, rule, false, {}};
    for (double x : v) row.cells.push_back(euro(x));
    rows.push_back(row);
  };
  for (int side = 0; side < 2; ++side) {
    Side s = side == 0 ? Side::Income : Side::Cost;
    rows.push_back({side == 0 ? "BATEN" : "LASTEN", std::vector<std::string>(n), side == 1, false, {}});
    for (const auto& l : r.lines)
      if (l.side == s) money_row("  " + l.code + " " + l.name, l.realised);
  }
  auto series = [&](const char* key) { return r.find(key) ? r.find(key)->mean : std::vector<double>(n, 0.0); };
  if (const Series* s = r.find("risicolasten"); s && !mc) money_row("  risico's (lasten)", s->mean);
  if (const Series* s = r.find("afbouw"); s && !mc) money_row("  afbouw (bestedingsplan)", s->mean);
  money_row("Totale baten", series("totale_baten"), true);
  money_row("Kortingen", series("kortingen"));
  money_row("Totale lasten", series("totale_lasten"));
  money_row("Saldo", series("saldo"));
  money_row("Eigen vermogen 31-12", series("eigen_vermogen"), true);
  money_row("Signaleringswaarde", series("signaleringswaarde"));
  money_row("Ondergrens", series("ondergrens"));
  if (mc) {
    // Monte Carlo: the spread of equity and one row per probability, so columns stay narrow.
    if (const Series* ev = r.find("eigen_vermogen")) {
      money_row("Eigen vermogen P5", ev->p5);
      money_row("Eigen vermogen P95", ev->p95);
    }
    auto prob_row = [&](const char* label, const Probability& p) {
      Row row{label, {}, false, false, {}};
      for (double x : p.value) row.cells.push_back(x <= 0 ? "0%" : x < 0.005 ? "<1%" : pct(x, 0));
      row.probs = p.value;
      rows.push_back(row);
    };
    prob_row("Kans bovenmatig", r.excessive);
    rows.back().rule_before = true;
    prob_row("Kans onder ondergrens", r.below_floor);
    prob_row("Kans negatief vermogen", r.negative);
  } else {
    Row row{"Vlaggen", {}, false, false, {}};
    for (size_t i = 0; i < n; ++i) {
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
    rows.push_back(row);
  }
  money_row("Verwachte risicolast", r.expected_risk_cost);

  size_t lw = 0;
  for (const auto& row : rows) lw = std::max(lw, width(row.label));
  lw = std::min<size_t>(lw, 48);
  std::vector<size_t> cw(n, 0);
  for (size_t i = 0; i < n; ++i) {
    cw[i] = width(std::to_string(r.years[i]));
    for (const auto& row : rows) cw[i] = std::max(cw[i], width(row.cells[i]));
  }
  std::string out;
  std::string header = pad_right(mc ? "Meerjarenbegroting (gemiddelde over paden)" : "Meerjarenbegroting (deterministisch)", lw);
  for (size_t i = 0; i < n; ++i) header += "  " + pad_left(std::to_string(r.years[i]), cw[i]);
  size_t total = width(header);
  out += header + "\n" + std::string(total, '=') + "\n";
  for (const auto& row : rows) {
    if (row.rule_before) out += std::string(total, '-') + "\n";
    std::string label = row.label;
    if (width(label) > lw) label = truncate(label, lw - 1) + "…";
    out += pad_right(label, lw);
    for (size_t i = 0; i < n; ++i) {
      std::string cell = pad_left(row.cells[i], cw[i]);
      const bool flagged = (row.flag && row.cells[i] != "—") || (!row.probs.empty() && row.probs[i] >= 0.5);
      if (color && flagged) cell = "\033[1;31m" + cell + "\033[0m";
      out += "  " + cell;
    }
    out += "\n";
  }
  return out;
}

}  // namespace swv
