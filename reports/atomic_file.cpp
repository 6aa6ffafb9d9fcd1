#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace swv {

namespace fs = std::filesystem;

std::string errno_nl(int err) {
  switch (err) {
    case EACCES: return "geen toestemming (EACCES)";
    case EPERM: return "niet toegestaan (EPERM)";
    case EROFS: return "alleen-lezen bestandssysteem (EROFS)";
    case ENOSPC: return "schijf vol (ENOSPC)";
    case EDQUOT: return "schijfquotum bereikt (EDQUOT)";
    case EFBIG: return "bestand te groot (EFBIG)";
    case EISDIR: return "is een map, geen bestand (EISDIR)";
    case ENOTDIR: return "een deel van het pad is geen map (ENOTDIR)";
    case ENOENT: return "bestaat niet (ENOENT)";
    case EEXIST: return "bestaat al (EEXIST)";
    case ENOTEMPTY: return "map is niet leeg (ENOTEMPTY)";
    case ENAMETOOLONG: return "naam te lang (ENAMETOOLONG)";
    case ELOOP: return "te veel symbolische koppelingen, of een kring (ELOOP)";
    case EIO: return "invoer-/uitvoerfout van het apparaat (EIO)";
    case EMFILE: return "te veel open bestanden in dit proces (EMFILE)";
    case ENFILE: return "te veel open bestanden in het systeem (ENFILE)";
    case ENOMEM: return "te weinig geheugen (ENOMEM)";
    case EBUSY: return "bezet (EBUSY)";
    case ETXTBSY: return "bestand is in gebruik (ETXTBSY)";
    case EXDEV: return "ligt op een ander bestandssysteem (EXDEV)";
    case EINVAL: return "ongeldig argument (EINVAL)";
    case EAGAIN: return "tijdelijk niet beschikbaar (EAGAIN)";
    case EPIPE: return "de ontvanger is gesloten (EPIPE)";
    case ENXIO: return "apparaat bestaat niet (ENXIO)";
    case ENODEV: return "geen geschikt apparaat (ENODEV)";
    case ESTALE: return "verouderde netwerkbestandsverwijzing (ESTALE)";
    case ETIMEDOUT: return "time-out (ETIMEDOUT)";
    default: {
      const char* name = strerrorname_np(err);
      return std::string(std::strerror(err)) + " (" + (name ? name : "errno " + std::to_string(err)) + ")";
    }
  }
}

void throw_environment(const std::string& what, int err) { throw EnvironmentError(what + ": " + errno_nl(err)); }

namespace {

// write() the whole buffer and fsync; false with errno set on failure.
bool write_all(int fd, const std::string& content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n, left -= static_cast<size_t>(n);
  }
  return ::fsync(fd) == 0;
}

}  // namespace

namespace detail {

// Creates (truncates) `path` and writes `content`, fsynced; throws EnvironmentError naming `shown`.
void write_new_file(const std::string& path, const std::string& content, const std::string& shown) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw_environment("kan " + shown + " niet schrijven", errno);
  if (!write_all(fd, content)) {
    const int err = errno;
    ::close(fd);
    ::unlink(path.c_str());
    throw_environment("schrijven naar " + shown + " mislukt", err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    throw_environment("schrijven naar " + shown + " mislukt", err);
  }
}

// fsync of a file or folder opened with `flags`; best effort (a file that cannot be opened is skipped).
void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace detail

using detail::fsync_path;
using detail::write_new_file;

void write_file_atomic(const std::string& path, const std::string& content) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  write_new_file(tmp.string(), content, path);
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw_environment("kan " + path + " niet vervangen", err);
  }
}

bool write_file_atomic_new(const std::string& path, const std::string& content) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  write_new_file(tmp.string(), content, path);
  const int rc = ::link(tmp.c_str(), target.c_str());
  const int err = errno;
  ::unlink(tmp.c_str());
  if (rc == 0) return true;
  if (err == EEXIST) return false;
  throw_environment("kan " + path + " niet schrijven", err);
}

void write_via_temp(const std::string& path, const std::function<std::string(const std::string& tmp)>& write) {
  static std::atomic<int> counter{0};
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                               "-" + std::to_string(counter++));
  auto remove_tmp = [&] { ::unlink(tmp.c_str()); };
  // Try the folder first: libxlsxwriter only opens the file at the very end.
  {
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw_environment("kan " + path + " niet schrijven", errno);
    ::close(fd);
  }
  std::string error;
  try {
    error = write(tmp.string());
  } catch (const EnvironmentError& ex) {
    remove_tmp();
    throw EnvironmentError("kan " + path + " niet schrijven: " + ex.what());
  } catch (const std::exception& ex) {
    remove_tmp();
    throw std::runtime_error("kan " + path + " niet schrijven: " + ex.what());
  }
  if (!error.empty()) {
    remove_tmp();
    throw std::runtime_error("kan " + path + " niet schrijven: " + error);
  }
  fsync_path(tmp.string(), O_RDONLY);
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    remove_tmp();
    throw_environment("kan " + path + " niet vervangen", err);
  }
}

}  // namespace swv
