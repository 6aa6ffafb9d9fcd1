// Turning the merged scenario tree into a Scenario: defaults, cross-checks and ranges per year.
#include <Eigen/Eigenvalues>
#include <cmath>
#include <map>
#include <unordered_set>

#include "build_scenario.h"

#include "build_common.h"
#include "builder.h"
#include "format_nl.h"
#include "stream_id.h"
#include "validate.h"
#include "value_read.h"

namespace swv {

using namespace detail;

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
  const std::string doel_n[2] = {std::string(doel[0]) + "_leerlingen", std::string(doel[1]) + "_leerlingen"};
  const double start_count[2] = {vo ? sc.start.pro : sc.start.sbo, sc.start.so[0] + sc.start.so[1] + sc.start.so[2]};
  for (int k = 0; k < 2; ++k) {
    const MNode* share = b.root.find(doel[k]);
    const MNode* pupils = b.root.find(doel_n[k]);
    if (share && pupils)
      b.d.error(pupils->where(), doel_n[k] + " en " + doel[k] + " zijn twee doelen voor dezelfde stroom; geef er één (deelname of leerlingen)");
    const MNode* n = share ? share : pupils;
    if (!n) continue;
    f.target_given[k] = true;
    f.target_pupils[k] = !share;
    f.target_start[k] = start_count[k];
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
  // As --max-paden without precision on demand is refused, so is max_paden without precisie: it would do nothing.
  if (root.find("simulatie.max_paden") && !root.find("simulatie.precisie"))
    b.d.error(b.where("simulatie.max_paden"), "max_paden geldt alleen bij precisie op verzoek: geef ook simulatie.precisie, of laat max_paden "
                                              "weg (zo weigert swvsim ook --max-paden zonder --precisie)");
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
  build_calibration_info(b);
  // Ranges per year (after merging, when the planperiode is known), in the order registered.
  for (const auto& [v, r] : b.ranged) {
    if (r == Range::NonNegative && v->dist == Dist::Normal) v->lower = 0;  // cut at 0 (value.h)
    check_value(*v, r, sc.first_year, sc.last_year, d);
  }
  if (d.error_count() > before) return;
  check_rate_sums(b);
  default_intake(b);
  resolve_stream_collisions(sc, root_base_keys);
}

}  // namespace swv
