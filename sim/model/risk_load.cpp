#include "risk_load.h"

#include <algorithm>

namespace swv {

double expected_risk_load(const Risk& rk, int first_year, int Y) {
  auto chance = [&](int y) { return std::clamp(rk.probability.mean(y), 0.0, 1.0); };
  if (!rk.lasting) return rk.active(Y) ? chance(Y) * rk.impact.mean(Y) : 0.0;
  double not_yet = 1.0, load = 0.0;  // P(not occurred before y), the expected held impact
  for (int y = first_year; y <= Y; ++y) {
    if (!rk.active(y)) continue;
    const double p = chance(y);
    load += not_yet * p * rk.impact.mean(y);
    not_yet *= 1 - p;
  }
  return load;
}

}  // namespace swv
