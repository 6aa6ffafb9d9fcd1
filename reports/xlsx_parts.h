#pragma once
// Shared pieces of the controller's workbook (xlsx_report.cpp: Samenvatting, Percentielen, Kansen,
// Risico's, Invoer; xlsx_mjb.cpp: the MJB sheet in the classic layout; xlsx_mjb_list.cpp: the long
// table on MJB-lijst): cell helpers over Book, column widths with headers that wrap instead of being
// cut, traffic-light cells, and the print settings every sheet gets (xlsx_print.cpp).
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "report_input.h"
#include "report_text.h"
#include "xlsx_book.h"

namespace swv::xlsx {

// A value of a per-year vector, NaN when missing (deterministic results have no risks, ...).
inline double at(const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : NAN; }

inline lxw_col_t col(size_t i) { return static_cast<lxw_col_t>(i); }
inline lxw_row_t row(size_t i) { return static_cast<lxw_row_t>(i); }

// A header row in bold.
inline void header(Book& b, lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells, lxw_col_t from = 0) {
  for (size_t i = 0; i < cells.size(); ++i) b.text(ws, r, static_cast<lxw_col_t>(from + i), cells[i], b.bold);
}

struct Width {
  size_t first, last;
  double width;
};
// Sets the column widths and returns them per column (0 for a column not listed), for wrap_header.
inline std::vector<double> widths(lxw_worksheet* ws, std::initializer_list<Width> list) {
  std::vector<double> out;
  for (const Width& w : list) {
    worksheet_set_column(ws, col(w.first), col(w.last), w.width, nullptr);
    if (out.size() <= w.last) out.resize(w.last + 1, 0);
    for (size_t c = w.first; c <= w.last; ++c) out[c] = w.width;
  }
  return out;
}

// Width of a money column: "€ -12.345.678" in bold with room to spare.
inline constexpr double kMoneyWidth = 15;

// A header row in bold on a light fill that wraps its words within the column widths (never cut):
// the row is made tall enough for the longest header.
void wrap_header(Book& b, lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells, const std::vector<double>& w,
                 lxw_col_t from = 0);

// A traffic-light cell: the fill of the light (palette.h) on a value that carries the word too.
lxw_format* light_style(Book& b, Light l, const char* num_format);

// Print settings: A4 landscape, one page wide, `first`..`last` repeated at the top of every page,
// margins, a header with the scenario and the sheet, a footer with the date and "pagina 1 van 3".
void print_setup(Book& b, lxw_worksheet* ws, const Result& r, const std::string& title, lxw_row_t first, lxw_row_t last);

// One value per year in consecutive columns from `first`.
inline void per_year(Book& b, lxw_worksheet* ws, size_t r, size_t first, size_t years, const std::vector<double>& v, lxw_format* f) {
  for (size_t y = 0; y < years; ++y) b.number(ws, row(r), col(first + y), at(v, y), f);
}

// The MJB sheet in the classic layout (xlsx_mjb.cpp): per year begroot | verwacht | P5 | P95 (Monte
// Carlo) or one column (deterministic); baten, kortingen and lasten with their totals, saldo and the
// equity roll-forward as formulas; then the reserves, norms, flags, participation and the
// meerjarenbalans.
void mjb_sheet(Book& b, const ReportInput& in);
// MJB-lijst (xlsx_mjb_list.cpp): the same figures as one long table (code, post, groep, kant, wat,
// one column per year) that filters and pivots: the layout of the MJB sheet up to swvsim 0.2.0.
void mjb_list_sheet(Book& b, const ReportInput& in);

}  // namespace swv::xlsx
