#pragma once
// The sentences of page 1 (the bestuurssamenvatting), each made from the figures it states
// (board_figures.h) and true for the scenario at hand:
// - Excessive: the years the plan is above the signaleringswaarde, with the chance (Monte Carlo);
// - Movement: where equity goes and the largest cause (a structural deficit, the bestedingsplan,
//   the risks, OCW) taken from the lines;
// - Floor and Negative: the years below the own ondergrens or below zero, with the chance;
// - Target: the algemene reserve against the streefvermogen; Participation: each participation target;
// - Band: the plan against the 80% band of equity in the last year (Monte Carlo);
// - Buffer: the benodigd weerstandsvermogen against the algemene reserve (ratio, NAR class);
//   BufferExcess: that buffer against the equity above the signaleringswaarde (is the excess needed?);
//   RiskLoad: without chances, the risks the plan leaves out; LargestRisk: the risk with the largest load.
// No engine words (paden, zaad, standaardfout, threads, options): a board reads these.
#include <string>
#include <vector>

#include "board_figures.h"

namespace swv {

enum class BoardKind { Excessive, Movement, Floor, Negative, Target, Participation, Band, Buffer, BufferExcess, RiskLoad, LargestRisk };

struct BoardSentence {
  BoardKind kind;
  std::string text;
};

std::vector<BoardSentence> board_sentences(const BoardFigures& f);

// "2026", "2026–2028", "2026, 2028 en 2030": consecutive years as ranges.
std::string board_years(const std::vector<int>& years);
// Where the years sit in the planperiode: "in elk jaar van 2025–2030", "alleen in 2025", "vanaf 2027",
// "in 2025–2027", "in 2025, 2027 en 2029", "in geen enkel jaar".
std::string board_years_phrase(const std::vector<int>& years, const std::vector<int>& period);
// An amount rounded to thousands, as a board reads it beside a table in € × 1.000: "€ 1.234.000".
std::string euro_k(double amount);

}  // namespace swv
