#pragma once
// Participation targets (stromen.doel, scenario-format 14.4): before any path runs, the yearly
// referral factor (stromen.beleid) that brings the expected participation at each teldatum to its
// target. Expected = the deterministic plan's counts; deterministic mode then hits each target.
#include "scenario.h"

namespace swv {

// Target of year Y: linear between given years, the first before them, the last after them.
double target_at(const YearTable& t, int year);

// Replaces factor_sbo/factor_pro (target [0]) and factor_so (target [1]) by the solved factors, year
// by year in order (a year's factor moves that year's flows, which later years start from). A target
// that would need a negative factor, or that no factor reaches, is a RunError naming the year.
// Idempotent: a solved scenario is left alone.
void solve_targets(Scenario& sc);

}  // namespace swv
