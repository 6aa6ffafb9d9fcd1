#include "model.h"

namespace swv {

Model::Model(const Scenario& sc) : sc_(sc) {
  for (int y = sc.first_year; y <= sc.last_year; ++y) year_rules_.push_back(&sc.rules_for(y));
  for (int k = 0; k < 4; ++k) {
    bridge_[k][0] = 1.0;
    for (int d = 1; d < kBridgeYears; ++d)
      bridge_[k][d] = bridge_[k][d - 1] * (1 + mean_index_rate(static_cast<IndexKind>(k), sc.first_year - d + 1));
  }
}

double Model::mean_index_rate(IndexKind ix, int year) const {
  const Indexation& x = sc_.index;
  switch (ix) {
    case IndexKind::Funding:
      if (x.funding_given) return x.funding.mean(year);
      return sc_.rules.wage_share * x.wage.mean(year) + (1 - sc_.rules.wage_share) * x.price.mean(year);
    case IndexKind::Wage: return x.wage.mean(year);
    case IndexKind::Price: return x.price.mean(year);
    case IndexKind::None: return 0.0;
  }
  return 0.0;
}

}  // namespace swv
