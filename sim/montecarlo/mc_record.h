#pragma once
// One Monte-Carlo path with every state's pupil moves of each year kept: the calibration room's way
// to draw a count history from known parameters (calibration/history_sim.h), through this room's
// interface rather than a path loop of its own.
#include <array>
#include <cstdint>
#include <vector>

#include "scenario.h"
#include "year_record.h"

namespace swv {

// The moves of each state in a year (model_flows.h names the states: 0 regular -> sbo, so
// laag/midden/hoog, pro, out; 1 sbo -> so x3, regular, out; 2-4 so[c] -> regular, out; 5 pro -> out),
// empty for a state that did not move.
struct RecordedYear {
  YearRecord record;
  std::array<std::vector<double>, 6> moves;
};

// Path `path` of `sc` (prepared: prepare_for_monte_carlo), year by year: the draws are those of
// run_monte_carlo for that path.
std::vector<RecordedYear> record_path(const Scenario& sc, uint64_t path);

}  // namespace swv
