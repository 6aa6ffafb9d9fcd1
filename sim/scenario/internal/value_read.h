#pragma once
// Values and year tables read from a validated TOML tree: the one place that turns a node into a
// Value (number, per-year table or distribution) or a YearTable. The node must have passed
// validate_file; nothing here reports errors (ranges per year are checked later by check_value).
#include <toml++/toml.h>

#include "toml_tree.h"
#include "value.h"

namespace swv {

// A number or a table of years (keys of 4 digits) as a YearTable, points sorted by year.
YearTable year_table_of(const toml::node& node);

// The Value of a merged-tree node, with where it was written and the random stream of its key
// (stream_id of the key path; collisions are resolved after building).
Value value_of(const MNode& node);

}  // namespace swv
