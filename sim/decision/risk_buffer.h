#pragma once
// Required buffer (benodigd weerstandsvermogen) and what each risk contributes to it.
// A path's shortfall is its largest (floor − equity) over the planperiode; the buffer needed at
// confidence c is max(0, start equity + the c-quantile of the shortfall): the reserve that, at the
// start, keeps the path above the floor in every year in a share c of the paths (the same
// definition as resultaat.json's weerstandsvermogen). A risk's contribution is the buffer with all
// risks minus the buffer with that risk switched off, on the same paths (common random numbers).
// Contributions need not add up to the total: risks rarely strike together (diversification).
#include <array>
#include <string>
#include <vector>

#include "mc.h"
#include "scenario.h"

namespace swv {

struct BufferLevels {
  static constexpr std::array<double, 3> kConfidence{0.80, 0.90, 0.95};
  std::array<double, 3> required{};
};

struct RiskContribution {
  std::string code, name;
  BufferLevels without;                 // the buffer needed with this risk switched off
  std::array<double, 3> contribution{};  // all − without
};

struct BufferAnalysis {
  size_t paths = 0;
  double start_equity = 0;
  BufferLevels with_all, without_any;  // all risks on; all risks off
  std::vector<RiskContribution> risks;
};

// `sc` must be prepared (prepare_for_monte_carlo). Two runs, one draw per risk, path and year, and
// a rerun without the risk loop for each path a risk hits: linear in the number of risks.
BufferAnalysis analyse_buffer(const Scenario& sc, const McOptions& opt);

}  // namespace swv
