#pragma once
// The outputs of swvsim kalibreer and swvsim terugtoets (docs/cli-en-uitvoer.md, docs/kalibratie.md):
// kalibratie.json, terugtoets.json, terugtoets.html, and their text on the terminal. Writers only:
// every number comes from the calibration room (sim/calibration).
#include <string>

#include "backtest.h"
#include "calibrate.h"

namespace swv {

// kalibratie.json: {"schattingen": {"<scenario key>": {"waarde", "standaardfout", …}}, "jaren", "methode", …}.
std::string calibration_json(const Calibration& c, const std::string& version);
// terugtoets.json: {"dekking": {"<reeks>": {"50", "90", "punten", "oordeel"}, "alle": …}, "oorsprongen", "punten", …}.
std::string backtest_json(const Backtest& b, const std::string& version);
// terugtoets.html: per series the bands of each origin against the realised counts, the verdict.
std::string backtest_html(const Backtest& b, const std::string& version);

// The terminal: the estimates as a table with what cannot be separated; the coverage per series
// with the verdict.
std::string calibration_table(const Calibration& c);
std::string backtest_table(const Backtest& b);
// The [kalibratie.terugtoets] table to paste into a kalibratie.toml.
std::string backtest_toml_snippet(const Backtest& b);

// Dutch name of a back-test series ("leerlingen_sbo" -> "SBO-leerlingen").
std::string series_title(const std::string& key, Sector s);

}  // namespace swv
