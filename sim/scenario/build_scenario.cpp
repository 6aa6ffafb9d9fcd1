// Turning the merged scenario tree into a Scenario: defaults, cross-checks and ranges per year.
#include <Eigen/Eigenvalues>
#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "build_scenario.h"

#include "build_common.h"
#include "builder.h"
#include "format_nl.h"
#include "loader.h"
#include "stream_id.h"
#include "validate.h"
#include "value_read.h"

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

namespace {


std::string resolve_rules_path(const std::string& r, const Where& w, const std::string& rules_dir, Diagnostics& d) {
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
  b.val(f.refer_sbo, "stromen.verwijzing.sbo", Range::Rate);
  b.val(f.refer_pro, "stromen.verwijzing.pro", Range::Rate);
  for (int c = 0; c < 3; ++c) b.val(f.refer_so[c], "stromen.verwijzing.so." + std::string(cats[c]), Range::Rate);
  for (int c = 0; c < 3; ++c) b.val(f.sbo_to_so[c], "stromen.doorstroom.sbo_so." + std::string(cats[c]), Range::Rate);
  b.val(f.return_sbo, "stromen.terugplaatsing.sbo", Range::Rate);
  b.val(f.return_so, "stromen.terugplaatsing.so", Range::Rate);
  b.val(f.out_regular, "stromen.uitstroom.regulier", Range::Rate);
  b.val(f.out_sbo, "stromen.uitstroom.sbo", Range::Rate);
  b.val(f.out_so, "stromen.uitstroom.so", Range::Rate);
  // A yearly referral probability above 10% is almost surely a percentage typed as a fraction
  // (0.7 for 0,7%): a warning, since the value itself is a valid rate.
  auto percent_like = [&](const Value& v, const char* key) {
    const double m = v.mean(sc.first_year);
    if (b.root.find(key) && m > 0.1)
      b.d.warning(b.where(key), "een verwijzingskans van " + num_plain(m) + " betekent dat elk jaar " + pct(m, 0) +
                                    " van de leerlingen wordt verwezen; bedoelt u " + pct(m / 100, 2) + " (schrijf " + num_plain(m / 100) + ")?");
  };
  percent_like(f.refer_sbo, "stromen.verwijzing.sbo");
  percent_like(f.refer_pro, "stromen.verwijzing.pro");
  for (int c = 0; c < 3; ++c) percent_like(f.refer_so[c], (std::string("stromen.verwijzing.so.") + cats[c]).c_str());
  for (int c = 0; c < 3; ++c) percent_like(f.sbo_to_so[c], (std::string("stromen.doorstroom.sbo_so.") + cats[c]).c_str());
  const bool vo = sc.sector == Sector::Vo;
  const char* doel[2] = {vo ? "stromen.doel.pro" : "stromen.doel.sbo", vo ? "stromen.doel.vso" : "stromen.doel.so"};
  const char* factor_key[2] = {vo ? "stromen.beleid.verwijzing_pro_factor" : "stromen.beleid.verwijzing_sbo_factor",
                               "stromen.beleid.verwijzing_so_factor"};
  for (int k = 0; k < 2; ++k) {
    const MNode* n = b.root.find(doel[k]);
    if (!n) continue;
    f.target_given[k] = true;
    f.target[k] = year_table_of(*n->node);
    f.target_where[k] = n->where();
    if (b.root.find(factor_key[k]))
      b.d.warning(b.where(factor_key[k]), std::string(factor_key[k]) + " wordt genegeerd: " + doel[k] + " bepaalt de factor");
  }
  f.cap_sbo = b.root.find("stromen.capaciteit.sbo") != nullptr;
  f.cap_so = b.root.find(vo ? "stromen.capaciteit.vso" : "stromen.capaciteit.so") != nullptr;
  b.val(f.capacity_sbo, "stromen.capaciteit.sbo", Range::NonNegative);
  b.val(f.capacity_so, vo ? "stromen.capaciteit.vso" : "stromen.capaciteit.so", Range::NonNegative);
  b.val(f.out_pro, "stromen.uitstroom.pro", Range::Rate);
  auto factor = [&](std::string_view path) {
    const MNode* n = b.root.find(path);
    YearTable t = n ? year_table_of(*n->node) : YearTable::fixed(1.0);
    t.before_first = 1.0;  // no policy yet before the first given year
    return t;
  };
  f.factor_sbo = factor("stromen.beleid.verwijzing_sbo_factor");
  f.factor_so = factor("stromen.beleid.verwijzing_so_factor");
  f.factor_pro = factor("stromen.beleid.verwijzing_pro_factor");
  b.val(f.effectiveness, "stromen.beleid.effectiviteit", Range::Rate);
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
  // (-1, 1]: index factors stay positive and cannot overflow.
  b.val(ix.wage, "indexatie.loon", Range::IndexRate);
  b.val(ix.price, "indexatie.prijs", Range::IndexRate);
  ix.funding_given = b.root.find("indexatie.bekostiging") != nullptr;
  b.val(ix.funding, "indexatie.bekostiging", Range::IndexRate);
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

// A computed line (berekend): its rule, the side it belongs to, the rules section it needs, and an
// optional override amount. `computed_seen`: rule -> code of the first line computing it.
void computed_line(Builder& b, const MNode& e, bool rules_ok, std::map<std::string, std::string>& computed_seen, Line& l) {
  const MNode* amount = e.child("bedrag");
  const MNode* per = e.child("per_leerling");
  const MNode* comp = e.child("berekend");
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
    const Rules& r = b.sc.rules;
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
}

// How a line's amount is given: berekend, bedrag or per_leerling (with its grondslag), and the
// default index that goes with it.
void line_amount(Builder& b, const MNode& e, bool rules_ok, std::map<std::string, std::string>& computed_seen, Line& l) {
  const MNode* amount = e.child("bedrag");
  const MNode* per = e.child("per_leerling");
  const MNode* basis = e.child("grondslag");
  if (e.child("berekend")) {
    computed_line(b, e, rules_ok, computed_seen, l);
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
}

// The rest of a line: index, realisation, shock, and its group (numbered in order of appearance).
void line_details(Builder& b, const MNode& e, std::unordered_map<std::string, int>& group_ids, Line& l) {
  if (const MNode* ix = e.child("indexatie")) {
    std::string s = text(ix);
    l.index = s == "bekostiging" ? IndexKind::Funding : s == "loon" ? IndexKind::Wage : s == "prijs" ? IndexKind::Price : IndexKind::None;
  }
  if (const MNode* r = e.child("realisatie")) l.realisation = value_of(*r);
  l.shock_sd = num(e.child("onzekerheid"), 0.0);
  l.shock_per_year = boolean(e.child("onzekerheid_per_jaar"), false);
  l.shock_driver = stream_id("post[" + l.code + "].onzekerheid");
  l.school_year = text(e.child("periode"), "kalenderjaar") == "schooljaar";
  l.group = text(e.child("groep"));
  if (!l.group.empty()) {
    auto [it, added] = group_ids.emplace(l.group, static_cast<int>(b.sc.groups.size()));
    if (added) b.sc.groups.push_back(l.group);
    l.group_id = it->second;
  }
}

// The budget lines ([[post]]): unique codes, one line per entry, then their ranges per year and
// the warning for deductions without support (no cap).
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
    line_amount(b, e, rules_ok, computed_seen, l);
    line_details(b, e, group_ids, l);
    sc.lines.push_back(std::move(l));
  }
  // Ranges per year, now that sc.lines stopped growing (the pointers stay valid).
  for (auto& l : sc.lines) {
    b.ranged_add(l.realisation, Range::NonNegative);
    b.ranged_add(l.amount, Range::Any);
    b.ranged_add(l.per_pupil, Range::Any);
  }
  bool has_support = std::any_of(sc.lines.begin(), sc.lines.end(),
                                 [](const Line& l) { return l.kind == LineKind::Computed && l.computed == Computed::Support; });
  bool has_deduct = std::any_of(sc.lines.begin(), sc.lines.end(),
                                [](const Line& l) { return l.kind == LineKind::Computed && l.computed != Computed::Support; });
  if (has_deduct && !has_support)
    b.d.warning(posts->where(), "geen post met berekend = \"ondersteuning\": de afdrachten worden niet begrensd (geen cap)");
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

// swv: name, sector and the planperiode (at most 15 years). False when the period is unusable.
bool build_period(Builder& b) {
  Scenario& sc = b.sc;
  const MNode& root = b.root;
  sc.name = text(root.find("swv.naam"));
  sc.description = text(root.find("swv.omschrijving"));
  sc.sector = text(root.find("swv.sector")) == "vo" ? Sector::Vo : Sector::Po;
  sc.first_year = static_cast<int>(integer(root.find("swv.eerste_jaar"), 0));
  sc.last_year = static_cast<int>(integer(root.find("swv.laatste_jaar"), 0));
  if (sc.last_year < sc.first_year) {
    b.d.error(b.where("swv.laatste_jaar"), "laatste_jaar (" + std::to_string(sc.last_year) + ") ligt vóór eerste_jaar (" +
                                               std::to_string(sc.first_year) + ")");
    return false;
  }
  if (sc.years() > 15) {
    b.d.error(b.where("swv.laatste_jaar"), "de planperiode is " + std::to_string(sc.years()) + " jaar; ten hoogste 15 jaar");
    return false;
  }
  return true;
}

// swv.regels: the rules file, built-in or by path, or one per first year (section 14.6). True when
// every file loaded without errors.
bool build_rules(Builder& b, const std::string& rules_dir) {
  const MNode& node = *b.root.find("swv.regels");
  Scenario& sc = b.sc;
  const int e = b.d.error_count();
  auto load = [&](const std::string& name, const Where& w, Rules& out) {
    const std::string rp = resolve_rules_path(name, w, rules_dir, b.d);
    if (!rp.empty()) load_rules_named(rp, sc.sector, out, b.d, "swv.regels in " + w.file + ":" + std::to_string(w.line));
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

// start and demografie (the default intake comes later, when the flows are known).
void build_start(Builder& b) {
  const MNode& root = b.root;
  Start& s = b.sc.start;
  s.equity = num(root.find("start.eigen_vermogen"), 0.0);
  s.regular = num(root.find("start.leerlingen.regulier"), 0.0);
  s.sbo = num(root.find("start.leerlingen.sbo"), 0.0);
  s.pro = num(root.find("start.leerlingen.pro"), 0.0);
  s.so = {num(root.find("start.leerlingen.so.laag"), 0.0), num(root.find("start.leerlingen.so.midden"), 0.0),
          num(root.find("start.leerlingen.so.hoog"), 0.0)};
  b.val(s.lwoo_share, "start.leerlingen.lwoo_aandeel", Range::Rate);
  Demography& dm = b.sc.demography;
  b.val(dm.growth, "demografie.groei", Range::Any);
  b.val(dm.sigma, "demografie.onzekerheid", Range::NonNegative);
  b.val(dm.persistence, "demografie.persistentie", Range::RateBelowOne);
  b.val(dm.newcomers, "demografie.zij_instroom", Range::Any);
}

// normen (overriding the rules file key by key), simulatie and bestedingsruimte.
void build_settings(Builder& b) {
  Scenario& sc = b.sc;
  const MNode& root = b.root;
  sc.signal_percentage = num(root.find("normen.signaleringswaarde.percentage"), sc.rules.signal_percentage);
  sc.signal_minimum = num(root.find("normen.signaleringswaarde.minimum"), sc.rules.signal_minimum);
  b.val(sc.floor, "normen.ondergrens", Range::Any);

  sc.mode = text(root.find("simulatie.modus"), "montecarlo") == "deterministisch" ? Mode::Deterministic : Mode::MonteCarlo;
  sc.paths = integer(root.find("simulatie.paden"), 10'000);
  if (sc.paths > kMaxPaths)
    b.d.error(b.where("simulatie.paden"), "ten hoogste " + num_nl(static_cast<double>(kMaxPaths)) + " paden, gevonden " +
                                              num_nl(static_cast<double>(sc.paths)));
  sc.seed = static_cast<uint64_t>(integer(root.find("simulatie.zaad"), 1));
  sc.precision = num(root.find("simulatie.precisie"), 0.0);
  if (root.find("simulatie.precisie") && !(sc.precision > 0 && sc.precision <= 0.5))
    b.d.error(b.where("simulatie.precisie"), "de precisie is de grootste standaardfout van een kans: kies een getal groter dan 0 en ten hoogste 0.5 "
                                             "(bijvoorbeeld 0.005)");
  sc.max_paths = integer(root.find("simulatie.max_paden"), kDefaultMaxPaths);
  if (sc.max_paths > kMaxPaths)
    b.d.error(b.where("simulatie.max_paden"), "ten hoogste " + num_nl(static_cast<double>(kMaxPaths)) + " paden, gevonden " +
                                                  num_nl(static_cast<double>(sc.max_paths)));

  if (const MNode* n = root.find("bestedingsruimte.profiel")) sc.spending_profile = year_table_of(*n->node);
}

// rapport: the traffic-light thresholds; orange must not exceed red.
void build_report_settings(Builder& b) {
  const MNode& root = b.root;
  ReportSettings& rs = b.sc.report;
  rs.excessive_orange = num(root.find("rapport.bovenmatig_oranje"), rs.excessive_orange);
  rs.excessive_red = num(root.find("rapport.bovenmatig_rood"), rs.excessive_red);
  rs.floor_orange = num(root.find("rapport.ondergrens_oranje"), rs.floor_orange);
  rs.floor_red = num(root.find("rapport.ondergrens_rood"), rs.floor_red);
  if (rs.excessive_orange > rs.excessive_red)
    b.d.error(b.where("rapport.bovenmatig_oranje"), "de oranje drempel (" + num_plain(rs.excessive_orange) +
                                                        ") mag niet boven de rode (" + num_plain(rs.excessive_red) + ") liggen");
  if (rs.floor_orange > rs.floor_red)
    b.d.error(b.where("rapport.ondergrens_oranje"), "de oranje drempel (" + num_plain(rs.floor_orange) +
                                                        ") mag niet boven de rode (" + num_plain(rs.floor_red) + ") liggen");
}

}  // namespace

void build_scenario(const MNode& root, const std::string& rules_dir, Scenario& sc, Diagnostics& d,
                    const std::unordered_set<std::string>* root_base_keys) {
  int before = d.error_count();
  check_required(root, FileKind::Scenario, "", sc.files.back(), d);
  if (d.error_count() > before) return;
  Builder b{root, d, sc, {}};
  if (!build_period(b)) return;
  const bool rules_ok = build_rules(b, rules_dir);
  if (rules_ok) warn_rules_coverage(b);
  build_start(b);
  build_flows(b);
  build_index(b);
  build_lines(b, rules_ok);
  build_risks(b);
  build_reserves(b);
  build_policy(b);
  build_settings(b);
  build_target(b);
  build_balance(b);
  build_safety_net(b);
  build_report_settings(b);
  // Ranges per year (after merging, when the planperiode is known), in the order registered.
  for (const auto& [v, r] : b.ranged) check_value(*v, r, sc.first_year, sc.last_year, d);
  if (d.error_count() > before) return;
  check_rate_sums(b);
  default_intake(b);
  resolve_stream_collisions(sc, root_base_keys);
}

}  // namespace swv
