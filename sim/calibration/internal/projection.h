#pragma once
// A projection of the counts with the engine: a scenario made from the last row of a history (the
// start counts) and a calibration's fragment tables (the parameters), loaded through the scenario
// room's own validation and building, then run by the montecarlo room. The back-test uses it; so
// does anything that wants the bands a calibration gives.
#include <cstdint>
#include <string>

#include "calibrate.h"
#include "history.h"
#include "loader.h"

namespace swv {

// The scenario text: the counts of h's last row at the teldatum of its year T, planperiode
// T+1 … T+years, no budget lines (only counts are asked), `paths` paths of seed `seed`, and
// fragment_tables(c).
std::string projection_text(const History& h, const Calibration& c, int years, int64_t paths, uint64_t seed);

// Loads scenario text as load_scenario loads a file (schema tag, the per-file check, building
// with the rules of `rules_dir`); `name` stands for the file in messages. No basis chain.
LoadResult load_scenario_text(const std::string& text, const std::string& name, const std::string& rules_dir);

// The projection scenario, loaded; a text the loader refuses is a bug in the calibration room
// (std::logic_error with the loader's messages).
Scenario projection_scenario(const History& h, const Calibration& c, int years, int64_t paths, uint64_t seed, const std::string& rules_dir);

}  // namespace swv
