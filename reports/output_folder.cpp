// Folders that may hold result sets and the record of a folder's swvsim files (output_folder.h).
#include "output_folder.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "atomic_file.h"
#include "diagnostics.h"

namespace swv {

namespace fs = std::filesystem;

namespace {

// The folder with symbolic links resolved as far as it exists ("" when that fails).
fs::path resolved(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return {};
  if (p.has_relative_path() && p.filename().empty()) p = p.parent_path();
  return p;
}

// The user's home folder: $HOME, and the password database's (they differ under sudo or su).
std::vector<fs::path> homes() {
  std::vector<fs::path> out;
  if (const char* h = std::getenv("HOME"); h && *h) out.push_back(resolved(h));
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir) out.push_back(resolved(pw->pw_dir));
  return out;
}

}  // namespace

void refuse_unsafe_folder(const std::string& dir) {
  const fs::path p = resolved(dir);
  if (p.empty()) return;  // creating it will say what is wrong
  const std::string shown = escape_controls(dir);
  if (p == p.root_path())
    throw RefusedFolder("uitvoermap " + shown + " is de hoofdmap van het systeem (/); swvsim schrijft zijn resultaten in een eigen map: "
                        "kies die met --uit, bijvoorbeeld --uit uitvoer/naam");
  for (const fs::path& home : homes())
    if (!home.empty() && p == home)
      throw RefusedFolder("uitvoermap " + shown + " is je thuismap zelf; swvsim schrijft zijn resultaten in een eigen map: kies er een "
                          "daarbinnen met --uit, bijvoorbeeld --uit " + escape_controls((home / "uitvoer").string()));
}

std::set<std::string> read_record(const std::string& dir) {
  std::set<std::string> names;
  std::ifstream in(fs::path(dir) / kRecordName);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#' && line.find('/') == std::string::npos && line != "." && line != "..") names.insert(line);
  return names;
}

std::string record_text(const std::set<std::string>& names) {
  std::string text =
      "# swvsim: de bestanden die swvsim in deze map schreef. Alleen deze vervangt of verwijdert een\n"
      "# volgende swvsim-opdracht; andere bestanden in de map blijven onaangeroerd (docs/cli-en-uitvoer.md).\n";
  for (const auto& n : names) text += n + "\n";
  return text;
}

std::vector<std::string> foreign_files(const std::string& dir, const std::vector<std::string>& names, const std::set<std::string>& recorded) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    struct stat st {};
    if (!recorded.count(n) && ::lstat((fs::path(dir) / n).c_str(), &st) == 0) out.push_back(n);
  }
  return out;
}

void throw_foreign(const std::string& dir, const std::vector<std::string>& foreign) {
  std::string list;
  for (const auto& n : foreign) list += (list.empty() ? "" : ", ") + escape_controls(n);
  const bool one = foreign.size() == 1;
  throw EnvironmentError("uitvoermap " + escape_controls(dir) + " bevat al " + list + (one ? ", dat" : ", die") +
                         " swvsim daar niet zelf heeft vastgelegd (een eigen bestand, of een resultaat van een oudere swvsim zonder " +
                         kRecordName + "); swvsim vervangt alleen zijn eigen bestanden: kies een andere map met --uit, of verplaats of verwijder " +
                         (one ? "dat bestand" : "die bestanden"));
}

}  // namespace swv
