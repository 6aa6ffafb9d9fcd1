#pragma once
// Run-time checks on what a run computed: errors that only a run can reveal are RunError (exit 2,
// like an input error), with a complete Dutch message naming the file, the series and the year.
#include <stdexcept>
#include <string>

#include "result.h"

namespace swv {

// Thrown when a run shows an input error only a run can reveal (rates of a state that sum to 1 or
// more in more than 0.1% of the paths, an amount that overflows). The message is complete, in
// Dutch, one line per error.
struct RunError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The message for a non-finite `what` in `year` (`where`: e.g. " (pad 12)", or empty).
std::string overflow_message(const std::string& file, const std::string& what, int year, const std::string& where);

// Any number in a result that is not finite (an overflow: amounts that grow without bound) is a
// run-time error naming the series and the year; it is never written as 0 or an empty cell.
void check_finite(const Result& r, const std::string& file);

// Plausibility warnings a controller needs, appended to r.warnings (never errors): DUO's cap per
// component biting in some year (the schools pay part of the deductions), and an ondergrens above the
// signaleringswaarde (then equity is always either excessive or below the own floor).
void add_plausibility_warnings(const std::string& file, Result& r);

}  // namespace swv
