#pragma once
// The decision-support commands (docs/beslisondersteuning.md). Each returns the exit code and
// throws cli::InputError for bad options.
#include <string>
#include <vector>

namespace swv::cli {

int cmd_compare(const std::vector<std::string>& args);      // vergelijk BASIS VARIANT...
int cmd_sensitivity(const std::vector<std::string>& args);  // gevoeligheid BESTAND
int cmd_spending(const std::vector<std::string>& args);     // bestedingsruimte BESTAND --doeljaar J
int cmd_buffer(const std::vector<std::string>& args);       // weerstandsvermogen BESTAND

}  // namespace swv::cli
