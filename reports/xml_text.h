#pragma once
// Text for XML and HTML output (xlsx parts, the HTML report, SVG): XML 1.0 forbids the C0 controls
// except tab, newline and carriage return, and U+FFFE/U+FFFF; one such character makes Excel call the
// whole workbook damaged. Invalid UTF-8 (including encoded surrogates) is just as fatal to a strict
// parser. Each becomes U+FFFD, so the reader sees that something was there. C1 controls and DEL are
// legal XML but invisible terminal commands; they become U+FFFD too, as do the bidirectional
// controls (U+202E shows a name reversed) and the line and paragraph separators. The loader refuses
// all of these in scenario text; a file name may still hold them (the writers show names through
// escape_controls first, so the reader sees \u202E), and this is the last guard for any other text.
#include <string>
#include <string_view>

namespace swv {

inline std::string xml_safe_text(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) out += kReplacement;
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    // Length and smallest code point of a well-formed sequence (no overlongs, no surrogates).
    size_t len = 0;
    char32_t cp = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07, min = 0x10000;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) {  // one replacement per bad lead byte, then resynchronise
      out += kReplacement;
      ++i;
      continue;
    }
    const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0x80 && cp <= 0x9F) || bidi || cp == 0x2028 || cp == 0x2029) out += kReplacement;
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace swv
