#pragma once
// Participation targets (stromen.doel, scenario-format 14.4): before any path runs, the yearly
// referral factor (stromen.beleid) that brings the expected participation at each teldatum to its
// target. Expected = the deterministic plan's counts; deterministic mode then hits each target.
#include "scenario.h"
#include "year_record.h"

namespace swv {

// Target of year Y: linear between given years, the first before them, the last after them.
double target_at(const YearTable& t, int year);

// The goal of target [k] in `year`: a participation, or a count (target_start + the change given
// in pupils, doel.<type>_leerlingen).
double target_goal(const Flows& fl, int k, int year);
// What target [k] measures in a year of a path: the participation, or the count at the teldatum.
double target_measure(const Scenario& sc, const YearRecord& r, int k);
// Whether a year of a path meets target [k]: the measure at or below the goal (a target is a
// ceiling: an SWV aims to keep participation down to it). The flags doel_<type>_gehaald.
bool target_met(const Scenario& sc, const YearRecord& r, int k);
// The scenario key of target [k] (stromen.doel.so, stromen.doel.so_leerlingen, ...).
const char* target_key(const Scenario& sc, int k);

// Replaces factor_sbo/factor_pro (target [0]) and factor_so (target [1]) by the solved factors, year
// by year in order (a year's factor moves that year's flows, which later years start from). Every
// target that cannot be met is named in one RunError, each with its cause: a policy effectiveness
// below 1 that keeps part of the referrals, the capacity, a referral rate of 0, or an outflow too
// small (to fall) or too large (to grow) that fast. Idempotent: a solved scenario is left alone.
void solve_targets(Scenario& sc);

}  // namespace swv
