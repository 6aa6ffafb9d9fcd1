#include "finance_table.h"

namespace swv {

std::vector<unsigned char> FinanceTable::stored_columns(const Scenario& sc) {
  // The order of kFields: income, costs, floor (always), then what the scenario's rules can use.
  std::vector<unsigned char> c = {0, 1, 2};
  const Policy& p = sc.policy;
  if (!sc.risks.empty()) c.insert(c.end(), {3, 4});
  if (p.cut) c.insert(c.end(), {5, 6, 7});
  if (p.generic_cut) c.push_back(8);
  if (!sc.reserves.empty()) c.push_back(9);
  if (sc.has_target) c.push_back(10);
  if (p.spend_down) c.push_back(11);
  if (p.skim) c.push_back(12);
  return c;
}

FinanceTable::FinanceTable(const Scenario& sc, size_t paths)
    : stored_(stored_columns(sc)), paths_(paths), years_(static_cast<size_t>(sc.years())) {
  data_.assign(paths_ * years_ * stored_.size(), 0.0);
}

double FinanceTable::bytes(const Scenario& sc, size_t paths) {
  return static_cast<double>(paths) * sc.years() * static_cast<double>(stored_columns(sc).size()) * sizeof(double);
}

void FinanceTable::truncate(size_t paths) {
  if (paths >= paths_) return;
  paths_ = paths;
  data_.resize(paths_ * years_ * stored_.size());
  data_.shrink_to_fit();
}

}  // namespace swv
