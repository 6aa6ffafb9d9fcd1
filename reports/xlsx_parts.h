#pragma once
// Shared pieces of the controller's workbook (xlsx_report.cpp: Samenvatting, Percentielen, Kansen,
// Risico's, Invoer; xlsx_mjb.cpp: the MJB sheet with the meerjarenbalans): cell helpers over Book.
#include <xlsxwriter.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "report_input.h"
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
inline void widths(lxw_worksheet* ws, std::initializer_list<Width> list) {
  for (const Width& w : list) worksheet_set_column(ws, col(w.first), col(w.last), w.width, nullptr);
}

// One value per year in consecutive columns from `first`.
inline void per_year(Book& b, lxw_worksheet* ws, size_t r, size_t first, size_t years, const std::vector<double>& v, lxw_format* f) {
  for (size_t y = 0; y < years; ++y) b.number(ws, row(r), col(first + y), at(v, y), f);
}

// The MJB sheet: every line per side (begroot and verwacht), the totals with the reserves, and the
// meerjarenbalans with the Inspectie's signals when the scenario has [balans].
void mjb_sheet(Book& b, const ReportInput& in);

}  // namespace swv::xlsx
