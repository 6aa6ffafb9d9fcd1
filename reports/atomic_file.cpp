#include "atomic_file.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace swv {

void write_file_atomic(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("kan " + tmp.string() + " niet schrijven");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::runtime_error("schrijven naar " + tmp.string() + " mislukt (schijf vol?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("kan " + target.string() + " niet vervangen: " + ec.message());
  }
}

}  // namespace swv

namespace swv {

void write_via_temp(const std::string& path, const std::function<std::string(const std::string& tmp)>& write) {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                               "-" + std::to_string(counter++));
  auto failure = [&](const std::string& why) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return std::runtime_error("kan " + path + " niet schrijven: " + why);
  };
  // Try the folder first: libxlsxwriter only opens the file at the very end, and then reports a
  // missing folder on stderr in English.
  if (!std::ofstream(tmp, std::ios::binary | std::ios::trunc)) throw failure("de map bestaat niet of is niet schrijfbaar");
  std::string error;
  try {
    error = write(tmp.string());
  } catch (const std::exception& ex) {
    throw failure(ex.what());
  }
  if (!error.empty()) throw failure(error);
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) throw failure(ec.message());
}

}  // namespace swv
