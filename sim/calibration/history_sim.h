#pragma once
// A count history drawn from the engine's own process (for the tests and swvsim_dekking): one
// Monte-Carlo path of a scenario through the real path model and draws, with every move between
// school types recorded, so the history has the counts per category and the flows of each year.
// A calibration of such a history should recover the scenario's parameters, and a back-test on it
// should find its bands honest.
#include <cstdint>
#include <optional>
#include <string>

#include "history.h"
#include "scenario.h"

namespace swv {

// Path `path` of `sc` (seed sc.seed): rows at the teldatum of eerste_jaar − 1 (the start counts)
// up to laatste_jaar. Flow columns are filled when `with_flows` (else NaN, as a history without
// them). SBO→SO moves count as SBO outflow and SO inflow, returns as outflow, as a real history
// counts them. The scenario must have no capaciteit (every referral is admitted).
History simulate_history(const Scenario& sc, uint64_t path, bool with_flows = true);

// The value of a calibrated key (calibrate.h) in `sc` at `year` (the mean of a distribution), as the
// calibration counts it: uitstroom.sbo and uitstroom.so include returns (and SBO→SO moves). For
// verwijzing.so the calibration also counts SBO→SO moves, which this cannot express as a rate of
// regular pupils: compare only scenarios without doorstroom. nullopt for a key it does not know.
std::optional<double> scenario_parameter(const Scenario& sc, const std::string& key, int year);

}  // namespace swv
