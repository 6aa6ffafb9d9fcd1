#pragma once
// No machine paths in reports: a file is named relative to the scenario's folder ("voorbeeld-po.toml",
// "regels/eigen.toml", "../gedeeld/basis.toml"), a built-in rules file as "ingebouwd: po-2026.toml",
// so a report read elsewhere never shows a user's home folder. Formatting only.
#include <string>
#include <vector>

#include "result.h"

namespace swv {

// `file` (as opened, absolute or relative to the working folder) relative to the folder of `scenario`.
std::string scenario_relative(const std::string& file, const std::string& scenario);
// A message with every path of an existing file in it replaced by scenario_relative (warnings carry
// the file as it was opened: "/home/…/voorbeeld-po.toml:12: waarschuwing: …").
std::string without_machine_paths(const std::string& text, const std::string& scenario);

// The run's warnings without machine paths (every report writes these).
std::vector<std::string> report_warnings(const Result& r);
// An input file of the run as a report names it: relative paths stay, an absolute one becomes
// relative to the scenario's folder; the scenario itself is its file name.
std::string report_file(const Result& r, const std::string& path);

}  // namespace swv
