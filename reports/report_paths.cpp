#include "report_paths.h"

#include <filesystem>

#include "loader.h"

namespace swv {

namespace fs = std::filesystem;

std::string scenario_relative(const std::string& file, const std::string& scenario) {
  if (file.empty()) return file;
  std::error_code ec;
  const fs::path dir = fs::path(scenario).parent_path().empty() ? fs::path(".") : fs::path(scenario).parent_path();
  const fs::path f = fs::weakly_canonical(file, ec);
  if (ec) return fs::path(file).filename().string();
  const fs::path d = fs::weakly_canonical(dir, ec);
  if (ec) return f.filename().string();
  const fs::path builtin = fs::weakly_canonical(default_rules_dir(), ec);
  if (!ec && f.parent_path() == builtin) return "ingebouwd: " + f.filename().string();
  const fs::path rel = f.lexically_relative(d);
  return rel.empty() ? f.filename().string() : rel.string();
}

std::string without_machine_paths(const std::string& text, const std::string& scenario) {
  auto ends_token = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';' || c == ')' || c == '"' || c == '\''; };
  auto starts_token = [](char c) { return c == ' ' || c == '(' || c == '"' || c == '\''; };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if ((i > 0 && !starts_token(text[i - 1])) || ends_token(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && !ends_token(text[j])) ++j;
    // The path is the token up to its first ':' ("file:12:" or "file:"), or the whole token.
    const std::string token = text.substr(i, j - i);
    const std::string path = token.substr(0, token.find(':'));
    std::error_code ec;
    if (path.find('/') != std::string::npos && fs::is_regular_file(path, ec)) out += scenario_relative(path, scenario) + token.substr(path.size());
    else out += token;
    i = j;
  }
  return out;
}

std::vector<std::string> report_warnings(const Result& r) {
  std::vector<std::string> out;
  for (const std::string& w : r.warnings) out.push_back(without_machine_paths(w, r.scenario_file));
  return out;
}

std::string report_file(const Result& r, const std::string& path) {
  if (path == r.scenario_file) return fs::path(path).filename().string();
  return fs::path(path).is_absolute() ? scenario_relative(path, r.scenario_file) : path;
}

}  // namespace swv
