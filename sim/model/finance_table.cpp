#include "finance_table.h"

#include "model.h"

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

CloseReplay::CloseReplay(const Scenario& sc) : sc_(sc), model_(std::make_unique<const Model>(sc)) {}
CloseReplay::~CloseReplay() = default;

void CloseReplay::replay_path(const FinanceTable& t, size_t p, const double* extra, YearRecord& scratch,
                              void (*out)(void*, size_t, const YearRecord&), void* ctx) const {
  Model::FinanceState f = model_->start_finance();
  for (size_t y = 0; y < t.years(); ++y) {
    model_->close_finance(f, static_cast<int>(y), extra[y], t.at(p, y), scratch, nullptr);
    out(ctx, y, scratch);
  }
}

}  // namespace swv
