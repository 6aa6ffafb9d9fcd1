#pragma once
// swvsim nieuw: a complete, commented scenario from a controller's answers (docs/starten.md).
#include <string>
#include <vector>

namespace swv::cli {

// nieuw [--antwoorden F] [--voorbeeld-antwoorden [--sector vo]] [--uit F] [--overschrijf]; the exit code.
int cmd_new(const std::vector<std::string>& args);

}  // namespace swv::cli
