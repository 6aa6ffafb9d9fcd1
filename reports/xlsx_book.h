#pragma once
// A libxlsxwriter workbook being built, shared by the Excel writers: owns the handle until close,
// holds the € / % / count formats, writes text inert (xlsx_safe_text) and non-finite numbers as
// "n.v.t.", and remembers the first error of any write call (one check at the end covers them all).
#include <xlsxwriter.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "xlsx_text.h"

namespace swv {

class Book {
 public:
  explicit Book(const std::string& file) {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_FALSE;  // the chart and column widths need random access
    wb_ = workbook_new_opt(file.c_str(), &opt);
    if (!wb_) throw std::runtime_error("geen geheugen voor de werkmap");
    bold = add_format(nullptr, true);
    money = add_format("€ #,##0;€ -#,##0");
    percent = add_format("0.0%");
    count = add_format("#,##0");
    decimal = add_format("0.000");
    year = add_format("0");
  }
  ~Book() { if (wb_) lxw_workbook_free(wb_); }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    if (!ws) throw std::runtime_error(std::string("kan werkblad ") + name + " niet aanmaken");
    return ws;
  }
  lxw_chart* chart(uint8_t type) { return workbook_add_chart(wb_, type); }

  void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
    check(worksheet_write_string(ws, r, c, xlsx_safe_text(s).c_str(), f));
  }
  // Numbers stay numbers; a missing or non-finite value would corrupt the XML ("nan"), so it
  // becomes the text "n.v.t.".
  void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double x, lxw_format* f) {
    std::isfinite(x) ? check(worksheet_write_number(ws, r, c, x, f)) : text(ws, r, c, "n.v.t.");
  }
  void check(lxw_error e) {
    if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
  }
  void fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }

  // Writes the file and frees the handle; the first error seen, empty when none.
  std::string close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    check(e);
    return error_;
  }

  lxw_format *bold, *money, *percent, *count, *decimal, *year;

 private:
  lxw_format* add_format(const char* num_format, bool is_bold = false) {
    lxw_format* f = workbook_add_format(wb_);
    if (num_format) format_set_num_format(f, num_format);
    if (is_bold) format_set_bold(f);
    return f;
  }
  lxw_workbook* wb_ = nullptr;
  std::string error_;
};

}  // namespace swv
