#pragma once
// Building: the merged, validated tree of a scenario turned into a Scenario (internal to the
// scenario room; load_scenario in loader.h is the way in). Cross-checks that need the whole
// scenario (codes, groups, rules sections, ranges per year of the planperiode, rate sums) are
// reported here, in the order of the contract's sections.
#include <string>
#include <unordered_set>
#include <vector>

#include "diagnostics.h"
#include "scenario.h"
#include "toml_tree.h"

namespace swv {

// Fills `out` (whose `files` are set) from the merged `root`; errors and warnings go to `diags`.
// `root_base_keys`: the key paths of the root of the basis chain (see resolve_stream_collisions);
// null for a single file. `out` is complete only when no error was added.
void build_scenario(const MNode& root, const std::string& rules_dir, Scenario& out, Diagnostics& diags,
                    const std::unordered_set<std::string>* root_base_keys = nullptr);

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
