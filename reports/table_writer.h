#pragma once
// The meerjarenbegroting as a terminal table: lines × years in "€ 1.234.567", totals, equity
// against the signaleringswaarde, and the flags marked.
#include <string>

#include "result.h"

namespace swv {
std::string mjb_table(const Result& r, bool color = false);
}  // namespace swv
