// gevoeligheid: which inputs explain the spread of equity (variance shares), per year, with the
// doeljaar in front: a summary, one bar chart, the ranking and a compact table of all years.
#include <cmath>

#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"
#include "report_paths.h"

namespace swv {

namespace {

constexpr size_t kChartBars = 10;

// Where an input is set: its file (relative to the scenario) and line; the flows' chance lives in the model.
std::string where_text(const InputShare& x, const Scenario& sc) {
  const Where& w = x.input.where;
  if (w.file.empty()) return x.input.key == "stromen.toeval" ? "het model (leerlingstromen)" : "standaard";
  return escape_controls(scenario_relative(w.file, sc.files.back())) + (w.line > 0 ? ":" + std::to_string(w.line) : "");
}

DocCell share_cell(double x) { return std::isfinite(x) ? DocCell::percent(std::max(0.0, x)) : DocCell::t("—"); }

DocTable ranking_table(const Sensitivity& s, const Scenario& sc) {
  const size_t y = s.target_index();
  DocTable t{"Rangorde van de invoer, eind " + std::to_string(s.target_year), "Rangorde " + std::to_string(s.target_year),
             {"Rang", "Invoer", "Aandeel in de spreiding", "Standaardfout", "Spreiding door deze invoer", "Waar"},
             {},
             "Aandeel: het deel van de variantie van het eigen vermogen op 31-12 dat deze invoer op zichzelf verklaart. Spreiding: "
             "de standaardafwijking van het eigen vermogen die overblijft als alleen deze invoer onzeker zou zijn (√aandeel × "
             "standaardafwijking). Een invoer die per jaar wordt getrokken telt als één invoer over alle jaren."};
  size_t rank = 0;
  for (size_t i : s.ranking(y)) {
    const InputShare& x = s.inputs[i];
    t.rows.push_back({DocCell::number(static_cast<double>(++rank)), DocCell::t(x.input.label), share_cell(x.share[y]),
                      std::isfinite(x.std_error[y]) ? DocCell::percent(x.std_error[y]) : DocCell::t("—"),
                      std::isfinite(x.spread[y]) ? DocCell::money(x.spread[y]) : DocCell::t("—"), DocCell::t(where_text(x, sc))});
  }
  if (t.rows.empty()) t.rows.push_back({DocCell::t("(geen onzekere invoer)")});
  else
    t.rows.push_back({DocCell::empty(), DocCell::t("Niet aan één invoer toe te wijzen (samenhang tussen invoeren)"),
                      share_cell(s.unexplained(y)), DocCell::empty(), DocCell::empty(), DocCell::empty()});
  return t;
}

DocTable all_years_table(const Sensitivity& s) {
  DocTable t{"Aandeel in de spreiding per jaar", "Per jaar", {"Invoer"}, {}, "In de volgorde van het doeljaar " + std::to_string(s.target_year) + "."};
  for (int y : s.years) t.header.push_back(std::to_string(y));
  for (size_t i : s.ranking(s.target_index())) {
    std::vector<DocCell> row{DocCell::t(s.inputs[i].input.label)};
    for (size_t y = 0; y < s.years.size(); ++y) row.push_back(share_cell(s.inputs[i].share[y]));
    t.rows.push_back(std::move(row));
  }
  std::vector<DocCell> rest{DocCell::t("Niet aan één invoer toe te wijzen")}, sd{DocCell::t("Standaardafwijking eigen vermogen")};
  for (size_t y = 0; y < s.years.size(); ++y) rest.push_back(share_cell(s.unexplained(y))), sd.push_back(DocCell::money(s.equity_sd[y]));
  t.rows.push_back(std::move(rest));
  t.rows.push_back(std::move(sd));
  return t;
}

}  // namespace

Document sensitivity_document(const Sensitivity& s, const Scenario& sc) {
  Document d = new_document("Gevoeligheid: " + sc.name, "Welke aannames verklaren de spreiding van het eigen vermogen · " +
                                                              num_nl(static_cast<double>(s.paths)) + " paden per doorrekening · zaad " +
                                                              std::to_string(sc.seed));
  const size_t y = s.target_index();
  const std::string year = std::to_string(s.target_year);
  DocSection sum{"samenvatting", "Samenvatting", {}, {}, {}, {}};
  if (s.inputs.empty()) sum.bullets.push_back("Dit scenario heeft geen onzekere invoer: er is niets te rangschikken.");
  const std::vector<size_t> order = s.ranking(y);
  for (size_t k = 0; k < std::min<size_t>(3, order.size()); ++k) {
    const InputShare& x = s.inputs[order[k]];
    if (!std::isfinite(x.share[y])) break;
    sum.bullets.push_back(std::to_string(k + 1) + ". " + x.input.label + ": verklaart " + pct(std::max(0.0, x.share[y]), 0) +
                          " van de spreiding van het eigen vermogen eind " + year + " (alleen deze onzekerheid zou een "
                          "standaardafwijking van " + euro(x.spread[y]) + " geven).");
  }
  sum.paragraphs.push_back("Eind " + year + " is het verwachte eigen vermogen " + euro(s.equity_mean[y]) + " met een standaardafwijking van " +
                           euro(s.equity_sd[y]) + "; de kans op bovenmatig is " + pct(s.excessive[y], 0) + ". " +
                           (s.inputs.empty() ? std::string()
                                             : "Geen enkele invoer op zichzelf verklaart " + pct(std::max(0.0, s.unexplained(y)), 0) +
                                                   " van de spreiding: dat deel komt van de samenhang tussen invoeren (hun effecten versterken of dempen elkaar)."));
  d.sections.push_back(std::move(sum));

  if (!s.inputs.empty()) {
    DocSection ch{"aandelen", "Wat de spreiding verklaart, eind " + year, {}, {}, {}, {}, false};
    ch.paragraphs.push_back("De " + std::to_string(std::min(kChartBars, order.size())) + " invoeren die het meeste van de spreiding van het "
                            "eigen vermogen op 31-12-" + year + " verklaren. Andere jaren staan in de tabel per jaar.");
    ShareChart c{"Aandeel in de spreiding van het eigen vermogen, eind " + year, {}};
    for (size_t k = 0; k < std::min(kChartBars, order.size()); ++k)
      c.bars.push_back({s.inputs[order[k]].input.label, s.inputs[order[k]].share[y], s.inputs[order[k]].std_error[y]});
    ch.svgs.push_back(share_chart_svg(c));
    d.sections.push_back(std::move(ch));
  }

  DocSection tab{"tabellen", "Rangorde en cijfers", {}, {}, {}, {}};
  tab.tables.push_back(ranking_table(s, sc));
  tab.tables.push_back(all_years_table(s));
  d.sections.push_back(std::move(tab));

  DocSection m{"methode", "Methode", {}, {}, {}, {}};
  m.paragraphs.push_back("Drie soorten reeksen paden: de gewone, een waarin alles opnieuw wordt getrokken, en per onzekere invoer "
                         "een waarin die ene invoer precies dezelfde trekkingen houdt als de gewone reeks en al het andere gelijk is aan "
                         "de opnieuw getrokken reeks. Hoe meer het verschil dat die ene invoer maakt met de gewone reeks samen beweegt, "
                         "hoe groter het deel van de spreiding dat deze invoer op zichzelf verklaart (eerste-orde Sobol-index, schatter "
                         "van Saltelli); een invoer zonder invloed krijgt precies 0. Een invoer die elk jaar opnieuw wordt getrokken telt "
                         "als één proces over alle jaren, net als een invoer die één keer per pad wordt getrokken; zo weegt een jaarlijkse "
                         "schommeling niet zwaarder dan ze is. De drie indexaties worden samen (gecorreleerd) getrokken en tellen als één "
                         "invoer; elk risico telt met zijn kans en schade als één invoer.");
  m.paragraphs.push_back("Standaardfouten volgen uit " + std::to_string(Sensitivity::kBatches) + " groepen paden. Ook bij vaste kansen is "
                         "het toeval welke leerlingen worden verwezen en welke uitstromen: dat toeval staat als één eigen invoer in de lijst "
                         "('Toeval in verwijzingen en uitstroom'), zodat zijn aandeel zichtbaar is; de kansen zelf staan er apart in als ze "
                         "onzeker zijn opgegeven. Wat overblijft ('niet aan één invoer toe te wijzen') is de samenhang tussen invoeren.");
  d.sections.push_back(std::move(m));
  return d;
}

std::string sensitivity_json(const Sensitivity& s, const Scenario& sc) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "gevoeligheid";
  j["methode"] = "aandeel in de variantie (eerste-orde Sobol-index, pick-freeze, schatter van Saltelli 2010)";
  j["scenario"] = {{"naam", sc.name}, {"bestand", scenario_relative(sc.files.back(), sc.files.back())}};
  j["paden"] = s.paths;
  j["zaad"] = sc.seed;
  j["jaren"] = s.years;
  j["doeljaar"] = s.target_year;
  j["referentie"] = {{"eigen_vermogen", json_array(s.equity_mean)},
                     {"standaardafwijking", json_array(s.equity_sd)},
                     {"bovenmatig", json_array(s.excessive)}};
  djson in = djson::array();
  for (const InputShare& x : s.inputs)
    in.push_back({{"sleutel", x.input.key},
                  {"omschrijving", x.input.label},
                  {"bestand", x.input.where.file.empty() ? "" : scenario_relative(x.input.where.file, sc.files.back())},
                  {"regel", x.input.where.line},
                  {"aandeel", json_array(x.share)},
                  {"standaardfout", json_array(x.std_error)},
                  {"spreiding", json_array(x.spread)}});
  j["invoer"] = in;
  std::vector<double> rest;
  for (size_t y = 0; y < s.years.size(); ++y) rest.push_back(s.unexplained(y));
  j["niet_toe_te_wijzen"] = json_array(rest);
  djson rank = djson::array();
  for (size_t y = 0; y < s.years.size(); ++y) {
    djson keys = djson::array();
    for (size_t i : s.ranking(y)) keys.push_back(s.inputs[i].input.key);
    rank.push_back(keys);
  }
  j["rangorde"] = rank;
  return j.dump(2) + "\n";
}

}  // namespace swv
