#pragma once
// Escaping of any text that comes from a scenario (names, codes, descriptions) before it enters
// HTML or SVG: & < > " ' become entities, so hostile text is shown, never run.
#include <string>
#include <string_view>

namespace swv {

inline std::string html_escape(std::string_view s) {
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
