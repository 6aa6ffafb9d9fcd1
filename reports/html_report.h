#pragma once
// The HTML report: one self-contained file (inline CSS and SVG, no scripts, no network) with the
// summary and traffic lights, fan charts, the MJB, risks and buffer, policy rules, and the method.
// All scenario text is escaped. Prints to a clean A4 PDF from a browser.
#include <string>

#include "report_input.h"

namespace swv {

std::string html_report(const ReportInput& in);

}  // namespace swv
