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

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto code = [&](unsigned cp) {
    char buf[12];
    std::snprintf(buf, sizeof buf, "\\u%04X", cp);
    out += buf;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char c1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned char c2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c < 0x20 || c == 0x7F) {
      code(c);
    } else if (c == 0xC2 && c1 >= 0x80 && c1 <= 0x9F) {  // C1 controls U+0080..U+009F
      code(c1), ++i;
    } else if (c == 0xE2 && ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9))) {
      code(0x2000u + ((c1 & 0x3Fu) << 6) + (c2 & 0x3Fu)), i += 2;  // U+202A..U+202E, U+2066..U+2069
    } else {
      out += static_cast<char>(c);
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
