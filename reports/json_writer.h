#pragma once
// resultaat.json (docs/cli-en-uitvoer.md): the machine-readable contract scripts depend on.
#include <string>

#include "result.h"
#include "spending.h"

namespace swv {
// `kaderbrief` (may be null): page 1's figure, written as the object `kaderbrief` (docs/cli-en-uitvoer.md).
std::string result_json(const Result& r, const SpendingRoom* kaderbrief = nullptr);
}  // namespace swv
