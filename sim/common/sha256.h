#pragma once
// SHA-256 of a file or a string (FIPS 180-4), for provenance in reports: anyone can check that a
// result was made from exactly these scenario and rules files.
#include <string>

namespace swv {
std::string sha256_hex(const std::string& data);
std::string sha256_file(const std::string& path);  // "" when the file cannot be read
}  // namespace swv
