#pragma once
// "Wat verandert dit scenario": every key and year whose resolved value differs between a base and
// a variant, read from the merged trees (after each file's chain of bases is applied), each change
// with the file and line where the variant's value is written.
#include <string>
#include <vector>

#include "diagnostics.h"
#include "toml_tree.h"

namespace swv {

struct ChangeYear {
  int year = 0;  // 0: the key has no per-year value (text, switch, list)
  std::string base, variant;  // as a reader writes them ("0,012", "normaal(gemiddelde 0,01; sd 0,005)")
};

struct Change {
  std::string key;  // canonical key path ("post[3.1].bedrag", "krimp.groei")
  Where where;      // where the variant's value is written (the base's when the variant removes it)
  std::vector<ChangeYear> years;
};

// The differences from `base` to `variant` for the years [first, last]. Keys that only point to a
// file's base (basis) are no change.
std::vector<Change> scenario_changes(const MNode& base, const MNode& variant, int first, int last);

}  // namespace swv
