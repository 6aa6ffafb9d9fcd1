// Reading a funding rules file (regels, scenario-format section 9).
#include "build_common.h"
#include "loader.h"
#include "validate.h"
#include "value_read.h"

namespace swv {

using namespace detail;

namespace {
YearTable table_at(const MNode& root, std::string_view path) {
  const MNode* n = root.find(path);
  return n && n->node ? year_table_of(*n->node) : YearTable::fixed(0);
}
}  // namespace

void load_rules(const std::string& path, Sector sector, Rules& out, Diagnostics& diags) {
  load_rules_named(path, sector, out, diags, "");
}

void detail::load_rules_named(const std::string& path, Sector sector, Rules& out, Diagnostics& diags, const std::string& named_at) {
  ParsedFile f = parse_toml_file(path, diags, named_at);
  if (!f.root) return;
  int before = diags.error_count();
  // The sector first: rules of the other sector would otherwise be reported key by key.
  if (const toml::node* sec = f.root->get("sector")) {
    auto v = sec->value<std::string>();
    if ((v == "po" || v == "vo") && (*v == "vo") != (sector == Sector::Vo)) {
      diags.error(where_of(*sec, "sector"), "deze regels zijn voor sector " + *v + ", het scenario is " + sector_name(sector));
      return;
    }
  }
  check_schema_tag(*f.root, path, kRulesSchema, diags);
  validate_file(*f.root, FileKind::Rules, sector, false, diags);
  MNode root = tree_of(*f.root, FileKind::Rules);
  check_required(root, FileKind::Rules, "", path, diags);
  if (diags.error_count() > before) return;

  out.file = path;
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
    out.support.push_back(std::move(c));
  }
  if (out.support.empty())
    diags.error(support->where(), "[ondersteuning] heeft geen componenten; geef bijv. [ondersteuning.zwaar]");
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
  out.signal_percentage = num(root.find("signaleringswaarde.percentage"), 0.035);
  out.signal_minimum = num(root.find("signaleringswaarde.minimum"), 250'000.0);
}

}  // namespace swv
