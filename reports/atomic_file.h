#pragma once
// Writing output: single files written completely or not at all (temporary name, fsync, rename);
// result sets that replace an output folder's previous set as a whole are in output_set.h.
// Failures the system reports (no permission, full disk, a folder where a file must go) are
// EnvironmentError with the reason in Dutch: the CLI exits 4 for them, not 3 ("interne fout").
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace swv {

// The environment refused (a file or folder that cannot be read or written, a full disk, too little
// memory). The message is complete Dutch text.
struct EnvironmentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The system's reason for an errno value in Dutch ("schijf vol", "geen toestemming", ...); unknown
// values give the English strerror text with the errno name.
std::string errno_nl(int err);
// EnvironmentError("<what>: <reason>").
[[noreturn]] void throw_environment(const std::string& what, int err);

// Writes `content` to `path` via a temporary name in the same folder (fsynced, then renamed over the
// target). Throws EnvironmentError naming the file.
void write_file_atomic(const std::string& path, const std::string& content);
// The same, but never replacing a file: false (and nothing written) when `path` already exists, also
// when it appears while writing (the complete file is linked in, link(2) refuses an existing name).
bool write_file_atomic_new(const std::string& path, const std::string& content);

// For writers that need a file name (libxlsxwriter): `write(tmp)` writes the temporary file and
// throws (or returns a non-empty Dutch reason) on failure; then it is fsynced and renamed over
// `path`. The temporary file never outlives a failure. Throws (EnvironmentError when the system
// refused, std::runtime_error otherwise) with a message naming `path`.
void write_via_temp(const std::string& path, const std::function<std::string(const std::string& tmp)>& write);

// Internal building blocks shared with output_set.cpp: create (truncate) `path` with `content`,
// fsynced (EnvironmentError naming `shown`); fsync a file or folder opened with `flags` (best effort).
namespace detail {
void write_new_file(const std::string& path, const std::string& content, const std::string& shown);
void fsync_path(const std::string& path, int flags);
}  // namespace detail

}  // namespace swv
