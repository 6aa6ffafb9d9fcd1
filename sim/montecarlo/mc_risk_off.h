#pragma once
// Per-path shortfalls with each risk switched off in turn (weerstandsvermogen's contribution per
// risk, decision/risk_buffer.h): part of the Monte-Carlo room's interface for decision support,
// beside run_paths (mc_paths.h), so the decision room never runs a path loop of its own.
//
// Contract:
// - The paths are those of run_monte_carlo (same seed, draws and blocks); a path's shortfall is its
//   largest fall below the plan (sc.plan_equity, fixed by prepare_for_monte_carlo; mc_stats.h
//   path_shortfall), kNoShortfall when it never falls below.
// - Switching risk k off keeps every other draw of the path (each risk has its own stream): a path
//   the risk never hits keeps its shortfall; a path it hits is run again with that risk's amounts
//   taken out of the year's risk totals. Work: one draw per path and year, plus a rerun per hit.
// - Deterministic for any thread count; a non-finite equity is a RunError naming the path; Cancelled
//   when opt.cancel is set (read before each risk).
#include <cstddef>
#include <functional>
#include <vector>

#include "mc.h"
#include "scenario.h"

namespace swv {

// Runs the paths with every risk and returns each path's shortfall; then calls without(k, s) for
// every risk k with s the paths' shortfalls with risk k switched off. `without` runs on many threads
// at once (distinct k, each its own s); s may be reordered by it.
std::vector<double> shortfalls_per_risk_off(const Scenario& sc, const McOptions& opt,
                                            const std::function<void(size_t k, std::vector<double>& s)>& without);

}  // namespace swv
