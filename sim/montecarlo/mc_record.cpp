#include "mc_record.h"

#include "mc_draws.h"
#include "model.h"

namespace swv {

namespace {

// The engine's draws, with every state's moves of the current year kept.
class RecordingDraws : public McDraws {
 public:
  using McDraws::McDraws;
  void moves(int Y, int state, double count, const double* rates, int k, double* out) {
    McDraws::moves(Y, state, count, rates, k, out);
    year_[static_cast<size_t>(state)].assign(out, out + k);
  }
  std::array<std::vector<double>, 6> year_;
};

// Collects each year with the moves drawn in it (the flows to the next teldatum are drawn after the
// close, before the sink hears of the year: model.h run_path).
struct Collect {
  RecordingDraws* dr;
  std::vector<RecordedYear> years;
  void year(int, const YearRecord& r, const LineAmounts&) {
    years.push_back({r, dr->year_});
    for (auto& m : dr->year_) m.clear();
  }
};

}  // namespace

std::vector<RecordedYear> record_path(const Scenario& sc, uint64_t path) {
  const Model model(sc);
  RecordingDraws dr(sc, correlation_factor(sc), sc.seed);
  dr.start_path(path);
  Collect sink{&dr, {}};
  model.run_path(dr, sink);
  dr.end_path();
  return std::move(sink.years);
}

}  // namespace swv
