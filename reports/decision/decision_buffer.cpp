// weerstandsvermogen: the buffer needed at 80/90/95% and what each risk adds to it.
#include <algorithm>
#include <numeric>

#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"

namespace swv {

namespace {

std::string ratio_text(double available, double required) {
  return required <= 0 ? "geen buffer nodig" : num_nl(available / required, 2);
}

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
  sum.paragraphs.push_back("Benodigd weerstandsvermogen bij zekerheid c: het eigen vermogen dat bij de start nodig is om in een "
                           "aandeel c van de paden in geen enkel jaar van de planperiode onder de ondergrens te komen (het c-kwantiel "
                           "van het grootste tekort ten opzichte van de ondergrens, plus het huidige eigen vermogen; niet negatief).");
  for (size_t i = 0; i < b.with_all.kConfidence.size(); ++i)
    sum.bullets.push_back("Bij " + pct(b.with_all.kConfidence[i], 0) + " zekerheid: " + euro(b.with_all.required[i]) + " nodig, " +
                          euro(b.start_equity) + " beschikbaar (" +
                          (b.with_all.required[i] <= 0 ? "geen buffer nodig" : "ratio " + ratio_text(b.start_equity, b.with_all.required[i])) +
                          ").");
  // The risk that adds most at 90%.
  if (!b.risks.empty()) {
    auto top = std::max_element(b.risks.begin(), b.risks.end(),
                                [](const RiskContribution& x, const RiskContribution& y) { return x.contribution[1] < y.contribution[1]; });
    sum.bullets.push_back("Het risico met de grootste bijdrage (90%) is " + top->code + " " + top->name + ": " + euro(top->contribution[1]) + ".");
  }
  d.sections.push_back(std::move(sum));

  DocSection t{"tabellen", "Buffer en bijdrage per risico", {}, {}, {}, {}};
  DocTable lv{"Benodigd weerstandsvermogen", "Buffer",
              {"Zekerheid", "Benodigd (alle risico's)", "Benodigd zonder risico's", "Beschikbaar", "Ratio beschikbaar/benodigd"}, {}, ""};
  for (size_t i = 0; i < b.with_all.kConfidence.size(); ++i)
    lv.rows.push_back({DocCell::percent(b.with_all.kConfidence[i]), DocCell::money(b.with_all.required[i]),
                       DocCell::money(b.without_any.required[i]), DocCell::money(b.start_equity),
                       b.with_all.required[i] <= 0 ? DocCell::t("geen buffer nodig") : DocCell::number(b.start_equity / b.with_all.required[i])});
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
  j["scenario"] = {{"naam", sc.name}, {"bestand", sc.files.back()}};
  j["paden"] = b.paths;
  j["zaad"] = sc.seed;
  j["eigen_vermogen_start"] = json_number(b.start_equity);
  j["benodigd"] = levels_json(b.with_all);
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
