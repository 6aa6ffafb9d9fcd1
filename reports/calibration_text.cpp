#include "calibration_text.h"

#include "coverage.h"

namespace swv {

namespace {

std::string history_text(const CalibrationInfo& c) {
  return c.history + " (teldata " + std::to_string(c.first_year) + "–" + std::to_string(c.last_year) + ", " +
         std::to_string(c.last_year - c.first_year + 1) + " jaren)";
}

std::string backtest_text(const CalibrationInfo& c) {
  return verdict_sentence({c.coverage50, c.coverage90, c.points}) + (c.horizon > 0 ? " (" + std::to_string(c.horizon) + " jaar vooruit)" : "");
}

}  // namespace

std::string calibration_source_text(const CalibrationInfo& c) {
  if (!c.given) return "";
  std::string s = "Demografie en leerlingstromen gekalibreerd op de eigen telgeschiedenis " + history_text(c) +
                  (c.version.empty() ? "" : " met swvsim " + c.version) + (c.file.empty() ? "" : ", tabel [kalibratie] in " + c.file) + ".";
  if (!c.method.empty()) s += " Methode: " + c.method + ".";
  if (c.has_backtest) s += " Terugtoets: " + backtest_text(c) + ".";
  return s;
}

std::string calibration_rvt_text(const CalibrationInfo& c) {
  if (!c.given) return "";
  const std::string from = "De spreiding van de leerlingaantallen (demografie en verwijzingen) komt uit de eigen telgeschiedenis " + history_text(c) + ". ";
  if (!c.has_backtest)
    return from + "Er is geen terugtoets bij gegeven: swvsim terugtoets toetst of de banden eerlijk zijn (docs/kalibratie.md).";
  return from + "Terugtoets op die historie: " + backtest_text(c) +
         ". Een eerlijke band vangt op den duur zoveel van de werkelijke aantallen als ze belooft; te smalle banden maken de kansen in dit "
         "rapport te zeker.";
}

}  // namespace swv
