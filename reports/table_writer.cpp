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
std::string pad_right(const std::string& s, size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

}  // namespace

std::string mjb_table(const Result& r, bool color) {
  const size_t n = r.years.size();
  const bool mc = r.mode == Mode::MonteCarlo;
  struct Row {
    std::string label;
    std::vector<std::string> cells;
    bool rule_before = false;
  };
  std::vector<Row> rows;
  auto money_row = [&](const std::string& label, const std::vector<double>& v, bool rule = false) {
    Row row{label, {}, rule};
    for (double x : v) row.cells.push_back(euro(x));
    rows.push_back(row);
  };
  for (int side = 0; side < 2; ++side) {
    Side s = side == 0 ? Side::Income : Side::Cost;
    rows.push_back({side == 0 ? "BATEN" : "LASTEN", std::vector<std::string>(n), side == 1});
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
  {
    Row row{"Vlaggen", {}, false};
    for (size_t i = 0; i < n; ++i) {
      std::string f;
      auto add = [&](const Probability& p, const char* name) {
        if (p.value[i] <= 0) return;
        f += (f.empty() ? "" : " ") + std::string(name);
        if (mc) f += " " + (p.value[i] < 0.005 ? std::string("<1%") : pct(p.value[i], 0));
      };
      add(r.excessive, "BOVENMATIG");
      add(r.below_floor, "ONDERGRENS");
      add(r.negative, "NEGATIEF");
      row.cells.push_back(f.empty() ? "—" : f);
    }
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
    if (width(label) > lw) label = label.substr(0, lw - 1) + "…";
    out += pad_right(label, lw);
    for (size_t i = 0; i < n; ++i) {
      std::string cell = pad_left(row.cells[i], cw[i]);
      bool flagged = row.label == "Vlaggen" && row.cells[i] != "—";
      if (color && flagged) cell = "\033[1;31m" + cell + "\033[0m";
      out += "  " + cell;
    }
    out += "\n";
  }
  return out;
}

}  // namespace swv
