#pragma once
// The decision room: what-if questions answered on the Monte-Carlo room's paths (run_paths), always
// under common random numbers, so differences carry the effect of the change, not sampling noise.
// compare.h (vergelijk), sensitivity.h (gevoeligheid), spending.h (bestedingsruimte),
// risk_buffer.h (weerstandsvermogen). Every analysis is bit-identical for any thread count and
// bounded up front (check_decision_work, memory).
//
// Paired comparison of a variant with its base (vergelijk). Both are run on the same paths with the
// same seed, so each path of the variant meets the same random draws as the base wherever the
// stream ids are shared (common random numbers); the difference per path then carries only the
// effect of what the variant changes, and its standard error is that of the paired difference.
#include <string>
#include <vector>

#include "mc_paths.h"

namespace swv {

// One statistic per year for the base, the variant, their difference (variant − base) and the
// standard error of the paired difference: sd over paths of (x_variant − x_base) / sqrt(n).
struct PairedSeries {
  std::vector<double> base, variant, diff, std_error;
};

struct Comparison {
  size_t paths = 0;
  PairedSeries equity;       // mean eigen vermogen at year end
  PairedSeries excessive;    // P(bovenmatig): equity > signaleringswaarde
  PairedSeries below_floor;  // P(onder ondergrens)
  PairedSeries negative;     // P(negatief)
  PairedSeries signal;       // mean signaleringswaarde
};

// Both tables must come from run_paths with the same seed and number of paths and the same years.
// Throws std::invalid_argument otherwise.
Comparison compare_paths(const PathTable& base, const PathTable& variant);

}  // namespace swv
