#pragma once
// What run, samenvoegen and verken share (swvsim.cpp, scale_cmds.cpp, verken_cmd.cpp): the progress
// bar of a long run, what a run computes, and writing the run's result set (resultaat.json and the
// reports) into its output folder.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli_common.h"
#include "finance_table.h"
#include "output_set.h"
#include "mc.h"
#include "report_input.h"
#include "result.h"
#include "spending.h"

namespace swv::cli {

// A progress bar on stderr while a Monte-Carlo run takes longer than a second (only on a terminal).
// A system that refuses its thread (thread_limit.h) gets no bar; the run goes on.
class ProgressBar {
 public:
  explicit ProgressBar(const Progress& p);
  ~ProgressBar();

 private:
  void loop();
  const Progress& p_;
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false, shown_ = false;
  std::thread thread_;
};

// The files of run's result set; samenvoegen writes the same set.
const std::vector<std::string>& run_set_files();
// The files a run with these --formaat values writes (resultaat.json always), for OutputSet::expect.
std::vector<std::string> run_set_files(const std::vector<std::string>& formats);

// What run computes: the result, the deterministic plan beside a Monte-Carlo result (the reports
// show both) and the kaderbrief figure (unless ro.kaderbrief is off). run writes it as its result
// set; verken answers with it (resultaat.json and page 1), so both give the same numbers.
struct RunAnswer {
  Result result;
  std::optional<Result> plan;
  std::optional<SpendingRoom> kaderbrief;
  ReportInput report_input(const Scenario& sc) const {
    return ReportInput{result, plan ? &*plan : nullptr, &sc, kaderbrief ? &*kaderbrief : nullptr};
  }
};

// Simulates the loaded scenario as run does (its options already applied to the scenario and `mc`:
// paths, seed, mode, precision): a Monte-Carlo run records its first paths' year inputs to the close
// (finance_table.h) and the kaderbrief figure replays them. A progress bar on a terminal unless
// ro.quiet (mc.progress set). Warnings the run found beyond the loader's are in result.warnings.
RunAnswer compute_run(const LoadResult& lr, const RunOptions& ro, McOptions mc);

// Completes a result simulated elsewhere (samenvoegen: the parts' merge) or by compute_run: the plan
// and the kaderbrief figure, from `finance` (the paths the run recorded) or, without it, from the
// first paths simulated once more.
RunAnswer complete_run(const Scenario& sc, Result r, const RunOptions& ro, const FinanceTable* finance = nullptr);

// Writes the result set of `a` (of scenario `sc`) into `set`: resultaat.json always, the reports of
// ro.formats; swaps it in, then prints the table (unless --stil), the kaderbrief sentence, the
// precision reached (precision on demand) and the files. Returns kOk.
int write_run_result(OutputSet& set, const Scenario& sc, const RunAnswer& a, const RunOptions& ro);

}  // namespace swv::cli
