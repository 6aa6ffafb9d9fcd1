#pragma once
// Writing output: single files written completely or not at all (temporary name, fsync, rename),
// and result sets (OutputSet) that replace the previous set of an output folder as a whole.
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

// For writers that need a file name (libxlsxwriter): `write(tmp)` writes the temporary file and
// throws (or returns a non-empty Dutch reason) on failure; then it is fsynced and renamed over
// `path`. The temporary file never outlives a failure. Throws (EnvironmentError when the system
// refused, std::runtime_error otherwise) with a message naming `path`.
void write_via_temp(const std::string& path, const std::function<std::string(const std::string& tmp)>& write);

// The result set of one command in one output folder (docs/cli-en-uitvoer.md, "Result sets").
//  * The constructor creates the folder, takes its lock (`.swvsim.lock`, flock; a second run on the
//    same folder is refused with EnvironmentError) and removes temporaries of killed runs.
//  * Files are written into a staging folder `.swvsim-tmp-<pid>/` inside it (write / path_for).
//  * commit() swaps them in: with signals blocked, each old file is kept as a hard link, the new
//    one renamed over it; if any step fails, the old files are put back and the error thrown.
//    Files of the set's `family` that this run did not write are removed (they belong to the old set).
//  * Without commit (an error, Ctrl-C) the destructor removes the staging folder: nothing changed;
//    a folder the constructor created is removed again.
class OutputSet {
 public:
  OutputSet(const std::string& dir, std::vector<std::string> family);
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Writes `name` (a plain file name of the family) into the staging folder, fsynced.
  void write(const std::string& name, const std::string& content);
  // The staging path for a writer that opens the file itself; call done(name) after writing it.
  std::string path_for(const std::string& name);
  void done(const std::string& name);
  // Installs the staged files; returns their final paths in writing order.
  std::vector<std::string> commit();

  const std::string& dir() const { return dir_; }

 private:
  void before_write(const std::string& name);
  std::string dir_, staging_;
  std::string created_;  // the top-most folder this run created, if any
  std::vector<std::string> family_, staged_;
  int lock_fd_ = -1;
  bool committed_ = false;
};

}  // namespace swv
