#pragma once
// The scenario `swvsim nieuw` writes from a controller's answers (answers.h): everything a scenario
// needs that a controller does not know, derived or assumed in the open.
//
// Contract:
// - derive_starter computes, year by year, the referral rates and the intake that make the
//   deterministic plan hold the answered participation and krimp: the same expected flows as the
//   model (competing risks, deterministic mode: expected moves), so the plan of the written scenario
//   meets each answered participation and krimp to rounding (tests/scenario/test_starter.cpp runs the
//   engine on it). A participation that cannot be reached (it would need a negative referral rate,
//   or a krimp that needs a negative intake) is an error naming the answer's file and line.
// - Every other number is an assumption (AANNAME), one place: StarterAssumptions, each with its
//   source in docs/starten.md; the written scenario says so beside each value.
// - The first year's budget closes by default: the money to the school boards is what remains after
//   the DUO deductions, own staff and other costs (computed from the rules as the engine computes the
//   first year: amounts of eerste_jaar, bridged with the mean funding index when a table ends before).
// - starter_files writes the scenario text (and, with an answered beschikking, the rules overlay:
//   basis = the built-in rules, only the answered amounts), complete and commented in Dutch.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "scenario.h"

namespace swv {

// The assumptions of a starter scenario (docs/starten.md gives each its source).
struct StarterAssumptions {
  // po: yearly outflow of the regular pupils (groep 8 of 8 jaargroepen), of SBO (with doorstroom
  // and terugplaatsing: 24% of the stock leaves each year) and of SO (23%).
  static constexpr double out_regular_po = 0.125, out_sbo = 0.20, sbo_to_so = 0.02, return_sbo = 0.02, out_so = 0.215, return_so = 0.015;
  // vo: regular VO (4-6 years: about 1/5,3), VSO (21% a year), PrO (about 1/5).
  static constexpr double out_regular_vo = 0.19, out_vso = 0.19, return_vso = 0.02, out_pro = 0.20;
  static constexpr double lwoo_share = 0.09;                                // LWOO of regular VO, when not answered
  static constexpr std::array<double, 3> so_mix = {0.80, 0.08, 0.12};       // SO/VSO categories when there are none counted
  static constexpr double staff_share = 0.07, other_share = 0.02;           // of the first year's income
  static constexpr double wage = 0.030, wage_sd = 0.015, price = 0.020, price_sd = 0.010;  // indices, per year
  static constexpr double demo_sigma = 0.01, demo_persistence = 0.6;        // the intake's forecast error
  static constexpr double refer_rel_sd = 0.10;                              // referral rates: sd 10% of the rate
  static constexpr double out_regular_sd = 0.003, out_special_sd = 0.02;    // outflow uncertainty
  static constexpr double cost_shock = 0.03, arrangements_shock = 0.10;     // own staff, arrangements
};

struct StarterPlan {
  int first = 0, last = 0;
  // Per year of the planperiode (index Y - first). po: [0] BaO -> SBO, [1] BaO -> SO (all categories);
  // vo: [0] VO -> PrO, [1] VO -> VSO.
  std::array<std::vector<double>, 2> refer;
  std::array<std::vector<double>, 3> refer_so;  // refer[1] split by SO/VSO category (as written)
  std::array<double, 3> sbo_to_so{};            // po: doorstroom SBO -> SO per category (as written)
  std::vector<double> growth;  // demografie.groei
  std::vector<double> intake;  // the intake of each year
  double intake0 = 0;          // demografie.instroom (eerste_jaar - 1)
  std::array<std::vector<double>, 2> goal;  // the participation the plan holds in each year
  // The plan's counts at each teldatum: [0] that of eerste_jaar - 1 (the answers), [i] that of
  // eerste_jaar - 1 + i. po: special = {SBO, SO}; vo: {PrO, VSO}.
  std::vector<double> regular;
  std::array<std::vector<double>, 2> special;
  std::array<double, 3> mix{};  // SO/VSO categories: of the counts, or the assumption
  bool mix_assumed = false;
  double lwoo_share = 0;
  bool lwoo_assumed = false;

  // The funding rules: the file and how the scenario names it (a built-in name such as "po-2026").
  std::string rules_file, rules_name;
  bool rules_builtin = true;
  bool rules_carried = false;  // eerste_jaar lies after the newest built-in rules: their amounts carried forward
  Rules rules;                 // as loaded, with the beschikking's amounts applied

  // The first year's budget (begroot, prices of eerste_jaar), from the counts of the answers.
  struct Budget {
    double income = 0, deduct_so = 0, deduct_other = 0;  // deduct_other: SBO (po) or LWOO/PrO (vo)
    double staff = 0, other = 0, arrangements = 0, boards_per_pupil = 0, pupils = 0;
    bool staff_assumed = false, other_assumed = false, boards_derived = false;
    double remaining = 0;  // income - deductions - staff - other - arrangements
    std::vector<std::pair<std::string, double>> income_parts, amounts;  // per component; the amount per pupil used
  } budget;
  std::vector<std::string> notes;  // what `nieuw` tells the user beside writing (a budget that does not close)
};

// The rules a starter scenario uses when the answers name none: the newest built-in file of the sector
// whose year is at most eerste_jaar (else the oldest); `carried` when eerste_jaar is later than all.
std::string default_rules_name(Sector sector, int first_year, const std::string& rules_dir, bool& carried);

std::optional<StarterPlan> derive_starter(const Answers& a, const std::string& rules_dir, Diagnostics& diags);

struct StarterFiles {
  std::string scenario;
  std::string rules_overlay;  // empty when the answers hold no beschikking
};
// `rules_ref`: how the scenario names its rules (the overlay's file name, relative to the scenario,
// when the answers hold a beschikking; else the built-in name or a path relative to the scenario);
// `base_ref`: how the overlay names its basis.
StarterFiles starter_files(const Answers& a, const StarterPlan& p, const std::string& rules_ref, const std::string& base_ref);

}  // namespace swv
