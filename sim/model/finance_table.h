#pragma once
// The year inputs of the close (FinanceInputs, year_record.h) of many paths, recorded once, and the
// replay of the close alone (Model::close_finance) for any extra spending per year.
//
// Why: extra spending moves no pupil and no draw; only the close depends on equity. Replaying the
// close on a path's recorded inputs gives exactly the years that simulating the path again with
// that spending would give (the same function on the same numbers), at a small fraction of the
// cost. Decision support asks "and with € X a year more?" tens of times per answer (the kaderbrief
// figure of every run, bestedingsruimte), so it records once and replays.
//
// Contract:
// - record(p, yi, in) may be called from many threads for distinct paths; the table is read-only
//   afterwards. Paths at or beyond paths() are ignored (a run records its first paths only).
// - A row is the whole FinanceInputs (104 bytes a path-year): the close reads it where it lies,
//   without a copy (copying it field by field cost more than the close itself).
// - CloseReplay(sc).replay(table, p, extra, scratch, out) runs the close of path p year by year with
//   extra[yi] extra lasten and calls out(yi, rec): rec holds the close's fields (equity, signal,
//   floor, result, ...; the pupil and balance fields are not set). `sc` must be the scenario that
//   recorded the table (the same plan: plan_spend, plan_equity).
// - The path model itself stays inside the model room: a replay reaches it through CloseReplay.
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

#include "scenario.h"
#include "year_record.h"

namespace swv {

class FinanceTable {
 public:
  FinanceTable() = default;
  FinanceTable(const Scenario& sc, size_t paths);
  // Bytes a table of `paths` paths of `sc` takes (its memory is checked before a run starts).
  static double bytes(const Scenario& sc, size_t paths);

  size_t paths() const { return paths_; }
  size_t years() const { return years_; }
  // Keep only the first `paths` paths (a run with precision on demand stops before the table's end).
  void truncate(size_t paths);

  void record(size_t p, int yi, const FinanceInputs& in) {
    if (p < paths_) data_[p * years_ + static_cast<size_t>(yi)] = in;
  }
  const FinanceInputs& at(size_t p, size_t y) const { return data_[p * years_ + y]; }

 private:
  size_t paths_ = 0, years_ = 0;
  std::vector<FinanceInputs> data_;  // [path * years + year]
};

class Model;

// The close of one scenario's paths, replayed on a recorded table (the path model built once; safe
// to use from many threads at once, each with its own scratch record).
class CloseReplay {
 public:
  explicit CloseReplay(const Scenario& sc);
  ~CloseReplay();
  CloseReplay(const CloseReplay&) = delete;
  CloseReplay& operator=(const CloseReplay&) = delete;
  const Scenario& scenario() const { return sc_; }

  // Path p of `t` with extra[yi] extra lasten per year: out(yi, rec) after each year's close.
  template <class Out>
  void replay(const FinanceTable& t, size_t p, const double* extra, YearRecord& scratch, Out&& out) const {
    using O = std::remove_reference_t<Out>;
    replay_path(t, p, extra, scratch, [](void* o, size_t y, const YearRecord& r) { (*static_cast<O*>(o))(y, r); }, &out);
  }

 private:
  // One indirect call per year: the close costs far more, and the model stays out of this header.
  void replay_path(const FinanceTable& t, size_t p, const double* extra, YearRecord& scratch,
                   void (*out)(void*, size_t, const YearRecord&), void* ctx) const;
  const Scenario& sc_;
  std::unique_ptr<const Model> model_;
};

}  // namespace swv
