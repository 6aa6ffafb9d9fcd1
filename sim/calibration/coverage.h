#pragma once
// The verdict of a back-test (docs/kalibratie.md, "Het oordeel"): what share of the realised
// counts fell inside the P25–P75 and P5–P95 bands, against 50% and 90%. Shared by the back-test,
// the fragment (kalibratie.terugtoets) and the reports, so every place words it alike.
#include <string>

namespace swv {

struct Coverage {
  double c50 = 0, c90 = 0;  // shares of the points inside P25–P75 and P5–P95
  int points = 0;
};

enum class Verdict {
  Honest,     // eerlijk: both shares within two binomial standard errors of 50% and 90%
  TooNarrow,  // te smal: a share significantly below its level
  TooWide,    // te breed: a share significantly above its level (and none below)
  TooFew,     // fewer than kMinVerdictPoints points: no verdict
};

constexpr int kMinVerdictPoints = 10;

// The verdict: per band level L the binomial standard error √(L(1 − L)/n); below L − 2·se is too
// narrow, above L + 2·se too wide. The points of one origin hang together, so the real uncertainty
// is larger: a verdict near the edge is a hint, not a proof.
Verdict verdict(const Coverage& c);
const char* verdict_word(Verdict v);  // "eerlijk", "te smal", "te breed", "te weinig punten voor een oordeel"
// "de 90%-banden vingen 88% van de 27 werkelijke aantallen, de 50%-banden 52%: eerlijk"
std::string verdict_sentence(const Coverage& c);

}  // namespace swv
