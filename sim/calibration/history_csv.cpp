#include "history_csv.h"

#include <cctype>
#include <cmath>

#include "diagnostics.h"
#include "format_nl.h"
#include "history.h"

namespace swv::csv {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One line's fields. A quote opens a quoted part anywhere in a field; spaces around a field go.
Line split_line(std::string_view line, int number, char sep) {
  Line out;
  out.number = number;
  size_t i = 0;
  while (true) {
    Field f;
    size_t start = i;
    while (start < line.size() && (line[start] == ' ' || (line[start] == '\t' && sep != '\t'))) ++start;
    f.column = static_cast<int>(start) + 1;
    std::string text;
    bool quoted = false;
    for (i = start; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') text += '"', ++i;
        else if (c == '"') quoted = false;
        else text += c;
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        break;
      } else {
        text += c;
      }
    }
    if (quoted) out.unclosed_quote = true;
    f.text = std::string(trim(text));
    out.fields.push_back(std::move(f));
    if (i >= line.size()) break;
    ++i;  // past the separator
  }
  return out;
}

// "12.400" in a cell: Dutch thousands separators; the message shows the number without them.
std::string thousands_text(std::string_view s) {
  std::string plain;
  for (char c : s)
    if (c != '.') plain += c;
  return quote(s) + " is geen geheel aantal; schrijf aantallen zonder scheidingsteken voor duizendtallen (" + plain + ")";
}

}  // namespace

std::vector<Line> split(std::string_view text, char sep) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Line> out;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view body = trim(line);
    if (body.empty() || body.front() == '#') continue;
    // Only separators (a spreadsheet's empty row ";;;;"): nothing to read.
    if (body.find_first_not_of(std::string(1, sep) + " \t") == std::string_view::npos) continue;
    out.push_back(split_line(line, number, sep));
  }
  return out;
}

char separator_of(std::string_view header) {
  if (header.find(';') != std::string_view::npos) return ';';
  if (header.find(',') != std::string_view::npos) return ',';
  if (header.find('\t') != std::string_view::npos) return '\t';
  return 0;
}

std::optional<double> parse_count(std::string_view s, bool comma_decimal, std::string& why) {
  if (s.empty()) {
    why = "leeg";
    return std::nullopt;
  }
  bool negative = false;
  std::string_view body = s;
  if (body.front() == '-') negative = true, body.remove_prefix(1);
  std::string digits;  // the number in C notation
  int marks = 0, dots = 0;
  bool ok = !body.empty();
  for (char c : body) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c == '.' || (c == ',' && comma_decimal)) digits += '.', ++marks, dots += c == '.';
    else ok = false;
  }
  if (!ok || marks > 1 || digits == "." || digits.size() > 40) {
    // "12.400.000": Dutch thousands separators.
    const bool thousands = ok && marks > 1 && dots == marks;
    why = thousands ? thousands_text(s) : "geen getal: " + quote(s);
    return std::nullopt;
  }
  const double x = std::stod(digits);
  if (negative && x > 0) {
    why = "negatief aantal: " + std::string(s);
    return std::nullopt;
  }
  if (x != std::floor(x)) {
    // "12.400" with a decimal point reads 12,4: almost surely a thousands separator.
    const size_t dot = body.find('.');
    if (dot != std::string_view::npos && dot >= 1 && dot <= 3 && body.size() - dot - 1 == 3)
      why = thousands_text(s);
    else
      why = "geen geheel aantal: " + quote(s);
    return std::nullopt;
  }
  if (x > kMaxHistoryCount) {
    why = "onredelijk groot: " + num_nl(x) + " (ten hoogste " + num_nl(kMaxHistoryCount) + ")";
    return std::nullopt;
  }
  return x;
}

size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace swv::csv
