// vergelijk as "wat is anders en waarom": plain names for every key, changes grouped by topic with
// units and procentpunten, consecutive years as one line, line effects that add up to the equity
// difference, and a headline with the largest rise and the largest fall. Hand-computed expectations.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "change_text.h"
#include "compare.h"
#include "decision_report.h"
#include "helpers.h"
#include "input_name.h"
#include "mc.h"
#include "mc_paths.h"
#include "scenario_diff.h"
#include "schema.h"

using namespace swv;
using namespace swv::test;

namespace {

Scenario named_scenario(Sector sector) {
  Scenario sc;
  sc.sector = sector;
  Line l;
  l.code = "4.5.2b", l.name = "Ambulante begeleiding";
  sc.lines.push_back(l);
  Risk r;
  r.code = "R1", r.name = "Brand in het kantoor";
  sc.risks.push_back(r);
  EarmarkedReserve e;
  e.code = "BR1", e.name = "Egalisatie";
  sc.reserves.push_back(e);
  return sc;
}

// A schema path as a concrete key: entries get a code the scenario holds, "*" a component name.
std::string concrete(std::string path) {
  const std::pair<const char*, const char*> entries[] = {{"post[]", "post[4.5.2b]"}, {"risico[]", "risico[R1]"},
                                                         {"bestemmingsreserve[]", "bestemmingsreserve[BR1]"}};
  for (const auto& [from, to] : entries)
    if (path.rfind(from, 0) == 0) return to + path.substr(std::string(from).size());
  if (const size_t star = path.find('*'); star != std::string::npos) path.replace(star, 1, "zwaar");
  return path;
}

// Base and variant files in one folder (regels.toml beside them), loaded.
struct Pair {
  LoadResult base, variant;
};
Pair load_pair(const std::string& base_text, const std::string& variant_text) {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  Pair p{load_scenario(write(dir, "basis.toml", base_text)),
         load_scenario(write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n" + variant_text))};
  INFO(errors(p.base) << errors(p.variant));
  REQUIRE(p.base.scenario);
  REQUIRE(p.variant.scenario);
  return p;
}

std::vector<ChangeGroup> groups_of(const Pair& p) {
  const Scenario& b = *p.base.scenario;
  return grouped_changes(scenario_changes(p.base.tree->root, p.variant.tree->root, b.first_year, b.last_year), b, *p.variant.scenario);
}

double sum_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

std::string po_until(int last_year) {
  std::string s = kMinimalPo;
  replace_all(s, "laatste_jaar = 2027", "laatste_jaar = " + std::to_string(last_year));
  return s;
}

const std::string kPosts = R"(
[[post]]
code = "B"
naam = "Bijdrage gemeenten"
kant = "baten"
bedrag = 100_000
indexatie = "geen"
[[post]]
code = "L"
naam = "Lasten schoolbesturen"
kant = "lasten"
bedrag = 200_000
indexatie = "geen"
[[post]]
code = "S"
naam = "Kleine post"
kant = "lasten"
bedrag = 10_000
indexatie = "geen"
[[post]]
code = "P"
naam = "Per leerling"
kant = "lasten"
per_leerling = 10
grondslag = "regulier"
indexatie = "geen"
[simulatie]
paden = 50
)";

std::string post_amount(const std::string& code, const std::string& amount) {
  return "[[post]]\ncode = \"" + code + "\"\nbedrag = " + amount + "\n";
}

// The report of one or more variants of `p.base`, on the same 50 paths.
struct Compared {
  Scenario base;
  Result base_result;
  std::vector<Scenario> variants;
  std::vector<Result> results;
  std::vector<VariantComparison> comparisons;
};
void compare_all(Compared& c, const LoadResult& base, const std::vector<const LoadResult*>& variants) {
  c.base = *base.scenario;
  c.base_result = run_monte_carlo(c.base, {}, {2});
  Scenario pb = c.base;
  prepare_for_monte_carlo(pb);
  const PathTable tb = run_paths(pb, {2});
  c.variants.reserve(variants.size()), c.results.reserve(variants.size());
  for (const LoadResult* v : variants) {
    c.variants.push_back(*v->scenario);
    c.results.push_back(run_monte_carlo(c.variants.back(), {}, {2}));
    Scenario pv = c.variants.back();
    prepare_for_monte_carlo(pv);
    c.comparisons.push_back({&c.variants.back(), &c.results.back(), compare_paths(tb, run_paths(pv, {2})),
                             scenario_changes(base.tree->root, v->tree->root, c.base.first_year, c.base.last_year)});
  }
}

}  // namespace

TEST_CASE("vergelijk: every key family of the schema has a plain Dutch name without brackets", "[vergelijk]") {
  const Scenario po = named_scenario(Sector::Po), vo = named_scenario(Sector::Vo);
  for (FileKind kind : {FileKind::Scenario, FileKind::Rules})
    for (const KeyInfo& k : schema(kind)) {
      const std::string key = concrete(std::string(k.path));
      const std::string name = plain_input_name(key, kind == FileKind::Scenario ? po : vo);
      INFO(key << " -> " << name);
      CHECK(name != key);
      CHECK(name.find_first_of("[]_*{}") == std::string::npos);
      CHECK(input_topic(key) != InputTopic::Other);
    }
  CHECK(plain_input_name("post[4.5.2b].realisatie", po) == "Post 4.5.2b Ambulante begeleiding: realisatie");
  CHECK(plain_input_name("post[4.5.2b]", po) == "Post 4.5.2b Ambulante begeleiding");
  CHECK(plain_input_name("risico[R1]", po) == "Risico R1 Brand in het kantoor");
  CHECK(plain_input_name("risico[R1].kans", po) == "Risico R1 Brand in het kantoor: kans per jaar");
  CHECK(plain_input_name("bestemmingsreserve[BR1].onttrekking", po) == "Bestemmingsreserve BR1 Egalisatie: onttrekking per jaar");
  CHECK(plain_input_name("indexatie.loon", po) == "Loonindexatie");
  CHECK(plain_input_name("stromen.verwijzing.sbo", po) == "Verwijzing regulier → SBO");
  CHECK(plain_input_name("stromen.verwijzing.so.laag", po) == "Verwijzing regulier → SO laag");
  CHECK(plain_input_name("stromen.verwijzing.so.laag", vo) == "Verwijzing regulier → VSO laag");
  CHECK(plain_input_name("start.leerlingen.regulier", vo) == "Leerlingen bij de start: regulier (VO)");
  CHECK(plain_input_name("ondersteuning.zwaar.normbedrag", po) == "Ondersteuningsbekostiging, component zwaar: normbedrag per leerling");
  // An entry the scenario does not hold keeps its code; keys outside the schema come back as given.
  CHECK(plain_input_name("post[9.9].bedrag", po) == "Post 9.9: bedrag");
  CHECK(!input_entry_known("post[9.9].bedrag", po));
  CHECK(input_entry_known("post[4.5.2b].bedrag", po));
  CHECK(plain_input_name("post[4.5.2b].kleur", po) == "post[4.5.2b].kleur");
  CHECK(plain_input_name("onbekend.ding", po) == "onbekend.ding");
  CHECK(input_topic("onbekend.ding") == InputTopic::Other);
  // Units and topics of each kind.
  CHECK(input_unit("post[4.5.2b].bedrag") == InputUnit::Euro);
  CHECK(input_unit("indexatie.loon") == InputUnit::Rate);
  CHECK(input_unit("stromen.verwijzing.so.hoog") == InputUnit::Rate);
  CHECK(input_unit("start.leerlingen.regulier") == InputUnit::Count);
  CHECK(input_unit("swv.eerste_jaar") == InputUnit::Year);
  CHECK(input_unit("stromen.beleid.verwijzing_sbo_factor") == InputUnit::Number);
  CHECK(input_per_year("indexatie.loon"));
  CHECK(input_per_year("post[4.5.2b].bedrag"));
  CHECK(!input_per_year("start.leerlingen.regulier"));
  CHECK(!input_per_year("simulatie.paden"));
  CHECK(std::string(topic_title(input_topic("demografie.groei"))) == "Leerlingen en demografie");
  CHECK(std::string(topic_title(input_topic("stromen.doel.sbo"))) == "Stromen en deelname");
  CHECK(std::string(topic_title(input_topic("swv.regels"))) == "Bekostiging en regels");
  CHECK(std::string(topic_title(input_topic("post[4.5.2b].bedrag"))) == "Baten- en lastenposten");
  CHECK(std::string(topic_title(input_topic("risico[R1].impact"))) == "Risico's");
  CHECK(std::string(topic_title(input_topic("beleid.afbouw.aandeel"))) == "Beleid");
  CHECK(std::string(topic_title(input_topic("normen.ondergrens"))) == "Normen en reserves");
  CHECK(std::string(topic_title(input_topic("simulatie.paden"))) == "Simulatie");
}

TEST_CASE("vergelijk: a rate raised from 2,0% to 2,5% in 2026–2030 is one line in procentpunt", "[vergelijk]") {
  const Pair p = load_pair(po_until(2030) + "[indexatie]\nloon = 0.020\n", "[indexatie]\nloon = { 2025 = 0.020, 2026 = 0.025 }\n");
  const auto changes = scenario_changes(p.base.tree->root, p.variant.tree->root, 2025, 2030);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].years.size() == 5);  // the raw list keeps every year (JSON `verschillen`)
  const auto groups = groups_of(p);
  REQUIRE(groups.size() == 1);
  CHECK(std::string(topic_title(groups[0].topic)) == "Bekostiging en regels");
  REQUIRE(groups[0].lines.size() == 1);
  const ChangeLine& l = groups[0].lines[0];
  CHECK(l.first == 2026);
  CHECK(l.last == 2030);
  CHECK(l.base == "2,0%");
  CHECK(l.variant == "2,5%");
  CHECK(l.diff_text == "+0,5 procentpunt");
  CHECK(l.diff == Approx(0.005).margin(1e-12));
  CHECK(l.unit == InputUnit::Rate);
  CHECK(l.sentence() == "Loonindexatie, 2026–2030: 2,0% → 2,5% (+0,5 procentpunt)");
}

TEST_CASE("vergelijk: amounts in euro, counts as numbers, distributions by their mean, spans break where a side changes", "[vergelijk]") {
  // The beleidsfactor from 2027 on: 1,0 before (not a change), 0,5 from 2027 against the default 1.
  const Pair p = load_pair(po_until(2030) + "[normen]\nondergrens = { 2025 = 100_000, 2028 = 200_000 }\n"
                                            "[demografie]\ngroei = { verdeling = \"normaal\", gemiddelde = -0.005, sd = 0.003 }\n",
                           "[normen]\nondergrens = 150_000\n[start.leerlingen]\nregulier = 1_200\n"
                           "[demografie]\ngroei = { verdeling = \"normaal\", gemiddelde = -0.015, sd = 0.003 }\n"
                           "[stromen.beleid]\nverwijzing_sbo_factor = { 2027 = 0.5 }\n");
  std::vector<std::string> lines;
  for (const ChangeGroup& g : groups_of(p))
    for (const ChangeLine& l : g.lines) lines.push_back(std::string(topic_title(g.topic)) + " | " + l.sentence());
  CHECK(lines == std::vector<std::string>{
                     "Leerlingen en demografie | Groei van de instroom per jaar (krimp is negatief), 2025–2030: "
                     "normaal(gemiddelde -0,5%; sd 0,3%) → normaal(gemiddelde -1,5%; sd 0,3%) (gemiddeld -1,0 procentpunt)",
                     "Leerlingen en demografie | Leerlingen bij de start: regulier (BaO): 1.000 → 1.200 (+200)",
                     "Stromen en deelname | Beleidsfactor op de verwijzing naar SBO, 2027–2030: 1 (standaard) → 0,5 (-0,5)",
                     "Normen en reserves | Ondergrens eigen vermogen, 2025–2027: € 100.000 → € 150.000 (€ +50.000)",
                     "Normen en reserves | Ondergrens eigen vermogen, 2028–2030: € 200.000 → € 150.000 (€ -50.000)",
                 });
}

TEST_CASE("vergelijk: line effects add up to the equity difference and the headline names the largest rise and fall", "[vergelijk]") {
  // Three years; B (baten) +50.000, L (lasten) +80.000, S (lasten) +5.000 a year, 1.200 pupils
  // instead of 1.000 for P (€ 10 per pupil, counted at the teldatum of the year before: the start
  // count in 2025, then the same since nothing flows). Effects on equity at the end of 2027:
  // B +150.000, L -240.000, S -15.000, P -6.000: together -111.000.
  const std::string base = po_until(2027) + kPosts;
  const Pair p = load_pair(base, post_amount("B", "150_000") + post_amount("L", "280_000") + post_amount("S", "15_000") +
                                     "[start.leerlingen]\nregulier = 1_200\n");
  const Pair only_costs = load_pair(base, post_amount("L", "280_000"));
  Compared c;
  compare_all(c, p.base, {&p.variant, &only_costs.variant});
  const OutcomeEffects e = outcome_effects(c.base_result, c.results[0], c.base, c.variants[0], c.comparisons[0].changes);
  REQUIRE(e.lines.size() == 4);
  CHECK(e.lines[0].code == "L");
  CHECK(e.lines[0].equity_effect == Approx(-240'000).margin(1e-6));
  CHECK(e.lines[0].causes == std::vector<std::string>{"post[L].bedrag"});
  CHECK(e.lines[1].code == "B");
  CHECK(e.lines[1].equity_effect == Approx(150'000).margin(1e-6));
  CHECK(e.lines[2].code == "S");
  CHECK(e.lines[3].code == "P");
  CHECK(e.lines[3].equity_effect == Approx(-6'000).margin(1e-6));
  CHECK(e.lines[3].causes == std::vector<std::string>{"start.leerlingen.regulier"});  // per pupil: linked to the count
  CHECK(e.equity.variant.back() - e.equity.base.back() == Approx(-111'000).margin(1e-6));
  CHECK(std::fabs(e.unexplained) < 1e-6);
  CHECK(sum_of(e.income.variant) - sum_of(e.income.base) == Approx(150'000).margin(1e-6));

  const ComparisonReport report{&c.base, &c.base_result, c.comparisons};
  const Document d = comparison_document(report);
  const std::vector<std::string>& head = d.sections.front().bullets;
  auto has = [&](const std::string& text) {
    return std::any_of(head.begin(), head.end(), [&](const std::string& b) { return b.find(text) != std::string::npos; });
  };
  CHECK(has("Grootste stijging van het eigen vermogen eind 2027: Post B Bijdrage gemeenten, € +150.000"));
  CHECK(has("Grootste daling van het eigen vermogen eind 2027: Post L Lasten schoolbesturen, € -240.000"));
  CHECK(!has("Grootste daling van het eigen vermogen eind 2027: Post S"));
  CHECK(has("Geen enkele post verhoogt het eigen vermogen."));  // the second variant only raises costs
  CHECK(has("procentpunt"));
  for (const DocSection& s : d.sections)
    for (const DocTable& t : s.tables)
      for (size_t col = 0; col < t.header.size(); ++col)
        if (t.header[col].find("verschil") == 0)  // a difference of probabilities: procentpunten, as a number
          for (const auto& row : t.rows) {
            CHECK(t.header[col] == "verschil (procentpunt)");
            CHECK(row[col].kind == DocCell::Kind::Number);
          }
  const std::string md = document_markdown(d);
  CHECK(md.find("## Wat is anders: ") != std::string::npos);
  CHECK(md.find("## Waarom: ") != std::string::npos);
  CHECK(md.find("Baten- en lastenposten — Post L Lasten schoolbesturen: bedrag, 2025–2027: € 200.000 → € 280.000 (€ +80.000)") !=
        std::string::npos);

  const auto j = nlohmann::json::parse(comparison_json(report));
  const auto& v = j["varianten"][0];
  CHECK(!v["verschillen"].empty());  // the fields of before stay
  CHECK(v["eigen_vermogen"]["verschil"].size() == 3);
  REQUIRE(v["groepen"].size() == 2);
  CHECK(v["groepen"][0]["groep"] == "Leerlingen en demografie");
  CHECK(v["groepen"][1]["groep"] == "Baten- en lastenposten");
  const auto& first = v["groepen"][1]["wijzigingen"][0];
  CHECK(first["sleutel"] == "post[B].bedrag");
  CHECK(first["omschrijving"] == "Post B Bijdrage gemeenten: bedrag");
  CHECK(first["basis"] == "€ 100.000");
  CHECK(first["variant"] == "€ 150.000");
  CHECK(first["verschil"] == "€ +50.000");
  CHECK(first["verschil_waarde"] == 50'000);
  CHECK(first["eenheid"] == "euro");
  CHECK(first["van"] == 2025);
  CHECK(first["tot"] == 2027);
  CHECK(v["effecten"]["posten"][0]["code"] == "L");
  CHECK(v["effecten"]["posten"][0]["effect_eigen_vermogen"] == -240'000);
  CHECK(v["samenvatting"].size() >= 4);
}
