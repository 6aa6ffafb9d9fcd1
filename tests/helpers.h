#pragma once
// Test helpers shared by every test file: temporary folders, the minimal scenario and rules texts,
// loading scenario text, reading a file, and running a process (the swvsim binary or a shell command).
#include <string>
#include <vector>

#include "loader.h"
#include "result.h"

namespace swv::test {

// A fresh temporary folder per call.
std::string temp_dir();
// Writes `content` to dir/name and returns the path.
std::string write(const std::string& dir, const std::string& name, const std::string& content);
// Loads a scenario from text (written to a temp folder as scenario.toml, with the given rules
// text written beside it as regels.toml when not empty).
LoadResult load_text(const std::string& scenario, const std::string& rules = "");
// All formatted errors joined by "\n".
std::string errors(const LoadResult& r);
// The whole file as bytes (empty when missing or unreadable).
std::string slurp(const std::string& path);
// Every occurrence of `from` in `s` replaced by `to`.
void replace_all(std::string& s, const std::string& from, const std::string& to);
// Runs a shell command; returns its exit code (-1 when it did not exit normally).
int run_shell(const std::string& cmd);
// Runs a shell command and returns what it wrote to standard output (throws when it cannot start).
std::string run_output(const std::string& cmd);
// Runs the swvsim binary with `args`, stdout and stderr to `out`; returns the exit code.
int run_cli(const std::string& args, const std::string& out = "/dev/null");
// A po scenario without policy rules (nothing reacts to equity): income 2,000,000, costs
// N(1,950,000, sd^2) drawn once per path, start equity 250,000, regels.toml (kRulesPo).
std::string random_walk_scenario(int last_year, const std::string& sd, const std::string& floor, int paths, int seed = 7);
// Project paths.
std::string source_path(const std::string& rel);
// A result's line by code (fails the test when absent) and a series' means by key.
const swv::LineResult& line_of(const swv::Result& r, const std::string& code);
std::vector<double> series_of(const swv::Result& r, const std::string& key);

// Formatted diagnostics of one severity with the folder of each file removed (also where a path is
// quoted inside the message, e.g. "eerder: scenario.toml:12").
std::vector<std::string> messages(const swv::LoadResult& r, swv::Severity severity = swv::Severity::Error);
// kMinimalPo with one line replaced (1-based), so a mistake keeps its line number.
std::string po_with_line(int line, const std::string& text);

// Minimal valid rules text for po (and vo), with round amounts for hand computation.
extern const char* kRulesPo;
extern const char* kRulesVo;
// The one minimal valid po scenario (11 lines: appended text starts on line 12), using
// regels = "regels.toml" (kRulesPo). Tests build their cases from it instead of pasting it.
extern const char* kMinimalPo;

}  // namespace swv::test
