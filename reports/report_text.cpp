#include "report_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "board_text.h"
#include "format_nl.h"
#include "mc.h"
#include "report_terms.h"

namespace swv {

namespace {

const Series* series(const Result& r, const char* key) { return r.find(key); }
double mean_of(const Result& r, const char* key, size_t y) {
  const Series* s = series(r, key);
  return s && y < s->mean.size() ? s->mean[y] : 0.0;
}

// "2025, 2026 en 2028"; runs of consecutive years as "2025–2028".
std::string year_list(const std::vector<int>& years) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < years.size();) {
    size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    parts.push_back(j > i + 1 ? std::to_string(years[i]) + "–" + std::to_string(years[j])
                              : std::to_string(years[i]) + (j == i + 1 ? ", " + std::to_string(years[j]) : ""));
    i = j + 1;
  }
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) out += (k == 0 ? "" : k + 1 == parts.size() ? " en " : ", ") + parts[k];
  return out;
}

const char* rule_words(const std::string& rule) {
  if (rule == "ocw_afroming") return "de OCW-afroming van het bovenmatige deel";
  if (rule == "afbouw") return "het bestedingsplan (afbouw van het overschot)";
  if (rule == "bezuiniging") return "de bezuiniging onder de ondergrens";
  if (rule == "ocw_korting") return "de generieke OCW-korting";
  if (rule == "cap") return "de begrenzing van de DUO-afdrachten (cap)";
  return "een beleidsregel";
}

std::string params_text(const Value& v, int year) {
  const double a = v.p[0].at(year), b = v.p[1].at(year), c = v.p[2].at(year);
  switch (v.dist) {
    case Dist::Fixed: return num_short(a);
    case Dist::Normal: return "normaal verdeeld met gemiddelde " + num_short(a) + " en standaardafwijking " + num_short(b);
    case Dist::LogNormal: return "lognormaal verdeeld met gemiddelde " + num_short(a) + " en standaardafwijking " + num_short(b);
    case Dist::Beta: return "beta-verdeeld met gemiddelde " + num_short(a) + " en standaardafwijking " + num_short(b);
    case Dist::Uniform: return "uniform verdeeld tussen " + num_short(a) + " en " + num_short(b);
    case Dist::Triangle:
      return "driehoeksverdeeld met minimum " + num_short(a) + ", meest waarschijnlijk " + num_short(b) + " en maximum " + num_short(c);
    case Dist::Pert:
      return "PERT-verdeeld met minimum " + num_short(a) + ", meest waarschijnlijk " + num_short(b) + " en maximum " + num_short(c);
  }
  return "";
}

}  // namespace

const char* light_name(Light l) {
  switch (l) {
    case Light::Green: return "groen";
    case Light::Orange: return "oranje";
    case Light::Red: return "rood";
  }
  return "";
}

Light light_of(double p, double orange, double red) { return p >= red ? Light::Red : p >= orange ? Light::Orange : Light::Green; }

Light light_excessive(const ReportInput& in, size_t y) {
  const ReportSettings s = in.settings();
  return light_of(in.result.excessive.value.at(y), s.excessive_orange, s.excessive_red);
}

Light light_floor(const ReportInput& in, size_t y) {
  const ReportSettings s = in.settings();
  return light_of(in.result.below_floor.value.at(y), s.floor_orange, s.floor_red);
}

int first_likely_year(const Probability& p) {
  for (size_t i = 0; i < p.value.size(); ++i)
    if (p.value[i] > 0.5) return static_cast<int>(i);
  return -1;
}

std::string chance(double p) {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  if (p < 0.005) return "<1%";
  if (p > 0.995) return ">99%";
  return pct(p, 0);
}

std::string excessive_sentence(const ReportInput& in, size_t y) {
  const Result& r = in.result;
  const std::string year = std::to_string(r.years.at(y));
  const double signal = mean_of(r, "signaleringswaarde", y), equity = mean_of(r, "eigen_vermogen", y);
  if (!in.monte_carlo()) {
    if (r.excessive.value[y] > 0)
      return "In " + year + " komt het eigen vermogen (" + euro(equity) + ") boven de signaleringswaarde (" + euro(signal) +
             "): bovenmatig, " + euro(equity - signal) + " te veel.";
    return "In " + year + " blijft het eigen vermogen (" + euro(equity) + ") onder de signaleringswaarde (" + euro(signal) + ").";
  }
  std::string s = "In " + year + " is de kans " + chance(r.excessive.value[y]) +
                  " dat het eigen vermogen boven de signaleringswaarde (gemiddeld " + euro(signal) + ") uitkomt";
  // The median distance to the norm, both ways (the mean of only the excess read as a surplus where
  // most paths end below the norm).
  if (const Series* d = r.find("afstand_signaleringswaarde"); d && y < d->p50.size())
    s += d->p50[y] >= 0 ? "; in de helft van de paden ligt het ten minste " + euro(d->p50[y]) + " erboven"
                        : "; in de helft van de paden ligt het ten minste " + euro(-d->p50[y]) + " eronder";
  return s + ".";
}

std::string floor_sentence(const ReportInput& in, size_t y) {
  const Result& r = in.result;
  const std::string year = std::to_string(r.years.at(y));
  const double floor = mean_of(r, "ondergrens", y), equity = mean_of(r, "eigen_vermogen", y);
  if (!in.monte_carlo()) {
    if (r.below_floor.value[y] > 0)
      return "In " + year + " zakt het eigen vermogen (" + euro(equity) + ") onder de eigen ondergrens (" + euro(floor) + ").";
    return "In " + year + " blijft het eigen vermogen (" + euro(equity) + ") boven de eigen ondergrens (" + euro(floor) + ").";
  }
  return "In " + year + " is de kans " + chance(r.below_floor.value[y]) + " dat het eigen vermogen onder de eigen ondergrens (" +
         euro(floor) + ") zakt.";
}

std::string movement_sentence(const ReportInput& in, size_t y) {
  const Result& r = in.result;
  const double result = mean_of(r, "saldo", y);
  std::string s = "In " + std::to_string(r.years.at(y)) + (in.monte_carlo() ? " is het saldo gemiddeld " : " is het saldo ") +
                  euro(result) + ": baten " + euro(mean_of(r, "totale_baten", y)) + ", kortingen " + euro(mean_of(r, "kortingen", y)) +
                  ", lasten " + euro(mean_of(r, "totale_lasten", y)) + ".";
  std::vector<std::string> active;
  for (const auto& [rule, share] : r.policy_fired)
    if (y < share.size() && share[y] > 0)
      active.push_back(std::string(rule_words(rule)) + (in.monte_carlo() ? " (in " + chance(share[y]) + " van de paden)" : ""));
  if (!active.empty()) {
    s += " Actief: ";
    for (size_t k = 0; k < active.size(); ++k) s += (k == 0 ? "" : k + 1 == active.size() ? " en " : ", ") + active[k];
    s += ".";
  }
  return s;
}

namespace {

// The years in which probability `p` reaches `threshold`.
std::vector<int> years_where(const Result& r, const Probability& p, double threshold) {
  std::vector<int> ys;
  for (size_t i = 0; i < p.value.size(); ++i)
    if (p.value[i] >= threshold) ys.push_back(r.years[i]);
  return ys;
}

// The index of the year where `p` is highest.
size_t worst_year(const Probability& p) { return static_cast<size_t>(std::max_element(p.value.begin(), p.value.end()) - p.value.begin()); }

// The signaleringswaarde: the years in which excessive equity is likely (or, deterministic, the
// case), named as they are ("alleen in 2024", "vanaf 2026"), and the red light.
void add_excessive_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  const std::string period = std::to_string(r.years.front()) + "–" + std::to_string(r.years.back());
  const auto likely = years_where(r, r.excessive, in.monte_carlo() ? 0.5 + 1e-12 : 0.5);
  if (!likely.empty()) {
    double lo = 1, hi = 0;
    for (size_t i = 0; i < r.years.size(); ++i)  // by index: a result's years need not be consecutive
      if (std::find(likely.begin(), likely.end(), r.years[i]) != likely.end()) {
        const double p = r.excessive.value[i];
        lo = std::min(lo, p), hi = std::max(hi, p);
      }
    std::string when = board_years_phrase(likely, r.years);  // in front: "Alleen in 2026 is ...", never "... niet alleen in 2026"
    when[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(when[0])));
    out.push_back(in.monte_carlo() ? when + " is bovenmatig eigen vermogen waarschijnlijker dan niet: de kans dat het eigen vermogen boven "
                                         "de signaleringswaarde uitkomt is daar " + (chance(lo) == chance(hi) ? chance(hi) : chance(lo) + " tot " + chance(hi)) + "."
                                   : when + " ligt het eigen vermogen boven de signaleringswaarde (bovenmatig).");
  } else {
    const size_t w = worst_year(r.excessive);
    out.push_back("In geen enkel jaar van de planperiode (" + period + ") is bovenmatig eigen vermogen " +
                  (in.monte_carlo() ? "waarschijnlijker dan niet; de hoogste kans is " + chance(r.excessive.value[w]) + " in " +
                                          std::to_string(r.years[w]) + "."
                                    : "aan de orde."));
  }
  if (in.monte_carlo()) {
    const ReportSettings st = in.settings();
    const auto red = years_where(r, r.excessive, st.excessive_red);
    if (!red.empty())
      out.push_back("Stoplicht bovenmatig op rood (kans " + pct(st.excessive_red, 0) + " of meer) in " + year_list(red) + ".");
  }
}

// The floor: the worst year and the red light (Monte Carlo), or the years below it.
void add_floor_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  if (!in.monte_carlo()) {
    const auto below = years_where(r, r.below_floor, 0.5);
    out.push_back(below.empty() ? "Het eigen vermogen blijft in elk jaar boven de eigen ondergrens."
                                : "Het eigen vermogen zakt onder de eigen ondergrens " + board_years_phrase(below, r.years) + ".");
    const auto negative = years_where(r, r.negative, 0.5);
    if (!negative.empty()) out.push_back("Het eigen vermogen wordt negatief " + board_years_phrase(negative, r.years) + ".");
    return;
  }
  const ReportSettings st = in.settings();
  const size_t wf = worst_year(r.below_floor);
  const double floor_last = mean_of(r, "ondergrens", r.years.size() - 1);
  if (r.below_floor.value[wf] < 0.005) {
    out.push_back("In geen enkel jaar is de kans groter dan 1% dat het eigen vermogen onder de eigen ondergrens (" + euro(floor_last) +
                  " in " + std::to_string(r.years.back()) + ") zakt.");
  } else {
    // The floor of the year named, not of another year (the floor can change from year to year).
    std::string s = "De kans dat het eigen vermogen onder de eigen ondergrens zakt, is het grootst in " + std::to_string(r.years[wf]) + ": " +
                    chance(r.below_floor.value[wf]) + " (ondergrens " + euro(mean_of(r, "ondergrens", wf)) + ").";
    const auto red = years_where(r, r.below_floor, st.floor_red);
    if (!red.empty()) s += " Stoplicht ondergrens op rood (kans " + pct(st.floor_red, 0) + " of meer) in " + year_list(red) + ".";
    out.push_back(s);
  }
  const size_t wn = worst_year(r.negative);
  if (r.negative.value[wn] >= 0.005)
    out.push_back("De kans op een negatief eigen vermogen is het grootst in " + std::to_string(r.years[wn]) + ": " +
                  chance(r.negative.value[wn]) + ".");
}

// The algemene reserve against the SWV's own target (when the scenario has one).
void add_target_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  const Probability* p = find_flag(r, "onder_streefvermogen");
  if (!p || p->value.empty()) return;
  if (!in.monte_carlo()) {
    const auto below = years_where(r, *p, 0.5);
    out.push_back(below.empty() ? "De algemene reserve blijft in elk jaar op of boven het streefvermogen."
                                : "De algemene reserve ligt onder het streefvermogen in " + year_list(below) + ".");
    return;
  }
  const size_t w = worst_year(*p);
  const double target = mean_of(r, "streefvermogen", w);
  if (p->value[w] < 0.005)
    out.push_back("In geen enkel jaar is de kans groter dan 1% dat de algemene reserve onder het streefvermogen (" + euro(target) +
                  ") zakt.");
  else
    out.push_back("De kans dat de algemene reserve onder het streefvermogen (" + euro(target) + ") zakt, is het grootst in " +
                  std::to_string(r.years[w]) + ": " + chance(p->value[w]) + ".");
}

// The Inspectie's continuity signals on the meerjarenbalans (when the scenario has [balans]).
void add_balance_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  if (!has_balance(r)) return;
  std::vector<std::string> hits;
  for (const BalanceSignal& g : balance_signals()) {
    const Probability* p = find_flag(r, g.flag);
    if (!p || p->value.empty()) continue;
    if (in.monte_carlo()) {
      const size_t w = worst_year(*p);
      if (p->value[w] >= 0.005) hits.push_back(flag_words(g.flag) + " (kans tot " + chance(p->value[w]) + ", in " + std::to_string(r.years[w]) + ")");
    } else if (const auto ys = years_where(r, *p, 0.5); !ys.empty()) {
      hits.push_back(flag_words(g.flag) + " (" + year_list(ys) + ")");
    }
  }
  if (hits.empty()) {
    out.push_back(std::string("De meerjarenbalans geeft ") + (in.monte_carlo() ? "in geen enkel jaar met meer dan 1% kans " : "in geen enkel jaar ") +
                  "een signaal van de Inspectie (solvabiliteit 2 onder 0,30, liquiditeit onder 0,75, drie jaar op rij een negatief resultaat).");
    return;
  }
  std::string s = "Signalen van de Inspectie op de meerjarenbalans: ";
  for (size_t k = 0; k < hits.size(); ++k) s += (k == 0 ? "" : k + 1 == hits.size() ? " en " : ", ") + hits[k];
  out.push_back(s + ".");
}

// The benodigd weerstandsvermogen at 90% against the algemene reserve at the start, rated on the NAR scale.
void add_buffer_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  for (const auto& b : r.buffers) {
    if (std::fabs(b.confidence - 0.9) > 1e-9) continue;
    const BufferVerdict v = buffer_verdict(r.start_general_reserve, b.required);
    const std::string rating = std::string("klasse ") + v.nar.letter + " (" + v.nar.label + ")";
    std::string s = "Benodigd weerstandsvermogen (90% zekerheid): " + euro(b.required);
    if (b.required <= 0)
      s += ": in ten minste 90% van de paden komt het eigen vermogen in geen enkel jaar onder de begroting, er is geen buffer nodig. "
           "Beschikbaar (algemene reserve bij de start) is " + euro(r.start_general_reserve) + ": " + rating + ".";
    else
      s += ", het bedrag waarmee het eigen vermogen door risico's en onzekerheid in het slechtste jaar onder de begroting kan "
           "uitkomen. Beschikbaar (algemene reserve bij de start) is " + euro(r.start_general_reserve) + ": ratio " + v.ratio_text +
           ", " + rating + ".";
    out.push_back(s);
  }
}

// A standard error of a probability in percentage points ("0,55 procentpunt"; 3 decimals below 0,1).
std::string points(double se) { return num_nl(100 * se, se < 0.001 ? 3 : 2) + " procentpunt"; }

// Precision on demand (run --precisie): how many paths ran and the largest standard error reached.
void add_precision_summary(const ReportInput& in, std::vector<std::string>& out) {
  const Result& r = in.result;
  if (r.precision.target <= 0) return;
  std::string s = "Precisie op verzoek: na " + int_nl(r.paths) + " paden is de grootste standaardfout van de kansen " +
                  points(r.precision.achieved) + " (doel: ten hoogste " + points(r.precision.target) + "): ";
  s += precision_outcome(r) + ".";
  out.push_back(s);
}

}  // namespace

std::string precision_outcome(const Result& r) {
  if (r.precision.met) return "gehaald";
  if (r.paths < kMinPrecisionPaths)
    return "niet gehaald; met " + int_nl(r.paths) + (r.paths == 1 ? " pad" : " paden") + " (--max-paden) is een precisie niet te beoordelen: " +
           "daarvoor zijn ten minste " + int_nl(kMinPrecisionPaths) + " paden nodig (een kans van 0 of 1 heeft dan standaardfout 0)";
  return "niet gehaald; de grens van " + int_nl(r.precision.max_paths) + " paden (--max-paden) is bereikt";
}

std::vector<std::string> summary_sentences(const ReportInput& in) {
  std::vector<std::string> out;
  if (in.result.years.empty()) return out;
  add_excessive_summary(in, out);
  add_floor_summary(in, out);
  add_target_summary(in, out);
  add_balance_summary(in, out);
  add_buffer_summary(in, out);
  add_precision_summary(in, out);
  return out;
}

std::vector<Assumption> assumptions(const Scenario& sc) {
  std::vector<Assumption> out;
  const int y0 = sc.first_year;
  // A risk's chance and impact are listed with the risk below: the engine draws them each year (the
  // impact afresh at each occurrence), not once per path as the generic line would say.
  std::vector<const Value*> risk_values;
  for (const auto& rk : sc.risks) risk_values.push_back(&rk.probability), risk_values.push_back(&rk.impact);
  for_each_value(sc, [&](const Value& v) {
    if (!v.is_random() || std::find(risk_values.begin(), risk_values.end(), &v) != risk_values.end()) return;
    bool varies = false;
    for (const auto& t : v.p) varies |= t.is_table();
    std::string text = params_text(v, y0);
    if (varies) text += " (parameters per jaar; hier " + std::to_string(y0) + ")";
    text += v.per_year ? "; elk jaar opnieuw getrokken" : "; één trekking per pad (een pad dat hoog uitkomt, blijft hoog)";
    out.push_back({v.where.key, text});
  });
  for (const auto& l : sc.lines)
    if (l.shock_sd > 0)
      out.push_back({"post[" + l.code + "].onzekerheid", "bedrag × (1 + schok), schok normaal verdeeld met standaardafwijking " +
                                                            pct_plain(l.shock_sd) +
                                                            (l.shock_per_year ? "; elk jaar opnieuw" : "; één schok per pad")});
  if (sc.demography.sigma.is_random() || sc.demography.sigma.p[0].at(y0) > 0)
    out.push_back({"demografie", "jaarlijkse prognosefout van de instroom met standaardafwijking " +
                                     num_short(sc.demography.sigma.mean(y0)) + " die doorwerkt met persistentie " +
                                     num_short(sc.demography.persistence.mean(y0)) + " (AR(1))"});
  for (const auto& rk : sc.risks)
    out.push_back({"risico[" + rk.code + "]", rk.name + ": kans per jaar " + params_text(rk.probability, y0) + ", impact " +
                                                 params_text(rk.impact, y0) + (rk.lost_income ? " (gemiste baten)" : " (extra lasten)") +
                                                 (rk.lasting ? std::string("; blijvend: het optreden wordt elk jaar getrokken tot het zich voordoet (ten "
                                                                           "hoogste één keer); vanaf dat jaar keert dezelfde impact elk jaar terug")
                                                             : "; elk jaar opnieuw getrokken: het risico kan zich in elk jaar voordoen (ten hoogste één "
                                                               "keer per jaar)" + std::string(rk.impact.is_random() ? ", met een schade die bij elk optreden opnieuw "
                                                                                                                       "wordt getrokken"
                                                                                                                     : "")) +
                                                 (rk.probability.is_random() ? (rk.probability.per_year ? "; de kans zelf elk jaar opnieuw getrokken"
                                                                                                        : "; de kans zelf één trekking per pad")
                                                                             : "")});
  bool identity = true;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) identity &= sc.index.correlation[i][j] == (i == j ? 1.0 : 0.0);
  if (!identity)
    out.push_back({"indexatie.correlatie", "bekostiging–loon " + num_short(sc.index.correlation[0][1]) + ", bekostiging–prijs " +
                                               num_short(sc.index.correlation[0][2]) + ", loon–prijs " +
                                               num_short(sc.index.correlation[1][2])});
  out.push_back({"stromen", "elke leerling maakt per jaar hoogstens één overgang; de aantallen zijn een multinomiale trekking "
                            "(exact bij kleine aantallen, daarboven een nauwkeurige normale benadering)"});
  return out;
}

}  // namespace swv
