#pragma once
// Deterministic mode: the classic meerjarenbegroting. Every distribution takes its mean, no random
// draw is made, flows move their expected counts, and the risk register is reported as
// verwachte_risicolast instead of entering the budget (scenario-format section 1).
#include "year_record.h"
#include "result.h"
#include "scenario.h"

namespace swv {

// Fills provenance, years, lines (names) and expected risk cost: the parts of a Result that do
// not depend on the mode.
Result init_result(const Scenario& sc, const std::vector<std::string>& warnings);

// The deterministic plan year by year, without I/O: the years and line amounts run_deterministic
// reports, and what Monte-Carlo mode calls begroot.
struct PlanTrace {
  std::vector<YearRecord> years;
  std::vector<LineAmounts> lines;
};
PlanTrace trace_plan(const Scenario& sc);

// Fixes in `sc` what its Monte-Carlo paths take from the plan: the plan's equity per year (the
// required buffer's reference) and, with afbouw.moment = begroting, the bestedingsplan per year.
void fix_plan(Scenario& sc);

// What the plan itself shows that a run must report, in both modes: an error (RunError, naming the
// year) when the balance sheet's movements drive the fixed assets or the provisions below 0 (more
// depreciation than assets, provisions released beyond what they hold); a warning (appended to
// `warnings`) when the bestemmingsreserves exceed total equity in a year of the plan.
void check_plan(const Scenario& sc, const PlanTrace& plan, std::vector<std::string>& warnings);

// Sets every line's begroot (budget lines, then the policy and risk lines of path_series.h) to the
// plan's amounts: the one meaning of begroot in every mode (scenario-format 14.3).
void set_plan_budgets(const Scenario& sc, const PlanTrace& plan, Result& r);

Result run_deterministic(const Scenario& sc, const std::vector<std::string>& warnings = {});

}  // namespace swv
