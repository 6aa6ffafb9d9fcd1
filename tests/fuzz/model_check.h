#pragma once
// The model half of the fuzz invariant (tests/fuzz/fuzz_loader.cpp, tests/scenario/test_fuzz_regressions.cpp):
// a scenario that loads must run, deterministically and as a small Monte Carlo, without a
// non-finite number in any part of the result. A run may still refuse with swv::RunError (an input
// error only a run can reveal, such as an overflow it detects): that is a message, not a finding.
#include <cmath>
#include <string>
#include <vector>

#include "deterministic.h"
#include "mc.h"
#include "result.h"

namespace swv::fuzz {

constexpr int kModelPaths = 8;  // enough to reach every draw, cheap enough for every input

// The first non-finite number of `r` as "reeks eigen_vermogen p95[3]", or "" when all are finite.
inline std::string first_non_finite(const Result& r) {
  std::string bad;
  auto scan = [&](const std::vector<double>& v, const std::string& what) {
    for (size_t i = 0; i < v.size() && bad.empty(); ++i)
      if (!std::isfinite(v[i])) bad = what + "[" + std::to_string(i) + "]";
  };
  auto one = [&](double x, const std::string& what) {
    if (bad.empty() && !std::isfinite(x)) bad = what;
  };
  for (const auto& s : r.series) {
    scan(s.mean, "reeks " + s.key + " gemiddelde");
    scan(s.p5, "reeks " + s.key + " p5"), scan(s.p25, "reeks " + s.key + " p25"), scan(s.p50, "reeks " + s.key + " p50");
    scan(s.p75, "reeks " + s.key + " p75"), scan(s.p95, "reeks " + s.key + " p95");
  }
  for (const auto* p : {&r.excessive, &r.below_floor, &r.negative}) scan(p->value, "kans"), scan(p->std_error, "standaardfout");
  for (const auto& l : r.lines) scan(l.budget, "post " + l.code + " begroot"), scan(l.realised, "post " + l.code + " bedragen"),
      scan(l.computed, "post " + l.code + " berekend");
  scan(r.expected_risk_cost, "verwachte_risicolast");
  for (const auto& k : r.risks) scan(k.expected, "risico " + k.code), scan(k.hit_share, "risico " + k.code + " kans");
  scan(r.expected_excess, "verwacht_overschot");
  one(r.start_equity, "start_eigen_vermogen");
  for (const auto& b : r.buffers) one(b.shortfall, "weerstandsvermogen tekort"), one(b.required, "weerstandsvermogen benodigd");
  for (const auto& [name, v] : r.policy_fired) scan(v, "beleid " + name);
  one(r.signal_percentage, "signaleringspercentage"), one(r.signal_minimum, "signaleringsminimum");
  return bad;
}

// Runs `sc` deterministically and as a Monte Carlo of kModelPaths paths on one thread. Returns ""
// when every number is finite (or a run refused with RunError), else what was not finite.
inline std::string check_model(Scenario sc) {
  try {
    Result d = run_deterministic(sc);
    if (std::string bad = first_non_finite(d); !bad.empty()) return "deterministisch: " + bad;
  } catch (const RunError&) {
  }
  sc.mode = Mode::MonteCarlo;
  sc.paths = kModelPaths;
  McOptions opt;
  opt.threads = 1;
  try {
    Result m = run_monte_carlo(sc, {}, opt);
    if (std::string bad = first_non_finite(m); !bad.empty()) return "Monte Carlo: " + bad;
  } catch (const RunError&) {
  }
  return "";
}

}  // namespace swv::fuzz
