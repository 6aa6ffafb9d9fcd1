// The files of run --deel in an output folder (part_files.h).
#include "part_files.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "atomic_file.h"
#include "diagnostics.h"
#include "shard.h"

namespace swv {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTmp = ".tmp-";

// This machine's name as it goes into a file name: letters, digits, '.', '_' and '-' only.
std::string host_tag() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') return "onbekend";
  std::string out;
  for (const char* p = buf; *p && out.size() < 64; ++p) {
    const char c = *p;
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  return out;
}

bool digits(std::string_view s) { return !s.empty() && s.size() <= 10 && s.find_first_not_of("0123456789") == std::string_view::npos; }

}  // namespace

std::string part_file_name(uint32_t k, uint32_t n) { return "deel-" + std::to_string(k) + "-van-" + std::to_string(n) + ".swvdeel"; }

bool is_part_file_name(std::string_view name) {
  constexpr std::string_view head = "deel-", mid = "-van-", tail = ".swvdeel";
  if (name.size() <= head.size() + mid.size() + tail.size() || name.substr(0, head.size()) != head ||
      name.substr(name.size() - tail.size()) != tail)
    return false;
  const std::string_view body = name.substr(head.size(), name.size() - head.size() - tail.size());
  const size_t at = body.find(mid);
  if (at == std::string_view::npos) return false;
  const std::string_view k = body.substr(0, at), n = body.substr(at + mid.size());
  return digits(k) && digits(n) && k[0] != '0' && n[0] != '0';
}

std::string part_temp_path(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / ("." + name + std::string(kTmp) + host_tag() + "-" + std::to_string(::getpid()))).string();
}

size_t remove_stale_part_temps(const std::string& dir) {
  const std::string host = host_tag();
  std::error_code ec;
  std::vector<std::string> stale;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    // ".deel-K-van-N.swvdeel.tmp-<host>-<pid>": the host is this one, the pid the digits after the last '-'.
    const std::string name = e.path().filename().string();
    const size_t tmp = name.rfind(kTmp);
    if (name.size() < 2 || name[0] != '.' || tmp == std::string::npos || !is_part_file_name(std::string_view(name).substr(1, tmp - 1)))
      continue;
    const std::string rest = name.substr(tmp + kTmp.size());
    const size_t dash = rest.rfind('-');
    if (dash == std::string::npos || rest.substr(0, dash) != host || !digits(rest.substr(dash + 1))) continue;
    const long pid = std::stol(rest.substr(dash + 1));
    if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH &&
        fs::is_regular_file(fs::symlink_status(e.path(), ec)))
      stale.push_back(e.path().string());
  }
  size_t removed = 0;
  for (const auto& p : stale) removed += ::unlink(p.c_str()) == 0;
  return removed;
}

void refuse_replacing_non_part(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return;  // nothing there
  char mark[8] = {};
  bool part = false;
  if (S_ISREG(st.st_mode)) {  // (opening a pipe would wait for a writer)
    std::ifstream in(path, std::ios::binary);
    part = in.read(mark, sizeof mark) && std::memcmp(mark, kShardMark, sizeof mark) == 0;
  }
  if (!part)
    throw EnvironmentError(escape_controls(path) + " bestaat al en is geen deelbestand van swvsim; swvsim vervangt alleen zijn eigen "
                           "deelbestanden: kies een andere map met --uit, of verplaats of verwijder dat bestand");
}

}  // namespace swv
