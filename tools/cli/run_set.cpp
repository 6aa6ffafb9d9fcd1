#include "run_set.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <system_error>

#include "csv_writer.h"
#include "decision_report.h"
#include "deterministic.h"
#include "format_nl.h"
#include "html_report.h"
#include "json_writer.h"
#include "kaderbrief.h"
#include "md_report.h"
#include "report_text.h"
#include "table_writer.h"
#include "xlsx_report.h"

namespace swv::cli {

ProgressBar::ProgressBar(const Progress& p) : p_(p) {
  try {
    thread_ = std::thread([this] { loop(); });
  } catch (const std::system_error&) {  // no thread to be had: no bar
  }
}

ProgressBar::~ProgressBar() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> l(m_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
  if (shown_) std::cerr << "\r" << std::string(72, ' ') << "\r" << std::flush;
}

void ProgressBar::loop() {
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> l(m_);
  while (!cv_.wait_for(l, std::chrono::milliseconds(200), [this] { return stop_; })) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double total = static_cast<double>(p_.total.load()), done = static_cast<double>(p_.done.load());
    if (secs < 1.0 || total <= 0) continue;
    const double f = std::min(1.0, done / total);
    const int width = 30, full = static_cast<int>(f * width);
    std::string bar = std::string(static_cast<size_t>(full), '#') + std::string(static_cast<size_t>(width - full), '.');
    std::string left = f > 0.02 ? ", nog ~" + num_nl(secs * (1 - f) / f) + " s" : "";
    std::cerr << "\r[" << bar << "] " << num_nl(100 * f) << "% van " << num_nl(total) << " paden" << left << "   " << std::flush;
    shown_ = true;
  }
}

const std::vector<std::string>& run_set_files() {
  static const std::vector<std::string> files = {"resultaat.json", "rapport.html",     "rapport.xlsx",
                                                 "resultaat.csv",  "resultaat-nl.csv", "samenvatting.md"};
  return files;
}

std::vector<std::string> run_set_files(const std::vector<std::string>& formats) {
  auto has = [&](const char* f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
  std::vector<std::string> files = {"resultaat.json"};
  if (has("html")) files.push_back("rapport.html");
  if (has("xlsx")) files.push_back("rapport.xlsx");
  if (has("csv")) files.push_back("resultaat.csv"), files.push_back("resultaat-nl.csv");
  if (has("md")) files.push_back("samenvatting.md");
  return files;
}

namespace {

// Writes the result set of a run into `set` (not yet swapped in). File names are fixed (never taken
// from the scenario), so nothing is written outside --uit. resultaat.json is written by every run
// (the contract), whatever --formaat says.
void write_run_set(OutputSet& set, const ReportInput& in, const std::vector<std::string>& formats) {
  auto has = [&](const char* f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
  set.write("resultaat.json", result_json(in.result, in.kaderbrief));
  if (has("html")) set.write("rapport.html", html_report(in));
  if (has("xlsx")) write_xlsx(in, set.path_for("rapport.xlsx")), set.done("rapport.xlsx");
  if (has("csv")) {
    set.write("resultaat.csv", results_csv(in, CsvDialect::Standard));
    set.write("resultaat-nl.csv", results_csv(in, CsvDialect::DutchExcel));
  }
  if (has("md")) set.write("samenvatting.md", markdown_summary(in));
}

}  // namespace

namespace {

// Page 1's kaderbrief figure: bestedingsruimte's answer to its default question (kaderbrief.h), in
// the run's mode, with the other mode's answer beside it (page 1 says where they differ in
// direction): the plan beside Monte Carlo, a Monte Carlo of at most kOtherModePaths paths beside
// the plan. Empty when the profile is 0 up to the last year (no amount can lower equity there).
constexpr int64_t kOtherModePaths = 2'000;

std::optional<SpendingRoom> kaderbrief_figure(const Scenario& sc, const Result& r, const RunOptions& ro, const FinanceTable* finance) {
  McOptions opt = ro.mc;
  opt.progress = nullptr;
  opt.finance = nullptr;
  try {
    SpendingRoom kb = r.mode == Mode::MonteCarlo ? (finance ? kaderbrief_room(sc, *finance, opt) : kaderbrief_room(sc, opt))
                                                 : deterministic_spending(sc, kaderbrief_query(sc));
    if (r.mode == Mode::MonteCarlo) {
      kb.other = deterministic_spending(sc, kaderbrief_query(sc)).recommended;
      kb.other_paths = 0;
    } else {
      Scenario mc = sc;
      mc.mode = Mode::MonteCarlo;
      mc.plan_risk_load = false;
      mc.paths = std::min<int64_t>(sc.paths, kOtherModePaths);
      kb.other = kaderbrief_room(mc, opt).recommended;
      kb.other_paths = static_cast<size_t>(mc.paths);
    }
    kb.other_given = true;
    return kb;
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

}  // namespace

RunAnswer complete_run(const Scenario& sc, Result r, const RunOptions& ro, const FinanceTable* finance) {
  RunAnswer a{std::move(r), std::nullopt, std::nullopt};
  // The reports also show the classic deterministic budget beside the Monte-Carlo means.
  if (a.result.mode == Mode::MonteCarlo) a.plan = run_deterministic(sc);
  if (ro.kaderbrief) a.kaderbrief = kaderbrief_figure(sc, a.result, ro, finance);
  return a;
}

RunAnswer compute_run(const LoadResult& lr, const RunOptions& ro, McOptions mc) {
  const Scenario& sc = *lr.scenario;
  if (sc.mode == Mode::Deterministic) return complete_run(sc, run_deterministic(sc, lr.diags.warnings()), ro);
  // The kaderbrief figure comes from the same simulation: the run records its first paths' year
  // inputs to the close (finance_table.h).
  std::optional<FinanceTable> finance;
  if (ro.kaderbrief) {
    finance.emplace(sc, kaderbrief_paths(mc.precision > 0 ? mc.max_paths : sc.paths));
    mc.finance = &*finance;
  }
  Result r;
  {
    std::optional<ProgressBar> bar;
    if (!ro.quiet && mc.progress && isatty(STDERR_FILENO)) bar.emplace(*mc.progress);
    r = run_monte_carlo(sc, lr.diags.warnings(), mc);
  }
  return complete_run(sc, std::move(r), ro, finance ? &*finance : nullptr);
}

int write_run_result(OutputSet& set, const Scenario& sc, const RunAnswer& a, const RunOptions& ro) {
  const Result& r = a.result;
  const std::optional<SpendingRoom>& kb = a.kaderbrief;
  write_run_set(set, a.report_input(sc), ro.formats);
  check_cancel();  // stopped while writing: the new set is dropped, the old one stays
  const std::vector<std::string> written = set.commit();
  if (!ro.quiet) std::cout << mjb_table(r, isatty(STDOUT_FILENO)) << "\n";
  if (!ro.quiet && kb) {
    std::cout << "Voor de kaderbrief: " << kaderbrief_sentence(*kb) << "\n";
    for (const std::string& n : kaderbrief_notes(*kb)) std::cout << n << "\n";
    std::cout << "\n";
  }
  if (!ro.quiet && r.precision.target > 0) {
    auto points = [](double se) { return num_nl(100 * se, se < 0.001 ? 3 : 2) + " procentpunt"; };
    std::cout << "Precisie: grootste standaardfout van de kansen " << points(r.precision.achieved) << " na " << int_nl(r.paths)
              << " paden (doel: ten hoogste " << points(r.precision.target) << "; "
              << precision_outcome(r) << ")\n\n";
  }
  std::cout << "Resultaten:\n";
  for (const auto& f : written) std::cout << "  " << shown(f) << "\n";
  return kOk;
}

}  // namespace swv::cli
