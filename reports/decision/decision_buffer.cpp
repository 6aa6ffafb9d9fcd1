// weerstandsvermogen: the buffer needed at 80/90/95% and what each risk adds to it.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "report_paths.h"
#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"
#include "report_terms.h"

namespace swv {

namespace {

djson levels_json(const BufferLevels& b) {
  djson j = djson::object();
  for (size_t i = 0; i < b.kConfidence.size(); ++i) j[num_plain(b.kConfidence[i])] = json_number(b.required[i]);
  return j;
}

}  // namespace

Document buffer_document(const BufferAnalysis& b, const Scenario& sc) {
  Document d = new_document("Weerstandsvermogen: " + sc.name, num_nl(static_cast<double>(b.paths)) + " paden per doorrekening · zaad " +
                                                                  std::to_string(sc.seed));
  DocSection sum{"samenvatting", "Samenvatting", {}, {}, {}, {}};
  sum.paragraphs.push_back(kBufferDefinition);
  sum.paragraphs.push_back("Beschikbaar: de algemene reserve bij de start, " + euro(b.available) + " (eigen vermogen " + euro(b.start_equity) +
                           " min bestemmingsreserves " + euro(b.start_equity - b.available) + "). Klassen van de NAR-schaal: " +
                           nar_scale_text() + ".");
  for (size_t i = 0; i < b.with_all.kConfidence.size(); ++i) {
    const BufferVerdict v = buffer_verdict(b.available, b.with_all.required[i]);
    sum.bullets.push_back("Bij " + pct(b.with_all.kConfidence[i], 0) + " zekerheid: " + euro(b.with_all.required[i]) + " nodig, " +
                          euro(b.available) + " beschikbaar (" +
                          (std::isfinite(v.ratio) ? "ratio " + v.ratio_text + ", " : "geen buffer nodig, ") + "klasse " + v.nar.letter +
                          ": " + v.nar.label + ").");
  }
  // The risk that adds most at 90%.
  if (!b.risks.empty()) {
    auto top = std::max_element(b.risks.begin(), b.risks.end(),
                                [](const RiskContribution& x, const RiskContribution& y) { return x.contribution[1] < y.contribution[1]; });
    sum.bullets.push_back("Het risico met de grootste bijdrage (90%) is " + top->code + " " + top->name + ": " + euro(top->contribution[1]) + ".");
  }
  d.sections.push_back(std::move(sum));

  DocSection t{"tabellen", "Buffer en bijdrage per risico", {}, {}, {}, {}};
  DocTable lv{"Benodigd weerstandsvermogen", "Buffer",
              {"Zekerheid", "Benodigd (alle risico's)", "Benodigd zonder risico's", "Beschikbaar (algemene reserve)", "Ratio", "Klasse"},
              {},
              "Benodigd: het c-kwantiel van het grootste tekort van het eigen vermogen onder de deterministische begroting. Zonder "
              "risico's blijft de onzekerheid van de andere invoer (verdelingen, schokken) over. Ratio = beschikbaar / benodigd."};
  for (size_t i = 0; i < b.with_all.kConfidence.size(); ++i) {
    const BufferVerdict v = buffer_verdict(b.available, b.with_all.required[i]);
    lv.rows.push_back({DocCell::percent(b.with_all.kConfidence[i]), DocCell::money(b.with_all.required[i]),
                       DocCell::money(b.without_any.required[i]), DocCell::money(b.available),
                       std::isfinite(v.ratio) ? DocCell::ratio(v.ratio) : DocCell::t(v.ratio_text),
                       DocCell::t(v.class_text).flagged(v.nar.letter >= 'D')});
  }
  t.tables.push_back(std::move(lv));
  DocTable rk{"Bijdrage per risico", "Per risico",
              {"Code", "Risico", "Bijdrage 80%", "Bijdrage 90%", "Bijdrage 95%", "Benodigd zonder dit risico (90%)"}, {},
              "Bijdrage = benodigd met alle risico's − benodigd met dit risico uitgeschakeld (zelfde paden). De bijdragen tellen "
              "niet op tot het totaal: risico's treffen zelden tegelijk (spreiding)."};
  for (const RiskContribution& c : b.risks)
    rk.rows.push_back({DocCell::t(c.code), DocCell::t(c.name), DocCell::money(c.contribution[0]), DocCell::money(c.contribution[1]),
                       DocCell::money(c.contribution[2]), DocCell::money(c.without.required[1])});
  if (b.risks.empty()) rk.rows.push_back({DocCell::t("(geen risico's in dit scenario)")});
  t.tables.push_back(std::move(rk));
  d.sections.push_back(std::move(t));
  return d;
}

std::string buffer_json(const BufferAnalysis& b, const Scenario& sc) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "weerstandsvermogen";
  j["scenario"] = {{"naam", sc.name}, {"bestand", scenario_relative(sc.files.back(), sc.files.back())}};
  j["paden"] = b.paths;
  j["zaad"] = sc.seed;
  j["definitie"] = kBufferDefinitionShort;
  j["eigen_vermogen_start"] = json_number(b.start_equity);
  j["beschikbaar"] = json_number(b.available);  // the algemene reserve at the start
  j["benodigd"] = levels_json(b.with_all);
  // Per confidence: ratio beschikbaar / benodigd (null when nothing is needed) and its NAR class.
  djson rating = djson::object();
  for (size_t i = 0; i < b.with_all.kConfidence.size(); ++i) {
    const BufferVerdict v = buffer_verdict(b.available, b.with_all.required[i]);
    rating[num_plain(b.with_all.kConfidence[i])] = {{"ratio", json_number(v.ratio)}, {"klasse", std::string(1, v.nar.letter)}, {"oordeel", v.nar.label}};
  }
  j["beoordeling"] = rating;
  j["benodigd_zonder_risicos"] = levels_json(b.without_any);
  djson rs = djson::array();
  for (const RiskContribution& c : b.risks) {
    djson contrib = djson::object();
    for (size_t i = 0; i < c.contribution.size(); ++i) contrib[num_plain(BufferLevels::kConfidence[i])] = json_number(c.contribution[i]);
    rs.push_back({{"code", c.code}, {"naam", c.name}, {"bijdrage", contrib}, {"benodigd_zonder", levels_json(c.without)}});
  }
  j["risicos"] = rs;
  return j.dump(2) + "\n";
}

}  // namespace swv
