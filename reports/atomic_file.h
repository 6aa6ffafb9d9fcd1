#pragma once
// Output files are written completely or not at all: write to a temporary name in the same
// folder, flush, then rename over the target (rename is atomic on POSIX file systems).
#include <string>

namespace swv {
// Throws std::runtime_error (Dutch message) when the file cannot be written.
void write_file_atomic(const std::string& path, const std::string& content);
}  // namespace swv

#include <functional>
namespace swv {
// For writers that need a file name (libxlsxwriter): `write(tmp)` writes the temporary file and
// throws (or returns a non-empty Dutch reason) on failure; then it is renamed over `path`. The
// temporary file never outlives a failure. Throws std::runtime_error naming `path`.
void write_via_temp(const std::string& path, const std::function<std::string(const std::string& tmp)>& write);
}  // namespace swv
