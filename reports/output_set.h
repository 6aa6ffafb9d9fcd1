#pragma once
// Result sets: the files of one command replace the previous set of an output folder as a whole
// (docs/cli-en-uitvoer.md, "Result sets"). Failures the system reports are EnvironmentError
// (atomic_file.h): the CLI exits 4 for them.
#include <set>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "output_folder.h"

namespace swv {

// The result set of one command in one output folder (docs/cli-en-uitvoer.md, "Result sets").
//  * The constructor refuses `/` and the home folder (RefusedFolder, output_folder.h), creates the
//    folder, takes its lock (`.swvsim.lock`, flock; a second run on the same folder is refused with
//    EnvironmentError), removes temporaries of killed runs and parts (part_files.h) and reads the
//    folder's record of swvsim files (`.swvsim.set`, output_folder.h).
//  * `expected` (the files the run will write) is checked up front: one that exists but is not
//    recorded is the user's, and the constructor refuses (EnvironmentError) before any computing.
//    commit() checks that again for the files staged.
//  * Files are written into a staging folder `.swvsim-tmp-<pid>/` inside it (write / path_for).
//  * commit() swaps them in: with signals blocked, each old file is kept as a hard link, the new
//    one renamed over it; if any step fails, the old files are put back and the error thrown.
//    Files of the set's `family` that this run did not write are removed when the record lists them
//    (they belong to the old set); unrecorded ones are the user's and stay. The new record (the
//    folder's other sets' files, and this set's) is swapped in with the files.
//  * Without commit (an error, Ctrl-C) the destructor removes the staging folder: nothing changed;
//    a folder the constructor created is removed again.
class OutputSet {
 public:
  OutputSet(const std::string& dir, std::vector<std::string> family, const std::vector<std::string>& expected = {});
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
  // Refuses (EnvironmentError naming them) when any of `names` exists in the folder unrecorded.
  void expect(const std::vector<std::string>& names) const;
  std::string dir_, staging_;
  std::string created_;  // the top-most folder this run created, if any
  std::vector<std::string> family_, staged_;
  std::set<std::string> recorded_;  // the folder's record when the lock was taken
  int lock_fd_ = -1;
  bool committed_ = false;
};

}  // namespace swv
