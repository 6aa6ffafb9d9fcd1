#pragma once
// What run and samenvoegen share (swvsim.cpp, scale_cmds.cpp): the progress bar of a long run, and
// writing the run's result set (resultaat.json and the reports) into its output folder.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli_common.h"
#include "finance_table.h"
#include "output_set.h"
#include "mc.h"
#include "result.h"

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

// Writes the result set of `r` (of scenario `sc`) into `set`: resultaat.json always, the reports of
// ro.formats, a Monte-Carlo result with the deterministic plan beside it; swaps it in, then prints
// the table (unless --stil), the precision reached (precision on demand) and the files. Returns kOk.
// The kaderbrief figure (unless ro.kaderbrief is off) comes from `finance`, the paths the run
// recorded; without it (samenvoegen) from the first paths simulated once more.
int write_run_result(OutputSet& set, const Scenario& sc, const Result& r, const RunOptions& ro, const FinanceTable* finance = nullptr);

}  // namespace swv::cli
