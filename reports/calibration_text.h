#pragma once
// What every report says about where a scenario's spreads came from ([kalibratie], docs/kalibratie.md):
// the calibration's history for the method section, and the back-test's coverage for the RvT's
// part (risks and weerstandsvermogen). Plain Dutch text; HTML writers escape it.
#include <string>

#include "scenario.h"

namespace swv {

// "Demografie en leerlingstromen gekalibreerd op historie.csv (teldata 2012–2023, 12 jaren) met
// swvsim kalibreer 0.4.0: <methode>. Terugtoets: …" ("" without [kalibratie]).
std::string calibration_source_text(const CalibrationInfo& c);
// For the RvT: how honest the bands of the pupil counts proved in the back-test, or that none was
// given and how to make one ("" without [kalibratie]).
std::string calibration_rvt_text(const CalibrationInfo& c);

}  // namespace swv
