#pragma once
// CSV for spreadsheets and scripts: one long table (part, key, name, year, value, begroot,
// percentiles, standard error). Two dialects: standard (comma, decimal point; resultaat.csv, for
// scripts: text exactly as in the scenario, RFC 4180 quoting) and Dutch Excel (semicolon, decimal
// comma, UTF-8 byte-order mark; resultaat-nl.csv, for Excel): there, text cells that a spreadsheet
// would read as a formula (starting with = + - @, tab or carriage return) are neutralised with a
// leading quote (docs/keuzes.md: a guard that changes the data belongs only in the file a
// spreadsheet opens; a script reading a code "+4.1" must get "+4.1").
#include <string>

#include "report_input.h"

namespace swv {

enum class CsvDialect { Standard, DutchExcel };

std::string results_csv(const ReportInput& in, CsvDialect dialect);
// A text cell quoted when needed; with guard_formulas made safe for spreadsheets (formula injection).
std::string csv_text(const std::string& s, char separator, bool guard_formulas = true);

}  // namespace swv
