#pragma once
// The controller's workbook (.xlsx, libxlsxwriter): sheets Samenvatting, MJB (classic layout with
// formulas), Percentielen, Kansen, Risico's, Invoer, MJB-lijst; numbers stored as numbers with € and %
// formats; a native Excel chart of the equity against the signaleringswaarde and the ondergrens; every
// sheet set up for printing. Written completely or not at all.
#include <string>

#include "report_input.h"

namespace swv {

// Writes the workbook to `path` (temporary file in the same folder, then rename). Throws
// std::runtime_error with a Dutch message on failure.
void write_xlsx(const ReportInput& in, const std::string& path);

}  // namespace swv
