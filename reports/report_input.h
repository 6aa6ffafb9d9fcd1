#pragma once
// What every report (HTML, Excel, CSV, Markdown) is made of: one run's result, the deterministic
// budget of the same scenario (the classic MJB: "begroot"), and the scenario itself (assumptions,
// traffic-light thresholds), and the kaderbrief figure. Writers format these; they compute nothing new.
#include "result.h"
#include "scenario.h"
#include "spending.h"

namespace swv {

struct ReportInput {
  const Result& result;         // Monte Carlo (or deterministic after run --deterministisch)
  const Result* deterministic;  // the deterministic run of the same scenario; may be null
  const Scenario* scenario;     // may be null (then no assumptions and default thresholds)
  const SpendingRoom* kaderbrief = nullptr;  // the kaderbrief figure (kaderbrief.h); may be null
  bool monte_carlo() const { return result.mode == Mode::MonteCarlo; }
  ReportSettings settings() const { return scenario ? scenario->report : ReportSettings{}; }
};

}  // namespace swv
