#pragma once
// Result sets: the files of one command replace the previous set of an output folder as a whole
// (docs/cli-en-uitvoer.md, "Result sets"). Failures the system reports are EnvironmentError
// (atomic_file.h): the CLI exits 4 for them.
#include <string>
#include <vector>

#include "atomic_file.h"

namespace swv {

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
