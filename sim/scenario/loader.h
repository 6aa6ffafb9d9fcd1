#pragma once
// Loading a scenario: read the file and its chain of bases, check each file against the schema,
// merge the variants, read the funding rules, and resolve everything into a Scenario. Every error
// of every file is collected; the scenario is returned only when there are none.
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

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

// Internal steps, exposed for tests. `root_base_keys`: the key paths of the root of the basis chain
// (see resolve_stream_collisions); null for a single file.
void build_scenario(const MNode& root, const std::string& rules_dir, Scenario& out, Diagnostics& diags,
                    const std::unordered_set<std::string>* root_base_keys = nullptr);
void load_rules(const std::string& path, Sector sector, Rules& out, Diagnostics& diags);
// Value (number, per-year table or distribution) from a validated node.
Value value_of(const MNode& node);
YearTable year_table_of(const toml::node& node);
// Makes the random stream ids of a scenario distinct (32-bit FNV-1a collides about once in 2^32
// pairs: two inputs would silently draw the same numbers, perfectly correlated). Of the keys that
// share an id, or take one reserved by the engine (index, demography, flows), the first in this
// order keeps it: keys present in the root of the basis chain before the others (so a variant keeps
// its base's draws), then by key text. Each other key gets stream_id(key + "#1"), "#2", ... the
// first id no other key of the scenario uses. Keys without a collision keep their id. Only streams
// that are drawn count: random values (not risk impacts, drawn on their risk's stream), shocks of
// posts with onzekerheid > 0, risks. Returns the keys that got a new id.
std::vector<std::string> resolve_stream_collisions(Scenario& sc, const std::unordered_set<std::string>* root_base_keys = nullptr);

}  // namespace swv
