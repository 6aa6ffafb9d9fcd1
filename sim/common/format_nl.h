#pragma once
// Dutch number formatting shared by messages and reports: money "€ 1.234.567", percentages
// "3,5%", and plain numbers as a user writes them in TOML ("0.035") for error messages.
#include <cstdint>
#include <string>

namespace swv {

// "€ 1.234.567" (rounded to whole euros; negative "€ -1.234.567").
std::string euro(double amount);
// "1.234.567" with the given number of decimals and a decimal comma ("12.345,6").
std::string num_nl(double x, int decimals = 0);
// "3,5%" for 0.035 (decimals after the comma, trailing zeros kept).
std::string pct(double fraction, int decimals = 1);
// Shortest round-trip-ish text of a number as written in TOML ("0.035", "2450000", "nan").
std::string num_plain(double x);
// A parameter as a Dutch reader writes it: "0,0068", "1.500.000", "-0,005" (no trailing zeros).
std::string num_short(double x);
// Like pct, with enough decimals to show small shares ("0,02%").
std::string pct_plain(double fraction);
// A number the user wrote, echoed exactly: the shortest text that reads back as the same double
// ("1.0000000001", "0.035", "1e20"), so a message never rounds a wrong value onto its limit; an
// exponent as a scenario writes it ("1e13", not C's "1e+13").
std::string num_exact(double x);
// A whole number with Dutch thousands separators ("10.000.000.000.001", "-9.223.372.036.854.775.808").
std::string int_nl(int64_t x);

}  // namespace swv
