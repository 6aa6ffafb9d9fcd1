// gevoeligheid: tornado charts per year and the ranking of the uncertain inputs.
#include <cmath>

#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"

namespace swv {

namespace {

constexpr size_t kTornadoBars = 10;

std::string where_text(const Where& w) { return w.file.empty() ? "standaard" : w.file + (w.line > 0 ? ":" + std::to_string(w.line) : ""); }

DocTable ranking_table(const Sensitivity& s, size_t y) {
  DocTable t{"Rangorde van de invoer, eind " + std::to_string(s.years[y]), "Rangorde " + std::to_string(s.years[y]),
             {"Rang", "Invoer", "EV bij P10", "EV bij P90", "Bandbreedte EV", "P(bovenmatig) bij P10", "bij P90", "Verschil", "Waar"},
             {},
             "EV: verwacht eigen vermogen op 31-12 met de invoer vast op zijn P10 of P90 en al het andere onzeker (dezelfde paden). "
             "Bandbreedte = EV bij P90 − EV bij P10; een negatief getal betekent: hoe hoger de invoer, hoe lager het eigen vermogen."};
  size_t rank = 0;
  for (size_t i : s.ranking(y)) {
    const InputSwing& x = s.inputs[i];
    t.rows.push_back({DocCell::number(static_cast<double>(++rank)), DocCell::t(x.input.label), DocCell::money(x.equity_low[y]),
                      DocCell::money(x.equity_high[y]), DocCell::money(x.equity_swing(y)), DocCell::percent(x.excessive_low[y]),
                      DocCell::percent(x.excessive_high[y]), DocCell::percent(x.excessive_swing(y)), DocCell::t(where_text(x.input.where))});
  }
  if (t.rows.empty()) t.rows.push_back({DocCell::t("(geen onzekere invoer)")});
  return t;
}

DocTable all_years_table(const Sensitivity& s) {
  DocTable t{"Gevoeligheid per invoer en jaar", "Per jaar",
             {"Invoer", "Sleutel", "Jaar", "EV bij P10", "EV bij P90", "Bandbreedte EV", "P(bovenmatig) bij P10", "bij P90", "Verschil"},
             {},
             ""};
  for (const InputSwing& x : s.inputs)
    for (size_t y = 0; y < s.years.size(); ++y)
      t.rows.push_back({DocCell::t(x.input.label), DocCell::t(x.input.key), DocCell::year(s.years[y]), DocCell::money(x.equity_low[y]),
                        DocCell::money(x.equity_high[y]), DocCell::money(x.equity_swing(y)), DocCell::percent(x.excessive_low[y]),
                        DocCell::percent(x.excessive_high[y]), DocCell::percent(x.excessive_swing(y))});
  return t;
}

}  // namespace

Document sensitivity_document(const Sensitivity& s, const Scenario& sc) {
  Document d = new_document("Gevoeligheid: " + sc.name, "Elke onzekere invoer op P10 en op P90, de rest onzeker · " +
                                                              num_nl(static_cast<double>(s.paths)) + " paden per doorrekening · zaad " +
                                                              std::to_string(sc.seed));
  const size_t last = s.years.size() - 1;
  DocSection sum{"samenvatting", "Samenvatting", {}, {}, {}, {}};
  if (s.inputs.empty()) sum.bullets.push_back("Dit scenario heeft geen onzekere invoer: er is niets te rangschikken.");
  const std::vector<size_t> order = s.ranking(last);
  for (size_t k = 0; k < std::min<size_t>(3, order.size()); ++k) {
    const InputSwing& x = s.inputs[order[k]];
    sum.bullets.push_back(std::to_string(k + 1) + ". " + x.input.label + ": eind " + std::to_string(s.years[last]) +
                          " een verwacht eigen vermogen van " + euro(x.equity_low[last]) + " (invoer op P10) tot " +
                          euro(x.equity_high[last]) + " (P90), een bandbreedte van " + euro(std::fabs(x.equity_swing(last))) +
                          "; de kans op bovenmatig gaat van " + pct(x.excessive_low[last], 0) + " naar " + pct(x.excessive_high[last], 0) + ".");
  }
  sum.paragraphs.push_back("Met alle invoer onzeker is het verwachte eigen vermogen eind " + std::to_string(s.years[last]) + " " +
                           euro(s.equity_mean[last]) + " en de kans op bovenmatig " + pct(s.excessive[last], 0) + ".");
  d.sections.push_back(std::move(sum));

  DocSection tor{"tornado", "Tornado per jaar", {}, {}, {}, {}, false};
  tor.paragraphs.push_back("Per jaar de " + std::to_string(kTornadoBars) + " invoeren met de grootste invloed op het verwachte eigen "
                           "vermogen op 31-12. De verticale lijn is de uitkomst met alle invoer onzeker.");
  for (size_t y = 0; y < s.years.size() && !s.inputs.empty(); ++y) {
    TornadoChart c{"Eigen vermogen eind " + std::to_string(s.years[y]), s.equity_mean[y], {}};
    const std::vector<size_t> r = s.ranking(y);
    for (size_t k = 0; k < std::min(kTornadoBars, r.size()); ++k)
      c.bars.push_back({s.inputs[r[k]].input.label, s.inputs[r[k]].equity_low[y], s.inputs[r[k]].equity_high[y]});
    tor.svgs.push_back(tornado_svg(c));
  }
  d.sections.push_back(std::move(tor));

  DocSection tab{"tabellen", "Rangorde en cijfers", {}, {}, {}, {}};
  tab.tables.push_back(ranking_table(s, last));
  tab.tables.push_back(all_years_table(s));
  d.sections.push_back(std::move(tab));

  DocSection m{"methode", "Methode", {}, {}, {}, {}};
  m.paragraphs.push_back("Elke onzekere invoer (elke verdeling, de onzekerheid van elke post, de demografische schok en elk risico) "
                         "wordt in elk pad en elk jaar op zijn P10 en daarna op zijn P90 gezet; al het andere blijft onzeker op "
                         "dezelfde paden. Voor een risico is dat het P10/P90 van zijn jaarlijkse schade (0 als de kans op het risico "
                         "kleiner is dan 10%). De in- en uitstroom van leerlingen tussen de voorzieningen is toeval bij gegeven kansen, "
                         "geen aanname, en staat daarom niet in de lijst; de kansen zelf wel, als ze onzeker zijn opgegeven.");
  d.sections.push_back(std::move(m));
  return d;
}

std::string sensitivity_json(const Sensitivity& s, const Scenario& sc) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "gevoeligheid";
  j["scenario"] = {{"naam", sc.name}, {"bestand", sc.files.back()}};
  j["paden"] = s.paths;
  j["zaad"] = sc.seed;
  j["kwantielen"] = {s.low_quantile, s.high_quantile};
  j["jaren"] = s.years;
  j["referentie"] = {{"eigen_vermogen", json_array(s.equity_mean)}, {"bovenmatig", json_array(s.excessive)}};
  djson in = djson::array();
  for (const InputSwing& x : s.inputs)
    in.push_back({{"sleutel", x.input.key},
                  {"omschrijving", x.input.label},
                  {"bestand", x.input.where.file},
                  {"regel", x.input.where.line},
                  {"eigen_vermogen_p10", json_array(x.equity_low)},
                  {"eigen_vermogen_p90", json_array(x.equity_high)},
                  {"bovenmatig_p10", json_array(x.excessive_low)},
                  {"bovenmatig_p90", json_array(x.excessive_high)}});
  j["invoer"] = in;
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
