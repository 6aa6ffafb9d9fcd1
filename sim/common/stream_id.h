#pragma once
// Ids of random streams. A stream is named by the key path of the input it serves
// ("post[4.1].onzekerheid"), hashed with 32-bit FNV-1a: stable across platforms and runs, so a
// variant draws the same numbers as its base for every input they share (common random numbers).
// The engine's own streams (index, demography, flows) use fixed ids no key may take; the scenario
// loader resolves collisions (resolve_stream_collisions in scenario/build_scenario.h).
#include <cstdint>
#include <string>

namespace swv {

uint32_t stream_id(const std::string& key);

// The engine's reserved stream ids.
inline constexpr uint32_t kIndexStream = 0x1D3E0001u;       // index shocks (bekostiging, loon, prijs)
inline constexpr uint32_t kDemographyStream = 0x1D3E0002u;  // demography and intake
inline constexpr uint32_t kFlowStream = 0x1D3E0100u;        // pupil flows

}  // namespace swv
