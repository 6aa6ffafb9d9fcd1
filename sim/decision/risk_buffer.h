#pragma once
// Required buffer (benodigd weerstandsvermogen) and what each risk contributes to it.
//
// Contract:
// - One definition of the buffer (mc_stats.h: path_shortfall, required_buffer): at confidence c,
//   the c-quantile of the paths' largest shortfall of equity below the deterministic plan (at
//   least 0): what the risks and uncertainty can take away from the plan. with_all equals resultaat.json's
//   weerstandsvermogen for the same scenario, seed and paths whenever that run's percentiles are
//   exact; here the quantile is always exact (type 7 by selection).
// - A risk's contribution is the buffer with all risks minus the buffer with that risk switched
//   off, on the same paths (common random numbers: every other draw keeps its own stream).
//   Contributions need not add up to the total: risks rarely strike together (diversification).
// - Same seed, same numbers, whatever the number of threads.
#include <array>
#include <string>
#include <vector>

#include "mc.h"
#include "mc_stats.h"
#include "scenario.h"

namespace swv {

struct BufferLevels {
  static constexpr std::array<double, 3> kConfidence = kBufferConfidence;
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
  double available = 0;  // beschikbaar: the algemene reserve at the start
  BufferLevels with_all, without_any;  // all risks on; all risks off
  std::vector<RiskContribution> risks;
};

// `sc` must be prepared (prepare_for_monte_carlo). Two runs, one draw per risk, path and year, and
// a rerun without the risk loop for each path a risk hits: linear in the number of risks, bounded
// up front (check_decision_work). Throws RunError (limits, overflow) and Cancelled.
BufferAnalysis analyse_buffer(const Scenario& sc, const McOptions& opt);

}  // namespace swv
