// bestedingsruimte: the range of extra yearly spending for the kaderbrief.
#include <cctype>
#include <cmath>

#include "report_paths.h"
#include "decision_common.h"
#include "decision_report.h"
#include "format_nl.h"

namespace swv {

namespace {

// 1 in every year up to the end year (after it nothing is spent): "per jaar" needs no profile note.
bool constant_profile(const SpendingRoom& r) {
  for (size_t y = 0; y < r.profile.size() && r.years[y] <= r.end_year; ++y)
    if (r.profile[y] != 1.0) return false;
  return true;
}

std::string se_text(double se) { return std::isfinite(se) ? " (± " + euro(se) + ")" : " (onzekerheid niet te schatten)"; }

std::string fan(const SpendingBands& b, const std::vector<int>& years, const std::string& title) {
  return fan_chart_svg({title, years, b.p5, b.p25, b.p50, b.p75, b.p95,
                        {{"signaleringswaarde", "signal", b.signal}, {"ondergrens", "floor", b.floor}}, true});
}

void band_rows(DocTable& t, const SpendingBands& b, const std::vector<int>& years, const std::string& label) {
  for (size_t y = 0; y < years.size(); ++y)
    t.rows.push_back({DocCell::t(label), DocCell::year(years[y]), DocCell::money(b.amount), DocCell::money(b.p5[y]),
                      DocCell::money(b.p50[y]), DocCell::money(b.p95[y]), DocCell::money(b.signal[y]), DocCell::money(b.floor[y]),
                      DocCell::percent(b.excessive[y]).flagged(b.excessive[y] > 0.5), DocCell::percent(b.below_floor[y])});
}

djson bands_json(const SpendingBands& b) {
  return {{"bedrag_per_jaar", json_number(b.amount)}, {"p5", json_array(b.p5)},       {"p25", json_array(b.p25)},
          {"p50", json_array(b.p50)},                 {"p75", json_array(b.p75)},     {"p95", json_array(b.p95)},
          {"gemiddelde", json_array(b.mean)},         {"bovenmatig", json_array(b.excessive)},
          {"onder_ondergrens", json_array(b.below_floor)}, {"onder_ondergrens_enig_jaar", json_number(b.below_floor_any)}};
}

djson bound_json(const SpendingBound& b) {
  if (!b.found) return {{"gevonden", false}};
  return {{"gevonden", true}, {"bedrag_per_jaar", json_number(b.amount)}, {"standaardfout", json_number(b.std_error)},
          {"kans", json_number(b.probability)}, {"bindend_jaar", b.binding_year}};
}

}  // namespace

std::vector<std::string> spending_sentences(const SpendingRoom& r) {
  std::vector<std::string> out;
  const SpendingQuery& q = r.query;
  const std::string Y = std::to_string(q.target_year);
  const std::string per = constant_profile(r) ? " per jaar" : " per jaar (bij profielfactor 1, verdeeld volgens het profiel)";
  if (!r.minimum.found)
    out.push_back("Geen bedrag per jaar brengt de kans op een bovenmatig eigen vermogen in " + Y +
                  " tot " + pct(1 - q.confidence, 0) + ".");
  else if (r.minimum.amount > 0)
    out.push_back("Om met " + pct(q.confidence, 0) + " zekerheid in " + Y + " niet boven de signaleringswaarde uit te komen, is minimaal " +
                  euro(r.minimum.amount) + per + " extra besteding nodig" + se_text(r.minimum.std_error) + ".");
  else
    out.push_back("Het eigen vermogen blijft in " + Y + " ook zonder extra besteding met " + pct(q.confidence, 0) +
                  " zekerheid onder de signaleringswaarde; dat blijft zo tot een besparing van " + euro(-r.minimum.amount) + per +
                  se_text(r.minimum.std_error) + ".");
  if (r.recommended.kind == Recommendation::Kind::FloorUnreachable)
    out.push_back("Geen bedrag, ook geen bezuiniging ter grootte van alle lasten, houdt het eigen vermogen met " + pct(q.floor_confidence, 0) +
                  " zekerheid in elk jaar boven de ondergrens.");
  else if (r.maximum.amount >= 0)
    out.push_back("Om met " + pct(q.floor_confidence, 0) + " zekerheid in geen enkel jaar onder de ondergrens te komen, kan ten hoogste " +
                  euro(r.maximum.amount) + per + " extra worden besteed" + se_text(r.maximum.std_error) + "; het krapst is " +
                  std::to_string(r.maximum.binding_year) + ".");
  else
    out.push_back("Om met " + pct(q.floor_confidence, 0) + " zekerheid in geen enkel jaar onder de ondergrens te komen, moet " +
                  euro(-r.maximum.amount) + per + " worden bespaard" + se_text(r.maximum.std_error) + "; het krapst is " +
                  std::to_string(r.maximum.binding_year) + ".");
  if (r.minimum.found && r.maximum.found) {
    if (r.empty())
      out.push_back("Met deze zekerheden zijn de signaleringswaarde in " + Y + " en de ondergrens niet tegelijk te halen: het minimum ligt " +
                    euro(r.minimum.amount - r.maximum.amount) + " per jaar boven het maximum.");
    else
      out.push_back("De bestedingsruimte is dus " + euro(r.minimum.amount) + " tot " + euro(r.maximum.amount) + per + ".");
  }
  out.push_back("Aanbeveling: " + recommendation_sentence(r));
  for (const std::string& n : kaderbrief_notes(r)) out.push_back(n);
  return out;
}

Document spending_document(const SpendingRoom& r, const Scenario& sc) {
  const SpendingQuery& q = r.query;
  Document d = new_document("Bestedingsruimte: " + sc.name, "Doeljaar " + std::to_string(q.target_year) + " · zekerheid " +
                                                                pct(q.confidence, 0) + " · ondergrens-zekerheid " + pct(q.floor_confidence, 0) +
                                                                " · " + num_nl(static_cast<double>(r.paths)) + " paden · zaad " +
                                                                std::to_string(sc.seed));
  DocSection sum{"samenvatting", "Voor de kaderbrief", {}, spending_sentences(r), {}, {}};
  d.sections.push_back(std::move(sum));

  DocSection bounds{"grenzen", "De grenzen", {}, {}, {}, {}};
  DocTable t{"Bestedingsruimte", "Grenzen", {"Grens", "Bedrag per jaar", "Standaardfout", "Voorwaarde", "Kans bij dit bedrag", "Bindend jaar"},
             {},
             "Negatieve bedragen zijn besparingen. De standaardfout is de Monte-Carlo-onzekerheid van de grens (die van een "
             "steekproefkwantiel); met meer paden wordt ze kleiner."};
  auto row = [&](const char* name, const SpendingBound& b, const std::string& cond) {
    if (!b.found) return t.rows.push_back({DocCell::t(name), DocCell::t("niet gevonden"), DocCell::empty(), DocCell::t(cond)});
    t.rows.push_back({DocCell::t(name), DocCell::money(b.amount), DocCell::money(b.std_error), DocCell::t(cond), DocCell::percent(b.probability),
                      DocCell::year(b.binding_year)});
  };
  row("Minimum", r.minimum, "P(bovenmatig in " + std::to_string(q.target_year) + ") ≤ " + pct(1 - q.confidence, 0));
  row("Maximum", r.maximum, "P(onder de ondergrens in een of meer jaren) ≤ " + pct(1 - q.floor_confidence, 0));
  bounds.tables.push_back(std::move(t));
  DocTable prof{"Extra besteding per jaar", "Profiel", {"Jaar", "Profielfactor", "Bij het minimum", "Bij het maximum"}, {}, ""};
  for (size_t y = 0; y < r.years.size(); ++y)
    prof.rows.push_back({DocCell::year(r.years[y]), DocCell::number(r.profile[y]),
                         r.minimum.found ? DocCell::money(r.minimum.amount * r.profile[y]) : DocCell::empty(),
                         r.maximum.found ? DocCell::money(r.maximum.amount * r.profile[y]) : DocCell::empty()});
  bounds.tables.push_back(std::move(prof));
  d.sections.push_back(std::move(bounds));

  DocSection trade{"afweging", "Afweging: extra besteding tegen de kansen", {}, {}, {}, {}};
  DocTable tt{"Afweegtabel", "Afweging",
              {"Extra per jaar", "P(bovenmatig in " + std::to_string(q.target_year) + ")", "P(onder ondergrens, een of meer jaren)",
               "Mediaan eigen vermogen " + std::to_string(q.target_year), "Mediaan eigen vermogen " + std::to_string(r.years.back())},
              {},
              "Elk bedrag wordt elk jaar tot en met " + std::to_string(r.end_year) + " extra uitgegeven (volgens het profiel), op dezelfde "
              "paden. Zo is te zien wat een bedrag tussen de grenzen kost aan zekerheid."};
  for (const TradeOff& x : r.curve)
    tt.rows.push_back({DocCell::money(x.amount), DocCell::percent(x.excessive_target).flagged(x.excessive_target > 1 - q.confidence),
                       DocCell::percent(x.below_floor_any).flagged(x.below_floor_any > 1 - q.floor_confidence), DocCell::money(x.median_target),
                       DocCell::money(x.median_last)});
  trade.tables.push_back(std::move(tt));
  d.sections.push_back(std::move(trade));

  DocSection bands{"banden", "Eigen vermogen bij de grenzen", {}, {}, {}, {}};
  bands.svgs.push_back(fan(r.at_zero, r.years, "Zonder extra besteding"));
  if (r.minimum.found) bands.svgs.push_back(fan(r.at_minimum, r.years, "Bij het minimum (" + euro(r.minimum.amount) + " per jaar)"));
  if (r.maximum.found) bands.svgs.push_back(fan(r.at_maximum, r.years, "Bij het maximum (" + euro(r.maximum.amount) + " per jaar)"));
  DocTable bt{"Eigen vermogen 31-12 per bedrag", "Banden",
              {"Bedrag", "Jaar", "Extra per jaar", "P5", "P50", "P95", "Signaleringswaarde", "Ondergrens", "P(bovenmatig)", "P(onder ondergrens)"},
              {},
              ""};
  band_rows(bt, r.at_zero, r.years, "zonder extra besteding");
  if (r.minimum.found) band_rows(bt, r.at_minimum, r.years, "minimum");
  if (r.maximum.found) band_rows(bt, r.at_maximum, r.years, "maximum");
  bands.tables.push_back(std::move(bt));
  d.sections.push_back(std::move(bands));

  DocSection m{"methode", "Methode", {}, {}, {}, {}};
  m.paragraphs.push_back("De extra besteding komt bij de lasten van elk jaar (bedrag × profielfactor; negatief: een bezuiniging) en "
                         "verandert het eigen vermogen; beleidsregels (afbouw, bezuiniging, OCW-afroming, de compensatie van een "
                         "OCW-korting) reageren daarop zoals in elke doorrekening. Extra besteding verandert geen leerling en geen "
                         "trekking: de " + num_nl(static_cast<double>(r.paths)) + " paden zijn één keer doorgerekend en voor elk "
                         "geprobeerd bedrag is alleen de jaarafsluiting herhaald, op dezelfde paden, zodat de kansen stapsgewijs "
                         "in het bedrag veranderen; de zoektocht vindt elke grens tot op " + euro(q.tolerance) + " (" +
                         std::to_string(r.replays) + " herberekeningen).");
  d.sections.push_back(std::move(m));
  return d;
}

std::string spending_json(const SpendingRoom& r, const Scenario& sc) {
  djson j;
  j["swvsim"] = engine_version();
  j["soort"] = "bestedingsruimte";
  j["scenario"] = {{"naam", sc.name}, {"bestand", scenario_relative(sc.files.back(), sc.files.back())}};
  j["paden"] = r.paths;
  j["zaad"] = sc.seed;
  j["doeljaar"] = r.query.target_year;
  j["zekerheid"] = r.query.confidence;
  j["ondergrens_zekerheid"] = r.query.floor_confidence;
  j["jaren"] = r.years;
  j["profiel"] = json_array(r.profile);
  j["minimum"] = bound_json(r.minimum);
  j["maximum"] = bound_json(r.maximum);
  j["leeg"] = r.empty();
  j["conclusie"] = spending_sentences(r);
  j["banden"] = {{"zonder_extra", bands_json(r.at_zero)}};
  if (r.minimum.found) j["banden"]["minimum"] = bands_json(r.at_minimum);
  if (r.maximum.found) j["banden"]["maximum"] = bands_json(r.at_maximum);
  j["tot_en_met"] = r.end_year;
  djson curve = djson::array();
  for (const TradeOff& x : r.curve)
    curve.push_back({{"bedrag_per_jaar", json_number(x.amount)}, {"bovenmatig_doeljaar", json_number(x.excessive_target)},
                     {"onder_ondergrens_enig_jaar", json_number(x.below_floor_any)}, {"mediaan_doeljaar", json_number(x.median_target)},
                     {"mediaan_laatste_jaar", json_number(x.median_last)}});
  j["afweging"] = curve;
  j["aanbeveling"] = {{"bedrag_per_jaar", json_number(r.recommended.amount)}, {"soort", recommendation_kind_key(r.recommended.kind)},
                      {"bovenmatig_doeljaar", json_number(r.recommended.excessive_target)},
                      {"onder_ondergrens_enig_jaar", json_number(r.recommended.below_floor_any)}};
  j["herberekeningen"] = r.replays;
  return j.dump(2) + "\n";
}

}  // namespace swv
