#pragma once
// Which folders may hold result sets, and which files in one belong to swvsim (docs/cli-en-uitvoer.md,
// "Result sets"). A folder may hold the user's own files beside a set, even under a set's names
// (a resultaat.csv of their own, in a folder that never held a set): swvsim replaces or removes only
// files that a swvsim set wrote there and recorded in the folder's record `.swvsim.set`.
//
//  * refuse_unsafe_folder: `/` and the user's home folder itself never hold a set (--uit / or --uit ~
//    is a slip; a set there would sit among everything the user has). RefusedFolder: exit 2.
//  * The record lists the file names of every set in the folder, one per line (a folder can hold the
//    sets of several commands). OutputSet reads it under the folder's lock and installs the new
//    record with the set, in the same swap and journal, so files and record never disagree.
//  * A file of the set's names that exists but is not recorded is the user's: a run that would write
//    it refuses (EnvironmentError, exit 4) before computing and again before the swap; a file the
//    run would only remove (another --formaat) is left alone.
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace swv {

// An output folder that must never hold a result set (the CLI exits 2: the option is wrong).
struct RefusedFolder : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws RefusedFolder when `dir` is the root folder or the home folder itself (symbolic links
// followed, so `/home/x/.` and a link to it count too).
void refuse_unsafe_folder(const std::string& dir);

// The record's name in an output folder.
inline constexpr const char* kRecordName = ".swvsim.set";

// The names in the record of `dir` (empty when there is none). Only plain names: a line with a '/'
// or starting with '#' is skipped.
std::set<std::string> read_record(const std::string& dir);
// The record's text for `names`.
std::string record_text(const std::set<std::string>& names);

// Of `names`, those that exist in `dir` (any kind of file) but are not in `recorded`: the user's.
std::vector<std::string> foreign_files(const std::string& dir, const std::vector<std::string>& names, const std::set<std::string>& recorded);
// The EnvironmentError for them (exit 4), naming each and what to do.
[[noreturn]] void throw_foreign(const std::string& dir, const std::vector<std::string>& foreign);

}  // namespace swv
