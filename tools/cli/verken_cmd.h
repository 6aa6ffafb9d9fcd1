#pragma once
// swvsim verken: a local what-if page on the engine for a board meeting (docs/verken.md). Serves
// page 1 of the report beside controls for the assumptions a board discusses; every change is
// recomputed as `swvsim run` would on a variant file with that change (verken_server.h).
#include <string>
#include <vector>

namespace swv::cli {

// verken SCENARIO [--poort N] [--paden P] [--zaad Z] [--threads T]: prints http://127.0.0.1:PORT/
// as the first line on stdout and serves until Ctrl-C (exit 130) or SIGTERM (exit 143).
int cmd_verken(const std::vector<std::string>& args);

}  // namespace swv::cli
