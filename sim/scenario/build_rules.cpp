// Turning the merged tree into a Scenario: the funding rules (swv.regels), one file or one per first
// year (section 14.6), and the warning when their amount tables do not cover the planperiode.
#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "builder.h"

namespace swv::detail {

namespace fs = std::filesystem;

// swv.regels: the rules file, built-in or by path, or one per first year (section 14.6). True when
// every file loaded without errors.
bool build_rules(Builder& b, const std::string& rules_dir) {
  const MNode& node = *b.root.find("swv.regels");
  Scenario& sc = b.sc;
  const int e = b.d.error_count();
  auto load = [&](const std::string& name, const Where& w, Rules& out) {
    const std::string rp = resolve_rules_name(name, w, rules_dir, b.d);
    if (!rp.empty()) load_rules_named(rp, sc.sector, out, b.d, "swv.regels in " + w.file + ":" + std::to_string(w.line), rules_dir);
  };
  if (!node.node->is_table()) {
    load(text(&node), node.where(), sc.rules);
    return b.d.error_count() == e;
  }
  std::vector<std::pair<int, std::pair<std::string, Where>>> entries;
  for (const auto& [k, v] : *node.node->as_table())
    entries.push_back({std::stoi(std::string(k.str())), {v.value<std::string>().value_or(""), where_of(v, node.key + "." + std::string(k.str()))}});
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  if (entries.front().first > sc.first_year) {
    b.d.error(node.where(), "de eerste sleutel van swv.regels (" + std::to_string(entries.front().first) + ") ligt na eerste_jaar (" +
                                std::to_string(sc.first_year) + "): geef ook de regels voor " + std::to_string(sc.first_year));
    return false;
  }
  for (const auto& [year, named] : entries) {
    Rules r;
    load(named.first, named.second, r);
    sc.rules_by_year.emplace_back(year, std::move(r));
  }
  if (b.d.error_count() != e) return false;
  sc.rules = sc.rules_for(sc.first_year);
  return true;
}

// One warning per rules file whose amount tables do not cover the years it is used for: later years
// are carried forward with the index (as in v1), earlier ones take the table's first amount.
void warn_rules_coverage(Builder& b) {
  const Scenario& sc = b.sc;
  std::vector<std::pair<int, const Rules*>> use;
  if (sc.rules_by_year.empty()) use.push_back({sc.first_year, &sc.rules});
  for (const auto& [from, r] : sc.rules_by_year) use.push_back({from, &r});
  for (size_t i = 0; i < use.size(); ++i) {
    const int from = std::max(use[i].first, sc.first_year);
    const int to = i + 1 < use.size() ? std::min(use[i + 1].first - 1, sc.last_year) : sc.last_year;
    if (from > to) continue;
    const Rules& r = *use[i].second;
    int first = 0, last = 0;
    bool any = false;
    auto cover = [&](const YearTable& t) {
      if (!t.is_table()) return;
      first = any ? std::max(first, t.first_year()) : t.first_year();
      last = any ? std::min(last, t.last_year()) : t.last_year();
      any = true;
    };
    for (const auto& c : r.support) cover(c.amount);
    for (const auto& t : r.deduct_so) cover(t);
    cover(r.deduct_sbo), cover(r.deduct_lwoo_pro);
    if (!any) continue;
    auto span = [](int a, int z) { return a == z ? std::to_string(a) : std::to_string(a) + "–" + std::to_string(z); };
    const std::string name = fs::path(r.file).filename().string();
    if (to > last)
      b.d.warning(b.where("swv.regels"), "regels " + name + ": de bedragen voor " + span(std::max(from, last + 1), to) +
                                             " zijn doorgetrokken met de index (de tabellen lopen tot " + std::to_string(last) +
                                             "); vervang ze door de bedragen uit de regeling of DUO-beschikking van die jaren");
    if (from < first)
      b.d.warning(b.where("swv.regels"), "regels " + name + ": de tabellen beginnen in " + std::to_string(first) + "; voor " +
                                             span(from, std::min(to, first - 1)) + " gelden de bedragen van " + std::to_string(first) +
                                             " (niet teruggerekend); kies regels die die jaren dekken");
  }
}

}  // namespace swv::detail
