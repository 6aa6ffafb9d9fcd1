#pragma once
// Internal to the spending solver (spending.cpp): what an amount of extra spending does on the
// recorded paths, found by replaying only the close (finance_table.h).
//
// Replayer::run(amount) replays every path at one amount: the counts the two conditions need
// (whole numbers summed per block in block order: the same for any thread count); when asked,
// each path's equity, signaleringswaarde, floor and lasten per year; and when asked, each path's
// crossings linearised at this amount (Crossings): the amount at which the path would stop being
// bovenmatig in the doeljaar, and the amount at which it would first fall below the floor, if its
// equity fell by the cumulative profile per euro a year from here (exact when no rule reacts to
// equity; the solver refines them by a secant on their quantile, spending.cpp).
#include <atomic>
#include <cstddef>
#include <vector>

#include "finance_table.h"
#include "spending.h"

namespace swv::spending_detail {

struct Outcome {
  size_t excessive_target = 0, below_any = 0;
  std::vector<size_t> below;                          // per year
  std::vector<double> equity, signal, floor, lasten;  // [path * years + year], when kept
  double at(const std::vector<double>& v, size_t p, size_t y, size_t years) const { return v[p * years + y]; }
};

struct Crossings {
  std::vector<double> a, b;  // per path: leaves the norm (a), meets the floor (b); ±infinity: never
};

class Replayer {
 public:
  Replayer(const CloseReplay& m, const FinanceTable& t, const SpendingQuery& q, const std::atomic<bool>* cancel);

  // Every path with `amount` × profile extra per year (Cancelled when the cancel flag is set);
  // `keep`: the per-path values; `crossings` (may be null): filled per path.
  Outcome run(double amount, bool keep, Crossings* crossings = nullptr);

  std::vector<double> profile, cum;  // factor per year, and its running sum
  std::vector<double> per_euro;      // 1 / cum (0 where cum is 0)
  size_t target = 0;                 // year index of the doeljaar
  int end_year = 0;
  int replays = 0;                   // replays so far
  size_t paths() const { return t_.paths(); }
  size_t years() const { return t_.years(); }

 private:
  void check_cancel() const;
  const CloseReplay& m_;
  const FinanceTable& t_;
  const std::atomic<bool>* cancel_;
};

}  // namespace swv::spending_detail
