#pragma once
// Loading a scenario: read the file and its chain of bases, check each file against the schema,
// merge the variants, read the funding rules, and resolve everything into a Scenario. Every error
// of every file is collected; the scenario is returned only when there are none.
#include <memory>
#include <optional>
#include <string>

#include "diagnostics.h"
#include "scenario.h"
#include "toml_tree.h"

namespace swv {

struct LoadOptions {
  std::string rules_dir;  // built-in rules ("po-2025"); empty = default_rules_dir()
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

// Internal steps, exposed for tests.
void build_scenario(const MNode& root, const std::string& rules_dir, Scenario& out, Diagnostics& diags);
void load_rules(const std::string& path, Sector sector, Rules& out, Diagnostics& diags);
// Value (number, per-year table or distribution) from a validated node.
Value value_of(const MNode& node);
YearTable year_table_of(const toml::node& node);
// Stable id of a random stream from a key path (FNV-1a).
uint32_t stream_id(const std::string& key);

}  // namespace swv
