#pragma once
// How a decision command steers the draws of a run (mc_paths.h run_paths): the Monte-Carlo room's
// public handle on its draws, without the draws themselves (mc_draws.h is internal to the room).
#include <cstdint>
#include <vector>

#include "stream_id.h"

namespace swv {

// The drivers of the draws that are not a scenario value's own (stream_id.h): the three index
// scores together, the demography's AR(1) shocks, and the pupils' binomial flows.
inline constexpr uint32_t kIndexDriver = kIndexStream, kDemographyDriver = kDemographyStream, kFlowDriver = kFlowStream;

// Holds one uncertain input at a fixed quantile (sensitivity analysis): every draw of the input with
// this driver uses u = q (z = Phi^-1(q)) instead of a random number, in every year and path. For a
// risk the quantile is of its yearly loss (0 when q <= 1 - kans). kDemography pins the AR(1) shocks.
// Pin::keep(driver) is the other use (pick and freeze, variance-based sensitivity): the input with
// this driver draws exactly as in the plain run, every other input (and the pupils' binomial flows)
// from an independent stream (Stream::kept); Pin::redraw() draws every input from that stream.
struct Pin {
  bool active = false;   // hold `driver` at the quantile u
  uint32_t driver = 0;
  double u = 0.5, z = 0.0;
  bool keep_only = false;   // keep `driver`'s draws (or those of every driver in keep_set), redraw everything else
  bool redraw_all = false;  // redraw everything (the independent stream of keep_only alone)
  std::vector<uint32_t> keep_set;  // sorted; a group of inputs kept together (empty: `driver` alone)
  static Pin at(uint32_t driver, double q);
  static Pin keep(uint32_t driver) { return Pin{false, driver, 0.5, 0.0, true, false, {}}; }
  static Pin keep(std::vector<uint32_t> drivers);
  static Pin redraw() { return Pin{false, 0, 0.5, 0.0, false, true, {}}; }
};

}  // namespace swv
