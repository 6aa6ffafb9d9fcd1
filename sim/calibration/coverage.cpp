#include "coverage.h"

#include <cmath>

#include "format_nl.h"

namespace swv {

Verdict verdict(const Coverage& c) {
  if (c.points < kMinVerdictPoints) return Verdict::TooFew;
  const double n = c.points;
  auto off = [n](double share, double level) {  // -1 below, +1 above, 0 within two standard errors
    const double se = std::sqrt(level * (1 - level) / n);
    return share < level - 2 * se ? -1 : share > level + 2 * se ? 1 : 0;
  };
  const int a = off(c.c50, 0.5), b = off(c.c90, 0.9);
  if (a < 0 || b < 0) return Verdict::TooNarrow;
  if (a > 0 || b > 0) return Verdict::TooWide;
  return Verdict::Honest;
}

const char* verdict_word(Verdict v) {
  switch (v) {
    case Verdict::Honest: return "eerlijk";
    case Verdict::TooNarrow: return "te smal";
    case Verdict::TooWide: return "te breed";
    case Verdict::TooFew: return "te weinig punten voor een oordeel";
  }
  return "";
}

std::string verdict_sentence(const Coverage& c) {
  return "de 90%-banden vingen " + pct(c.c90, 0) + " van de " + int_nl(c.points) + " werkelijke aantallen, de 50%-banden " + pct(c.c50, 0) + ": " +
         verdict_word(verdict(c));
}

}  // namespace swv
