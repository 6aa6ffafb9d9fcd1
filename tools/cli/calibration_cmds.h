#pragma once
// The calibration commands (docs/kalibratie.md, docs/cli-en-uitvoer.md). Each returns the exit
// code and throws cli::InputError for bad options.
#include <string>
#include <vector>

namespace swv::cli {

int cmd_calibrate(const std::vector<std::string>& args);  // kalibreer HISTORIE.csv
int cmd_backtest(const std::vector<std::string>& args);   // terugtoets HISTORIE.csv

}  // namespace swv::cli
