#pragma once
// A Markdown summary for e-mail and the terminal: the headline sentences, the traffic lights per
// year, and the buffer. Scenario text is escaped for Markdown tables.
#include <string>

#include "report_input.h"

namespace swv {

std::string markdown_summary(const ReportInput& in);

}  // namespace swv
