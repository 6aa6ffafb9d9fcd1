#pragma once
// Text cells for Excel: scenario text may start with a formula character; Excel would treat
// "=HYPERLINK(...)" typed or pasted back as a formula (CSV/formula injection). A leading apostrophe
// keeps the stored text inert (tab and carriage return are listed by OWASP too). Longer text than
// Excel's 32,767 characters per cell is cut at a UTF-8 boundary. Characters XML 1.0 forbids become
// U+FFFD first (xml_text.h): one U+FFFF in sharedStrings.xml makes Excel reject the workbook.
#include <string>
#include <string_view>

#include "xml_text.h"

namespace swv {

inline std::string xlsx_safe_text(std::string_view raw) {
  std::string s = xml_safe_text(raw);
  constexpr size_t kMaxCellText = 32'767;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s.insert(0, 1, '\'');
  if (s.size() > kMaxCellText) {
    size_t n = kMaxCellText;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
  }
  return s;
}

}  // namespace swv
