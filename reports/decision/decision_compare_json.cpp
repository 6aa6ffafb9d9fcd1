// vergelijking.json: the comparison for scripts (schema in docs/beslisondersteuning.md): per variant
// the paired series, what differs in the inputs, the summary sentences and the effects per line,
// from the same story as the report (decision_compare_story.h).
#include "report_paths.h"
#include "change_text.h"
#include "decision_common.h"
#include "decision_compare_story.h"
#include "decision_report.h"

namespace swv {

namespace {

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

// A file as the reports name it: relative to the base scenario's folder (report_paths.h).
std::string rel(const std::string& file, const std::string& base) { return file.empty() ? file : scenario_relative(file, base); }

djson groups_json(const VariantStory& s, const std::string& base) {
  djson groups = djson::array();
  for (const ChangeGroup& g : s.groups) {
    djson lines = djson::array();
    for (const ChangeLine& l : g.lines)
      lines.push_back({{"sleutel", l.key}, {"omschrijving", l.name}, {"van", l.first ? djson(l.first) : djson(nullptr)},
                       {"tot", l.last ? djson(l.last) : djson(nullptr)}, {"basis", l.base}, {"variant", l.variant},
                       {"verschil", l.diff_text.empty() ? djson(nullptr) : djson(l.diff_text)},
                       {"verschil_waarde", l.has_diff ? json_number(l.diff) : djson(nullptr)}, {"eenheid", unit_name(l.unit)},
                       {"zin", l.sentence()}, {"bestand", rel(l.where.file, base)}, {"regel", l.where.line}});
    groups.push_back({{"groep", topic_title(g.topic)}, {"wijzigingen", lines}});
  }
  return groups;
}

djson effects_json(const VariantStory& s) {
  const OutcomeEffects& e = s.effects;
  djson lines = djson::array();
  for (const LineEffect& l : e.lines)
    lines.push_back({{"code", l.code}, {"naam", l.name}, {"kant", l.side == Side::Income ? "baten" : l.side == Side::Reduction ? "kortingen" : "lasten"},
                     {"afdracht", l.deduction}, {"basis", json_array(l.base)}, {"variant", json_array(l.variant)},
                     {"verschil_totaal", json_number(l.total_diff)}, {"effect_eigen_vermogen", json_number(l.equity_effect)},
                     {"door", l.causes}, {"volgt_eigen_vermogen", l.follows_equity}});
  auto totals = [](const OutcomeTotals& t) { return djson{{"basis", json_array(t.base)}, {"variant", json_array(t.variant)}}; };
  return {{"posten", lines},
          {"totalen",
           {{"baten", totals(e.income)}, {"afdrachten", totals(e.deductions)}, {"overige_lasten", totals(e.other_costs)},
            {"kortingen", totals(e.reductions)}, {"eigen_vermogen", totals(e.equity)}}},
          {"start", json_number(e.start_effect)}, {"onverklaard", json_number(e.unexplained)}};
}

}  // namespace

std::string comparison_json(const ComparisonReport& c) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "vergelijking";
  j["basis"] = {{"naam", c.base->name}, {"bestand", rel(c.base->files.back(), c.base->files.back())}};
  j["paden"] = c.base_result->paths;
  j["zaad"] = c.base_result->seed;
  j["jaren"] = c.base_result->years;
  // Additions of 1.2: each file's own planperiode, and the sentence naming the shared years (null
  // when every file plans the same years).
  j["basis"]["planperiode"] = {c.base->first_year, c.base->last_year};
  const std::string shared = shared_years_sentence(c);
  j["vergeleken_over"] = shared.empty() ? djson(nullptr) : djson(shared);
  j["basis"]["eigen_vermogen_percentielen"] = percentiles_json(*c.base_result);
  djson vs = djson::array();
  for (const auto& v : c.variants) {
    const VariantStory story = story_of(c, v);
    djson x;
    x["naam"] = v.scenario->name;
    x["bestand"] = rel(v.scenario->files.back(), c.base->files.back());
    x["planperiode"] = {v.scenario->first_year, v.scenario->last_year};
    x["variant_van_basis"] = v.of_base;
    djson ch = djson::array();
    for (const Change& k : v.changes) {
      djson years = djson::array();
      for (const ChangeYear& y : k.years)
        years.push_back({{"jaar", y.year ? djson(y.year) : djson(nullptr)}, {"basis", change_text(y.base, false)}, {"variant", change_text(y.variant, true)}});
      ch.push_back({{"sleutel", k.key}, {"bestand", rel(k.where.file, c.base->files.back())}, {"regel", k.where.line}, {"jaren", years}});
    }
    x["verschillen"] = ch;
    x["verandert_niets"] = v.changes.empty();
    x["eigen_vermogen"] = paired_json(v.paired.equity);
    x["signaleringswaarde"] = paired_json(v.paired.signal);
    x["bovenmatig"] = paired_json(v.paired.excessive);
    x["onder_ondergrens"] = paired_json(v.paired.below_floor);
    x["negatief"] = paired_json(v.paired.negative);
    x["eigen_vermogen_percentielen"] = percentiles_json(*v.result);
    x["samenvatting"] = headline(c, v, story);
    x["groepen"] = groups_json(story, c.base->files.back());
    x["effecten"] = effects_json(story);
    vs.push_back(x);
  }
  j["varianten"] = vs;
  return j.dump(2) + "\n";
}

}  // namespace swv
