#pragma once
// The words of the reports: traffic lights, plain-Dutch sentences generated from the numbers, and
// every assumption (each distribution) in plain words. Shared by HTML, Markdown and Excel, so the
// board, the RvT and the controller read the same sentences.
#include <string>
#include <vector>

#include "report_input.h"

namespace swv {

enum class Light { Green, Orange, Red };
const char* light_name(Light l);  // "groen", "oranje", "rood"

// Traffic light of a probability against an (orange, red) pair of thresholds.
Light light_of(double probability, double orange, double red);
Light light_excessive(const ReportInput& in, size_t year_index);  // P(bovenmatig)
Light light_floor(const ReportInput& in, size_t year_index);      // P(onder ondergrens)

// Index of the first year in which p > 0.5 (more likely than not), or -1.
int first_likely_year(const Probability& p);

// "64%", "<1%" (above 0, below 0,5%), ">99%" (below 1, above 99,5%), "0%", "100%".
std::string chance(double p);

// One sentence per year about the signaleringswaarde, e.g. "In 2026 is de kans 64% dat het eigen
// vermogen boven de signaleringswaarde uitkomt (gemiddeld overschot € 612.000)."
std::string excessive_sentence(const ReportInput& in, size_t year_index);
// "In 2028 is de kans 11% dat het eigen vermogen onder de eigen ondergrens (€ 400.000) zakt."
std::string floor_sentence(const ReportInput& in, size_t year_index);
// Why equity moves in a year: the mean result and the policy rules that were active.
std::string movement_sentence(const ReportInput& in, size_t year_index);
// The headline sentences of the summary (first likely breach, buffer, ...), in order.
std::vector<std::string> summary_sentences(const ReportInput& in);

// Precision on demand: "gehaald", or why not ("niet gehaald; de grens van 5.000 paden (--max-paden) is
// bereikt", or that fewer paths than one round cannot show a precision). Terminal and reports.
std::string precision_outcome(const Result& r);

// Every uncertain input in plain words ("post[4.5.2b].realisatie: pert met minimum 0,8, modus 0,88
// en maximum 0,95; één trekking per pad"). Fixed numbers are not listed.
struct Assumption {
  std::string key, text;
};
std::vector<Assumption> assumptions(const Scenario& sc);

}  // namespace swv
