#pragma once
// Output files are written completely or not at all: write to a temporary name in the same
// folder, flush, then rename over the target (rename is atomic on POSIX file systems).
#include <string>

namespace swv {
// Throws std::runtime_error (Dutch message) when the file cannot be written.
void write_file_atomic(const std::string& path, const std::string& content);
}  // namespace swv
