#pragma once
// Escaping of any text that comes from a scenario (names, codes, descriptions) before it enters
// HTML or SVG: & < > " ' become entities, so hostile text is shown, never run; characters XML and
// HTML forbid (controls, U+FFFE/U+FFFF, invalid UTF-8) become U+FFFD (xml_text.h).
#include <string>
#include <string_view>

#include "xml_text.h"

namespace swv {

inline std::string html_escape(std::string_view raw) {
  const std::string s = xml_safe_text(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace swv
