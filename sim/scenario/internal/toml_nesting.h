#pragma once
// Internal to the scenario room (toml_read.cpp): the nesting bound checked before toml++ parses.
#include <string>
#include <string_view>

namespace swv {

// The first place where `text` nests deeper than kMaxNesting, with the Dutch reason; a cheap scan
// of the TOML structure (strings and comments skipped) run before toml++, which recurses per level.
// Depth counts the parts of a table header and of a dotted key, one per { } or [ ] around a value,
// and one for an array of tables ([[post]]). Invalid TOML may be mis-scanned: toml++ reports it.
struct NestingProblem {
  size_t offset = std::string::npos;
  std::string message;
};
NestingProblem nesting_problem(std::string_view text);

}  // namespace swv
