#include "finance_table.h"

namespace swv {

FinanceTable::FinanceTable(const Scenario& sc, size_t paths) : paths_(paths), years_(static_cast<size_t>(sc.years())) {
  data_.resize(paths_ * years_);
}

double FinanceTable::bytes(const Scenario& sc, size_t paths) {
  return static_cast<double>(paths) * sc.years() * static_cast<double>(sizeof(FinanceInputs));
}

void FinanceTable::truncate(size_t paths) {
  if (paths >= paths_) return;
  paths_ = paths;
  data_.resize(paths_ * years_);
  data_.shrink_to_fit();
}

}  // namespace swv
