// Reading a funding rules file (regels, scenario-format section 9) and its chain of bases: a rules
// file may name `basis` (a built-in name or a file relative to it) and list only the amounts it
// changes, key for key: the SWV's own DUO beschikking over the built-in estimates (section 15). The
// chain is merged exactly as scenario variants are (toml_tree's merge_into), each file checked on
// its own first, so an error names the file and line where the mistake is.
#include <algorithm>
#include <filesystem>
#include <regex>

#include "build_common.h"
#include "loader.h"
#include "validate.h"
#include "value_read.h"

namespace swv {

using namespace detail;
namespace fs = std::filesystem;

namespace {

YearTable table_at(const MNode& root, std::string_view path) {
  const MNode* n = root.find(path);
  return n && n->node ? year_table_of(*n->node) : YearTable::fixed(0);
}

constexpr int kMaxRulesChain = 20;

// " (bedoelde je ...?)" for an unknown built-in rules name. A name of a later year than any built-in
// file ("po-2027") points to the newest of its sector, whose amounts later years carry forward: the
// nearest spelling would be the oldest ("po-2022"), the worst choice for a plan ahead.
std::string rules_name_hint(const std::string& name, const std::vector<std::string>& names) {
  std::string flat;
  for (char ch : name)
    if (std::isalnum(static_cast<unsigned char>(ch))) flat += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static const std::regex sector_year(R"((po|vo)(\d{4}))");
  std::smatch m;
  if (!std::regex_match(flat, m, sector_year)) return did_you_mean(name, names);
  const std::string sector = m[1].str();
  const int year = std::stoi(m[2].str());
  std::vector<int> years;
  for (const auto& n : names)
    if (n.size() == 7 && n.compare(0, 3, sector + "-") == 0 && std::all_of(n.begin() + 3, n.end(), ::isdigit)) years.push_back(std::stoi(n.substr(3)));
  if (years.empty()) return did_you_mean(name, names);
  std::sort(years.begin(), years.end());
  auto named = [&](int y) { return "\"" + sector + "-" + std::to_string(y) + "\""; };
  if (year > years.back())
    return " (bedoelde je " + named(years.back()) + "? de nieuwste ingebouwde regels; latere jaren nemen hun bedragen over, "
           "doorgetrokken met de bekostigingsindex)";
  if (year < years.front()) return " (bedoelde je " + named(years.front()) + "? dat zijn de oudste ingebouwde regels)";
  int best = years.front();
  for (int y : years)
    if (y <= year) best = y;
  return " (bedoelde je " + named(best) + "?)";
}

// The chain of a rules file and its bases, this file first. Stops (with an error) at a ring, a
// chain that is too long, a file that cannot be read or a basis that cannot be resolved; a basis
// that is not a usable text is left to the per-file check.
std::vector<ParsedFile> read_rules_chain(const std::string& path, const std::string& named_at, const std::string& rules_dir,
                                         Diagnostics& diags, bool& complete) {
  std::vector<ParsedFile> chain;
  std::vector<std::string> seen;
  std::string cur = path, at = named_at;
  complete = false;
  while (true) {
    std::error_code ec;
    const fs::path canon = fs::weakly_canonical(cur, ec);
    const std::string key = ec ? cur : canon.string();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      std::string ring;
      for (const auto& f : chain) ring += f.path + " → ";
      diags.error({chain.back().path, 0, 0, "basis"}, "de basis-keten van de regels is een kring: " + ring + cur);
      return chain;
    }
    if (static_cast<int>(chain.size()) >= kMaxRulesChain) {
      diags.error({chain.back().path, 0, 0, "basis"}, "de basis-keten van de regels is langer dan " + std::to_string(kMaxRulesChain) + " bestanden");
      return chain;
    }
    seen.push_back(key);
    ParsedFile f = parse_toml_file(cur, diags, at);
    if (!f.root) return chain;
    chain.push_back(f);
    const toml::node* basis = f.root->get("basis");
    if (!basis) break;
    auto b = basis->value<std::string>();
    if (!b || b->find_first_not_of(" \t") == std::string::npos || b->size() > 4 * kMaxTextLength || first_forbidden_char(*b) >= 0) break;
    cur = resolve_rules_name(*b, where_of(*basis, "basis"), rules_dir, diags);
    if (cur.empty()) return chain;
    at = "basis in " + f.path + ":" + std::to_string(basis->source().begin.line);
  }
  complete = true;
  return chain;
}

// The amounts the overlay files set: every leaf of the merged tree written in another file than
// the chain's root base, except the identity keys.
void collect_own(const MNode& m, const std::string& root_file, std::vector<std::string>& out) {
  for (const auto& [name, child] : m.children) {
    if (m.key.empty() && (name == "schema" || name == "basis" || name == "sector" || name == "naam" || name == "bron")) continue;
    if (child.kind == MNode::Kind::Table) collect_own(child, root_file, out);
    else if (child.node && where_of(*child.node, "").file != root_file) out.push_back(child.key);
  }
}

}  // namespace

std::string detail::resolve_rules_name(const std::string& r, const Where& w, const std::string& rules_dir, Diagnostics& d) {
  bool is_path = r.find('/') != std::string::npos || r.ends_with(".toml");
  if (is_path) {
    fs::path base = fs::path(w.file).parent_path();
    return (base / r).lexically_normal().string();
  }
  std::string p = (fs::path(rules_dir) / (r + ".toml")).string();
  // exists() without an error code throws on ENAMETOOLONG or ELOOP; such a path goes on to the
  // reader, which says what is wrong with it.
  std::error_code ec;
  if (fs::exists(p, ec) || (ec && ec != std::errc::no_such_file_or_directory)) return p;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(rules_dir, ec))
    if (e.path().extension() == ".toml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  d.error(w, "onbekende ingebouwde regels " + quote(r) + rules_name_hint(r, names) + "; beschikbaar: " +
                 (all.empty() ? "(geen, map " + rules_dir + " niet gevonden)" : all) +
                 "; of geef een pad naar een regelsbestand (eindigend op .toml)");
  return {};
}

void load_rules(const std::string& path, Sector sector, Rules& out, Diagnostics& diags) {
  load_rules_named(path, sector, out, diags, "", default_rules_dir());
}

void detail::load_rules_named(const std::string& path, Sector sector, Rules& out, Diagnostics& diags, const std::string& named_at,
                              const std::string& rules_dir) {
  const int before = diags.error_count();
  bool complete = false;
  const std::vector<ParsedFile> chain = read_rules_chain(path, named_at, rules_dir, diags, complete);
  // Each file on its own. The sector first: rules of the other sector would otherwise be reported key by key.
  for (size_t i = 0; i < chain.size(); ++i)
    if (const toml::node* sec = chain[i].root->get("sector")) {
      auto v = sec->value<std::string>();
      if ((v == "po" || v == "vo") && (*v == "vo") != (sector == Sector::Vo)) {
        diags.error(where_of(*sec, "sector"), "deze regels zijn voor sector " + *v + ", het scenario is " + sector_name(sector) +
                                                  (i > 0 ? " (basis van " + chain[i - 1].path + ")" : ""));
        return;
      }
    }
  for (const ParsedFile& f : chain) {
    check_schema_tag(*f.root, f.path, kRulesSchema, diags);
    validate_file(*f.root, FileKind::Rules, sector, false, diags);
  }
  if (!complete) return;

  // Merge, the root base first; an overlay that changes nothing is warned about. The required keys
  // are checked on the merged rules also after an error in a file, so every error shows at once.
  const bool valid = diags.error_count() == before;
  MNode root = tree_of(*chain.back().root, FileKind::Rules);
  for (int i = static_cast<int>(chain.size()) - 2; i >= 0; --i) {
    const MNode previous = root;
    merge_into(root, tree_of(*chain[i].root, FileKind::Rules), FileKind::Rules, diags);
    if (valid && same_tree(root, previous))
      diags.warning({chain[i].path, 0, 0, ""}, "dit regelsbestand verandert niets aan zijn basis (" + chain[i + 1].path + ")");
  }
  check_required(root, FileKind::Rules, "", path, diags);
  if (diags.error_count() > before) return;

  out.file = path;
  out.files.clear(), out.own.clear();
  for (const ParsedFile& f : chain) out.files.push_back(f.path);
  if (chain.size() > 1) collect_own(root, chain.back().path, out.own);
  out.sector = text(root.child("sector")) == "vo" ? Sector::Vo : Sector::Po;
  if (out.sector != sector) {
    diags.error(root.child("sector")->where(), std::string("deze regels zijn voor sector ") + sector_name(out.sector) +
                                                   ", het scenario is " + sector_name(sector));
    return;
  }
  out.name = text(root.child("naam"));
  out.source = text(root.child("bron"));
  const MNode* support = root.child("ondersteuning");
  for (const auto& [name, comp] : support->children) {
    Rules::Component c;
    c.name = name;
    c.amount = year_table_of(*comp.child("normbedrag")->node);
    c.basis = basis_of(text(comp.child("grondslag")));
    c.factor = num(comp.child("factor"), 1.0);
    const std::string pool = text(comp.child("verrekening"), name == "licht" || name == "regionaal" ? "licht"
                                                             : name == "zwaar" || name == "lwoo_pro" ? name
                                                                                                      : "geen");
    c.pool = pool == "licht" ? Rules::Pool::Light : pool == "zwaar" ? Rules::Pool::Heavy : pool == "lwoo_pro" ? Rules::Pool::LwooPro : Rules::Pool::None;
    out.support.push_back(std::move(c));
  }
  out.pooled_cap = std::none_of(out.support.begin(), out.support.end(), [](const Rules::Component& c) { return c.pool != Rules::Pool::None; });
  if (out.pooled_cap && !out.support.empty() && (root.find("afdracht.so") || root.find("afdracht.sbo") || root.find("afdracht.lwoo_pro")))
    diags.warning(support->where(), "geen component van [ondersteuning] heet licht, zwaar of lwoo_pro (of heeft verrekening = \"licht\", \"zwaar\" "
                                    "of \"lwoo_pro\"): de afdrachten worden samen met de som van de componenten verrekend, niet per component "
                                    "zoals DUO doet (docs/scenario-formaat.md §9)");
  if (out.support.empty())
    diags.error(support->where(), "[ondersteuning] heeft geen componenten; geef bijv. [ondersteuning.zwaar]");
  // An own beschikking over po-2026/vo-2026 that gives zwaar for 2026 or later: that amount holds the
  // 2026 step already, which the basis also carries as the component zwaar_2026.
  auto own = [&](const char* key) { return std::find(out.own.begin(), out.own.end(), key) != out.own.end(); };
  const auto heavy = std::find_if(out.support.begin(), out.support.end(), [](const Rules::Component& c) { return c.name == "zwaar"; });
  const bool step = std::any_of(out.support.begin(), out.support.end(), [](const Rules::Component& c) { return c.name == "zwaar_2026"; });
  if (step && heavy != out.support.end() && own("ondersteuning.zwaar.normbedrag") && !own("ondersteuning.zwaar_2026.normbedrag") &&
      heavy->amount.is_table() && heavy->amount.last_year() >= 2026)
    diags.warning(root.find("ondersteuning.zwaar.normbedrag")->where(),
                  "het eigen bedrag zwaar geldt in " + std::to_string(heavy->amount.last_year()) + ", maar de basis telt de stap van 2026 "
                  "(ondersteuning.zwaar_2026, + € 9,80 per leerling) er nog bij op; zit die stap al in het bedrag van de beschikking, "
                  "zet dan [ondersteuning.zwaar_2026] normbedrag = 0");
  if (root.find("afdracht.so")) {
    out.has_deduct_so = true;
    out.deduct_so = {table_at(root, "afdracht.so.laag"), table_at(root, "afdracht.so.midden"), table_at(root, "afdracht.so.hoog")};
  }
  if (root.find("afdracht.sbo")) {
    out.has_deduct_sbo = true;
    out.deduct_sbo = table_at(root, "afdracht.sbo.bedrag");
    out.sbo_threshold = num(root.find("afdracht.sbo.drempel"), 0.0);
  }
  if (root.find("afdracht.lwoo_pro")) {
    out.has_deduct_lwoo_pro = true;
    out.deduct_lwoo_pro = table_at(root, "afdracht.lwoo_pro.bedrag");
  }
  out.wage_share = num(root.find("indexatie.loon_aandeel"), 0.8915);
  out.signal_percentage = num(root.find("signaleringswaarde.percentage"), kSignalPercentage);
  out.signal_minimum = num(root.find("signaleringswaarde.minimum"), kSignalMinimum);
}

}  // namespace swv
