// vergelijk: "wat is anders en waarom". Base, variant and their paired difference side by side;
// what the variant changes, by topic and in plain words (change_text.h); which lines of the result
// moved and how much each moved equity (outcome_effects), linked to the changes that act on them.
#include <cmath>

#include "report_paths.h"
#include "change_text.h"
#include "decision_common.h"
#include "decision_compare_story.h"
#include "decision_report.h"
#include "xlsx_names.h"
#include "format_nl.h"

namespace swv {

namespace {

// Where a change is set: its file relative to the base scenario's folder (no machine paths) and line.
std::string where_text(const Where& w, const std::string& base) {
  return w.file.empty() ? "" : escape_controls(scenario_relative(w.file, base)) + (w.line > 0 ? ":" + std::to_string(w.line) : "");
}

// "€ -120.000 (± € 3.100)": a difference with its standard error.
std::string diff_money(double d, double se) { return signed_euro(std::round(d)) + " (± " + euro(se) + ")"; }
// A difference of two probabilities: "-11,3 procentpunt".
std::string points(double d) { return (d > 0 ? "+" : "") + num_nl(100 * d, 1) + " procentpunt"; }
std::string diff_points(double d, double se) { return points(d) + " (± " + num_nl(100 * se, 1) + ")"; }
std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

VariantStory story_of(const ComparisonReport& c, const VariantComparison& v) {
  VariantStory s{grouped_changes(v.changes, *c.base, *v.scenario),
                 outcome_effects(*c.base_result, *v.result, *c.base, *v.scenario, v.changes), "", 0};
  const auto& y = c.base_result->years;
  if (!y.empty()) s.period = std::to_string(y.front()) + "–" + std::to_string(y.back()), s.last_year = y.back();
  return s;
}

std::string shared_years_sentence(const ComparisonReport& c) {
  const std::vector<int>& y = c.base_result->years;
  if (y.empty()) return "";
  auto period = [](int a, int b) { return std::to_string(a) + "–" + std::to_string(b); };
  bool differ = c.base->first_year != y.front() || c.base->last_year != y.back();
  std::string plans = quoted(c.base->name) + " " + period(c.base->first_year, c.base->last_year);
  for (const auto& v : c.variants) {
    differ |= v.scenario->first_year != y.front() || v.scenario->last_year != y.back();
    plans += ", " + quoted(v.scenario->name) + " " + period(v.scenario->first_year, v.scenario->last_year);
  }
  if (!differ) return "";
  return "Vergeleken over de jaren die de scenario's delen: " + period(y.front(), y.back()) + " (planperiodes: " + plans +
         "). Het eigen vermogen bij de start van de vergelijking is dat van 31-12-" + std::to_string(y.front() - 1) +
         ": het verwachte bij een scenario dat eerder begint, de beginstand bij een scenario dat in " + std::to_string(y.front()) + " begint.";
}

namespace {

// The changes behind a line, by their plain names: "door A, B en 2 andere".
std::string causes_text(const LineEffect& e, const ComparisonReport& c, const VariantComparison& v, size_t most = 2) {
  std::string out;
  for (size_t i = 0; i < e.causes.size() && i < most; ++i) {
    const std::string& k = e.causes[i];
    const Scenario& sc = input_entry_known(k, *v.scenario) || !input_entry_known(k, *c.base) ? *v.scenario : *c.base;
    std::string name = plain_input_name(k, sc);
    // The line's own keys by their field only ("bedrag"): the line is named already.
    const size_t close = k.find("].");
    const std::string own = close == std::string::npos ? "" : plain_input_name(k.substr(0, close + 1), sc) + ": ";
    if (!own.empty() && name.rfind(own, 0) == 0 && (k.rfind("post[" + e.code + "]", 0) == 0 || ("risico." + k.substr(7, close - 7)) == e.code))
      name = "zijn " + name.substr(own.size());
    out += (i ? (i + 1 == e.causes.size() ? " en " : ", ") : "") + name;
  }
  if (e.causes.size() > most) out += " en " + std::to_string(e.causes.size() - most) + " andere";
  if (out.empty() && e.follows_equity) return "een reactie op het eigen vermogen";
  return out.empty() ? "via de andere verschillen" : "door " + out;
}

// "Post 4.5.2c Projecten", "Risico R1 Groei SO", or a policy rule's own name.
std::string line_label(const LineEffect& e) {
  if (e.code.rfind("risico.", 0) == 0) return "Risico " + e.code.substr(7) + " " + e.name;
  if (e.code.rfind("beleid.", 0) == 0 || e.code == "vangnet") return e.name;
  return "Post " + e.code + " " + e.name;
}

const char* side_text(const LineEffect& e) {
  return e.side == Side::Income ? "baten" : e.side == Side::Reduction ? "kortingen" : e.deduction ? "afdracht DUO" : "lasten";
}

// "Post 4.5.2c Projecten: lasten 2025–2030 samen € +1.600.000, eigen vermogen eind 2030 € -1.600.000 (door ...)"
std::string effect_sentence(const LineEffect& e, const VariantStory& s, const ComparisonReport& c, const VariantComparison& v) {
  return line_label(e) + ": " + side_text(e) + " " + s.period + " samen " + signed_euro(std::round(e.total_diff)) +
         ", eigen vermogen eind " + std::to_string(s.last_year) + " " + signed_euro(std::round(e.equity_effect)) + " (" +
         causes_text(e, c, v) + ")";
}

}  // namespace

std::vector<std::string> headline(const ComparisonReport& c, const VariantComparison& v, const VariantStory& s) {
  std::vector<std::string> out;
  const Comparison& p = v.paired;
  const size_t last = p.equity.diff.size() - 1;
  const std::vector<int>& years = c.base_result->years;
  const std::string name = quoted(v.scenario->name);
  if (v.changes.empty()) {
    out.push_back("Let op: variant " + name + " verandert niets ten opzichte van de basis; alle verschillen zijn 0.");
    return out;
  }
  size_t n = 0;
  std::string topics;
  for (const ChangeGroup& g : s.groups) {
    n += g.lines.size();
    topics += (topics.empty() ? "" : ", ") + std::string(topic_title(g.topic)) + " " + std::to_string(g.lines.size());
  }
  out.push_back(std::string(v.of_base ? "Variant " : "Scenario ") + name + " wijkt op " + std::to_string(n) + (n == 1 ? " punt" : " punten") + " af van " +
                quoted(c.base->name) + " (" + topics + "; zie \"Wat is anders\").");
  out.push_back("Eind " + std::to_string(years[last]) + " is het verwachte eigen vermogen " + euro(p.equity.variant[last]) + " tegen " +
                euro(p.equity.base[last]) + " in de basis: een verschil van " + diff_money(p.equity.diff[last], p.equity.std_error[last]) +
                ".");
  // The largest driver of equity in each direction (the start counts as one).
  const LineEffect* up = nullptr;
  const LineEffect* down = nullptr;
  for (const LineEffect& e : s.effects.lines) {
    if (e.equity_effect >= 0.5 && (!up || e.equity_effect > up->equity_effect)) up = &e;
    if (e.equity_effect <= -0.5 && (!down || e.equity_effect < down->equity_effect)) down = &e;
  }
  const double start = s.effects.start_effect;
  const std::string at_end = " eind " + std::to_string(s.last_year) + ": ";
  auto driver = [&](const LineEffect* e, bool rise) {
    const std::string what = rise ? "Grootste stijging van het eigen vermogen" : "Grootste daling van het eigen vermogen";
    if (rise ? start > (e ? e->equity_effect : 0.5) : start < (e ? e->equity_effect : -0.5))
      return what + at_end + "het eigen vermogen bij de start, " + signed_euro(std::round(start)) + ".";
    if (!e) return std::string(rise ? "Geen enkele post verhoogt het eigen vermogen." : "Geen enkele post verlaagt het eigen vermogen.");
    return what + at_end + line_label(*e) + ", " + signed_euro(std::round(e->equity_effect)) + " (" + side_text(*e) + " " + s.period +
            " samen " + signed_euro(std::round(e->total_diff)) + "; " + causes_text(*e, c, v) + ").";
  };
  out.push_back(driver(up, true));
  out.push_back(driver(down, false));
  out.push_back("De kans op een bovenmatig eigen vermogen eind " + std::to_string(years[last]) + " is " + pct(p.excessive.variant[last], 0) +
                " tegen " + pct(p.excessive.base[last], 0) + ": " + diff_points(p.excessive.diff[last], p.excessive.std_error[last]) + ".");
  // Years in which a breach turns more (or less) likely than not, consecutive years as one sentence.
  for (size_t y = 0; y < p.excessive.diff.size();) {
    const bool base_breach = p.excessive.base[y] > 0.5, var_breach = p.excessive.variant[y] > 0.5;
    size_t e = y;
    while (base_breach != var_breach && e + 1 < p.excessive.diff.size() && (p.excessive.base[e + 1] > 0.5) == base_breach &&
           (p.excessive.variant[e + 1] > 0.5) == var_breach)
      ++e;
    if (base_breach != var_breach) {
      const std::string span = e == y ? std::to_string(years[y]) : std::to_string(years[y]) + "–" + std::to_string(years[e]);
      std::string from_to = pct(p.excessive.base[y], 0) + " → " + pct(p.excessive.variant[y], 0) + " in " + std::to_string(years[y]);
      if (e != y) from_to += ", " + pct(p.excessive.base[e], 0) + " → " + pct(p.excessive.variant[e], 0) + " in " + std::to_string(years[e]);
      out.push_back("In " + span + " wordt een bovenmatig eigen vermogen " + (var_breach ? "waarschijnlijker dan niet" : "minder waarschijnlijk dan niet") +
                    " (kans " + from_to + ").");
    }
    y = e + 1;
  }
  // The probability below the floor: its largest rise and its largest fall.
  size_t hi = 0, lo = 0;
  for (size_t y = 0; y < p.below_floor.diff.size(); ++y) {
    if (p.below_floor.diff[y] > p.below_floor.diff[hi]) hi = y;
    if (p.below_floor.diff[y] < p.below_floor.diff[lo]) lo = y;
  }
  auto floor_move = [&](size_t y, const char* verb) {
    out.push_back("De kans onder de ondergrens " + std::string(verb) + " het meest in " + std::to_string(years[y]) + ": " +
                  pct(p.below_floor.base[y], 1) + " → " + pct(p.below_floor.variant[y], 1) + " (" + points(p.below_floor.diff[y]) + ").");
  };
  if (!p.below_floor.diff.empty() && p.below_floor.diff[hi] > 0.005) floor_move(hi, "stijgt");
  if (!p.below_floor.diff.empty() && p.below_floor.diff[lo] < -0.005) floor_move(lo, "daalt");
  return out;
}

namespace {

DocTable equity_table(const ComparisonReport& c, const VariantComparison& v) {
  DocTable t{"Eigen vermogen 31-12: basis, variant en verschil", "EV " + xlsx_variant_label(c.base->name, v.scenario->name),
             {"Jaar", "Basis gemiddeld", "Variant gemiddeld", "Verschil", "Standaardfout verschil", "Basis P5", "Variant P5",
              "Basis P50", "Variant P50", "Basis P95", "Variant P95"},
             {},
             "Het verschil is het gemiddelde over de paden van (variant − basis) op dezelfde paden (gemeenschappelijke "
             "toevalsgetallen); de standaardfout is die van dat gepaarde verschil. Percentielen per scenario."};
  const Series* eb = c.base_result->find("eigen_vermogen");
  const Series* ev = v.result->find("eigen_vermogen");
  const Comparison& p = v.paired;
  for (size_t y = 0; y < p.equity.diff.size(); ++y) {
    t.rows.push_back({DocCell::year(c.base_result->years[y]), DocCell::money(p.equity.base[y]), DocCell::money(p.equity.variant[y]),
                      DocCell::money(p.equity.diff[y]), DocCell::money(p.equity.std_error[y]),
                      DocCell::money(eb ? at_or_nan(eb->p5, y) : NAN), DocCell::money(ev ? at_or_nan(ev->p5, y) : NAN),
                      DocCell::money(eb ? at_or_nan(eb->p50, y) : NAN), DocCell::money(ev ? at_or_nan(ev->p50, y) : NAN),
                      DocCell::money(eb ? at_or_nan(eb->p95, y) : NAN), DocCell::money(ev ? at_or_nan(ev->p95, y) : NAN)});
  }
  return t;
}

// A difference of probabilities in procentpunten, one decimal (a number in Excel).
DocCell point_cell(double d) { return DocCell::number(std::round(1000 * d) / 10); }

DocTable chance_table(const ComparisonReport& c, const VariantComparison& v) {
  DocTable t{"Kansen: basis, variant en verschil", "Kansen " + v.scenario->name,
             {"Jaar", "P(bovenmatig) basis", "variant", "verschil (procentpunt)", "standaardfout (procentpunt)", "P(onder ondergrens) basis",
              "variant", "verschil (procentpunt)", "standaardfout (procentpunt)", "P(negatief) basis", "variant", "verschil (procentpunt)"},
             {},
             "Bovenmatig: eigen vermogen boven de signaleringswaarde. Rood: meer dan 50% kans. Een verschil tussen twee kansen "
             "staat in procentpunten: van 40% naar 45% is +5 procentpunt."};
  const Comparison& p = v.paired;
  for (size_t y = 0; y < p.excessive.diff.size(); ++y)
    t.rows.push_back({DocCell::year(c.base_result->years[y]), DocCell::percent(p.excessive.base[y]).flagged(p.excessive.base[y] > 0.5),
                      DocCell::percent(p.excessive.variant[y]).flagged(p.excessive.variant[y] > 0.5), point_cell(p.excessive.diff[y]),
                      point_cell(p.excessive.std_error[y]), DocCell::percent(p.below_floor.base[y]), DocCell::percent(p.below_floor.variant[y]),
                      point_cell(p.below_floor.diff[y]), point_cell(p.below_floor.std_error[y]), DocCell::percent(p.negative.base[y]),
                      DocCell::percent(p.negative.variant[y]), point_cell(p.negative.diff[y])});
  return t;
}

DocTable change_table(const VariantComparison& v, const VariantStory& s) {
  DocTable t{"Wat verandert dit scenario, per onderwerp", "Wijzigingen " + v.scenario->name,
             {"Onderwerp", "Wat", "Jaren", "Basis", "Variant", "Verschil", "Sleutel", "Waar"}, {},
             "Waarden na het toepassen van de basis-keten van elk bestand; opeenvolgende jaren met dezelfde waarden staan op één regel, "
             "jaren leeg: de sleutel heeft geen waarde per jaar. Een verschil van percentages staat in procentpunten; bij een "
             "verdeling is het verschil dat van het gemiddelde."};
  for (const ChangeGroup& g : s.groups)
    for (const ChangeLine& l : g.lines)
      t.rows.push_back({DocCell::t(topic_title(g.topic)), DocCell::t(l.name), DocCell::t(l.years()), DocCell::t(l.base),
                        DocCell::t(l.variant), DocCell::t(l.diff_text), DocCell::t(l.key), DocCell::t(where_text(l.where, v.scenario->files.back()))});
  if (t.rows.empty()) t.rows.push_back({DocCell::t("(geen verschillen)")});
  return t;
}

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

DocTable why_table(const ComparisonReport& c, const VariantComparison& v, const VariantStory& s) {
  const std::string y = std::to_string(s.last_year);
  DocTable t{"Waarom: wat bewoog in de uitkomst", "Waarom " + v.scenario->name,
             {"Regel", "Soort", "Basis " + s.period, "Variant " + s.period, "Verschil", "Effect op eigen vermogen eind " + y, "Waardoor"},
             {},
             "Bedragen: gemiddelde over de paden, opgeteld over de planperiode. Het effect op het eigen vermogen is het verschil met "
             "het teken van de kant: hogere baten verhogen het, hogere lasten, afdrachten en kortingen verlagen het. De effecten en het "
             "verschil bij de start tellen op tot het verschil in eigen vermogen."};
  const OutcomeEffects& e = s.effects;
  auto total = [&](const char* name, const char* kind, const OutcomeTotals& x, double sign) {
    const double b = sum(x.base), w = sum(x.variant);
    t.rows.push_back({DocCell::t(name), DocCell::t(kind), DocCell::money(b), DocCell::money(w), DocCell::money(w - b),
                      DocCell::money(sign * (w - b)), DocCell::empty()});
  };
  total("Totale baten", "totaal", e.income, 1);
  total("Afdrachten DUO", "totaal", e.deductions, -1);
  total("Overige lasten", "totaal", e.other_costs, -1);
  total("Kortingen", "totaal", e.reductions, -1);
  if (std::fabs(e.start_effect) >= 0.5)
    t.rows.push_back({DocCell::t("Eigen vermogen bij de start (31-12-" + std::to_string(c.base_result->years.front() - 1) + ")"), DocCell::t("start"), DocCell::money(c.base_result->start_equity),
                      DocCell::money(v.result->start_equity), DocCell::money(e.start_effect), DocCell::money(e.start_effect), DocCell::empty()});
  for (const LineEffect& l : e.lines)
    t.rows.push_back({DocCell::t(line_label(l)), DocCell::t(side_text(l)), DocCell::money(sum(l.base)), DocCell::money(sum(l.variant)),
                      DocCell::money(l.total_diff), DocCell::money(l.equity_effect), DocCell::t(causes_text(l, c, v, 99))});
  if (!e.equity.base.empty())
    t.rows.push_back({DocCell::t("Eigen vermogen 31-12-" + y), DocCell::t("uitkomst"), DocCell::money(e.equity.base.back()),
                      DocCell::money(e.equity.variant.back()), DocCell::money(e.equity.variant.back() - e.equity.base.back()),
                      DocCell::money(e.equity.variant.back() - e.equity.base.back()), DocCell::empty()});
  return t;
}

// The "Waarom" section: the largest effects first, and how they add up.
DocSection why_section(const ComparisonReport& c, const VariantComparison& v, const VariantStory& s, size_t index) {
  DocSection sec{"waarom-" + std::to_string(index), "Waarom: " + v.scenario->name, {}, {}, {}, {}};
  const OutcomeEffects& e = s.effects;
  sec.paragraphs.push_back("De posten die het meest bewogen, met hun effect op het eigen vermogen eind " + std::to_string(s.last_year) +
                           " en de wijzigingen die erop werken (grootste effect eerst).");
  double rest = 0;
  for (size_t i = 0; i < e.lines.size(); ++i)
    if (i < 6) sec.bullets.push_back(effect_sentence(e.lines[i], s, c, v) + ".");
    else rest += e.lines[i].equity_effect;
  if (e.lines.size() > 6)
    sec.bullets.push_back("De " + std::to_string(e.lines.size() - 6) + " andere posten samen: " + signed_euro(std::round(rest)) + ".");
  if (e.lines.empty()) sec.bullets.push_back("Geen enkele post van de uitkomst verandert.");
  if (!e.equity.base.empty()) {
    std::string sum_text = "Samen " + signed_euro(std::round(e.equity.variant.back() - e.equity.base.back() - e.unexplained - e.start_effect));
    if (std::fabs(e.start_effect) >= 0.5) sum_text += ", met het verschil bij de start (" + signed_euro(std::round(e.start_effect)) + ")";
    sum_text += ": het verschil in het verwachte eigen vermogen eind " + std::to_string(s.last_year) + " is " +
                signed_euro(std::round(e.equity.variant.back() - e.equity.base.back())) + ".";
    sec.bullets.push_back(sum_text);
  }
  sec.tables.push_back(why_table(c, v, s));
  return sec;
}

}  // namespace

Document comparison_document(const ComparisonReport& c) {
  std::string names;
  for (const auto& v : c.variants) names += (names.empty() ? "" : ", ") + v.scenario->name;
  Document d = new_document("Vergelijking: " + names + " tegenover " + c.base->name,
                            "Monte Carlo met gemeenschappelijke toevalsgetallen · " + num_nl(static_cast<double>(c.base_result->paths)) +
                                " paden · zaad " + std::to_string(c.base_result->seed));
  std::vector<VariantStory> stories;
  for (const auto& v : c.variants) stories.push_back(story_of(c, v));
  DocSection sum{"samenvatting", "Samenvatting", {}, {}, {}, {}};
  const std::string shared = shared_years_sentence(c);
  if (!shared.empty()) sum.bullets.push_back(shared);
  for (size_t i = 0; i < c.variants.size(); ++i)
    for (auto& s : headline(c, c.variants[i], stories[i])) sum.bullets.push_back(std::move(s));
  d.sections.push_back(std::move(sum));
  for (size_t i = 0; i < c.variants.size(); ++i) {
    const VariantComparison& v = c.variants[i];
    const std::string n = std::to_string(i + 1);
    DocSection changed{"anders-" + n, "Wat is anders: " + v.scenario->name, {}, {}, {}, {}};
    changed.paragraphs.push_back(std::string(v.of_base ? "Wat de variant anders aanneemt dan de basis"
                                                       : "Deze twee scenario's zijn geen variant van elkaar: alles wat in hun invoer verschilt "
                                                         "(na het toepassen van elke basis-keten)") +
                                 ", per onderwerp: de waarde in de basis, in de variant en "
                                 "het verschil (bedragen in euro, percentages met het verschil in procentpunten, aantallen als getal).");
    for (const ChangeGroup& g : stories[i].groups)
      for (const ChangeLine& l : g.lines) changed.bullets.push_back(std::string(topic_title(g.topic)) + " — " + l.sentence());
    if (stories[i].groups.empty()) changed.bullets.push_back("Deze variant verandert niets ten opzichte van de basis.");
    changed.tables.push_back(change_table(v, stories[i]));
    d.sections.push_back(std::move(changed));
    d.sections.push_back(why_section(c, v, stories[i], i + 1));
    DocSection s{"variant-" + n, "Variant: " + v.scenario->name, {}, {}, {}, {}};
    s.svgs.push_back(equity_fan(*c.base_result, "Basis: " + c.base->name));
    s.svgs.push_back(equity_fan(*v.result, "Variant: " + v.scenario->name));
    s.tables.push_back(equity_table(c, v));
    s.tables.push_back(chance_table(c, v));
    d.sections.push_back(std::move(s));
  }
  DocSection m{"methode", "Methode", {}, {}, {}, {}};
  m.paragraphs.push_back("Basis en varianten zijn doorgerekend op dezelfde paden met hetzelfde zaad. Elke onzekere invoer die in beide "
                         "scenario's voorkomt, krijgt op elk pad dezelfde toevalsgetallen; het verschil per pad bevat daardoor alleen "
                         "het effect van wat de variant verandert. Daarom is de standaardfout van het verschil veel kleiner dan die van "
                         "elk scenario apart.");
  if (!shared.empty())
    m.paragraphs.push_back(shared + " Elk scenario is over zijn eigen planperiode doorgerekend; een trekking hoort bij een kalenderjaar, "
                                    "dus in de gedeelde jaren krijgt elk pad in beide dezelfde toevalsgetallen.");
  d.sections.push_back(std::move(m));
  return d;
}

}  // namespace swv
