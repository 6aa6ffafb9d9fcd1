#pragma once
// The scenario room (sim/scenario): scenario file -> TOML tree -> validated, merged tree -> Scenario.
// This header is its way in: load_scenario reads a file and its chain of bases, checks each file
// against the schema (schema.h) on its own, merges the variants, reads the funding rules and
// resolves everything into a Scenario (scenario.h). Every error of every file is collected, in file
// order, with file, line and key; the Scenario is returned only when there are none. No I/O besides
// reading the files named; nothing is thrown for bad input.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "scenario.h"
#include "toml_tree.h"

namespace swv {

struct LoadOptions {
  std::string rules_dir;  // built-in rules ("po-2025"); empty = default_rules_dir()
  // The text of `path` itself instead of reading it (a variant not saved yet: swvsim verken). Its
  // bases and rules are read from disk as usual, relative to `path`'s folder; the result is what
  // loading a file at `path` with this text would give (messages, Scenario::files, sha256).
  std::optional<std::string> text = std::nullopt;
};

// The merged tree of a loaded scenario, with the parsed files it points into (kept alive together):
// what the files say after merging, each value with the file and line it came from (vergelijk).
struct MergedTree {
  std::vector<ParsedFile> files;
  MNode root;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set iff !diags.has_errors()
  Diagnostics diags;                 // errors and warnings, in file order
  std::shared_ptr<const MergedTree> tree;  // set with the scenario
};

LoadResult load_scenario(const std::string& path, const LoadOptions& options = {});

// The folder of the built-in rules files: $SWVSIM_REGELS if set, else PREFIX/share/swvsim/regels
// beside an installed executable (PREFIX/bin), else the source tree's scenarios/regels (compiled in).
std::string default_rules_dir();

// Reads one funding rules file (regels, section 9) on its own, for a scenario of `sector`: checks it
// against the rules schema and fills `out`; errors go to `diags` (`out` is complete only without).
void load_rules(const std::string& path, Sector sector, Rules& out, Diagnostics& diags);

}  // namespace swv
