#include "helpers.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace swv::test {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

int run_shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string run_output(const std::string& cmd) {
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("kan niet starten: " + cmd);
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

int run_cli(const std::string& args, const std::string& out) {
  return run_shell(std::string(SWVSIM_BINARY) + " " + args + " >" + out + " 2>&1");
}

std::string temp_dir() {
  static std::atomic<int> counter{0};
  fs::path p = fs::temp_directory_path() / ("swvsim-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string write(const std::string& dir, const std::string& name, const std::string& content) {
  std::string path = (fs::path(dir) / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

LoadResult load_text(const std::string& scenario, const std::string& rules) {
  std::string dir = temp_dir();
  write(dir, "regels.toml", rules.empty() ? kRulesPo : rules);
  return load_scenario(write(dir, "scenario.toml", scenario));
}

std::string errors(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diags.items())
    if (d.severity == Severity::Error) out += d.format() + "\n";
  return out;
}

std::string source_path(const std::string& rel) { return std::string(SWVSIM_SOURCE_DIR) + "/" + rel; }

const LineResult& line_of(const Result& r, const std::string& code) {
  for (const auto& l : r.lines)
    if (l.code == code) return l;
  FAIL("no line " << code);
  return r.lines[0];
}

std::vector<double> series_of(const Result& r, const std::string& key) {
  const Series* s = r.find(key);
  REQUIRE(s);
  return s->mean;
}

const char* kRulesPo = R"(schema = "swvsim-regels/1"
sector = "po"
[ondersteuning.licht]
normbedrag = 100.0
grondslag = "regulier"
[ondersteuning.zwaar]
normbedrag = 500.0
grondslag = "totaal"
[afdracht.so]
laag = 10_000.0
midden = 20_000.0
hoog = 30_000.0
[afdracht.sbo]
drempel = 0.0
bedrag = 5_000.0
)";

const char* kRulesVo = R"(schema = "swvsim-regels/1"
sector = "vo"
[ondersteuning.regionaal]
normbedrag = 200.0
grondslag = "totaal"
[ondersteuning.lwoo_pro]
normbedrag = 4_000.0
grondslag = "totaal"
factor = 0.1
[ondersteuning.zwaar]
normbedrag = 800.0
grondslag = "totaal"
[afdracht.so]
laag = 10_000.0
midden = 20_000.0
hoog = 30_000.0
[afdracht.lwoo_pro]
bedrag = 4_000.0
)";

const char* kMinimalPo = R"(schema = "swvsim/1"
[swv]
naam = "Test"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2027
regels = "regels.toml"
[start]
eigen_vermogen = 1_000_000
[start.leerlingen]
regulier = 1000
)";

// A scenario without policy rules: nothing reacts to equity, so money effects add up exactly.
// Income 2,000,000; costs N(1,950,000, sd) once per path; start equity 250,000 (section text).
std::string random_walk_scenario(int last_year, const std::string& sd, const std::string& floor, int paths, int seed) {
  return R"(schema = "swvsim/1"
[swv]
naam = "Wandeling"
sector = "po"
eerste_jaar = 2025
laatste_jaar = )" + std::to_string(last_year) + R"(
regels = "regels.toml"
[start]
eigen_vermogen = 250_000
[start.leerlingen]
regulier = 1000
[[post]]
code = "3"
naam = "Baten"
kant = "baten"
bedrag = 2_000_000
indexatie = "geen"
[[post]]
code = "4"
naam = "Lasten"
kant = "lasten"
bedrag = { verdeling = "normaal", gemiddelde = 1_950_000, sd = )" + sd + R"( }
indexatie = "geen"
[normen]
ondergrens = )" + floor + R"(
[simulatie]
paden = )" + std::to_string(paths) + R"(
zaad = )" + std::to_string(seed) + "\n";
}

std::vector<std::string> messages(const swv::LoadResult& r, swv::Severity severity) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.items()) {
    if (d.severity != severity) continue;
    std::string s = d.format();
    std::string dir = fs::path(d.where.file).parent_path().string();
    if (!dir.empty()) replace_all(s, dir + "/", "");
    out.push_back(s);
  }
  return out;
}

std::string po_with_line(int line, const std::string& text) {
  const std::string po = kMinimalPo;
  std::string out;
  int n = 1;
  size_t start = 0;
  while (start < po.size()) {
    size_t end = po.find('\n', start);
    std::string l = po.substr(start, end - start);
    out += (n == line ? text : l) + "\n";
    start = end + 1;
    ++n;
  }
  return out;
}

}  // namespace swv::test
