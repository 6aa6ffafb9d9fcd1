#pragma once
// Text cells for Excel: text that starts like a formula gets a leading apostrophe (spreadsheet_text.h,
// shared with the CSV writer). Longer text than Excel's 32,767 characters per cell is cut at a UTF-8
// boundary. Characters XML 1.0 forbids become U+FFFD first (xml_text.h): one U+FFFF in
// sharedStrings.xml makes Excel reject the workbook.
#include <string>
#include <string_view>

#include "spreadsheet_text.h"
#include "xml_text.h"

namespace swv {

inline std::string xlsx_safe_text(std::string_view raw) {
  std::string s = neutralise_formula(xml_safe_text(raw));
  constexpr size_t kMaxCellText = 32'767;
  if (s.size() > kMaxCellText) {
    size_t n = kMaxCellText;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
  }
  return s;
}

}  // namespace swv
