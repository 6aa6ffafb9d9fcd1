#pragma once
// The decision-support reports: for each question a Document (HTML, Excel, Markdown views, see
// document.h) and a JSON text for scripts (schema in docs/beslisondersteuning.md).
//   vergelijk          base / variant / difference per year, paired standard errors, what changes
//   gevoeligheid       tornado per year: the swing of equity and P(bovenmatig) per input
//   bestedingsruimte   the range of extra yearly spending, its uncertainty, bands at the bounds
//   weerstandsvermogen the buffer needed at 80/90/95% and each risk's contribution
#include <string>
#include <vector>

#include "compare.h"
#include "document.h"
#include "result.h"
#include "risk_buffer.h"
#include "scenario.h"
#include "scenario_diff.h"
#include "sensitivity.h"
#include "spending.h"

namespace swv {

struct VariantComparison {
  const Scenario* scenario = nullptr;
  const Result* result = nullptr;  // its Monte-Carlo result (percentiles)
  Comparison paired;               // against the base, path by path
  std::vector<Change> changes;     // wat verandert dit scenario
  bool of_base = true;             // a variant of the base (its chain holds the base file); else two independent scenarios
};

struct ComparisonReport {
  const Scenario* base = nullptr;
  const Result* base_result = nullptr;
  std::vector<VariantComparison> variants;
};

Document comparison_document(const ComparisonReport& c);
std::string comparison_json(const ComparisonReport& c);

Document sensitivity_document(const Sensitivity& s, const Scenario& sc);
std::string sensitivity_json(const Sensitivity& s, const Scenario& sc);

Document spending_document(const SpendingRoom& r, const Scenario& sc);
std::string spending_json(const SpendingRoom& r, const Scenario& sc);
// The conclusion in Dutch sentences (also printed by the CLI).
std::vector<std::string> spending_sentences(const SpendingRoom& r);
// The kaderbrief figure in words (kaderbrief_text.cpp), one sentence per kind of answer; for a
// deterministic room (paths 0) in the plan's words, without probabilities.
std::string recommendation_sentence(const SpendingRoom& r);
// Page 1 of the run report: the recommendation with its consequences (median or planned equity in
// the doeljaar and the last year).
std::string kaderbrief_sentence(const SpendingRoom& r);
// The notes beside it: the risk load the plan leaves out (or carries), and the other mode's answer
// where it goes the other way (a cut against extra spending, or nothing against either).
std::vector<std::string> kaderbrief_notes(const SpendingRoom& r);
// The figure alone, for a headline: "€ 120.000 per jaar extra", "bezuinig € 4.700.000 per jaar",
// "ten hoogste € 80.000 per jaar extra", "geen extra besteding", "ondergrens niet te halen".
std::string kaderbrief_headline(const SpendingRoom& r);

Document buffer_document(const BufferAnalysis& b, const Scenario& sc);
std::string buffer_json(const BufferAnalysis& b, const Scenario& sc);

}  // namespace swv
