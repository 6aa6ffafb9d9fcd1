// Result sets (OutputSet): the files of one command staged, then swapped into the output folder as a
// whole under a lock, with a journal so that a run killed mid-swap is finished by the next one.
#include "output_set.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "output_folder.h"
#include "part_files.h"

namespace swv {

namespace fs = std::filesystem;
using detail::fsync_path;
using detail::write_new_file;

namespace {

// An absolute, normalised folder path without a trailing separator.
fs::path folder_path(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec).lexically_normal();
  if (p.has_relative_path() && p.filename().empty()) p = p.parent_path();
  return p;
}

// Whether process `pid` no longer exists.
bool pid_dead(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

constexpr const char* kLockName = ".swvsim.lock";
constexpr const char* kStagingPrefix = ".swvsim-tmp-";
constexpr const char* kJournal = ".commit";  // in the staging folder: every file complete, swap started
constexpr const char* kOld = ".oud";         // in the staging folder: the old files while swapping

// Test hook, documented in docs/cli-en-uitvoer.md: SWVSIM_TEST_INJECT=fail-after:N makes the (N+1)th
// file of a set fail as on a full disk; signal-after:N:SIG raises signal SIG before it. Only an
// exact value does anything.
struct Inject {
  enum Kind { None, Fail, Signal } kind = None;
  size_t after = 0;
  int sig = 0;
};
Inject read_inject() {
  Inject in;
  const char* v = std::getenv("SWVSIM_TEST_INJECT");
  if (!v) return in;
  const std::string s(v);
  unsigned long n = 0;
  int sig = 0;
  char tail = 0;
  if (std::sscanf(s.c_str(), "fail-after:%lu%c", &n, &tail) == 1) in.kind = Inject::Fail, in.after = n;
  else if (std::sscanf(s.c_str(), "signal-after:%lu:%d%c", &n, &sig, &tail) == 2 && sig > 0 && sig < 65)
    in.kind = Inject::Signal, in.after = n, in.sig = sig;
  return in;
}

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.push_back(l);
  return out;
}

// A staging folder left by a killed run. With a journal every new file was complete when the swap
// began: finish it (the files still staged go in, the listed removals are done), so the folder holds
// the new set, not a mix. Without one nothing had changed: just remove it.
// A journal of a version before the record (no "+ .swvsim.set") may list a user's file to remove:
// those versions removed every file of a set's names. Its removals are skipped.
void recover_stale(const fs::path& dir, const fs::path& staging) {
  std::error_code ec;
  const auto journal = lines_of((staging / kJournal).string());
  const bool recorded = std::find(journal.begin(), journal.end(), std::string("+ ") + kRecordName) != journal.end();
  for (const auto& line : journal) {
    if (line.size() < 3 || line.find('/') != std::string::npos) continue;
    const std::string name = line.substr(2);
    if (line[0] == '+' && fs::exists(staging / name, ec)) fs::rename(staging / name, dir / name, ec);
    else if (line[0] == '-' && recorded) fs::remove(dir / name, ec);
  }
  fs::remove_all(staging, ec);
}

// Temporary files of versions before result sets: ".<name>.tmp-<pid>[-<n>]" for a file of the set.
long legacy_tmp_pid(const std::string& name, const std::vector<std::string>& family) {
  if (name.size() < 2 || name[0] != '.' || name.rfind(kStagingPrefix, 0) == 0) return 0;
  const size_t at = name.rfind(".tmp-");
  if (at == std::string::npos || at == 0) return 0;
  if (std::find(family.begin(), family.end(), name.substr(1, at - 1)) == family.end()) return 0;
  const std::string rest = name.substr(at + 5);
  const std::string pid = rest.substr(0, rest.find('-'));
  if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stol(pid);
}

// The recorded files of the family the folder has but the new set does not: the swap removes them.
// An unrecorded one is the user's and stays.
std::vector<std::string> files_to_remove(const fs::path& dir, const std::vector<std::string>& family, const std::vector<std::string>& staged,
                                         const std::set<std::string>& recorded) {
  std::vector<std::string> removed;
  for (const auto& f : family)
    if (recorded.count(f) && std::find(staged.begin(), staged.end(), f) == staged.end() && fs::exists(fs::symlink_status(dir / f)))
      removed.push_back(f);
  return removed;
}

// The folder's record after the swap: what it recorded and still has, less what the swap removes,
// plus the new set.
std::set<std::string> new_record(const fs::path& dir, const std::set<std::string>& recorded, const std::vector<std::string>& staged,
                                 const std::vector<std::string>& removed) {
  std::set<std::string> names;
  for (const auto& n : recorded)
    if (std::find(removed.begin(), removed.end(), n) == removed.end() && fs::exists(fs::symlink_status(dir / n))) names.insert(n);
  names.insert(staged.begin(), staged.end());
  return names;
}

// The journal says: every new file is complete; a run that finds it after a crash finishes the swap.
// Written under another name and renamed: a run killed while writing it leaves no partial list. Then
// the folder for the old files, and the staging folder made durable.
void write_journal(const std::string& dir, const fs::path& staging, const std::vector<std::string>& staged,
                   const std::vector<std::string>& removed) {
  std::string journal;
  for (const auto& f : staged) journal += "+ " + f + "\n";
  for (const auto& f : removed) journal += "- " + f + "\n";
  const std::string journal_tmp = (staging / (std::string(kJournal) + ".tmp")).string();
  write_new_file(journal_tmp, journal, journal_tmp);
  if (::rename(journal_tmp.c_str(), (staging / kJournal).c_str()) != 0)
    throw_environment("kan niet schrijven in uitvoermap " + dir, errno);
  if (::mkdir((staging / kOld).c_str(), 0755) != 0) throw_environment("kan niet schrijven in uitvoermap " + dir, errno);
  fsync_path(staging.string(), O_RDONLY | O_DIRECTORY);
}

// Ctrl-C, SIGTERM, SIGHUP and SIGQUIT held back while it lives: a signal waits until the swap is done.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t block;
    sigemptyset(&block);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&block, s);
    pthread_sigmask(SIG_BLOCK, &block, &previous_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t previous_;
};

// How a swap ended: err 0, or the errno and the file that could not be replaced.
struct SwapOutcome {
  int err = 0;
  std::string failed;
};

// Moves the staged files in and the removed ones out, each old file kept as a hard link in the
// staging folder's .oud; on the first failure every step done is undone (the old set is back).
SwapOutcome swap_files(const fs::path& dir, const fs::path& staging, const std::vector<std::string>& staged,
                       const std::vector<std::string>& removed) {
  const fs::path old = staging / kOld;
  struct Step {
    std::string name;
    bool had_old;
  };
  std::vector<Step> done;
  auto keep_old = [&](const std::string& name, bool& had_old) {
    const fs::path target = dir / name;
    struct stat st {};
    had_old = ::lstat(target.c_str(), &st) == 0;
    if (!had_old) return 0;
    if (S_ISDIR(st.st_mode)) return EISDIR;
    return ::link(target.c_str(), (old / name).c_str()) == 0 ? 0 : errno;
  };
  SwapOutcome out;
  for (const auto& name : staged) {
    bool had_old = false;
    if ((out.err = keep_old(name, had_old)) != 0 ||
        (::rename((staging / name).c_str(), (dir / name).c_str()) != 0 && (out.err = errno) != 0)) {
      out.failed = name;
      break;
    }
    done.push_back({name, had_old});
  }
  if (out.err == 0)
    for (const auto& name : removed) {
      bool had_old = false;
      if ((out.err = keep_old(name, had_old)) != 0 || (::unlink((dir / name).c_str()) != 0 && (out.err = errno) != 0)) {
        out.failed = name;
        break;
      }
      done.push_back({name, true});
    }
  if (out.err != 0)
    for (auto it = done.rbegin(); it != done.rend(); ++it) {  // roll back
      const fs::path target = dir / it->name;
      if (it->had_old) ::rename((old / it->name).c_str(), target.c_str());
      else ::unlink(target.c_str());
    }
  return out;
}

}  // namespace

OutputSet::OutputSet(const std::string& dir, std::vector<std::string> family, const std::vector<std::string>& expected)
    : dir_(dir), family_(std::move(family)) {
  refuse_unsafe_folder(dir);
  std::error_code ec;
  // The top-most folder this run creates: removed again when the run ends without results.
  for (fs::path p = folder_path(dir); !p.empty() && !fs::exists(fs::symlink_status(p, ec));
       p = p.parent_path()) {
    created_ = p.string();
    if (p == p.parent_path()) break;
  }
  fs::create_directories(dir, ec);
  if (ec) throw_environment("kan uitvoermap " + dir + " niet maken", ec.value());
  if (!fs::is_directory(dir, ec)) throw_environment("kan uitvoermap " + dir + " niet maken", ENOTDIR);
  const std::string lock = (fs::path(dir) / kLockName).string();
  // O_NOFOLLOW: a symlink planted as the lock must not make us truncate a file elsewhere.
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (lock_fd_ < 0) throw_environment("kan niet schrijven in uitvoermap " + dir, errno);
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string holder;
    char buf[32] = {};
    if (::pread(lock_fd_, buf, sizeof buf - 1, 0) > 0) holder = std::string(buf).substr(0, std::string(buf).find('\n'));
    ::close(lock_fd_);
    lock_fd_ = -1;
    if (err == EWOULDBLOCK)
      throw EnvironmentError("uitvoermap " + dir + " is in gebruik door een andere swvsim-opdracht" +
                             (holder.empty() ? "" : " (proces " + holder + ")") +
                             "; wacht tot die klaar is of kies een andere map met --uit");
    throw_environment("kan uitvoermap " + dir + " niet vergrendelen", err);
  }
  // Who holds the lock, for the message of a refused second run.
  const std::string me = std::to_string(::getpid()) + "\n";
  if (::ftruncate(lock_fd_, 0) == 0 && ::pwrite(lock_fd_, me.data(), me.size(), 0) < 0) { /* only informative */ }

  // We hold the lock, so every staging folder here belongs to a run that died.
  staging_ = (fs::path(dir) / (kStagingPrefix + std::to_string(::getpid()))).string();
  std::vector<std::string> names;  // listed first: recovering renames files into the folder
  for (const auto& e : fs::directory_iterator(dir, ec)) names.push_back(e.path().filename().string());
  for (const auto& name : names) {
    if (name.rfind(kStagingPrefix, 0) == 0) {
      // Only a real folder: a symlink planted under that name must not pull files in from elsewhere.
      if (fs::is_directory(fs::symlink_status(fs::path(dir) / name, ec))) recover_stale(dir, fs::path(dir) / name);
      else fs::remove(fs::path(dir) / name, ec);
    }
    else if (const long pid = legacy_tmp_pid(name, family_); pid > 0 && pid_dead(pid)) fs::remove(fs::path(dir) / name, ec);
  }
  remove_stale_part_temps(dir);  // run --deel writes into the same default folder (part_files.h)
  recorded_ = read_record(dir);  // after recovering: a finished swap brought its record in
  try {
    expect(expected);
  } catch (...) {  // the destructor does not run for a constructor that throws
    ::close(lock_fd_);
    throw;
  }
  fs::remove_all(staging_, ec);
  if (::mkdir(staging_.c_str(), 0755) != 0) throw_environment("kan niet schrijven in uitvoermap " + dir, errno);
}

void OutputSet::expect(const std::vector<std::string>& names) const {
  if (const auto foreign = foreign_files(dir_, names, recorded_); !foreign.empty()) throw_foreign(dir_, foreign);
}

OutputSet::~OutputSet() {
  std::error_code ec;
  if (!staging_.empty() && !committed_) fs::remove_all(staging_, ec);
  // A folder made by this run that got no results (wrong input found late, Ctrl-C) is removed again,
  // lock and all: nobody else can have used it yet. Otherwise the lock file stays: removing it could
  // let two runs lock different files.
  if (!committed_ && !created_.empty() && lock_fd_ >= 0) {
    ::unlink((fs::path(dir_) / kLockName).c_str());
    for (fs::path p = folder_path(dir_); !p.empty(); p = p.parent_path()) {
      if (::rmdir(p.c_str()) != 0 || p.string() == created_) break;  // rmdir: only when empty
    }
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void OutputSet::before_write(const std::string& name) {
  static const Inject inject = read_inject();
  if (inject.kind != Inject::None && staged_.size() == inject.after) {
    if (inject.kind == Inject::Fail) throw_environment("schrijven naar " + (fs::path(dir_) / name).string() + " mislukt", ENOSPC);
    ::raise(inject.sig);
  }
}

void OutputSet::write(const std::string& name, const std::string& content) {
  before_write(name);
  write_new_file((fs::path(staging_) / name).string(), content, (fs::path(dir_) / name).string());
  staged_.push_back(name);
}

std::string OutputSet::path_for(const std::string& name) {
  before_write(name);
  return (fs::path(staging_) / name).string();
}

void OutputSet::done(const std::string& name) {
  fsync_path((fs::path(staging_) / name).string(), O_RDONLY);
  staged_.push_back(name);
}

std::vector<std::string> OutputSet::commit() {
  const fs::path dir(dir_), staging(staging_);
  expect(staged_);  // a file of the user's that appeared while the run computed
  const std::vector<std::string> removed = files_to_remove(dir, family_, staged_, recorded_);
  // The record goes in last, with the files and under the same journal: they never disagree.
  write_new_file((staging / kRecordName).string(), record_text(new_record(dir, recorded_, staged_, removed)), (dir / kRecordName).string());
  std::vector<std::string> installed = staged_;
  installed.push_back(kRecordName);
  write_journal(dir_, staging, installed, removed);
  SwapOutcome swap;
  {
    // No Ctrl-C or kill between the first and the last rename.
    const SignalsHeld held;
    swap = swap_files(dir, staging, installed, removed);
    fsync_path(dir_, O_RDONLY | O_DIRECTORY);
  }
  if (swap.err != 0)
    throw_environment("kan " + (dir / swap.failed).string() + " niet vervangen; de vorige resultaten zijn teruggezet", swap.err);

  committed_ = true;
  std::error_code ec;
  fs::remove_all(staging, ec);
  std::vector<std::string> paths;
  for (const auto& name : staged_) paths.push_back((dir / name).string());
  return paths;
}

}  // namespace swv
