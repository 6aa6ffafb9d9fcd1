#pragma once
// Internal to the vergelijk report (decision_compare.cpp, decision_compare_json.cpp): what the report
// says about one variant, worked out once for every format, and its summary sentences.
#include <string>
#include <vector>

#include "change_text.h"
#include "decision_report.h"

namespace swv {

struct VariantStory {
  std::vector<ChangeGroup> groups;
  OutcomeEffects effects;
  std::string period;  // "2025–2030": the years compared
  int last_year = 0;
};

VariantStory story_of(const ComparisonReport& c, const VariantComparison& v);
// The summary sentences of one variant (the report's Samenvatting, vergelijking.json's samenvatting).
std::vector<std::string> headline(const ComparisonReport& c, const VariantComparison& v, const VariantStory& s);
// When the scenarios plan different years: which years are compared and each one's planperiode
// ("Vergeleken over de jaren die ze delen: 2026–2030 (basis 2025–2030, ...)"); "" when all plan the same years.
std::string shared_years_sentence(const ComparisonReport& c);

}  // namespace swv
