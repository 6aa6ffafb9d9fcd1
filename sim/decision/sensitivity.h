#pragma once
// Sensitivity (gevoeligheid): which uncertain inputs move the outcome most. Each input is held at
// its P10 and then at its P90 in every path and year while everything else stays random on the
// same paths (common random numbers); the swing is the outcome at P90 minus the outcome at P10.
// Outcomes: mean equity at the end of each year and P(bovenmatig) per year.
#include <cstdint>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "mc.h"
#include "scenario.h"

namespace swv {

struct UncertainInput {
  std::string key;    // canonical key ("index.loon", "post[3.1].onzekerheid", "risico[R1]")
  std::string label;  // for the reader ("Loonindexatie", "Onzekerheid post 3.1 Arrangementen")
  Where where;        // where it is written (empty for the demography shock when defaulted)
  uint32_t driver = 0;
};

// Every input that makes a path random: each distribution (per path or per year), each line's
// onzekerheid, the demographic shock, each risk (its yearly loss). Pupil flows are not listed: their
// randomness is binomial noise given the rates, not an assumption one can hold at a quantile.
std::vector<UncertainInput> uncertain_inputs(const Scenario& sc);

struct InputSwing {
  UncertainInput input;
  std::vector<double> equity_low, equity_high;          // mean equity per year at P10 / P90
  std::vector<double> excessive_low, excessive_high;    // P(bovenmatig) per year at P10 / P90
  double equity_swing(size_t y) const { return equity_high[y] - equity_low[y]; }
  double excessive_swing(size_t y) const { return excessive_high[y] - excessive_low[y]; }
};

struct Sensitivity {
  std::vector<int> years;
  size_t paths = 0;
  double low_quantile = 0.1, high_quantile = 0.9;
  std::vector<double> equity_mean, excessive;  // all inputs random (the reference)
  std::vector<InputSwing> inputs;              // in the order of uncertain_inputs
  // Indices into `inputs`, largest |equity swing| in year index y first.
  std::vector<size_t> ranking(size_t y) const;
};

// `sc` must be prepared (prepare_for_monte_carlo). Two runs of sc.paths paths per input, bounded up
// front (check_decision_work); the same seed gives the same swings for any thread count.
Sensitivity run_sensitivity(const Scenario& sc, const McOptions& opt, double low = 0.1, double high = 0.9);

}  // namespace swv
