// The parts given to samenvoegen (part_input.h).
#include "part_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ext/stdio_filebuf.h>

#include "atomic_file.h"
#include "mc.h"

namespace swv::cli {

namespace {

// An input stream that owns its file descriptor (libstdc++'s stdio_filebuf closes it).
class FdStream : public std::istream {
 public:
  explicit FdStream(int fd) : std::istream(nullptr), buf_(fd, std::ios::in | std::ios::binary, 1 << 16) { rdbuf(&buf_); }

 private:
  __gnu_cxx::stdio_filebuf<char> buf_;
};

// What kind of file it is, for the message about a file that is no part.
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "een pijp (FIFO)";
  if (S_ISSOCK(mode)) return "een socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "een apparaat";
  return "geen gewoon bestand";
}

// A problem with one part: its lines, and whether the system refused (exit 4) or the part is wrong (2).
struct Problem {
  std::string text;
  bool environment = false;
};

}  // namespace

std::unique_ptr<std::istream> open_part(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw_environment("kan " + path + " niet lezen", errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw_environment("kan " + path + " niet lezen", err);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw_environment("kan " + path + " niet lezen als deel (geef de deelbestanden zelf, bijv. " + path + "/deel-*-van-*.swvdeel)", EISDIR);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw RunError(path + ": fout: deel: dit is " + kind_of(st.st_mode) + ", geen deelbestand; geef het deelbestand zelf\n");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);  // a regular file: reads block as usual
  return std::make_unique<FdStream>(fd);
}

std::vector<ShardHeader> read_part_headers(const std::vector<std::string>& files) {
  std::vector<ShardHeader> headers;
  std::vector<std::string> names;
  std::vector<Problem> problems;
  for (const auto& f : files) {
    try {
      headers.push_back(read_shard_header(*open_part(f), f));
      names.push_back(f);
    } catch (const EnvironmentError& e) {
      problems.push_back({std::string("swvsim: fout: ") + e.what() + "\n", true});
    } catch (const RunError& e) {
      problems.push_back({e.what(), false});
    }
  }
  if (problems.empty()) {
    check_shard_set(headers, names);
    return headers;
  }
  // The readable parts are compared too; which part is missing is left out (it may be an unreadable one).
  for (const auto& line : shard_set_problems(headers, names, false)) problems.push_back({line + "\n", false});
  std::string text;
  bool environment = false;
  for (const auto& p : problems) environment |= p.environment;
  for (const auto& p : problems)
    if (p.environment) text += p.text;  // the system's refusals first
  for (const auto& p : problems)
    if (!p.environment) text += p.text;
  if (!environment) throw RunError(text);
  // printed as "swvsim: fout: " + what(): the first line's own prefix goes
  constexpr std::string_view prefix = "swvsim: fout: ";
  text.erase(0, prefix.size());
  if (!text.empty() && text.back() == '\n') text.pop_back();
  throw EnvironmentError(text);
}

}  // namespace swv::cli
