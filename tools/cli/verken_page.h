#pragma once
// swvsim verken's page: the controls (verken_controls.h) beside page 1 of the report
// (html::board_summary, the report's own function, and html::equity_chart), with the report's
// stylesheet and the page's script and stylesheet, all served by the program (verken_assets.h).
// The page holds no scenario text unescaped; its only script is /verken.js.
#include <string>
#include <string_view>

#include "verken_variant.h"

namespace swv::cli {

// What one computation shows: page 1 and the equity chart (HTML fragments).
struct PageParts {
  std::string summary;  // html::board_summary: the element with id="kaderbrief-bedrag" is in here
  std::string chart;    // html::equity_chart
};

// The whole page for the base (GET /).
std::string verken_page(const VerkenBase& base, bool monte_carlo, const PageParts& parts);

// The served assets.
std::string_view verken_script();
std::string_view verken_style();
std::string report_style();

}  // namespace swv::cli
