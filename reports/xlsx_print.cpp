// Layout pieces every sheet of the controller's workbook shares: headers that wrap instead of being
// cut, traffic-light cells, and the print settings (A4 landscape, one page wide, repeated header
// rows, a header and footer with scenario, date and page numbers).
#include <cstdlib>
#include <ctime>

#include "report_terms.h"
#include "xlsx_parts.h"

namespace swv::xlsx {

namespace {

// Characters of a UTF-8 string (for the width of a header).
size_t chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Text for a header or footer section: '&' starts a code there, so a literal one is doubled;
// cut to `max` characters (Excel allows 255 for the whole string).
std::string hf_text(const std::string& raw, size_t max) {
  const std::string s = xlsx_fit(raw, max);
  std::string out;
  for (char c : s) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

}  // namespace

void wrap_header(Book& b, lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& cells, const std::vector<double>& w,
                 lxw_col_t from) {
  lxw_format* f = b.style({nullptr, true, palette::kFillGroup, false, true, true});
  size_t lines = 1;
  for (size_t i = 0; i < cells.size(); ++i) {
    const size_t c = from + i;
    b.text(ws, r, col(c), cells[i], f);
    // Bold text is about 1,1 digit widths per character; one width of padding.
    const double width = c < w.size() && w[c] > 0 ? w[c] : 8.43;
    const double per_line = std::max(1.0, (width - 1) / 1.1);
    lines = std::max(lines, static_cast<size_t>(std::ceil(static_cast<double>(chars(cells[i])) / per_line)));
  }
  if (lines > 1) worksheet_set_row(ws, r, 15.0 * static_cast<double>(lines), nullptr);
}

lxw_format* light_style(Book& b, Light l, const char* num_format) {
  const palette::Rgb fill = l == Light::Red ? palette::kFillRed : l == Light::Orange ? palette::kFillOrange : palette::kFillGreen;
  return b.style({num_format, l == Light::Red, fill});
}

void print_setup(Book& b, lxw_worksheet* ws, const Result& r, const std::string& title, lxw_row_t first, lxw_row_t last) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages high as needed
  b.check(worksheet_repeat_rows(ws, first, last));
  worksheet_set_margins(ws, 0.4, 0.4, 0.75, 0.75);  // inches: left, right, top, bottom
  lxw_header_footer_options hf{};
  hf.margin = 0.3;
  const std::string header = "&L&8" + hf_text(r.scenario_name, 90) + "&R&8" + hf_text(title, 40);
  const std::string footer = "&L&8Gemaakt op " + report_date() + " met swvsim " + hf_text(r.engine_version, 20) + "&R&8pagina &P van &N";
  b.check(worksheet_set_header_opt(ws, header.c_str(), &hf));
  b.check(worksheet_set_footer_opt(ws, footer.c_str(), &hf));
}


}  // namespace swv::xlsx
