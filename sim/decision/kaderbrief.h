#pragma once
// The kaderbrief figure on page 1 of `run`'s report: the amount swvsim recommends to spend extra per
// year, with what it does. It is the answer of `swvsim bestedingsruimte` to the default question
// (doeljaar = the last year, spending up to it, zekerheid 90%, ondergrens-zekerheid 95%), so both
// reports give the same amount for the same paths:
// - Monte Carlo: solve_spending without the trade-off table, on the scenario's paths up to
//   kKaderbriefMaxPaths (beyond that the first kKaderbriefMaxPaths paths; the report says so);
// - deterministic: the same two bounds on the plan itself (each condition holds or not; no
//   probabilities), by bisection on the plan with the extra spending as a line.
#include <cstdint>

#include "mc.h"
#include "scenario.h"
#include "spending.h"

namespace swv {

constexpr int64_t kKaderbriefMaxPaths = 10'000;

// The default question for `sc`.
SpendingQuery kaderbrief_query(const Scenario& sc);

// Monte Carlo on a prepared copy of `sc` (its paths capped): the recommendation and bounds.
SpendingRoom kaderbrief_room(const Scenario& sc, const McOptions& opt);

// The plan's answer to `q`: minimum = the smallest amount with plan equity in the doeljaar at or
// below the signaleringswaarde, maximum = the largest with plan equity at or above the floor in
// every year; probabilities are 0 or 1, standard errors NaN, paths 0. Throws std::invalid_argument
// like solve_spending for a question outside the planperiode.
SpendingRoom deterministic_spending(const Scenario& sc, const SpendingQuery& q);

}  // namespace swv
