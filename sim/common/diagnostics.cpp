#include "diagnostics.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <numeric>
#include <utility>

namespace swv {

std::string Diagnostic::format() const {
  std::string out = where.file.empty() ? std::string("(invoer)") : where.file;
  if (where.line > 0) {
    out += ":" + std::to_string(where.line);
    if (where.column > 0) out += ":" + std::to_string(where.column);
  }
  out += severity == Severity::Error ? ": fout: " : ": waarschuwing: ";
  if (!where.key.empty()) {
    // A key path is built from the file's own names: an absurdly long one is cut like quote().
    out += shorten(where.key, 2 * kQuoteMax) + ": ";
  }
  out += message;
  return escape_controls(out);
}

namespace {
// Length of the UTF-8 sequence starting with byte c (1 for invalid bytes, which are passed through).
size_t utf8_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Byte offset after max_chars characters (npos when the text is not longer) and the character count.
std::pair<size_t, size_t> cut_point(std::string_view text, size_t max_chars) {
  size_t chars = 0, cut = std::string_view::npos;
  for (size_t i = 0; i < text.size(); i += utf8_len(static_cast<unsigned char>(text[i]))) {
    if (chars == max_chars) cut = i;
    ++chars;
  }
  return {cut, chars};
}

}  // namespace

std::string shorten(std::string_view text, size_t max_chars) {
  if (text.size() <= max_chars) return std::string(text);
  auto [cut, chars] = cut_point(text, max_chars);
  if (cut == std::string_view::npos) return std::string(text);
  return std::string(text.substr(0, cut)) + "… (" + std::to_string(chars) + " tekens)";
}

std::string quote(std::string_view text) {
  auto [cut, chars] = text.size() <= kQuoteMax ? std::pair{std::string_view::npos, text.size()} : cut_point(text, kQuoteMax);
  if (cut == std::string_view::npos) return "\"" + std::string(text) + "\"";  // (also: short text)
  return "\"" + std::string(text.substr(0, cut)) + "…\" (" + std::to_string(chars) + " tekens)";
}

namespace {

// Decodes the UTF-8 sequence at text[i]; `len` gets its length. An invalid byte decodes as itself
// (length 1) with `valid` false.
char32_t decode_at(std::string_view text, size_t i, size_t& len, bool& valid) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  unsigned char c = b(0);
  len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  valid = len != 0 && i + len <= text.size();
  for (size_t k = 1; valid && k < len; ++k) valid = (b(k) >> 6) == 0x2;
  if (!valid) {
    len = 1;
    return c;
  }
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (b(k) & 0x3F);
  return cp;
}

}  // namespace

bool is_forbidden_char(char32_t cp) {
  if (cp == '\t') return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;  // C0, DEL, C1
  if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
    return true;  // bidirectional marks, embeddings, overrides, isolates
  if (cp == 0x2028 || cp == 0x2029) return true;
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;  // noncharacters
}

long first_forbidden_char(std::string_view text, bool allow_line_breaks) {
  for (size_t i = 0, len = 0; i < text.size(); i += len) {
    bool valid = false;
    char32_t cp = decode_at(text, i, len, valid);
    if (!valid || (allow_line_breaks && (cp == '\n' || cp == '\r'))) continue;
    if (is_forbidden_char(cp)) return static_cast<long>(cp);
  }
  return -1;
}

std::string forbidden_char_text(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  if (cp < 0xA0) return std::string("het stuurteken ") + code;
  if (cp == 0x2028 || cp == 0x2029) return std::string("het regelscheidingsteken ") + code;
  if (cp >= 0xFDD0) return std::string("het niet-teken ") + code + " (geen geldig teken in Unicode)";
  return std::string("het richtingsteken ") + code + " (het keert tekst onzichtbaar om of verschuift hem)";
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0, len = 0; i < text.size(); i += len) {
    bool valid = false;
    char32_t cp = decode_at(text, i, len, valid);
    if (valid && (cp == '\t' || is_forbidden_char(cp))) {  // a tab too: a message is one clean line
      char buf[16];
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
    } else if (!valid) {
      // A byte that is no UTF-8 (a file name in Latin-1): a terminal in an 8-bit mode reads 0x9B as
      // the start of a command, so it is shown as its code.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      out += buf;
    } else {
      out.append(text.substr(i, len));
    }
  }
  return out;
}

void Diagnostics::error(Where where, std::string message) {
  items_.push_back({Severity::Error, std::move(where), std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Where where, std::string message) {
  // The same warning (same place and text) once only: variants re-read their bases.
  for (const auto& d : items_)
    if (d.severity == Severity::Warning && d.message == message && d.where.file == where.file &&
        d.where.line == where.line && d.where.key == where.key)
      return;
  items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

std::vector<std::string> Diagnostics::warnings() const {
  std::vector<std::string> out;
  for (const auto& d : items_)
    if (d.severity == Severity::Warning) out.push_back(d.format());
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::Error) ++errors_;
  }
}

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      int cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                         std::tolower(static_cast<unsigned char>(b[j - 1]))
                     ? 0
                     : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  int best_d = 1 << 30;
  for (const auto& c : candidates) {
    int d = edit_distance(word, c);
    // A prefix/containment match counts as close too ("verwijzing_sbo" -> "verwijzing_sbo_factor").
    if (c.find(word) != std::string::npos || word.find(c) != std::string_view::npos)
      d = std::min<int>(d, 2);
    if (d < best_d) best_d = d, best = c;
  }
  int limit = std::max<int>(2, static_cast<int>(word.size()) / 2);
  return best_d <= limit ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string n = nearest(word, candidates);
  return n.empty() ? std::string() : " (bedoelde je \"" + n + "\"?)";
}

}  // namespace swv
