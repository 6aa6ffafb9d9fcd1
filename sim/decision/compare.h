#pragma once
// The decision room: what-if questions answered on the Monte-Carlo room's paths (run_paths), always
// under common random numbers, so differences carry the effect of the change, not sampling noise.
// compare.h (vergelijk), sensitivity.h (gevoeligheid), spending.h (bestedingsruimte),
// risk_buffer.h (weerstandsvermogen). Every analysis is bit-identical for any thread count and
// bounded up front (check_decision_work, memory).
//
// Paired comparison of a variant with its base (vergelijk). Both are run on the same paths with the
// same seed, so each path of the variant meets the same random draws as the base wherever the
// stream ids are shared (common random numbers); the difference per path then carries only the
// effect of what the variant changes, and its standard error is that of the paired difference.
#include <string>
#include <vector>

#include "mc_paths.h"
#include "result.h"
#include "scenario_diff.h"

namespace swv {

// One statistic per year for the base, the variant, their difference (variant − base) and the
// standard error of the paired difference: sd over paths of (x_variant − x_base) / sqrt(n).
struct PairedSeries {
  std::vector<double> base, variant, diff, std_error;
};

struct Comparison {
  size_t paths = 0;
  PairedSeries equity;       // mean eigen vermogen at year end
  PairedSeries excessive;    // P(bovenmatig): equity > signaleringswaarde
  PairedSeries below_floor;  // P(onder ondergrens)
  PairedSeries negative;     // P(negatief)
  PairedSeries signal;       // mean signaleringswaarde
};

// Scenarios with different planperiodes (last year's plan beside this year's) are compared over the
// years they share: each is run over its own planperiode (a path meets the same draws in the same
// calendar year in both, since draws are keyed by calendar year), then both are cut to those years.
// A result cut to [first, last]: every per-year series, probability, line and risk; its start equity
// (and algemene reserve) become the mean at the end of first − 1 when the run has that year, so that
// the start and the lines still add up to the equity at the end (outcome_effects).
Result restrict_years(const Result& r, int first, int last);
// The paths of a table over its years [from, from + count).
PathTable restrict_years(const PathTable& t, size_t from, size_t count);

// Both tables must come from run_paths with the same seed and number of paths and the same years.
// Throws std::invalid_argument otherwise.
Comparison compare_paths(const PathTable& base, const PathTable& variant);

// "Waarom": which lines of the result moved between the base and the variant, and how much each
// moved equity at the end of the planperiode. Equity on 31-12 of the last year is the start equity
// plus every year's baten − lasten − kortingen, so the line effects and the start add up to the
// equity difference (the rest, `unexplained`, is rounding). Means over the paths: on common random
// numbers the difference of the means is the mean of the paired differences.
struct LineEffect {
  std::string code, name;
  Side side = Side::Cost;
  bool deduction = false;             // an afdracht DUO (berekend afdracht_so, _sbo, _lwoo_pro)
  std::vector<double> base, variant;  // mean realised amount per year (0 where a side lacks the line)
  double total_diff = 0;              // sum over the years of (variant − base)
  double equity_effect = 0;           // on equity at the end: +total_diff for baten, −total_diff otherwise
  // Keys of the changes that act on this line: its own keys (post[X].*, risico[R].*, the policy
  // rule's keys), and the changes it depends on by its kind: pupil counts and flows for lines per
  // pupil or computed from the rules, the rules file for computed lines, the index it follows, the
  // norms and reserves for the policy rules that react to equity.
  std::vector<std::string> causes;
  bool follows_equity = false;        // a policy rule reacting to equity (afbouw, bezuiniging, afroming, compensatie)
};

struct OutcomeTotals {
  std::vector<double> base, variant;  // per year
};

struct OutcomeEffects {
  std::vector<LineEffect> lines;  // the lines that moved (by more than € 0,50 in a year), largest |equity_effect| first
  OutcomeTotals income, deductions, other_costs, reductions;  // baten, afdrachten DUO, overige lasten, kortingen
  OutcomeTotals equity;           // mean eigen vermogen on 31-12
  double start_effect = 0;        // difference of the equity at the start
  double unexplained = 0;         // equity difference at the end − start_effect − every line's equity_effect
};

// Both results over the same years (Monte Carlo: same seed and paths). `changes`: what the variant
// changes (scenario_changes), to link lines to inputs.
OutcomeEffects outcome_effects(const Result& base, const Result& variant, const Scenario& base_sc, const Scenario& variant_sc,
                               const std::vector<Change>& changes);

}  // namespace swv
