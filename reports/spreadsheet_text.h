#pragma once
// Text for spreadsheet cells, the one definition shared by the CSV and xlsx writers. Scenario text
// may start with a formula character; a spreadsheet would treat "=HYPERLINK(...)" typed or pasted
// back as a formula (CSV/formula injection). A leading apostrophe keeps the stored text inert
// (= + - @, and tab and carriage return as OWASP lists them).
#include <string>
#include <string_view>

namespace swv {

// Whether a spreadsheet would read this text as the start of a formula.
inline bool starts_like_formula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
}

// The text made inert: an apostrophe in front when it starts like a formula, else unchanged.
inline std::string neutralise_formula(std::string s) {
  if (starts_like_formula(s)) s.insert(0, 1, '\'');
  return s;
}

}  // namespace swv
