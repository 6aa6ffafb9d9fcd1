#pragma once
// Sensitivity (gevoeligheid): which uncertain inputs explain the spread of the outcome, per year.
//
// Method (variance-based, first-order Sobol index by pick and freeze): a plain run A, a run C that
// draws every input afresh (an independent stream, Pin::redraw), and per input i a run B_i that
// keeps i's draws exactly as in A (every year of them: an input drawn per year is one process,
// like an input drawn once per path) and draws everything else as in C (Pin::keep). Then
//   share_i(y) = Var(E[equity_y | input i]) / Var(equity_y)
// estimated per year with Saltelli's (2010) estimator
//   share_i = mean((a − mean(a)) · (b_i − c)) / ((var(a) + var(c)) / 2).
// b_i − c is exactly 0 on every path for an input without effect, so an input that does not matter
// gets exactly 0, and the shares of inputs that matter do not carry each other's noise.
// The share is the part of the variance that input i explains on its own; 1 − the sum of the shares
// is explained by no input alone (interactions). The chance in the pupils' flows given their rates
// (who is referred, who leaves: binomial draws) is one input of its own, "toeval in verwijzingen en
// uitstroom". `spread_i = sqrt(share_i) · sd(equity)` is that part in euros: the standard deviation
// of equity the input would leave if it were the only uncertainty. Standard errors by batch means
// (kBatches contiguous path ranges).
//
// Cost: (inputs + 2) runs, each linear in the scenario's lines. Beyond kMaxSeparateInputs inputs the
// posts' inputs are taken together per groep (a group's share is that of all its inputs at once:
// the closed first-order index of the set), and if that still leaves too many, the risks together
// too, so the work stays linear in the number of lines (quadratic before: 2.000 uncertain lines took
// 46 s).
#include <cstdint>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "mc.h"
#include "scenario.h"

namespace swv {

struct UncertainInput {
  std::string key;    // canonical key ("indexatie", "post[3.1].onzekerheid", "risico[R1]", "groep[projecten]")
  std::string label;  // for the reader ("Indexatie (lonen, prijzen en bekostiging)", "Post 3.1 Arrangementen: onzekerheid")
  Where where;        // where it is written (empty for the demography shock when defaulted, and for groups)
  uint32_t driver = 0;            // its stream (the first of a group's)
  std::vector<uint32_t> drivers;  // every stream it holds: {driver}, or a group's
  size_t members = 1;             // inputs taken together (1 unless a group)
};

constexpr size_t kMaxSeparateInputs = 30;

// Every input that makes a path random: each distribution (per path or per year), each line's
// onzekerheid, the demographic shock, each risk (its occurrence and impact), and the chance in the
// pupils' flows ("stromen.toeval"). The three indices are one input: they are drawn together
// (correlated) from one stream. Beyond kMaxSeparateInputs, grouped as described above.
std::vector<UncertainInput> uncertain_inputs(const Scenario& sc);

struct InputShare {
  UncertainInput input;
  std::vector<double> share;      // per year; NaN when equity does not vary in that year
  std::vector<double> std_error;  // per year, of `share` (batch means)
  std::vector<double> spread;     // per year, sqrt(max(share, 0)) · sd(equity), euros
};

struct Sensitivity {
  static constexpr size_t kBatches = 20;
  std::vector<int> years;
  int target_year = 0;  // doeljaar: the year the summary and chart are about (default the last)
  size_t paths = 0;
  std::vector<double> equity_mean, equity_sd, excessive;  // the plain run, per year
  std::vector<InputShare> inputs;                         // in the order of uncertain_inputs
  // 1 − the sum of the shares in year y: what no single input explains (at least 0 when shown).
  double unexplained(size_t y) const;
  // Indices into `inputs`, largest share in year y first (NaN last).
  std::vector<size_t> ranking(size_t y) const;
  size_t target_index() const { return static_cast<size_t>(target_year - years.front()); }
};

// `sc` must be prepared (prepare_for_monte_carlo). inputs + 2 runs of sc.paths paths, bounded up
// front (check_decision_work); the same seed gives the same shares for any thread count. Needs at
// least 2 · kBatches paths and a target year in the planperiode (0: the last year);
// std::invalid_argument with a Dutch message otherwise.
Sensitivity run_sensitivity(const Scenario& sc, const McOptions& opt, int target_year = 0);

// Saltelli's first-order estimator from the paired samples a (plain run), b (input kept) and c
// (all redrawn), every `stride`-th value; NaN when a and c do not vary. Exposed for tests.
double first_order_share(const double* a, const double* b, const double* c, size_t n, size_t stride);

}  // namespace swv
