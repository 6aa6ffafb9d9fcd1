#pragma once
// The calibration room (sim/calibration): the SWV's own count history -> estimates of the
// demographic trend and the flow rates with their standard errors (calibrate.h) -> a scenario
// fragment the engine runs (fragment.h) -> a back-test of the bands it gives (backtest.h).
// It sits on top of the montecarlo room: the back-test projects with the real engine.
//
// This header: the count history (docs/kalibratie.md), one row per teldatum year, and its reader.
// A history file is CSV with a header: `jaar, regulier, sbo, so_laag, so_midden, so_hoog` (po) or
// `jaar, regulier, pro, vso_laag, vso_midden, vso_hoog` (vo), one `so`/`vso` column instead of the
// three categories, and optional flow columns (`instroom_sbo`, `uitstroom_so`, ...). Comma,
// semicolon or tab; decimal point or (not with comma separators) decimal comma. Every problem of a
// file is reported at once with file, line, column and column name; nothing is thrown for bad input.
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "schema.h"

namespace swv {

// Pupils placed into / leaving a special school type during the year before each teldatum
// (leaving includes returns to regular schools). Index t >= 1 refers to the change from row t-1 to
// row t; index 0 is unused. NaN = not known for that year.
struct HistoryFlow {
  std::vector<double> in, out;
  bool known(size_t t) const { return t < in.size() && !std::isnan(in[t]) && !std::isnan(out[t]); }
  size_t known_years() const;
};

struct History {
  std::string file;    // as given (for reports)
  std::string sha256;  // of the file's bytes ("" when parsed from text)
  Sector sector = Sector::Po;
  std::vector<int> years;         // teldatum years, consecutive and ascending
  std::vector<double> regular;    // regulier: BaO (po) or regular VO without PrO (vo)
  std::vector<double> special;    // SBO (po) or PrO (vo)
  // SO (po) or VSO (vo) per funding category laag/midden/hoog; with one `so`/`vso` column only [0]
  // is filled (by_category false).
  std::array<std::vector<double>, 3> so;
  bool so_by_category = true;
  HistoryFlow special_flow, so_flow;  // SBO/PrO and SO/VSO (all categories together)

  size_t size() const { return years.size(); }
  int first_year() const { return years.front(); }
  int last_year() const { return years.back(); }
  double so_total(size_t t) const { return so[0][t] + (so_by_category ? so[1][t] + so[2][t] : 0.0); }
  // The first `rows` rows (a back-test calibrates on the history up to its origin only).
  History head(size_t rows) const;
};

// Bounds of a history file: a few hundred bytes a year, so these are far beyond any real file.
constexpr size_t kMaxHistoryBytes = 1u << 20;
constexpr size_t kMaxHistoryRows = 200;
constexpr size_t kMinHistoryRows = 3;          // two year-on-year changes: the least that estimates anything
constexpr double kMaxHistoryCount = 10'000'000;  // pupils in one cell

// Column names of a sector, as written in the header (lower case; spaces and '-' read as '_').
struct HistoryColumns {
  const char* special;    // "sbo" / "pro"
  const char* so;         // "so" / "vso"
};
inline HistoryColumns history_columns(Sector s) { return s == Sector::Po ? HistoryColumns{"sbo", "so"} : HistoryColumns{"pro", "vso"}; }

// Parses a history from `text` (the bytes of file `file`); `sector` given (--sector) or read off the
// columns. Errors and warnings go to `diags`; the History is returned only without errors.
std::optional<History> parse_history(std::string_view text, const std::string& file, std::optional<Sector> sector, Diagnostics& diags);
// Reads the file (bounded, a regular file only) and parses it; sets sha256.
std::optional<History> read_history(const std::string& path, std::optional<Sector> sector, Diagnostics& diags);

}  // namespace swv

namespace swv {
// The history as a CSV file the reader reads back exactly: comma-separated, decimal point, the
// sector's column names, the flow columns where any year has them (empty cells where not known).
std::string history_to_csv(const History& h);
}  // namespace swv
