#include "loader.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "build_scenario.h"
#include "validate.h"

#ifndef SWVSIM_RULES_DIR
#define SWVSIM_RULES_DIR "scenarios/regels"
#endif

namespace swv {

namespace fs = std::filesystem;

namespace {

// The folder of the running executable (Linux: /proc/self/exe), or empty when it cannot be read.
fs::path executable_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return fs::path(buf).parent_path();
}

}  // namespace

// Look-up order (docs/installeren.md): $SWVSIM_REGELS; an installed copy
// beside the executable (PREFIX/bin/swvsim -> PREFIX/share/swvsim/regels), so an installed program
// works from any folder without settings; else the source tree the build came from.
std::string default_rules_dir() {
  if (const char* env = std::getenv("SWVSIM_REGELS"); env && *env) return env;
  if (fs::path exe = executable_dir(); !exe.empty()) {
    std::error_code ec;
    fs::path installed = exe / ".." / "share" / "swvsim" / "regels";
    if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  }
  return SWVSIM_RULES_DIR;
}

namespace {

constexpr int kMaxChain = 20;

std::string canonical_or_same(const std::string& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return ec ? p : c.string();
}

std::optional<Sector> sector_of(const toml::table& root) {
  auto s = root["swv"]["sector"].value<std::string>();
  if (s == "po") return Sector::Po;
  if (s == "vo") return Sector::Vo;
  return std::nullopt;
}

// The file at `path` and its chain of bases, most derived first; stops at a ring, a chain longer
// than kMaxChain, a file that cannot be read, or a basis that cannot be followed (its error comes
// from the per-file check).
std::vector<ParsedFile> read_chain(const std::string& path, const std::optional<std::string>& text, Diagnostics& diags) {
  std::vector<ParsedFile> chain;
  std::vector<std::string> seen;
  std::string cur = path;
  std::string named_at;  // "basis in a.toml:2" for every file after the first
  while (true) {
    std::string canon = canonical_or_same(cur);
    if (auto it = std::find(seen.begin(), seen.end(), canon); it != seen.end()) {
      std::string ring;
      for (const auto& f : chain) ring += f.path + " → ";
      diags.error({chain.back().path, 0, 0, "basis"}, "de basis-keten is een kring: " + ring + cur);
      break;
    }
    if (static_cast<int>(chain.size()) >= kMaxChain) {
      diags.error({chain.back().path, 0, 0, "basis"}, "de basis-keten is langer dan " + std::to_string(kMaxChain) +
                                                          " bestanden; maak de keten korter (een variant kan ook van de oorspronkelijke basis afstammen)");
      break;
    }
    seen.push_back(canon);
    ParsedFile f = chain.empty() && text ? parse_toml_text(cur, *text, diags) : parse_toml_file(cur, diags, named_at);
    if (!f.root) break;
    chain.push_back(f);
    const toml::node* basis = f.root->get("basis");
    if (!basis) break;
    auto b = basis->value<std::string>();
    // Not followed when empty, too long or holding a control character: reported by the per-file check.
    // (4 × the limit in bytes is surely over the limit in characters.)
    if (!b || b->find_first_not_of(" \t") == std::string::npos || b->size() > 4 * kMaxTextLength ||
        first_forbidden_char(*b) >= 0)
      break;
    named_at = "basis in " + f.path + ":" + std::to_string(basis->source().begin.line);
    cur = (fs::path(cur).parent_path() / *b).lexically_normal().string();
  }
  return chain;
}

}  // namespace

LoadResult load_scenario(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  Diagnostics& diags = result.diags;

  // 1. The chain of files, most derived first.
  std::vector<ParsedFile> chain = read_chain(path, options.text, diags);
  if (chain.empty()) return result;

  // 2. Each file on its own.
  std::optional<Sector> sector;
  for (const auto& f : chain)
    if (!sector) sector = sector_of(*f.root);
  for (const auto& f : chain) {
    check_schema_tag(*f.root, f.path, kScenarioSchema, diags);
    validate_file(*f.root, FileKind::Scenario, sector, f.root->contains("basis"), diags);
  }
  if (diags.has_errors()) return result;

  // 3. Merge, base first; warn about a variant that changes nothing.
  MNode tree = tree_of(*chain.back().root, FileKind::Scenario);
  // The root base's key paths: their random streams keep their ids in every variant (stream collisions).
  std::unordered_set<std::string> base_keys;
  const auto collect = [&](const auto& self, const MNode& m) -> void {
    base_keys.insert(m.key);
    for (const auto& [name, child] : m.children) self(self, child);
    for (const auto& item : m.items) self(self, item);
  };
  if (chain.size() > 1) collect(collect, tree);
  for (int i = static_cast<int>(chain.size()) - 2; i >= 0; --i) {
    MNode before = tree;
    merge_into(tree, tree_of(*chain[i].root, FileKind::Scenario), FileKind::Scenario, diags);
    if (same_tree(tree, before) && !diags.has_errors())
      diags.warning({chain[i].path, 0, 0, ""}, "deze variant verandert niets aan zijn basis (" + chain[i + 1].path + ")");
  }
  if (diags.has_errors()) return result;

  // 4. Resolve.
  Scenario sc;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) sc.files.push_back(it->path), sc.files_sha256.push_back(it->sha256);
  build_scenario(tree, options.rules_dir.empty() ? default_rules_dir() : options.rules_dir, sc, diags,
                 chain.size() > 1 ? &base_keys : nullptr);
  if (!diags.has_errors()) {
    result.scenario = std::move(sc);
    result.tree = std::make_shared<const MergedTree>(MergedTree{std::move(chain), std::move(tree)});
  }
  return result;
}

}  // namespace swv
