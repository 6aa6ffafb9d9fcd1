#pragma once
// The scenario fragment of a calibration (kalibratie.toml, docs/kalibratie.md): [demografie] and
// [stromen] in the scenario language, each value with a comment (estimate, standard error, years,
// method), and a [kalibratie] table that names the history (the reports show it). It is also how
// the back-test hands the calibration to the engine: the projection loads exactly these tables, so
// what is tested is what the user gets.
#include <optional>
#include <string>

#include "calibrate.h"
#include "coverage.h"

namespace swv {

struct FragmentOptions {
  std::string basis;                 // written as `basis = "…"`; empty: a commented example line
  std::optional<Coverage> backtest;  // [kalibratie.terugtoets] when the back-test ran
  int backtest_horizon = 0;
  std::string version;               // swvsim version that calibrated
};

// The whole file: header comments, schema, basis, [kalibratie] and the tables.
std::string fragment_toml(const Calibration& c, const FragmentOptions& o);
// Only the tables the engine reads: [start.leerlingen] (the counts of the last teldatum, which the
// intake belongs to), [demografie] and [stromen.*]. With one so/vso column the start's so is the
// total in laag when `so_total_as_laag` (the projection), else a comment (a user's own split stays).
std::string fragment_tables(const Calibration& c, bool so_total_as_laag = false);

// A number as TOML text with `sig` significant digits, never in exponent form ("0.0061234",
// "1523.4", "0.0"): the fragment stays readable and loads back as the value the engine uses. Below
// the loader's smallest magnitude (1e-9) it is "0.0". Callers never pass a non-finite number
// (calibrate refuses them).
std::string toml_number(double x, int sig = 5);
// A text as a TOML basic string ("…" with \ and " escaped, control characters as \uXXXX).
std::string toml_string(const std::string& s);

}  // namespace swv
