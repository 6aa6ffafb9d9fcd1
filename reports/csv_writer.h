#pragma once
// CSV for spreadsheets and scripts: one long table (part, key, name, year, value, begroot,
// percentiles, standard error). Two dialects: standard (comma, decimal point) and Dutch Excel
// (semicolon, decimal comma, UTF-8 byte-order mark). Text cells that a spreadsheet would read as a
// formula (starting with = + - @, tab or carriage return) are neutralised with a leading quote.
#include <string>

#include "report_input.h"

namespace swv {

enum class CsvDialect { Standard, DutchExcel };

std::string results_csv(const ReportInput& in, CsvDialect dialect);
// A text cell made safe for spreadsheets (formula injection) and quoted when needed.
std::string csv_text(const std::string& s, char separator);

}  // namespace swv
