// The rules overlay `swvsim nieuw` writes for an answered DUO beschikking: basis = the built-in
// rules, and only the amounts the controller gave, key for key (scenario-format 15). Every other
// amount, the grondslagen, the indexation and the signaleringswaarde come from the basis.
#include <filesystem>

#include "engine_version.h"
#include "loader.h"
#include "starter.h"
#include "starter_toml.h"

namespace swv {

using namespace starter_toml;

namespace {

// "was in po-2026: 378,14 (2024)": the amount the basis holds, for comparison.
std::string was(const YearTable& t, const std::string& base) {
  if (!t.is_table()) return "was in " + base + ": " + num_nl(t.constant, 2);
  return "was in " + base + ": " + num_nl(t.at(t.last_year()), 2) + " (" + std::to_string(t.last_year()) + ")";
}

}  // namespace

std::string starter_rules_overlay(const Answers& a, const StarterPlan& p, const std::string& base_ref) {
  // The amounts of the basis, before the beschikking (p.rules holds them after).
  Rules base;
  Diagnostics ignored;
  load_rules(p.rules_file, a.sector, base, ignored);
  const Answers::Decision& d = a.decision;
  const std::string year = std::to_string(d.year);
  auto entry = [&](double x) { return "{ " + year + " = " + toml_money(x) + " }"; };
  auto component = [&](const std::string& name) -> const Rules::Component* {
    for (const auto& c : base.support)
      if (c.name == name) return &c;
    return nullptr;
  };
  std::string o;
  auto line = [&](const std::string& s = "") { o += s + "\n"; };
  line("# Eigen DUO-beschikking " + year + " van " + a.name + ", geschreven door swvsim nieuw " + engine_version() + " uit " + a.file + ".");
  line("# Alleen deze bedragen wijken af van de regels " + p.rules_name + " (basis); de grondslagen, de indexatie en de");
  line("# signaleringswaarde komen daaruit. Een bedrag met sleutel " + year + " geldt vanaf " + year + "; latere jaren trekt de");
  line("# rekenkern door met de bekostigingsindex, eerdere jaren krijgen hetzelfde bedrag. Vervang de bedragen");
  line("# elk jaar door die van de nieuwe beschikking (docs/starten.md).");
  line();
  line("schema = \"swvsim-regels/1\"");
  line("basis  = " + toml_text(base_ref));
  line("naam   = " + toml_text("Eigen DUO-beschikking " + year + " (" + a.name + ")"));
  line("bron   = " + toml_text("DUO-beschikking " + year + " van " + a.name + ", opgegeven bij swvsim nieuw; overige bedragen: " + p.rules_name));
  auto support = [&](const char* name, const std::optional<double>& amount, const std::optional<double>& factor) {
    if (!amount && !factor) return;
    const Rules::Component* c = component(name);
    line();
    line(std::string("[ondersteuning.") + name + "]");
    if (amount) line("normbedrag = " + entry(*amount) + (c ? "   # " + was(c->amount, p.rules_name) : ""));
    if (factor) line("factor     = " + toml_rate(*factor) + (c ? "   # was in " + p.rules_name + ": " + nl_rate(c->factor) : ""));
  };
  support("licht", d.light, std::nullopt);
  support("regionaal", d.regional, std::nullopt);
  support("lwoo_pro", d.lwoo_pro, d.lwoo_factor);
  support("zwaar", d.heavy, std::nullopt);
  // The built-in 2026 rules carry the step of the zware ondersteuning as its own component; a
  // beschikking's amount for 2026 or later already holds it, so the overlay sets it to 0.
  if (d.heavy && d.year >= 2026)
    if (const Rules::Component* c = component("zwaar_2026")) {
      line();
      line("[ondersteuning.zwaar_2026]");
      line("# de stap van 2026 (+ € 9,80 per leerling) zit al in het bedrag zwaar van de beschikking");
      line("normbedrag = " + entry(0.0) + "   # " + was(c->amount, p.rules_name));
    }
  bool so = false;
  for (const auto& x : d.deduct_so) so |= x.has_value();
  if (so) {
    line();
    line("[afdracht.so]");
    const char* cats[] = {"laag  ", "midden", "hoog  "};
    for (int c = 0; c < 3; ++c)
      if (d.deduct_so[c]) line(std::string(cats[c]) + " = " + entry(*d.deduct_so[c]) + "   # " + was(base.deduct_so[c], p.rules_name));
  }
  if (d.deduct_sbo) {
    line();
    line("[afdracht.sbo]");
    line("bedrag = " + entry(*d.deduct_sbo) + "   # " + was(base.deduct_sbo, p.rules_name));
  }
  if (d.lwoo_pro) {
    line();
    line("[afdracht.lwoo_pro]");
    line("# hetzelfde bedrag als het budget per LWOO/PrO-leerling (koersvo.nl: gelijk voor PrO en LWOO)");
    line("bedrag = " + entry(*d.lwoo_pro) + "   # " + was(base.deduct_lwoo_pro, p.rules_name));
  }
  return o;
}

}  // namespace swv
