#include "projection.h"

#include <stdexcept>

#include "build_scenario.h"
#include "fragment.h"
#include "toml_tree.h"
#include "validate.h"

namespace swv {

std::string projection_text(const History& h, const Calibration& c, int years, int64_t paths, uint64_t seed) {
  const int T = h.last_year();
  if (c.years.back() != T) throw std::logic_error("projection_text: de kalibratie hoort bij een andere historie");
  std::string s = "schema = \"swvsim/1\"\n\n[swv]\nnaam = \"projectie vanaf " + std::to_string(T) + "\"\nsector = \"" + sector_name(h.sector) +
                  "\"\neerste_jaar = " + std::to_string(T + 1) + "\nlaatste_jaar = " + std::to_string(T + years) + "\nregels = \"" +
                  sector_name(h.sector) + "-2025\"\n\n[start]\neigen_vermogen = 0\n";
  s += "\n[simulatie]\npaden = " + std::to_string(paths) + "\nzaad = " + std::to_string(seed) + "\n";
  return s + fragment_tables(c, true);
}

LoadResult load_scenario_text(const std::string& text, const std::string& name, const std::string& rules_dir) {
  LoadResult r;
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    r.diags.error({name, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column), ""},
                  "geen geldige TOML: " + toml_error_text(e.description()));
    return r;
  }
  check_schema_tag(root, name, kScenarioSchema, r.diags);
  std::optional<Sector> sector;
  if (auto s = root["swv"]["sector"].value<std::string>()) sector = *s == "vo" ? Sector::Vo : Sector::Po;
  validate_file(root, FileKind::Scenario, sector, false, r.diags);
  if (r.diags.has_errors()) return r;
  const MNode tree = tree_of(root, FileKind::Scenario);
  Scenario sc;
  sc.files = {name};
  build_scenario(tree, rules_dir.empty() ? default_rules_dir() : rules_dir, sc, r.diags);
  if (!r.diags.has_errors()) r.scenario = std::move(sc);
  return r;
}

Scenario projection_scenario(const History& h, const Calibration& c, int years, int64_t paths, uint64_t seed, const std::string& rules_dir) {
  const std::string name = "projectie-" + std::to_string(h.last_year()) + ".toml";
  LoadResult r = load_scenario_text(projection_text(h, c, years, paths, seed), name, rules_dir);
  if (!r.scenario) {
    std::string all;
    for (const auto& d : r.diags.items()) all += "\n" + d.format();
    throw std::logic_error("de projectie van de kalibratie laadt niet:" + all);
  }
  return std::move(*r.scenario);
}

}  // namespace swv
