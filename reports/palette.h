#pragma once
// The report colours, defined once for the HTML charts (svg_chart.cpp) and the Excel workbook
// (xlsx_*.cpp): one colour per norm line everywhere (signaleringswaarde orange, ondergrens red,
// streefvermogen and targets green), the equity bands and median, and the traffic-light fills.
// The values equal the CSS variables of html_style.h (--orange, --red, --green, --band90, --band50,
// --median); tests/reports/test_xlsx_layout.cpp checks that they stay equal.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace swv::palette {

using Rgb = uint32_t;  // 0xRRGGBB, as libxlsxwriter's lxw_color_t

// Norm lines (dashed in every chart).
inline constexpr Rgb kSignal = 0xB86200;  // signaleringswaarde
inline constexpr Rgb kFloor = 0xB3141B;   // ondergrens
inline constexpr Rgb kTarget = 0x1E7B34;  // streefvermogen, participation target (doel)

// Equity bands and median.
inline constexpr Rgb kBand90 = 0xC9DCF2;  // P5–P95
inline constexpr Rgb kBand50 = 0x8FB5E3;  // P25–P75
inline constexpr Rgb kMedian = 0x1F4E8C;  // P50
inline constexpr Rgb kInk = 0x1D2733;

// Traffic-light fills for spreadsheet cells, always next to or inside a word (groen, oranje, rood):
// colour is never the only carrier. Their lightness falls from groen to rood (relative luminance
// about 0,82, 0,70 and 0,44), so the three stay apart in grey and for red-green colour blindness;
// the text on them is kInk.
inline constexpr Rgb kFillGreen = 0xD8EFDE;
inline constexpr Rgb kFillOrange = 0xFCD49B;
inline constexpr Rgb kFillRed = 0xF19A9C;

// Light grey for group rows (baten, kortingen, lasten) and header rows.
inline constexpr Rgb kFillGroup = 0xF1F4F8;

// "#b86200": the CSS form of a colour.
inline std::string css(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c & 0xFFFFFF));
  return buf;
}

// The colour of a reference line by its chart class (svg_chart's ChartLine::css_class): "signal",
// "floor", "target"; 0 (none) for any other class.
inline Rgb norm_colour(std::string_view css_class) {
  if (css_class == "signal") return kSignal;
  if (css_class == "floor") return kFloor;
  if (css_class == "target") return kTarget;
  return 0;
}

}  // namespace swv::palette
