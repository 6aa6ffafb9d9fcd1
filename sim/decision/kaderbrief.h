#pragma once
// The kaderbrief figure on page 1 of `run`'s report: the extra yearly spending (negative: a cut)
// swvsim recommends, with what it does. It is bestedingsruimte's answer to the default question
// (doeljaar = the last year, spending up to it, zekerheid 90%, ondergrens-zekerheid 95%;
// spending.h holds the question and the kinds of answer), so both give the same amount for the
// same paths, and both modes answer the same question:
// - Monte Carlo: from the same simulation as the run (McOptions::finance records the first
//   kaderbrief_paths() paths' year inputs to the close; the figure replays only the close);
// - deterministic: on the plan itself (one path: each condition holds or not).
// The plan leaves the risks out (they are the verwachte risicolast): the answer carries that load
// per year so page 1 can name it, unless the plan carried it (run --met-risicolast).
#include <cstdint>

#include "finance_table.h"
#include "mc.h"
#include "scenario.h"
#include "spending.h"

namespace swv {

// The figure uses at most this many paths (the first ones of the run): beyond it the answer's
// Monte-Carlo error is far below the spread it describes, and the table stays within 100-200 MB.
constexpr int64_t kKaderbriefMaxPaths = 100'000;

// The default question for `sc`.
SpendingQuery kaderbrief_query(const Scenario& sc);

// The paths the figure of a Monte-Carlo run of `paths` paths uses: the first min(paths, cap).
size_t kaderbrief_paths(int64_t paths);

// Monte Carlo: the answer on `table`, recorded by the run of `sc` (sc as given to the run, not
// prepared). Cancelled when opt.cancel is set.
SpendingRoom kaderbrief_room(const Scenario& sc, const FinanceTable& table, const McOptions& opt);

// Monte Carlo without a recorded table (samenvoegen: the parts ran elsewhere): simulates the first
// kaderbrief_paths(sc.paths) paths once, then as above; the same answer as the single run's.
SpendingRoom kaderbrief_room(const Scenario& sc, const McOptions& opt);

// The plan's answer to `q` (probabilities 0 or 1, standard errors NaN, paths 0). Throws
// std::invalid_argument like solve_spending for a question outside the planperiode.
SpendingRoom deterministic_spending(const Scenario& sc, const SpendingQuery& q);

}  // namespace swv
