#pragma once
// Internal to the calibration room: the CSV layer of the history reader (history_read.cpp). Lines,
// fields with their columns, and numbers as a Dutch spreadsheet writes them. No knowledge of
// which columns a history has.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace swv::csv {

struct Field {
  std::string text;  // without surrounding quotes and spaces
  int column = 1;    // 1-based character column where the field starts
};

struct Line {
  int number = 0;  // 1-based line number in the file
  std::vector<Field> fields;
  bool unclosed_quote = false;
};

// The non-empty lines of `text` that are not comments (first non-space character '#'), split at
// `sep`. Double quotes group a field ("12,5"), "" inside quotes is a quote. A leading UTF-8 BOM and
// \r before \n are dropped.
std::vector<Line> split(std::string_view text, char sep);

// The separator of a header line: ';' if it holds one, else ',' if it holds one, else tab; 0 if none.
char separator_of(std::string_view header);

// A non-negative whole count as written in a history cell. '.' is a decimal point; ',' is one too
// when `comma_decimal` (files separated by ';' or tab). "357", "357.0" and "357,0" are 357. On
// failure `why` gets the Dutch reason ("geen getal", ...) and nullopt is returned.
std::optional<double> parse_count(std::string_view s, bool comma_decimal, std::string& why);

// The first invalid UTF-8 sequence (strict, RFC 3629), or npos.
size_t invalid_utf8_at(std::string_view s);

}  // namespace swv::csv
