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

// 4: the environment refused (a file or folder that cannot be read or written, a full disk, too
// little memory). Stopped by a signal: 128 + its number, as shells do (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).
constexpr int kOk = 0, kInput = 2, kInternal = 3, kEnvironment = 4, kInterrupted = 130;

// Bad command-line input: printed as "swvsim: fout: ...", exit 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Set by Ctrl-C, SIGTERM or SIGHUP (install_sigint); runs poll it between blocks of paths, and the
// result set is not swapped in once it is set. g_signal holds the signal's number.
extern std::atomic<bool> g_cancel;
extern std::atomic<int> g_signal;
void install_sigint();
// "Ctrl-C", "SIGTERM", "SIGHUP" for a message.
std::string signal_name(int sig);
// Throws Cancelled when a stop was asked for (before a result set is swapped in).
void check_cancel();

// Text for the terminal: each line with control, bidirectional and non-UTF-8 characters written
// as codes (escape_controls), the line breaks kept. File and folder names come from the user's
// system and may hold anything (an ESC[2J in --uit cleared the screen); every message, warning and
// file list the CLI prints goes through it.
std::string shown(const std::string& text);

// The options of a command plus its positional argument `positional`: one (count 1, read as a
// string) or several (count > 1 or -1 for any number, read as a vector of strings).
boost::program_options::variables_map parse_command(const std::vector<std::string>& args,
                                                    const boost::program_options::options_description& opts,
                                                    const char* positional, int count = 1);

void print_diagnostics(const Diagnostics& d);
// Loads and prints every error and warning; the scenario is set only when there are no errors.
LoadResult load_or_report(const std::string& file);
// A folder name from a scenario name: lower-case letters, digits and '-' only (never a path). Latin
// letters with diacritics become their base letters ("Fryslân" -> "fryslan"); when letters of other
// scripts are left out, the first 6 hex digits of the name's sha256 follow ("школа" -> "scenario-f399e8"),
// so two such names do not share (and replace each other's) default folder.
std::string slug(const std::string& name);

// Parses --formaat ("json,html") against the allowed list; not given (nullopt) = all; given but
// empty is an InputError.
std::vector<std::string> parse_formats(const std::optional<std::string>& text, const std::vector<std::string>& allowed);
// Parses --zaad: decimal digits only, 0 .. 2^64-1 ("-1" would otherwise wrap to 2^64-1).
uint64_t parse_seed(const std::string& text);
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
  bool kaderbrief = true;  // run: the kaderbrief figure on page 1 (off with --geen-kaderbrief)
  // Applies --paden and --zaad (they override the scenario's [simulatie]).
  void apply(Scenario& sc) const;
};
boost::program_options::options_description run_options(const char* title, const std::vector<std::string>& formats);
RunOptions read_run_options(const boost::program_options::variables_map& vm, const std::vector<std::string>& formats);

// --geheugen in MB as bytes (nullopt when not given): 1 to kMaxMemoryMb, else InputError. The bound
// keeps MB << 20 far from wrapping (2^44 MB was 0 bytes: silently the histograms).
constexpr int64_t kMaxMemoryMb = int64_t{1} << 24;  // 16 TB
std::optional<size_t> memory_budget(const boost::program_options::variables_map& vm);

// The Dutch hint for std::bad_alloc (exit 4).
std::string out_of_memory_message();

}  // namespace swv::cli

namespace swv::cli {
// Loading failed; the messages are already printed (exit 2).
struct LoadFailed : std::runtime_error {
  LoadFailed() : std::runtime_error("scenario niet geladen") {}
};
}  // namespace swv::cli
