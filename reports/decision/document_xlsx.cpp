#include <algorithm>

#include "atomic_file.h"
#include "document.h"
#include "xlsx_book.h"

namespace swv {

namespace {


lxw_format* format_of(Book& b, DocCell::Kind k) {
  switch (k) {
    case DocCell::Kind::Money: return b.money;
    case DocCell::Kind::Percent: return b.percent;
    case DocCell::Kind::Year: return b.year;
    case DocCell::Kind::Ratio: return b.ratio;
    default: return nullptr;
  }
}

void cell(Book& b, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const DocCell& x) {
  if (x.kind == DocCell::Kind::Empty) return;
  if (x.kind == DocCell::Kind::Text) return b.text(ws, r, c, x.text);
  b.number(ws, r, c, x.value, format_of(b, x.kind));
}

}  // namespace

void write_document_xlsx(const Document& d, const std::string& path) {
  write_via_temp(path, [&](const std::string& tmp) {
    Book b(tmp);
    // Samenvatting: the words of every section; then one sheet per table.
    lxw_worksheet* ws = b.sheet("Samenvatting");
    worksheet_set_column(ws, 0, 0, 120, nullptr);
    lxw_row_t r = 0;
    b.text(ws, r++, 0, d.title, b.bold);
    if (!d.subtitle.empty()) b.text(ws, r++, 0, d.subtitle);
    for (const DocSection& s : d.sections) {
      if (s.paragraphs.empty() && s.bullets.empty()) continue;
      ++r;
      b.text(ws, r++, 0, s.title, b.bold);
      for (const auto& p : s.paragraphs) b.text(ws, r++, 0, p);
      for (const auto& p : s.bullets) b.text(ws, r++, 0, "• " + p);
    }
    b.text(ws, ++r, 0, "Gemaakt met swvsim " + d.engine_version);
    for (const DocSection& s : d.sections)
      for (const DocTable& t : s.tables) {
        lxw_worksheet* sh = b.sheet(t.sheet.empty() ? t.title : t.sheet);  // valid and unique (xlsx_names.h)
        lxw_row_t row = 0;
        if (!t.title.empty()) b.text(sh, row++, 0, t.title, b.bold);
        for (size_t c = 0; c < t.header.size(); ++c) b.text(sh, row, static_cast<lxw_col_t>(c), t.header[c], b.bold);
        worksheet_freeze_panes(sh, row + 1, 0);
        ++row;
        for (const auto& cells : t.rows) {
          for (size_t c = 0; c < cells.size(); ++c) cell(b, sh, row, static_cast<lxw_col_t>(c), cells[c]);
          ++row;
        }
        if (!t.note.empty()) b.text(sh, ++row, 0, t.note);
        worksheet_set_column(sh, 0, 0, 34, nullptr);
        if (t.header.size() > 1) worksheet_set_column(sh, 1, static_cast<lxw_col_t>(t.header.size() - 1), 16, nullptr);
      }
    return b.close();
  });
}

}  // namespace swv
