#pragma once
// The schema tables: every key a scenario file or a rules file may hold, its form, range, sector
// and meaning. The loader validates against these tables and `swvsim sleutels` prints them as the
// key reference in docs/sleutels.md (a test checks the two agree), so docs cannot drift.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "range.h"

namespace swv {

enum class Form {
  Text,           // "..."
  TextByYear,     // "..." or { 2022 = "...", 2023 = "..." } (swv.regels)
  Integer,        // whole number (years, paths, seed)
  Number,         // number only
  Table,          // number or per-year table (no distribution)
  Value,          // number, per-year table or distribution (section 1)
  ValueOrPost,    // a Value, or "post:CODE" (a bestemmingsreserve's onttrekking tied to a line)
  Bool,           // true/false
  Enum,           // one of `choices`
  YearList,       // [2025, 2026]
  Matrix,         // [[1.0, 0.5], [0.5, 1.0]]
  Section,        // a table of further keys
  ArrayOfTables,  // [[post]], [[risico]]
};

enum class SectorOnly { Both, Po, Vo };

// sector of an SWV: primary (po) or secondary (vo)
enum class Sector { Po, Vo };
inline const char* sector_name(Sector s) { return s == Sector::Po ? "po" : "vo"; }
inline bool sector_allows(SectorOnly only, Sector s) {
  return only == SectorOnly::Both || (only == SectorOnly::Po) == (s == Sector::Po);
}

struct KeyInfo {
  std::string_view path;     // "post[].bedrag", "ondersteuning.*.normbedrag"
  Form form;
  Range range;
  SectorOnly sector;
  bool required;             // required in the merged scenario (when its parent exists)
  std::string_view choices;  // Enum: "regulier,sbo:po,pro:vo" (":po"/":vo" = sector only)
  std::string_view doc;      // one line, Dutch
};

// Scenario files, funding rules files, and the answers file of `swvsim nieuw` (what a controller
// knows, from which nieuw writes a scenario: answers.h).
enum class FileKind { Scenario, Rules, Answers };

const std::vector<KeyInfo>& schema(FileKind kind);
namespace detail {
const std::vector<KeyInfo>& answers_schema();  // schema_answers.cpp; use schema(FileKind::Answers)
}
// Entry for `path` ("*" entries match any component name), or nullptr.
const KeyInfo* find_key(FileKind kind, std::string_view path);
// True when `path` matches `pattern` component-wise ("*" matches one component).
bool path_matches(std::string_view pattern, std::string_view path);
// Names of the keys directly below `parent` (for suggestions), any sector.
// With `sector`, the keys of the other sector are left out (a vo scenario is not told "sbo").
std::vector<std::string> child_names(FileKind kind, std::string_view parent, std::optional<Sector> sector = std::nullopt);

struct Choice {
  std::string name;
  SectorOnly sector;
};
std::vector<Choice> parse_choices(std::string_view choices);

// " (bedoelde je \"x\"?)" for an unknown key or choice `word` among the valid `names`: a known
// synonym first ("bao" and "basisonderwijs" mean regulier here, while the nearest spelling is
// "sbo", which would turn 18.950 pupils into SBO pupils), else the nearest name (did_you_mean).
std::string suggest(std::string_view word, const std::vector<std::string>& names);

const char* form_text(Form f);      // Dutch description of the form, for docs and messages
const char* sector_text(SectorOnly s);

// The key reference (Markdown) generated from the tables.
std::string schema_markdown();

}  // namespace swv
