#pragma once
// A libxlsxwriter workbook being built, shared by the Excel writers: owns the handle until close,
// holds the € / % / count formats, writes text inert (xlsx_safe_text) and non-finite numbers as
// "n.v.t.", and remembers the first error of any write call (one check at the end covers them all).
// Its scratch files go beside the workbook (not /tmp), and a failing close is reported in Dutch
// (EnvironmentError when the system refused) instead of libxlsxwriter's English stderr lines.
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "atomic_file.h"
#include "palette.h"
#include "xlsx_names.h"
#include "xlsx_text.h"

namespace swv {

class Book {
 public:
  explicit Book(const std::string& file) : tmpdir_(std::filesystem::path(file).parent_path().string()) {
    if (tmpdir_.empty()) tmpdir_ = ".";
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_FALSE;  // the chart and column widths need random access
    opt.tmpdir = tmpdir_.data();
    wb_ = workbook_new_opt(file.c_str(), &opt);
    if (!wb_) throw std::runtime_error("geen geheugen voor de werkmap");
    bold = add_format(nullptr, true);
    money = add_format(kMoney);
    percent = add_format("0.0%");
    percent2 = add_format("0.00%");
    count = add_format("#,##0");
    decimal = add_format("0.000");
    ratio = add_format("0.00");
    year = add_format("0");
  }
  // Number formats (Excel's codes are locale-free: a Dutch Excel shows "€ 1.234.567" and "3,5%").
  static constexpr const char* kMoney = "€ #,##0;€ -#,##0";
  // A deterministic flag stored as 0 or 1, shown as a word.
  static constexpr const char* kYesNo = "\"ja\";\"ja\";\"nee\"";
  ~Book() { if (wb_) lxw_workbook_free(wb_); }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  // A new worksheet; the name is made valid and unique first (xlsx_names.h), so a name that is
  // already valid, like the six fixed sheet names, stays as it is.
  lxw_worksheet* sheet(const std::string& raw) {
    const std::string name = xlsx_sheet_name(raw, sheet_names_);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("kan werkblad " + name + " niet aanmaken");
    return ws;
  }

  // A cell format by its parts, made once per workbook and shared.
  struct Style {
    const char* num = nullptr;  // number format code, or null
    bool bold = false;
    palette::Rgb fill = 0;  // background, 0 for none
    bool top_border = false, bottom_border = false, wrap = false, italic = false, center = false;
  };
  lxw_format* style(const Style& s) {
    const std::string key = std::string(s.num ? s.num : "") + "|" + std::to_string(s.fill) + "|" + char('0' + s.bold) +
                            char('0' + s.top_border) + char('0' + s.bottom_border) + char('0' + s.wrap) + char('0' + s.italic) +
                            char('0' + s.center);
    lxw_format*& f = styles_[key];
    if (f) return f;
    f = add_format(s.num, s.bold);
    if (s.fill) format_set_bg_color(f, s.fill), format_set_pattern(f, LXW_PATTERN_SOLID), format_set_font_color(f, palette::kInk);
    if (s.top_border) format_set_top(f, LXW_BORDER_THIN);
    if (s.bottom_border) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.wrap) format_set_text_wrap(f), format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (s.italic) format_set_italic(f);
    if (s.center) format_set_align(f, LXW_ALIGN_CENTER);
    return f;
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
  // A formula with the engine's value as its cached result, so a viewer that does not recalculate
  // shows the same number. Callers write a formula only where it equals the engine's figure.
  void formula(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& f, double cached, lxw_format* fmt) {
    std::isfinite(cached) ? check(worksheet_write_formula_num(ws, r, c, f.c_str(), fmt, cached)) : text(ws, r, c, "n.v.t.");
  }
  void check(lxw_error e) {
    if (e != LXW_NO_ERROR) fail(lxw_strerror(e));
  }
  void fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }

  // Writes the file and frees the handle; the first error seen, empty when none. Throws
  // EnvironmentError when the file or a scratch file could not be written.
  std::string close() {
    // libxlsxwriter prints "[ERROR] workbook_close(): ..." in English on stderr: silence it and say
    // it in Dutch below.
    const int saved = ::dup(STDERR_FILENO);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    errno = 0;
    const lxw_error e = workbook_close(wb_);
    const int err = errno;
    if (saved >= 0 && null >= 0) ::dup2(saved, STDERR_FILENO);
    if (saved >= 0) ::close(saved);
    if (null >= 0) ::close(null);
    wb_ = nullptr;
    switch (e) {
      case LXW_NO_ERROR: break;
      case LXW_ERROR_MEMORY_MALLOC_FAILED: throw EnvironmentError("te weinig geheugen voor de werkmap");
      case LXW_ERROR_CREATING_XLSX_FILE:
      case LXW_ERROR_CREATING_TMPFILE:
      case LXW_ERROR_READING_TMPFILE:
      case LXW_ERROR_ZIP_FILE_OPERATION:
      case LXW_ERROR_ZIP_FILE_ADD:
      case LXW_ERROR_ZIP_CLOSE:
        throw_environment("de werkmap kon niet worden weggeschreven", err != 0 ? err : EIO);
      default: check(e);
    }
    return error_;
  }

  lxw_format *bold, *money, *percent, *percent2, *count, *decimal, *ratio, *year;

 private:
  lxw_format* add_format(const char* num_format, bool is_bold = false) {
    lxw_format* f = workbook_add_format(wb_);
    if (num_format) format_set_num_format(f, num_format);
    if (is_bold) format_set_bold(f);
    return f;
  }
  std::string tmpdir_;  // outlives wb_: libxlsxwriter keeps the pointer
  std::map<std::string, lxw_format*> styles_;
  std::set<std::string> sheet_names_;
  lxw_workbook* wb_ = nullptr;
  std::string error_;
};

}  // namespace swv
