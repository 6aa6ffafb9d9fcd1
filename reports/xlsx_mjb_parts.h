#pragma once
// The pieces of the MJB sheet shared by xlsx_mjb.cpp (the lines, totals, result and equity, the
// norms, the header) and xlsx_mjb_signals.cpp (the flags, participation and the meerjarenbalans):
// the columns per year (plan | verwacht | P5 | P95), the sheet's cursor with the row of each key
// written so far, and the rule that a formula is written only where it gives the engine's figure.
#include <xlsxwriter.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "report_input.h"
#include "xlsx_parts.h"

namespace swv::xlsx {

enum Kind { kPlan, kMean, kP5, kP95 };  // plan, verwacht, P5, P95
inline constexpr size_t kFirstYearCol = 5;
inline constexpr double kTolerance = 0.5;  // euro: a formula is written only when it gives the engine's figure

inline std::string ref(size_t r, size_t c) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row(r), col(c));
  return buf;
}

struct Mjb {
  Book& b;
  lxw_worksheet* ws;
  const ReportInput& in;
  const Result* plan;  // the deterministic budget after expected realisation: plan (null in Monte Carlo without it)
  const Result* mc;    // the Monte-Carlo result: verwacht, P5, P95 (null in deterministic mode)
  size_t years;
  std::vector<Kind> kinds;
  size_t rr = 6;
  std::map<std::string, size_t> rows;  // the row of each key written so far (formulas refer to them)

  size_t column(size_t y, size_t k) const { return kFirstYearCol + y * kinds.size() + k; }
  size_t last_column() const { return column(years - 1, kinds.size() - 1); }
  const Result* source(Kind k) const { return k == kPlan ? plan : mc; }

  static double stat(const Series* s, Kind k, size_t y) {
    if (!s) return NAN;
    return at(k == kP5 ? s->p5 : k == kP95 ? s->p95 : s->mean, y);
  }
  double series(const char* key, Kind k, size_t y) const {
    const Result* r = source(k);
    return r ? stat(r->find(key), k, y) : NAN;
  }

  // The five identifying cells of a row.
  void label(const std::string& code, const std::string& name, const std::string& group, const std::string& side,
             const std::string& what, lxw_format* f = nullptr) {
    b.text(ws, row(rr), 0, code, f), b.text(ws, row(rr), 1, name, f);
    if (!group.empty()) b.text(ws, row(rr), 2, group, f);
    if (!side.empty()) b.text(ws, row(rr), 3, side, f);
    b.text(ws, row(rr), 4, what, f);
  }
  // A value cell; nothing when the value is missing (a blank, not "n.v.t.": a line has no P5).
  void value(size_t y, size_t k, double x, lxw_format* f) {
    if (std::isfinite(x)) b.number(ws, row(rr), col(column(y, k)), x, f);
  }
  // A formula when it gives the engine's figure `cached` (within kTolerance), else the value.
  void formula_or_value(size_t y, size_t k, const std::string& f, double computed, double cached, lxw_format* fmt) {
    if (!std::isfinite(cached)) return;
    if (std::isfinite(computed) && std::fabs(computed - cached) <= kTolerance)
      b.formula(ws, row(rr), col(column(y, k)), f, cached, fmt);
    else
      b.number(ws, row(rr), col(column(y, k)), cached, fmt);
  }
  void group_row(const std::string& title) {
    lxw_format* f = b.style({nullptr, true, palette::kFillGroup});
    for (size_t c = 0; c <= last_column(); ++c) worksheet_write_blank(ws, row(rr), col(c), f);
    b.text(ws, row(rr++), 1, title, f);
  }
  void note(const std::string& text) { b.text(ws, row(rr++), 0, text, b.style({nullptr, false, 0, false, false, false, true})); }
};

inline lxw_format* money(Mjb& m, Kind k, bool total = false) {
  return m.b.style({Book::kMoney, total, 0, total, false, false, k == kP5 || k == kP95});
}

struct PlanFormula {
  std::string text;
  double computed = NAN;
};

// Flags (plan: ja/nee as live formulas where they give the engine's flag; verwacht: the chance),
// participation with its targets, and the meerjarenbalans (xlsx_mjb_signals.cpp).
void flag_rows(Mjb& m);
void share_rows(Mjb& m);
void balance_rows(Mjb& m);

}  // namespace swv::xlsx
