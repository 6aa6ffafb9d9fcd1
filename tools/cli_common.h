#pragma once
// Shared pieces of the swvsim commands (swvsim.cpp, decision_cmds.cpp): input errors, loading with
// every message printed, Ctrl-C handling, output folders and formats.
#include <atomic>
#include <boost/program_options.hpp>
#include <cstdint>
#include <optional>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "loader.h"
#include "mc.h"

namespace swv::cli {

constexpr int kOk = 0, kInput = 2, kInternal = 3, kInterrupted = 130;  // 130 = 128 + SIGINT, as shells do

// Bad command-line input: printed as "swvsim: fout: ...", exit 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Set by Ctrl-C (install_sigint); runs poll it between blocks of paths.
extern std::atomic<bool> g_cancel;
void install_sigint();
void restore_sigint();

void print_diagnostics(const Diagnostics& d);
// Loads and prints every error and warning; the scenario is set only when there are no errors.
LoadResult load_or_report(const std::string& file);
// A folder name from a scenario name: lower-case letters, digits and '-' only (never a path).
std::string slug(const std::string& name);

// Parses --formaat ("json,html") against the allowed list; empty text = all.
std::vector<std::string> parse_formats(const std::string& text, const std::vector<std::string>& allowed);
// A Boost.Program_options error in Dutch ("onbekende optie --foo", "optie --paden mist een waarde").
std::string option_error_nl(const std::exception& e);
// The options every simulating command shares (run and the decision commands): --paden --zaad
// --threads --uit --formaat --stil, checked here once.
struct RunOptions {
  std::optional<int64_t> paths;
  std::optional<uint64_t> seed;
  McOptions mc;  // threads; cancel set to g_cancel
  std::string dir;  // empty: the command's default folder
  std::vector<std::string> formats;
  bool quiet = false;
  // Applies --paden and --zaad (they override the scenario's [simulatie]).
  void apply(Scenario& sc) const;
};
boost::program_options::options_description run_options(const char* title, const std::vector<std::string>& formats);
RunOptions read_run_options(const boost::program_options::variables_map& vm, const std::vector<std::string>& formats);

// Creates the output folder (InputError when it cannot).
void make_dir(const std::string& dir);

}  // namespace swv::cli

namespace swv::cli {
// Loading failed; the messages are already printed (exit 2).
struct LoadFailed : std::runtime_error {
  LoadFailed() : std::runtime_error("scenario niet geladen") {}
};
}  // namespace swv::cli
