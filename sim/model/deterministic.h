#pragma once
// Deterministic mode: the classic meerjarenbegroting. Every distribution takes its mean, no random
// draw is made, flows move their expected counts, and the risk register is reported as
// verwachte_risicolast instead of entering the budget (scenario-format section 1).
#include "result.h"
#include "scenario.h"

namespace swv {

// Fills provenance, years, lines (names) and expected risk cost: the parts of a Result that do
// not depend on the mode.
Result init_result(const Scenario& sc, const std::vector<std::string>& warnings);

Result run_deterministic(const Scenario& sc, const std::vector<std::string>& warnings = {});

}  // namespace swv
