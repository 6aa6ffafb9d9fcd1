// derive_starter (starter.h): from a controller's answers to the yearly referral rates and intake
// that hold the answered participation and krimp in the deterministic plan, and the first year's
// budget from the funding rules.
//
// The plan of the model, in expected counts (model_flows.h, deterministic mode): from the teldatum
// of Y−1 to that of Y every pupil makes at most one move, with the rates as shares, and the intake of
// Y joins regular education. po, with R regular, S SBO, O SO (all categories):
//   R' = R (1 − v_sbo − v_so − u_R) + t_sbo S + t_so O + I
//   S' = S (1 − d − t_sbo − u_sbo) + v_sbo R
//   O' = O (1 − t_so − u_so) + d S + v_so R
// Given the targets R' = (1 − krimp) R, S' / (R' + S') = p_sbo and O' / (R' + S' + O') = p_so, each
// line has one unknown: v_sbo from the second, v_so from the third, the intake I from the first.
// vo alike with PrO (P' = P (1 − u_pro) + v_pro R, participation P' / (R' + P')) and VSO
// (V' = V (1 − t_vso − u_vso) + v_vso R, participation V' / (R' + V')).
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "build_common.h"
#include "format_nl.h"
#include "loader.h"
#include "starter.h"
#include "starter_toml.h"

namespace swv {

namespace fs = std::filesystem;
using A = StarterAssumptions;
using starter_toml::rounded;

namespace {

// The amount of a rules table in the first year, as the engine computes it there (index factor 1):
// the table's value, or past its last year that value carried with the mean funding index.
double first_year_amount(const YearTable& t, int first, double funding_rate) {
  if (!t.is_table()) return t.constant;
  if (first <= t.last_year()) return t.at(first);
  return t.at(t.last_year()) * std::pow(1 + funding_rate, first - t.last_year());
}

std::vector<std::pair<int, std::string>> builtin_years(Sector sector, const std::string& rules_dir) {
  std::vector<std::pair<int, std::string>> out;
  std::error_code ec;
  const std::string prefix = std::string(sector_name(sector)) + "-";
  for (const auto& e : fs::directory_iterator(rules_dir, ec)) {
    const std::string stem = e.path().stem().string();
    if (e.path().extension() == ".toml" && stem.size() == 7 && stem.rfind(prefix, 0) == 0 &&
        std::all_of(stem.begin() + 3, stem.end(), [](char c) { return c >= '0' && c <= '9'; }))
      out.emplace_back(std::stoi(stem.substr(3)), stem);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The beschikking's amounts over the loaded rules, as the overlay file will set them.
bool apply_decision(const Answers& a, Rules& r, Diagnostics& d) {
  const Answers::Decision& b = a.decision;
  auto table = [&](double x) {
    YearTable t;
    t.points = {{b.year, x}};
    return t;
  };
  bool ok = true;
  auto component = [&](const char* name, const std::optional<double>& amount, const std::optional<double>& factor, const char* key) {
    if (!amount && !factor) return;
    auto it = std::find_if(r.support.begin(), r.support.end(), [&](const Rules::Component& c) { return c.name == name; });
    if (it == r.support.end()) {
      d.error(a.at(key), "de regels " + fs::path(r.file).filename().string() + " hebben geen component ondersteuning." + name);
      ok = false;
      return;
    }
    if (amount) it->amount = table(*amount);
    if (factor) it->factor = *factor;
  };
  component("licht", b.light, std::nullopt, "beschikking.licht");
  component("zwaar", b.heavy, std::nullopt, "beschikking.zwaar");
  // A beschikking's zwaar of 2026 or later holds the 2026 step the built-in rules carry apart
  // (ondersteuning.zwaar_2026): 0, as the overlay sets it (starter_rules_text.cpp).
  if (b.heavy && b.year >= 2026)
    for (Rules::Component& c : r.support)
      if (c.name == "zwaar_2026") c.amount = table(0.0);
  component("regionaal", b.regional, std::nullopt, "beschikking.regionaal");
  component("lwoo_pro", b.lwoo_pro, b.lwoo_factor, b.lwoo_pro ? "beschikking.lwoo_pro" : "beschikking.lwoo_pro_factor");
  if (b.lwoo_pro) r.deduct_lwoo_pro = table(*b.lwoo_pro);
  if (b.deduct_sbo) r.deduct_sbo = table(*b.deduct_sbo);
  for (int c = 0; c < 3; ++c)
    if (b.deduct_so[c]) r.deduct_so[c] = table(*b.deduct_so[c]);
  return ok;
}

// The first year's budget (begroot) from the counts of the answers: what the engine computes for
// eerste_jaar, whose funding counts are those of the last teldatum.
void first_year_budget(const Answers& a, StarterPlan& p) {
  StarterPlan::Budget& b = p.budget;
  const Rules& r = p.rules;
  const int first = a.first_year;
  const double f = r.wage_share * A::wage + (1 - r.wage_share) * A::price;  // the mean funding index
  const bool vo = a.sector == Sector::Vo;
  const double lwoo = vo ? p.lwoo_share * a.regular : 0.0;
  const double so = a.so[0] + a.so[1] + a.so[2];
  b.pupils = vo ? a.regular + a.pro : a.regular + a.sbo;
  auto count = [&](Basis basis) {
    switch (basis) {
      case Basis::Regular: return a.regular;
      case Basis::Sbo: return a.sbo;
      case Basis::So: return so;
      case Basis::Pro: return a.pro;
      case Basis::Lwoo: return lwoo;
      case Basis::Total: return b.pupils;
    }
    return 0.0;
  };
  for (const Rules::Component& c : r.support) {
    const double amount = first_year_amount(c.amount, first, f);
    b.income_parts.emplace_back(c.name, amount * c.factor * count(c.basis));
    b.amounts.emplace_back("ondersteuning " + c.name, amount);
    b.income += b.income_parts.back().second;
  }
  const char* cats[] = {"laag", "midden", "hoog"};
  if (r.has_deduct_so)
    for (int c = 0; c < 3; ++c) {
      const double amount = first_year_amount(r.deduct_so[c], first, f);
      b.amounts.emplace_back(std::string("afdracht ") + (vo ? "VSO " : "SO ") + cats[c], amount);
      b.deduct_so += amount * a.so[c];
    }
  if (!vo && r.has_deduct_sbo) {
    const double amount = first_year_amount(r.deduct_sbo, first, f);
    b.amounts.emplace_back("afdracht SBO", amount);
    b.deduct_other = amount * std::max(0.0, a.sbo - r.sbo_threshold * (a.regular + a.sbo));
  }
  if (vo && r.has_deduct_lwoo_pro) {
    const double amount = first_year_amount(r.deduct_lwoo_pro, first, f);
    b.amounts.emplace_back("afdracht LWOO/PrO", amount);
    b.deduct_other = amount * (lwoo + a.pro);
  }
  auto thousands = [](double x) { return std::round(x / 1000) * 1000; };
  b.staff_assumed = !a.staff, b.other_assumed = !a.other_costs, b.boards_derived = !a.boards_per_pupil;
  b.staff = a.staff ? *a.staff : thousands(A::staff_share * b.income);
  b.other = a.other_costs ? *a.other_costs : thousands(A::other_share * b.income);
  b.arrangements = a.arrangements.value_or(0);
  b.remaining = b.income - b.deduct_so - b.deduct_other - b.staff - b.other - b.arrangements;
  if (a.boards_per_pupil) {
    b.boards_per_pupil = *a.boards_per_pupil;
  } else if (b.remaining > 0 && b.pupils > 0) {
    b.boards_per_pupil = std::round(100 * b.remaining / b.pupils) / 100;
  } else {
    b.boards_per_pupil = 0;
    p.notes.push_back("de begroting van " + std::to_string(first) + " sluit niet: na de afdrachten, het personeel en de overige lasten is er " +
                      euro(b.remaining) + " over; de post naar de schoolbesturen staat op € 0 per leerling. Controleer de bedragen in " +
                      "het scenario (en uw beschikking: swvsim nieuw kent de bedragen van de ingebouwde regels)");
  }
}

}  // namespace

std::string default_rules_name(Sector sector, int first_year, const std::string& rules_dir, bool& carried) {
  const auto years = builtin_years(sector, rules_dir);
  carried = false;
  if (years.empty()) return std::string(sector_name(sector)) + "-" + std::to_string(first_year);
  std::string best = years.front().second;
  for (const auto& [y, name] : years)
    if (y <= first_year) best = name;
  carried = first_year > years.back().first;
  return best;
}

std::optional<StarterPlan> derive_starter(const Answers& a, const std::string& rules_dir, Diagnostics& d) {
  const int before = d.error_count();
  StarterPlan p;
  p.first = a.first_year, p.last = a.last_year;
  const bool vo = a.sector == Sector::Vo;

  // The rules: as answered, or the newest built-in up to eerste_jaar; with the beschikking over them.
  if (a.rules.empty()) {
    p.rules_name = default_rules_name(a.sector, a.first_year, rules_dir, p.rules_carried);
    p.rules_file = (fs::path(rules_dir) / (p.rules_name + ".toml")).string();
  } else {
    p.rules_name = a.rules;
    p.rules_file = detail::resolve_rules_name(a.rules, a.at("regels"), rules_dir, d);
    p.rules_builtin = !(a.rules.find('/') != std::string::npos || a.rules.ends_with(".toml"));
    if (p.rules_file.empty()) return std::nullopt;
  }
  detail::load_rules_named(p.rules_file, a.sector, p.rules, d, a.rules.empty() ? "" : "regels in " + a.file, rules_dir);
  if (d.error_count() > before || !apply_decision(a, p.rules, d)) return std::nullopt;

  // Counts and the mix of the special categories.
  const double so0 = a.so[0] + a.so[1] + a.so[2];
  p.mix_assumed = so0 <= 0;
  for (int c = 0; c < 3; ++c) p.mix[c] = p.mix_assumed ? A::so_mix[c] : a.so[c] / so0;
  p.lwoo_assumed = vo && !a.lwoo;
  p.lwoo_share = vo ? rounded(a.lwoo ? *a.lwoo / a.regular : A::lwoo_share, 5) : 0.0;
  const double special0 = vo ? a.pro : a.sbo;
  // The participation of the counts, held when none is answered.
  const std::array<double, 2> held = vo ? std::array<double, 2>{a.pro / (a.regular + a.pro), so0 / (a.regular + so0)}
                                        : std::array<double, 2>{a.sbo / (a.regular + a.sbo), so0 / (a.regular + a.sbo + so0)};
  const char* keys[2][2] = {{"verwachting.deelname_sbo", "verwachting.deelname_so"}, {"verwachting.deelname_pro", "verwachting.deelname_vso"}};

  double R = a.regular, S = special0, O = so0;
  p.regular = {R}, p.special[0] = {S}, p.special[1] = {O};
  const double u_R = vo ? A::out_regular_vo : A::out_regular_po;
  const double keep_S = vo ? 1 - A::out_pro : 1 - A::sbo_to_so - A::return_sbo - A::out_sbo;
  const double keep_O = vo ? 1 - A::return_vso - A::out_vso : 1 - A::return_so - A::out_so;
  const double t_S = vo ? 0.0 : A::return_sbo, t_O = vo ? A::return_vso : A::return_so;
  // SBO -> SO by category in the SO mix, each rate as written.
  double d_SO = 0;
  for (int c = 0; c < 3; ++c) d_SO += p.sbo_to_so[c] = vo ? 0.0 : rounded(A::sbo_to_so * p.mix[c], 5);
  // A rate is written with 5 significant digits, and last year's written rate is kept while it still
  // holds the answer to within kKeep (participation, or the regular count relative): the tables stay
  // short, and the plan the engine traces is the one traced here, with the written values.
  constexpr double kKeep = 1e-6;
  double intake_prev = 0;
  for (int Y = p.first; Y <= p.last; ++Y) {
    const size_t i = static_cast<size_t>(Y - p.first);
    const double k = answer_at(a.shrink, Y);
    std::array<double, 2> goal{};
    for (int j = 0; j < 2; ++j) goal[j] = a.participation[j] ? answer_at(*a.participation[j], Y) : held[j];
    const double R1 = (1 - k) * R;
    // Special 1 (SBO or PrO): S' / (R' + S') = goal.
    const double S1 = goal[0] / (1 - goal[0]) * R1;
    const double v0_exact = (S1 - keep_S * S) / R;
    auto share0 = [&](double v) { const double s1 = keep_S * S + v * R; return s1 / (R1 + s1); };
    const double v0 = i > 0 && std::fabs(share0(p.refer[0].back()) - goal[0]) < kKeep ? p.refer[0].back() : rounded(v0_exact, 5);
    const double S_next = keep_S * S + v0 * R;
    // Special 2 (SO or VSO): po O' / (R' + S' + O'), vo V' / (R' + V').
    const double O1 = goal[1] / (1 - goal[1]) * (vo ? R1 : R1 + S_next);
    const double v1_exact = (O1 - keep_O * O - d_SO * S) / R;
    auto share1 = [&](double v) { const double o1 = keep_O * O + d_SO * S + v * R; return o1 / ((vo ? R1 : R1 + S_next) + o1); };
    // Split by category in the mix of the counts, so each category keeps its share.
    const bool keep1 = i > 0 && std::fabs(share1(p.refer[1].back()) - goal[1]) < kKeep;
    double v1 = 0;
    for (int c = 0; c < 3; ++c) {
      p.refer_so[c].push_back(keep1 ? p.refer_so[c].back() : rounded(v1_exact * p.mix[c], 5));
      v1 += p.refer_so[c].back();
    }
    const double exact[2] = {v0_exact, v1_exact};
    for (int j = 0; j < 2; ++j)
      if (exact[j] < 0) {
        const double low = j == 0 ? share0(0) : share1(0);
        d.error(a.participation[j] ? a.at(keys[vo][j]) : a.at("leerlingen"),
                "een deelname van " + pct(goal[j], 2) + " in " + std::to_string(Y) + " is niet te halen: zonder verwijzingen is ze dan nog " +
                    pct(low, 2) + " (de uitstroom is " + pct(j == 0 ? 1 - keep_S : 1 - keep_O, 0) + " per jaar, AANNAME, docs/starten.md)" +
                    (a.participation[j] ? "; laat de deelname geleidelijk dalen, bijv. een jaartabel { " + std::to_string(p.first) + " = " +
                                              num_exact(std::ceil(10000 * low) / 10000) + ", " + std::to_string(p.last) + " = " +
                                              num_exact(std::round(10000 * goal[j]) / 10000) + " }"
                                        : ""));
        return std::nullopt;
      }
    if (v0 + v1 + u_R >= 1) {
      d.error(a.at("leerlingen.regulier"), "de verwijzingen in " + std::to_string(Y) + " zijn samen met de uitstroom meer dan alle reguliere leerlingen");
      return std::nullopt;
    }
    // The counts the written rates give, and the intake that makes the regular count (1 − krimp) R.
    const double O_next = keep_O * O + d_SO * S + v1 * R;
    const double stay = R * (1 - v0 - v1 - u_R) + t_S * S + t_O * O;
    const double I = R1 - stay;
    if (I < 0) {
      d.error(a.at("verwachting.krimp_per_jaar"), "een krimp van " + pct(k, 1) + " in " + std::to_string(Y) + " is sneller dan de uitstroom (" +
                                                       pct(u_R, 1) + " per jaar, AANNAME) toelaat: er zou geen enkele nieuwe leerling bijkomen");
      return std::nullopt;
    }
    // instroom_Y = instroom_{Y−1} (1 + groei_Y): the first year's growth is −krimp, which sets
    // instroom (eerste_jaar − 1); later years the growth that gives this year's intake (6 decimals).
    double g = 0;
    if (i == 0) {
      g = rounded(-k, 5);
      p.intake0 = std::round(100 * I / (1 + g)) / 100;
      intake_prev = p.intake0;
    } else {
      g = std::fabs(intake_prev * (1 + p.growth.back()) - I) < kKeep * R1 ? p.growth.back() : std::round(1e6 * (I / intake_prev - 1)) / 1e6;
    }
    const double intake = intake_prev * (1 + g);
    p.growth.push_back(g);
    intake_prev = intake;
    R = stay + intake;
    S = S_next, O = O_next;
    p.refer[0].push_back(v0), p.refer[1].push_back(v1);
    p.goal[0].push_back(goal[0]), p.goal[1].push_back(goal[1]);
    p.intake.push_back(intake);
    p.regular.push_back(R), p.special[0].push_back(S), p.special[1].push_back(O);
  }
  first_year_budget(a, p);
  return p;
}

}  // namespace swv
