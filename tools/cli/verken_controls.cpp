#include "verken_controls.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace swv::cli {

namespace {

// A number rounded to 12 significant digits: slider ends computed from the base stay readable
// (-0.05, not -0.05000000000000001) and the browser's decimal stepping lands on the base exactly.
double tidy(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double scale = std::pow(10.0, 11 - static_cast<int>(std::floor(std::log10(std::fabs(x)))));
  return std::round(x * scale) / scale;
}

// The slider from about lo to hi in `step`s, with the base on its grid (min = base − k·step), so the
// slider at its start position is exactly the base.
void set_range(Control& c, double lo, double hi, double step) {
  lo = std::min(lo, c.base), hi = std::max(hi, c.base);
  c.step = step;
  c.min = tidy(c.base - std::ceil((c.base - lo) / step - 1e-9) * step);
  c.max = tidy(c.base + std::ceil((hi - c.base) / step - 1e-9) * step);
}

// An amount's step: 10.000 for an SWV with millions of baten, smaller for a small one.
double money_step(double income) { return income >= 5e6 ? 10'000 : income >= 5e5 ? 1'000 : 100; }
double round_to(double x, double step) { return std::round(x / step) * step; }

// Fills what the base writes for `node` (null: nothing written).
void set_base_value(Control& c, const MNode* node, const std::string& leaf) {
  if (!node || !node->node) return;
  c.base_value = json_of(*node->node);
  c.base_text = leaf + " = " + toml_value_text(overlay_value_of(*node->node));
  const Where w = node->where();
  c.base_where = std::filesystem::path(w.file).filename().string() + (w.line > 0 ? ":" + std::to_string(w.line) : "");
}

const MNode* array_entry(const MNode& tree, const char* array, const std::string& code) {
  const MNode* a = tree.child(array);
  if (!a) return nullptr;
  for (const MNode& item : a->items)
    if (const MNode* c = item.child("code"); c && c->node && c->node->value<std::string>() == code) return &item;
  return nullptr;
}

}  // namespace

nlohmann::ordered_json json_of(const toml::node& node) {
  if (auto v = node.as_integer()) return v->get();
  if (auto v = node.as_floating_point()) return std::isfinite(v->get()) ? nlohmann::ordered_json(v->get()) : nlohmann::ordered_json();
  if (auto v = node.as_string()) return v->get();
  if (auto v = node.as_boolean()) return v->get();
  if (auto t = node.as_table()) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (const std::string& k : table_key_order(*t)) o[k] = json_of(*t->get(k));
    return o;
  }
  if (auto a = node.as_array()) {
    nlohmann::ordered_json o = nlohmann::ordered_json::array();
    for (const auto& child : *a) o.push_back(json_of(child));
    return o;
  }
  return nullptr;
}

std::string extra_post_code(const Scenario& sc) {
  for (int n = 1;; ++n) {
    const std::string code = n == 1 ? "verken-extra" : "verken-extra-" + std::to_string(n);
    if (std::none_of(sc.lines.begin(), sc.lines.end(), [&](const Line& l) { return l.code == code; })) return code;
  }
}

std::vector<Control> verken_controls(const Scenario& sc, const MNode& tree, double income) {
  std::vector<Control> out;
  const int y0 = sc.first_year;
  const bool po = sc.sector == Sector::Po;
  const double money = money_step(income);
  auto add = [&](std::string key, std::string label, const char* group, ControlUnit unit, double base) -> Control& {
    Control& c = out.emplace_back();
    c.key = std::move(key), c.label = std::move(label), c.group = group, c.unit = unit, c.base = base;
    return c;
  };

  // Leerlingen: krimp, and per special form the participation target when the base sets one, else
  // the policy factor on the referral chance (a target overrides the factor: build_scenario.cpp).
  {
    Control& c = add("demografie.groei", "Groei van de instroom per jaar (negatief: krimp)", "Leerlingen", ControlUnit::Percent,
                     sc.demography.growth.mean(y0));
    set_base_value(c, tree.find("demografie.groei"), "groei");
    set_range(c, -0.05, 0.03, 0.001);
  }
  const char* forms[2] = {po ? "SBO" : "PrO", po ? "SO" : "VSO"};
  const char* target_keys[2] = {po ? "stromen.doel.sbo" : "stromen.doel.pro", po ? "stromen.doel.so" : "stromen.doel.vso"};
  const char* factor_keys[2] = {po ? "stromen.beleid.verwijzing_sbo_factor" : "stromen.beleid.verwijzing_pro_factor",
                                "stromen.beleid.verwijzing_so_factor"};
  const char* share_text[2] = {po ? "SBO / (BaO + SBO)" : "PrO / (VO + PrO)", po ? "SO / (BaO + SBO + SO)" : "VSO / (VO + VSO)"};
  for (int k = 0; k < 2; ++k) {
    const std::string key = target_keys[k];
    if (sc.flows.target_given[k]) {
      Control& c = add(key, std::string("Doel deelname ") + forms[k] + " (" + share_text[k] + ")", "Leerlingen", ControlUnit::Percent,
                       sc.flows.target[k].at(y0));
      set_base_value(c, tree.find(key), key.substr(key.rfind('.') + 1));
      c.lowest = 0;
      set_range(c, 0, std::max(0.05, 2 * c.base), 0.001);
    } else {
      const YearTable& f = k == 0 ? (po ? sc.flows.factor_sbo : sc.flows.factor_pro) : sc.flows.factor_so;
      Control& c = add(factor_keys[k], std::string("Verwijzing naar het ") + forms[k] + ": factor op de verwijskans (1 = zoals nu)",
                       "Leerlingen", ControlUnit::Factor, f.at(y0));
      set_base_value(c, tree.find(factor_keys[k]), std::string(factor_keys[k]).substr(std::string(factor_keys[k]).rfind('.') + 1));
      c.lowest = 0;
      set_range(c, 0, std::max(2.0, c.base + 0.5), 0.05);
    }
  }

  // Geld: extra spending per year, a new post of nominal lasten in every year.
  {
    const std::string code = extra_post_code(sc);
    Control& c = add("post[" + code + "].bedrag", "Extra besteding per jaar (elk jaar, nominaal)", "Geld", ControlUnit::Euro, 0);
    set_range(c, -round_to(0.05 * income, money), round_to(0.10 * income, money), money);
    c.companions = {{"naam", OverlayValue::of_text("Extra besteding (swvsim verken)")},
                    {"kant", OverlayValue::of_text("lasten")},
                    {"indexatie", OverlayValue::of_text("geen")}};
  }

  // Risico's: each risk's chance per year.
  for (const Risk& r : sc.risks) {
    Control& c = add("risico[" + r.code + "].kans", r.code + " " + r.name, "Risico's (kans per jaar)", ControlUnit::Percent,
                     r.probability.mean(r.years.empty() ? y0 : r.years.front()));
    const MNode* entry = array_entry(tree, "risico", r.code);
    set_base_value(c, entry ? entry->child("kans") : nullptr, "kans");
    c.lowest = 0;
    set_range(c, 0, 1, 0.01);
  }

  // Normen en beleid: the floor and the spend-down share.
  {
    Control& c = add("normen.ondergrens", "Eigen ondergrens van het eigen vermogen", "Normen en beleid", ControlUnit::Euro, sc.floor.mean(y0));
    set_base_value(c, tree.find("normen.ondergrens"), "ondergrens");
    set_range(c, 0, std::max(2 * c.base, round_to(sc.start.equity, money)), money);
  }
  {
    Control& c = add("beleid.afbouw.aandeel", "Bestedingsplan: deel van het overschot dat het jaar erna wordt uitgegeven", "Normen en beleid",
                     ControlUnit::Percent, sc.policy.spend_down ? sc.policy.spend_share.mean(y0) : 0.0);
    set_base_value(c, tree.find("beleid.afbouw.aandeel"), "aandeel");
    c.lowest = 0;
    set_range(c, 0, 1, 0.05);
  }
  return out;
}

}  // namespace swv::cli
