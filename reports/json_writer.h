#pragma once
// resultaat.json (docs/cli-en-uitvoer.md): the machine-readable contract scripts depend on.
#include <string>

#include "result.h"

namespace swv {
std::string result_json(const Result& r);
}  // namespace swv
