// Turning the merged scenario tree into a Scenario: defaults, cross-checks and ranges per year.
#include <Eigen/Eigenvalues>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "build_common.h"
#include "format_nl.h"
#include "loader.h"
#include "stream_id.h"
#include "validate.h"

namespace swv {

using namespace detail;
namespace fs = std::filesystem;

std::vector<std::string> resolve_stream_collisions(Scenario& sc, const std::unordered_set<std::string>* root_base_keys) {
  // Every drawn stream with its key; one key may name several slots (never in practice).
  std::map<std::string, std::vector<uint32_t*>> slots;
  std::vector<const Value*> impacts;
  for (const Risk& r : sc.risks) impacts.push_back(&r.impact);
  for_each_value(sc, [&](Value& v) {
    if (v.is_random() && std::find(impacts.begin(), impacts.end(), &v) == impacts.end()) slots[v.where.key].push_back(&v.driver);
  });
  for (Line& l : sc.lines)
    if (l.shock_sd > 0) slots["post[" + l.code + "].onzekerheid"].push_back(&l.shock_driver);
  for (Risk& r : sc.risks) slots["risico[" + r.code + "]"].push_back(&r.driver);

  std::vector<std::string> keys;
  for (const auto& [k, v] : slots) keys.push_back(k);
  auto in_base = [&](const std::string& k) { return !root_base_keys || root_base_keys->count(k) > 0; };
  std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) { return in_base(a) > in_base(b); });

  const std::unordered_set<uint32_t> reserved = {kIndexStream, kDemographyStream, kFlowStream};
  std::unordered_set<uint32_t> taken = reserved, plain;  // plain: every key's own id, never given to another key
  for (const auto& k : keys) plain.insert(stream_id(k));
  std::vector<std::string> moved;
  for (const auto& k : keys)
    if (!taken.insert(stream_id(k)).second) moved.push_back(k);
  for (const auto& k : moved) {
    uint32_t id = 0;
    for (int salt = 1;; ++salt) {
      id = stream_id(k + "#" + std::to_string(salt));
      if (!plain.count(id) && !taken.count(id)) break;
    }
    taken.insert(id);
    for (uint32_t* slot : slots[k]) *slot = id;
  }
  return moved;
}

Value value_of(const MNode& node) {
  Value v;
  v.where = node.where();
  v.driver = stream_id(node.key);
  const toml::node& n = *node.node;
  const toml::table* t = n.as_table();
  if (!t || !t->contains("verdeling")) {
    v.p[0] = year_table_of(n);
    return v;
  }
  std::string name = (*t)["verdeling"].value<std::string>().value_or("vast");
  static const std::map<std::string, Dist> kinds = {
      {"vast", Dist::Fixed},       {"normaal", Dist::Normal},  {"lognormaal", Dist::LogNormal}, {"uniform", Dist::Uniform},
      {"driehoek", Dist::Triangle}, {"pert", Dist::Pert},      {"beta", Dist::Beta}};
  v.dist = kinds.at(name);
  v.per_year = (*t)["per_jaar"].value<bool>().value_or(false);
  auto params = dist_params(name);
  for (size_t i = 0; i < params.size(); ++i)
    if (const toml::node* p = t->get(params[i])) v.p[i] = year_table_of(*p);
  return v;
}

namespace {

struct Builder {
  const MNode& root;
  Diagnostics& d;
  Scenario& sc;
  std::vector<std::pair<Value*, Range>> ranged;  // checked per year at the end

  Value val(std::string_view path, Value def, Range /*range: checked via ranged_add*/) {
    const MNode* n = root.find(path);
    Value v = n ? value_of(*n) : def;
    if (n) v.where = n->where();
    return v;
  }
  void ranged_add(Value& v, Range r) { ranged.emplace_back(&v, r); }
  Where where(std::string_view path) const {
    const MNode* n = root.find(path);
    return n ? n->where() : Where{sc.files.back(), 0, 0, std::string(path)};
  }
};

std::string resolve_rules_path(const MNode& node, const std::string& rules_dir, Diagnostics& d) {
  std::string r = text(&node);
  Where w = node.where();
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
  d.error(w, "onbekende ingebouwde regels " + quote(r) + did_you_mean(r, names) + "; beschikbaar: " +
                 (all.empty() ? "(geen, map " + rules_dir + " niet gevonden)" : all) +
                 "; of geef een pad naar een regelsbestand (eindigend op .toml)");
  return {};
}

void build_flows(Builder& b) {
  Scenario& sc = b.sc;
  Flows& f = sc.flows;
  const char* cats[3] = {"laag", "midden", "hoog"};
  f.refer_sbo = b.val("stromen.verwijzing.sbo", f.refer_sbo, Range::Rate);
  f.refer_pro = b.val("stromen.verwijzing.pro", f.refer_pro, Range::Rate);
  for (int c = 0; c < 3; ++c) {
    f.refer_so[c] = b.val("stromen.verwijzing.so." + std::string(cats[c]), f.refer_so[c], Range::Rate);
    f.sbo_to_so[c] = b.val("stromen.doorstroom.sbo_so." + std::string(cats[c]), f.sbo_to_so[c], Range::Rate);
  }
  f.return_sbo = b.val("stromen.terugplaatsing.sbo", f.return_sbo, Range::Rate);
  f.return_so = b.val("stromen.terugplaatsing.so", f.return_so, Range::Rate);
  f.out_regular = b.val("stromen.uitstroom.regulier", f.out_regular, Range::Rate);
  f.out_sbo = b.val("stromen.uitstroom.sbo", f.out_sbo, Range::Rate);
  f.out_so = b.val("stromen.uitstroom.so", f.out_so, Range::Rate);
  f.out_pro = b.val("stromen.uitstroom.pro", f.out_pro, Range::Rate);
  for (Value* v : {&f.refer_sbo, &f.refer_pro, &f.refer_so[0], &f.refer_so[1], &f.refer_so[2], &f.sbo_to_so[0], &f.sbo_to_so[1],
                   &f.sbo_to_so[2], &f.return_sbo, &f.return_so, &f.out_regular, &f.out_sbo, &f.out_so, &f.out_pro})
    b.ranged_add(*v, Range::Rate);
  auto factor = [&](std::string_view path) {
    const MNode* n = b.root.find(path);
    YearTable t = n ? year_table_of(*n->node) : YearTable::fixed(1.0);
    t.before_first = 1.0;  // no policy yet before the first given year
    return t;
  };
  f.factor_sbo = factor("stromen.beleid.verwijzing_sbo_factor");
  f.factor_so = factor("stromen.beleid.verwijzing_so_factor");
  f.factor_pro = factor("stromen.beleid.verwijzing_pro_factor");
  f.effectiveness = b.val("stromen.beleid.effectiviteit", Value::fixed(1), Range::Rate);
  b.ranged_add(f.effectiveness, Range::Rate);
}

// Mean rate sums per state must stay below 1 in every year (section 6).
void check_rate_sums(Builder& b) {
  const Scenario& sc = b.sc;
  const Flows& f = sc.flows;
  for (int y = sc.first_year; y <= sc.last_year; ++y) {
    double eff = f.effectiveness.mean(y);
    auto applied = [&](const YearTable& t) { return 1 - eff * (1 - t.at(y)); };
    struct Sum {
      const char* state;
      double total;
      const char* names;
    };
    double so_ref = 0, sbo_so = 0;
    for (int c = 0; c < 3; ++c) so_ref += f.refer_so[c].mean(y), sbo_so += f.sbo_to_so[c].mean(y);
    Sum sums[] = {
        {"regulier", f.refer_sbo.mean(y) * applied(f.factor_sbo) + so_ref * applied(f.factor_so) +
                         f.refer_pro.mean(y) * applied(f.factor_pro) + f.out_regular.mean(y),
         "verwijzing.* (met beleidsfactoren) + uitstroom.regulier"},
        {"sbo", sbo_so + f.return_sbo.mean(y) + f.out_sbo.mean(y), "doorstroom.sbo_so.* + terugplaatsing.sbo + uitstroom.sbo"},
        {"so", f.return_so.mean(y) + f.out_so.mean(y), "terugplaatsing.so + uitstroom.so"},
        {"pro", f.out_pro.mean(y), "uitstroom.pro"},
    };
    for (const auto& s : sums)
      if (s.total >= 1.0) {
        b.d.error(b.where("stromen"), std::string("de kansen van de toestand ") + s.state + " tellen in " + std::to_string(y) +
                                          " op tot " + num_plain(s.total) + " (moet kleiner zijn dan 1): " + s.names);
        return;
      }
  }
}

void build_index(Builder& b) {
  Indexation& ix = b.sc.index;
  ix.wage = b.val("indexatie.loon", ix.wage, Range::Any);
  ix.price = b.val("indexatie.prijs", ix.price, Range::Any);
  ix.funding_given = b.root.find("indexatie.bekostiging") != nullptr;
  ix.funding = b.val("indexatie.bekostiging", ix.funding, Range::Any);
  for (Value* v : {&ix.wage, &ix.price, &ix.funding}) b.ranged_add(*v, Range::IndexRate);  // (-1, 1]: no overflow
  const MNode* m = b.root.find("indexatie.correlatie");
  if (!m) return;
  const auto& arr = *m->node->as_array();
  Where w = m->where();
  if (arr.size() != 3 || std::any_of(arr.begin(), arr.end(), [](const toml::node& r) { return r.as_array()->size() != 3; })) {
    b.d.error(w, "de correlatiematrix moet 3 × 3 zijn (volgorde: bekostiging, loon, prijs)");
    return;
  }
  Eigen::Matrix3d c;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) c(i, j) = ix.correlation[i][j] = number_of((*arr[i].as_array())[j]).value_or(0);
  for (int i = 0; i < 3; ++i) {
    if (std::fabs(c(i, i) - 1) > 1e-12) {
      b.d.error(w, "de diagonaal van de correlatiematrix moet 1 zijn, gevonden " + num_exact(c(i, i)) + " op plaats " + std::to_string(i + 1));
      return;
    }
    for (int j = 0; j < i; ++j)
      if (std::fabs(c(i, j) - c(j, i)) > 1e-12) {
        b.d.error(w, "de correlatiematrix is niet symmetrisch: [" + std::to_string(i + 1) + "][" + std::to_string(j + 1) + "] = " +
                         num_exact(c(i, j)) + " maar [" + std::to_string(j + 1) + "][" + std::to_string(i + 1) + "] = " + num_exact(c(j, i)));
        return;
      }
  }
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> es(c);
  std::string neg;
  for (int i = 0; i < 3; ++i)
    if (es.eigenvalues()(i) < -1e-10) neg += (neg.empty() ? "" : ", ") + num_plain(es.eigenvalues()(i));
  if (!neg.empty())
    b.d.error(w, "de correlatiematrix is niet positief semidefiniet (geen geldige correlaties); negatieve eigenwaarden: " + neg);
  // Per-year and per-path scores are separate draws: a correlation between an index drawn every
  // year and one drawn once per path cannot hold, so say so rather than ignore it silently.
  const Value* vals[3] = {&ix.funding, &ix.wage, &ix.price};
  const char* names[3] = {"bekostiging", "loon", "prijs"};
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j)
      if (c(i, j) != 0 && vals[i]->is_random() && vals[j]->is_random() && vals[i]->per_year != vals[j]->per_year)
        b.d.warning(w, std::string("de correlatie tussen ") + names[i] + " en " + names[j] + " geldt niet: " +
                           (vals[i]->per_year ? names[i] : names[j]) + " wordt per jaar getrokken en " +
                           (vals[i]->per_year ? names[j] : names[i]) + " één keer per pad; geef beide per_jaar = true of geen van beide");
}

void build_lines(Builder& b, bool rules_ok) {
  Scenario& sc = b.sc;
  const MNode* posts = b.root.child("post");
  if (!posts) return;
  std::map<std::string, std::string> seen;  // code -> where
  std::map<std::string, std::string> computed_seen;
  std::unordered_map<std::string, int> group_ids;  // (a file may hold very many posts: no linear search)
  for (const MNode& e : posts->items) {
    Line l;
    l.code = text(e.child("code"));
    l.name = text(e.child("naam"));
    l.where = e.where();
    if (auto it = seen.find(l.code); it != seen.end()) {
      b.d.error(l.where, "code " + quote(l.code) + " komt twee keer voor (eerder: " + it->second + ")");
      continue;
    }
    seen[l.code] = l.where.file + ":" + std::to_string(l.where.line);
    l.side = text(e.child("kant")) == "baten" ? Side::Income : Side::Cost;
    const MNode* amount = e.child("bedrag");
    const MNode* per = e.child("per_leerling");
    const MNode* comp = e.child("berekend");
    const MNode* basis = e.child("grondslag");
    if (comp) {
      l.kind = LineKind::Computed;
      std::string c = text(comp);
      l.computed = c == "ondersteuning" ? Computed::Support
                   : c == "afdracht_so" ? Computed::DeductSo
                   : c == "afdracht_sbo" ? Computed::DeductSbo
                                         : Computed::DeductLwooPro;
      bool income = l.computed == Computed::Support;
      if (income != (l.side == Side::Income))
        b.d.error(comp->where(), "berekend = \"" + c + "\" hoort bij kant = \"" + (income ? "baten" : "lasten") + "\"");
      if (per) b.d.error(per->where(), "een berekende post heeft geen per_leerling (alleen bedrag als override)");
      if (rules_ok) {
        const Rules& r = sc.rules;
        const char* missing = (l.computed == Computed::DeductSo && !r.has_deduct_so)       ? "[afdracht.so]"
                              : (l.computed == Computed::DeductSbo && !r.has_deduct_sbo)  ? "[afdracht.sbo]"
                              : (l.computed == Computed::DeductLwooPro && !r.has_deduct_lwoo_pro) ? "[afdracht.lwoo_pro]"
                                                                                              : nullptr;
        if (missing) b.d.error(comp->where(), "het regelsbestand " + r.file + " heeft geen " + missing);
      }
      if (amount) {
        l.has_override = true;
        l.amount = value_of(*amount);
      } else if (computed_seen.count(c)) {
        b.d.warning(comp->where(), "berekend = \"" + c + "\" staat ook in post " + quote(computed_seen[c]) + ": het bedrag telt twee keer");
      }
      if (!amount) computed_seen[c] = l.code;
      l.index = amount ? IndexKind::None : IndexKind::Funding;
    } else if (amount && per) {
      b.d.error(per->where(), "een post heeft bedrag óf per_leerling, niet beide");
    } else if (amount) {
      l.kind = LineKind::Amount;
      l.amount = value_of(*amount);
      l.index = IndexKind::Price;
    } else if (per) {
      l.kind = LineKind::PerPupil;
      l.per_pupil = value_of(*per);
      l.index = IndexKind::Funding;
      if (!basis) b.d.error(per->where(), "per_leerling vraagt ook grondslag (regulier, sbo, so, pro, lwoo of totaal)");
    } else {
      b.d.error(l.where, "post " + quote(l.code) + " heeft geen bedrag: geef bedrag, per_leerling of berekend");
    }
    if (basis && !per) b.d.error(basis->where(), "grondslag hoort bij per_leerling");
    if (basis) l.basis = basis_of(text(basis));
    if (const MNode* ix = e.child("indexatie")) {
      std::string s = text(ix);
      l.index = s == "bekostiging" ? IndexKind::Funding : s == "loon" ? IndexKind::Wage : s == "prijs" ? IndexKind::Price : IndexKind::None;
    }
    if (const MNode* r = e.child("realisatie")) l.realisation = value_of(*r);
    l.shock_sd = num(e.child("onzekerheid"), 0.0);
    l.shock_per_year = boolean(e.child("onzekerheid_per_jaar"), false);
    l.shock_driver = stream_id("post[" + l.code + "].onzekerheid");
    l.group = text(e.child("groep"));
    if (!l.group.empty()) {
      auto [it, added] = group_ids.emplace(l.group, static_cast<int>(sc.groups.size()));
      if (added) sc.groups.push_back(l.group);
      l.group_id = it->second;
    }
    sc.lines.push_back(std::move(l));
  }
  bool has_support = std::any_of(sc.lines.begin(), sc.lines.end(),
                                 [](const Line& l) { return l.kind == LineKind::Computed && l.computed == Computed::Support; });
  bool has_deduct = std::any_of(sc.lines.begin(), sc.lines.end(),
                                [](const Line& l) { return l.kind == LineKind::Computed && l.computed != Computed::Support; });
  if (has_deduct && !has_support)
    b.d.warning(posts->where(), "geen post met berekend = \"ondersteuning\": de afdrachten worden niet begrensd (geen cap)");
}

void build_risks(Builder& b) {
  Scenario& sc = b.sc;
  const MNode* rs = b.root.child("risico");
  if (!rs) return;
  std::map<std::string, std::string> seen;
  for (const MNode& e : rs->items) {
    Risk r;
    r.code = text(e.child("code"));
    r.name = text(e.child("naam"));
    r.where = e.where();
    if (auto it = seen.find(r.code); it != seen.end()) {
      b.d.error(r.where, "code " + quote(r.code) + " komt twee keer voor (eerder: " + it->second + ")");
      continue;
    }
    seen[r.code] = r.where.file + ":" + std::to_string(r.where.line);
    if (const MNode* k = e.child("kans")) r.probability = value_of(*k);
    if (const MNode* i = e.child("impact")) r.impact = value_of(*i);
    r.lost_income = text(e.child("kant"), "lasten") == "baten";
    r.driver = stream_id("risico[" + r.code + "]");
    if (const MNode* j = e.child("jaren")) {
      for (const auto& y : *j->node->as_array()) {
        int year = static_cast<int>(y.value<int64_t>().value_or(0));
        if (year < sc.first_year || year > sc.last_year)
          b.d.warning(where_of(y, j->key), "jaar " + std::to_string(year) + " ligt buiten de planperiode " +
                                               std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
        r.years.push_back(year);
      }
    }
    sc.risks.push_back(std::move(r));
  }
}

void build_policy(Builder& b) {
  Scenario& sc = b.sc;
  Policy& p = sc.policy;
  if (b.root.find("beleid.ocw_afroming")) {
    p.skim = true;
    p.skim_from = static_cast<int>(integer(b.root.find("beleid.ocw_afroming.vanaf"), 0));
    p.skim_share = b.val("beleid.ocw_afroming.aandeel", Value::fixed(0), Range::Rate);
  }
  if (b.root.find("beleid.afbouw")) {
    p.spend_down = true;
    p.spend_share = b.val("beleid.afbouw.aandeel", Value::fixed(0), Range::Rate);
  }
  if (const MNode* cut = b.root.find("beleid.bezuiniging")) {
    p.cut = true;
    p.cut_share = b.val("beleid.bezuiniging.aandeel", Value::fixed(0), Range::Rate);
    std::string g = text(b.root.find("beleid.bezuiniging.groep"));
    std::vector<std::string> cost_groups;
    std::unordered_set<std::string> listed;
    for (const auto& l : sc.lines)
      if (l.side == Side::Cost && !l.group.empty() && listed.insert(l.group).second) cost_groups.push_back(l.group);
    if (!listed.count(g)) {
      std::string all;
      for (size_t i = 0; i < cost_groups.size() && i < 20; ++i) all += (all.empty() ? "" : ", ") + quote(cost_groups[i]);
      if (cost_groups.size() > 20) all += ", … (" + std::to_string(cost_groups.size()) + " groepen)";
      const MNode* gn = cut->child("groep");
      b.d.error(gn ? gn->where() : cut->where(), "onbekende groep " + quote(g) + did_you_mean(g, cost_groups) +
                                                      "; groepen van lasten-posten: " + (all.empty() ? "(geen)" : all));
    } else {
      p.cut_group = static_cast<int>(std::find(sc.groups.begin(), sc.groups.end(), g) - sc.groups.begin());
    }
  }
  if (const MNode* k = b.root.find("beleid.ocw_korting")) {
    p.generic_cut = true;
    p.generic_cut_year = static_cast<int>(integer(k->child("jaar"), 0));
    p.generic_cut_per_pupil = num(k->child("per_leerling"), 0.0);
    if (p.generic_cut_year < sc.first_year || p.generic_cut_year > sc.last_year)
      b.d.warning(k->child("jaar")->where(), "jaar " + std::to_string(p.generic_cut_year) + " ligt buiten de planperiode: de korting heeft geen effect");
  }
}

// Default intake keeps the regular count constant in expectation in eerste_jaar - 1 (section 5).
void default_intake(Builder& b) {
  Scenario& sc = b.sc;
  Demography& dm = sc.demography;
  if (const MNode* n = b.root.find("demografie.instroom")) {
    dm.intake = num(n, 0.0);
    dm.intake_given = true;
    return;
  }
  const Flows& f = sc.flows;
  int y = sc.first_year - 1;
  double eff = f.effectiveness.mean(y);
  auto applied = [&](const YearTable& t) { return 1 - eff * (1 - t.at(y)); };
  double refer = f.refer_sbo.mean(y) * applied(f.factor_sbo) + f.refer_pro.mean(y) * applied(f.factor_pro);
  for (int c = 0; c < 3; ++c) refer += f.refer_so[c].mean(y) * applied(f.factor_so);
  const Start& s = sc.start;
  double returns = f.return_sbo.mean(y) * s.sbo + f.return_so.mean(y) * (s.so[0] + s.so[1] + s.so[2]);
  dm.intake = (f.out_regular.mean(y) + refer) * s.regular - returns;
  if (dm.intake < 0) {
    b.d.warning(b.where("stromen"), "de berekende standaardinstroom is negatief (meer terugplaatsing dan uitstroom); instroom = 0 gebruikt");
    dm.intake = 0;
  }
}

}  // namespace

void build_scenario(const MNode& root, const std::string& rules_dir, Scenario& sc, Diagnostics& d,
                    const std::unordered_set<std::string>* root_base_keys) {
  int before = d.error_count();
  check_required(root, FileKind::Scenario, "", sc.files.back(), d);
  if (d.error_count() > before) return;
  Builder b{root, d, sc, {}};

  sc.name = text(root.find("swv.naam"));
  sc.description = text(root.find("swv.omschrijving"));
  sc.sector = text(root.find("swv.sector")) == "vo" ? Sector::Vo : Sector::Po;
  sc.first_year = static_cast<int>(integer(root.find("swv.eerste_jaar"), 0));
  sc.last_year = static_cast<int>(integer(root.find("swv.laatste_jaar"), 0));
  if (sc.last_year < sc.first_year) {
    d.error(b.where("swv.laatste_jaar"), "laatste_jaar (" + std::to_string(sc.last_year) + ") ligt vóór eerste_jaar (" +
                                             std::to_string(sc.first_year) + ")");
    return;
  }
  if (sc.years() > 15) {
    d.error(b.where("swv.laatste_jaar"), "de planperiode is " + std::to_string(sc.years()) + " jaar; ten hoogste 15 jaar");
    return;
  }

  // Rules.
  bool rules_ok = false;
  const MNode& rules_node = *root.find("swv.regels");
  if (std::string rp = resolve_rules_path(rules_node, rules_dir, d); !rp.empty()) {
    int e = d.error_count();
    Where rw = rules_node.where();
    load_rules_named(rp, sc.sector, sc.rules, d, "swv.regels in " + rw.file + ":" + std::to_string(rw.line));
    rules_ok = d.error_count() == e;
  }

  // Start.
  Start& s = sc.start;
  s.equity = num(root.find("start.eigen_vermogen"), 0.0);
  s.regular = num(root.find("start.leerlingen.regulier"), 0.0);
  s.sbo = num(root.find("start.leerlingen.sbo"), 0.0);
  s.pro = num(root.find("start.leerlingen.pro"), 0.0);
  s.so = {num(root.find("start.leerlingen.so.laag"), 0.0), num(root.find("start.leerlingen.so.midden"), 0.0),
          num(root.find("start.leerlingen.so.hoog"), 0.0)};
  s.lwoo_share = b.val("start.leerlingen.lwoo_aandeel", Value::fixed(0), Range::Rate);
  b.ranged_add(s.lwoo_share, Range::Rate);

  // Demography, flows, indices.
  Demography& dm = sc.demography;
  dm.growth = b.val("demografie.groei", dm.growth, Range::Any);
  dm.sigma = b.val("demografie.onzekerheid", dm.sigma, Range::NonNegative);
  dm.persistence = b.val("demografie.persistentie", dm.persistence, Range::RateBelowOne);
  b.ranged_add(dm.growth, Range::Any);
  b.ranged_add(dm.sigma, Range::NonNegative);
  b.ranged_add(dm.persistence, Range::RateBelowOne);
  build_flows(b);
  build_index(b);

  build_lines(b, rules_ok);
  build_risks(b);
  build_policy(b);

  // Norms: normen overrides the rules file key by key.
  sc.signal_percentage = num(root.find("normen.signaleringswaarde.percentage"), sc.rules.signal_percentage);
  sc.signal_minimum = num(root.find("normen.signaleringswaarde.minimum"), sc.rules.signal_minimum);
  sc.floor = b.val("normen.ondergrens", Value::fixed(0), Range::Any);

  // Simulation settings.
  sc.mode = text(root.find("simulatie.modus"), "montecarlo") == "deterministisch" ? Mode::Deterministic : Mode::MonteCarlo;
  sc.paths = integer(root.find("simulatie.paden"), 10'000);
  if (sc.paths > kMaxPaths)
    d.error(b.where("simulatie.paden"), "ten hoogste " + num_nl(static_cast<double>(kMaxPaths)) + " paden, gevonden " +
                                            num_nl(static_cast<double>(sc.paths)));
  sc.seed = static_cast<uint64_t>(integer(root.find("simulatie.zaad"), 1));

  if (const MNode* n = root.find("bestedingsruimte.profiel")) sc.spending_profile = year_table_of(*n->node);

  // Report settings: orange must not exceed red.
  ReportSettings& rs = sc.report;
  rs.excessive_orange = num(root.find("rapport.bovenmatig_oranje"), rs.excessive_orange);
  rs.excessive_red = num(root.find("rapport.bovenmatig_rood"), rs.excessive_red);
  rs.floor_orange = num(root.find("rapport.ondergrens_oranje"), rs.floor_orange);
  rs.floor_red = num(root.find("rapport.ondergrens_rood"), rs.floor_red);
  if (rs.excessive_orange > rs.excessive_red)
    d.error(b.where("rapport.bovenmatig_oranje"), "de oranje drempel (" + num_plain(rs.excessive_orange) +
                                                      ") mag niet boven de rode (" + num_plain(rs.excessive_red) + ") liggen");
  if (rs.floor_orange > rs.floor_red)
    d.error(b.where("rapport.ondergrens_oranje"), "de oranje drempel (" + num_plain(rs.floor_orange) +
                                                      ") mag niet boven de rode (" + num_plain(rs.floor_red) + ") liggen");

  // Ranges per year (after merging, when the planperiode is known). Values inside sc.lines/risks
  // are referenced after the vectors stopped growing.
  for (auto& l : sc.lines) {
    b.ranged_add(l.realisation, Range::NonNegative);
    b.ranged_add(l.amount, Range::Any);
    b.ranged_add(l.per_pupil, Range::Any);
  }
  for (auto& r : sc.risks) {
    b.ranged_add(r.probability, Range::Rate);
    b.ranged_add(r.impact, Range::Any);
  }
  for (Value* v : {&sc.policy.skim_share, &sc.policy.spend_share, &sc.policy.cut_share}) b.ranged_add(*v, Range::Rate);
  b.ranged_add(sc.floor, Range::Any);
  for (const auto& [v, r] : b.ranged) check_value(*v, r, sc.first_year, sc.last_year, d);
  if (d.error_count() > before) return;
  check_rate_sums(b);
  default_intake(b);
  resolve_stream_collisions(sc, root_base_keys);
}

}  // namespace swv
