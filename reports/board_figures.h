#pragma once
// The figures page 1 (the bestuurssamenvatting) states, gathered once from a run: per year the plan
// (the meerjarenbegroting with every assumption at its expectation: baten, kortingen, lasten, saldo,
// eigen vermogen, the norms), beside it in Monte Carlo the 80% band of equity (P10–P90) and the
// chance of each flag, and over the planperiode what moves equity (the structural result, the
// bestedingsplan, the risks, OCW). The sentences of page 1 (board_text.h) are made from these
// numbers only, so a test can set them by hand. Gathering picks and sums what the Result holds; it
// computes nothing new.
#include <string>
#include <vector>

#include "report_input.h"

namespace swv {

struct BoardFigures {
  bool chances = false;   // Monte Carlo: the band and the chances beside the plan
  bool has_plan = true;   // false: Monte Carlo without the plan; the median stands in for it
  std::vector<int> years;
  double start_equity = 0, start_general_reserve = 0;  // 31-12 before the first year

  // The plan per year.
  std::vector<double> income, reductions, costs, result;  // baten, kortingen, lasten, saldo
  std::vector<double> equity, general_reserve;            // eigen vermogen and algemene reserve 31-12
  std::vector<double> signal, floor, target;              // signaleringswaarde, ondergrens, streefvermogen (empty: none)
  bool has_reserves = false;                               // bestemmingsreserves: the algemene reserve differs from equity

  // The plan's flags per year (1 or 0; without the plan: whether the chance is above one half).
  std::vector<double> excessive_plan, below_floor_plan, negative_plan, below_target_plan;
  // Monte Carlo: equity's 80% band and the chance of each flag per year (empty otherwise).
  std::vector<double> band_low, band_high;
  std::vector<double> excessive_chance, below_floor_chance, negative_chance, below_target_chance;

  // What moves the plan's equity over the planperiode (sums of the plan's lines, in euro; a cost is
  // positive when it lowers equity): the result of the ordinary lines (baten − kortingen − lasten
  // without policy and risk lines), the bestedingsplan (beleid.afbouw, beleid.extra_besteding), the
  // risk lines (0 unless the plan carries their load), OCW withholding net of compensation, and the
  // bezuiniging (what it saves, positive).
  double structural = 0, spending_plan = 0, risks_in_plan = 0, ocw = 0, cuts = 0;
  std::vector<double> risk_load;  // expected risk load per year (kans × impact), in or beside the plan

  // Monte Carlo: the benodigd weerstandsvermogen at 90% (negative: not computed).
  double buffer = -1;
  // Monte Carlo: the risk with the largest expected load over the planperiode ("" when none).
  std::string largest_risk;
  double largest_risk_total = 0, largest_risk_chance = 0;  // euro over the planperiode; mean chance per year

  // Participation targets (stromen.doel) with the plan's participation.
  struct Share {
    std::string label;  // "Deelname SBO"
    std::vector<double> plan, target;
  };
  std::vector<Share> shares;

  size_t size() const { return years.size(); }
};

BoardFigures board_figures(const ReportInput& in);

}  // namespace swv
