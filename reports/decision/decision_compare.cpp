// vergelijk: base, variant and their paired difference side by side, and what the variant changes.
#include <cmath>

#include "change_text.h"
#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"

namespace swv {

namespace {

std::string where_text(const Where& w) { return w.file.empty() ? "" : w.file + (w.line > 0 ? ":" + std::to_string(w.line) : ""); }

// "€ -120.000 (± € 3.100)": a difference with its standard error.
std::string diff_money(double d, double se) { return euro(d) + " (± " + euro(se) + ")"; }
std::string diff_points(double d, double se) {
  return (d >= 0 ? "+" : "") + num_nl(100 * d, 1) + " procentpunt (± " + num_nl(100 * se, 1) + ")";
}

std::vector<std::string> headline(const ComparisonReport& c, const VariantComparison& v) {
  std::vector<std::string> out;
  const Comparison& p = v.paired;
  const size_t last = p.equity.diff.size() - 1;
  const std::vector<int>& years = c.base_result->years;
  if (v.changes.empty()) {
    out.push_back("Let op: variant \"" + v.scenario->name + "\" verandert niets ten opzichte van de basis; alle verschillen zijn 0.");
    return out;
  }
  out.push_back("Variant \"" + v.scenario->name + "\" verandert " + std::to_string(v.changes.size()) +
                (v.changes.size() == 1 ? " sleutel" : " sleutels") + " ten opzichte van \"" + c.base->name + "\" (zie de lijst hieronder).");
  out.push_back("Eind " + std::to_string(years[last]) + " is het verwachte eigen vermogen " + euro(p.equity.variant[last]) + " tegen " +
                euro(p.equity.base[last]) + " in de basis: een verschil van " + diff_money(p.equity.diff[last], p.equity.std_error[last]) +
                ".");
  out.push_back("De kans op een bovenmatig eigen vermogen eind " + std::to_string(years[last]) + " is " + pct(p.excessive.variant[last], 0) +
                " tegen " + pct(p.excessive.base[last], 0) + ": " + diff_points(p.excessive.diff[last], p.excessive.std_error[last]) + ".");
  for (size_t y = 0; y < p.excessive.diff.size(); ++y) {
    const bool base_breach = p.excessive.base[y] > 0.5, var_breach = p.excessive.variant[y] > 0.5;
    if (base_breach != var_breach)
      out.push_back("In " + std::to_string(years[y]) + " wordt een bovenmatig eigen vermogen " +
                    (var_breach ? "waarschijnlijker dan niet" : "minder waarschijnlijk dan niet") + ": de kans gaat van " +
                    pct(p.excessive.base[y], 0) + " naar " + pct(p.excessive.variant[y], 0) + ".");
  }
  double worst = 0;
  size_t wy = 0;
  for (size_t y = 0; y < p.below_floor.diff.size(); ++y)
    if (p.below_floor.diff[y] > worst) worst = p.below_floor.diff[y], wy = y;
  if (worst > 0.005)
    out.push_back("De kans onder de ondergrens stijgt het meest in " + std::to_string(years[wy]) + ": " + pct(p.below_floor.base[wy], 1) +
                  " → " + pct(p.below_floor.variant[wy], 1) + ".");
  return out;
}

DocTable equity_table(const ComparisonReport& c, const VariantComparison& v) {
  DocTable t{"Eigen vermogen 31-12: basis, variant en verschil", "EV " + v.scenario->name,
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

DocTable chance_table(const ComparisonReport& c, const VariantComparison& v) {
  DocTable t{"Kansen: basis, variant en verschil", "Kansen " + v.scenario->name,
             {"Jaar", "P(bovenmatig) basis", "variant", "verschil", "standaardfout", "P(onder ondergrens) basis", "variant", "verschil",
              "standaardfout", "P(negatief) basis", "variant", "verschil"},
             {},
             "Bovenmatig: eigen vermogen boven de signaleringswaarde. Rood: meer dan 50% kans."};
  const Comparison& p = v.paired;
  for (size_t y = 0; y < p.excessive.diff.size(); ++y)
    t.rows.push_back({DocCell::year(c.base_result->years[y]), DocCell::percent(p.excessive.base[y]).flagged(p.excessive.base[y] > 0.5),
                      DocCell::percent(p.excessive.variant[y]).flagged(p.excessive.variant[y] > 0.5), DocCell::percent(p.excessive.diff[y]),
                      DocCell::percent(p.excessive.std_error[y]), DocCell::percent(p.below_floor.base[y]),
                      DocCell::percent(p.below_floor.variant[y]), DocCell::percent(p.below_floor.diff[y]),
                      DocCell::percent(p.below_floor.std_error[y]), DocCell::percent(p.negative.base[y]),
                      DocCell::percent(p.negative.variant[y]), DocCell::percent(p.negative.diff[y])});
  return t;
}

DocTable change_table(const VariantComparison& v) {
  DocTable t{"Wat verandert dit scenario", "Wijzigingen " + v.scenario->name, {"Sleutel", "Jaar", "Basis", "Variant", "Waar"}, {},
             "Waarden na het toepassen van de basis-keten van elk bestand; jaar leeg: de sleutel heeft geen waarde per jaar."};
  for (const Change& ch : v.changes)
    for (const ChangeYear& y : ch.years)
      t.rows.push_back({DocCell::t(ch.key), y.year ? DocCell::year(y.year) : DocCell::empty(), DocCell::t(change_text(y.base, false)), DocCell::t(change_text(y.variant, true)),
                        DocCell::t(where_text(ch.where))});
  if (t.rows.empty()) t.rows.push_back({DocCell::t("(geen verschillen)")});
  return t;
}

djson paired_json(const PairedSeries& s) {
  return {{"basis", json_array(s.base)}, {"variant", json_array(s.variant)}, {"verschil", json_array(s.diff)},
          {"standaardfout", json_array(s.std_error)}};
}

djson percentiles_json(const Result& r) {
  const Series* e = r.find("eigen_vermogen");
  if (!e) return nullptr;
  return {{"p5", json_array(e->p5)}, {"p25", json_array(e->p25)}, {"p50", json_array(e->p50)}, {"p75", json_array(e->p75)},
          {"p95", json_array(e->p95)}};
}

}  // namespace

Document comparison_document(const ComparisonReport& c) {
  std::string names;
  for (const auto& v : c.variants) names += (names.empty() ? "" : ", ") + v.scenario->name;
  Document d = new_document("Vergelijking: " + names + " tegenover " + c.base->name,
                            "Monte Carlo met gemeenschappelijke toevalsgetallen · " + num_nl(static_cast<double>(c.base_result->paths)) +
                                " paden · zaad " + std::to_string(c.base_result->seed));
  DocSection sum{"samenvatting", "Samenvatting", {}, {}, {}, {}};
  for (const auto& v : c.variants)
    for (auto& s : headline(c, v)) sum.bullets.push_back(std::move(s));
  d.sections.push_back(std::move(sum));
  for (const auto& v : c.variants) {
    DocSection s{"variant-" + std::to_string(&v - c.variants.data() + 1), "Variant: " + v.scenario->name, {}, {}, {}, {}};
    s.svgs.push_back(equity_fan(*c.base_result, "Basis: " + c.base->name));
    s.svgs.push_back(equity_fan(*v.result, "Variant: " + v.scenario->name));
    s.tables.push_back(equity_table(c, v));
    s.tables.push_back(chance_table(c, v));
    s.tables.push_back(change_table(v));
    d.sections.push_back(std::move(s));
  }
  DocSection m{"methode", "Methode", {}, {}, {}, {}};
  m.paragraphs.push_back("Basis en varianten zijn doorgerekend op dezelfde paden met hetzelfde zaad. Elke onzekere invoer die in beide "
                         "scenario's voorkomt, krijgt op elk pad dezelfde toevalsgetallen; het verschil per pad bevat daardoor alleen "
                         "het effect van wat de variant verandert. Daarom is de standaardfout van het verschil veel kleiner dan die van "
                         "elk scenario apart.");
  d.sections.push_back(std::move(m));
  return d;
}

std::string comparison_json(const ComparisonReport& c) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "vergelijking";
  j["basis"] = {{"naam", c.base->name}, {"bestand", c.base->files.back()}};
  j["paden"] = c.base_result->paths;
  j["zaad"] = c.base_result->seed;
  j["jaren"] = c.base_result->years;
  j["basis"]["eigen_vermogen_percentielen"] = percentiles_json(*c.base_result);
  djson vs = djson::array();
  for (const auto& v : c.variants) {
    djson x;
    x["naam"] = v.scenario->name;
    x["bestand"] = v.scenario->files.back();
    djson ch = djson::array();
    for (const Change& k : v.changes) {
      djson years = djson::array();
      for (const ChangeYear& y : k.years)
        years.push_back({{"jaar", y.year ? djson(y.year) : djson(nullptr)}, {"basis", change_text(y.base, false)}, {"variant", change_text(y.variant, true)}});
      ch.push_back({{"sleutel", k.key}, {"bestand", k.where.file}, {"regel", k.where.line}, {"jaren", years}});
    }
    x["verschillen"] = ch;
    x["verandert_niets"] = v.changes.empty();
    x["eigen_vermogen"] = paired_json(v.paired.equity);
    x["signaleringswaarde"] = paired_json(v.paired.signal);
    x["bovenmatig"] = paired_json(v.paired.excessive);
    x["onder_ondergrens"] = paired_json(v.paired.below_floor);
    x["negatief"] = paired_json(v.paired.negative);
    x["eigen_vermogen_percentielen"] = percentiles_json(*v.result);
    vs.push_back(x);
  }
  j["varianten"] = vs;
  return j.dump(2) + "\n";
}

}  // namespace swv
