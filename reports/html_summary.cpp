// The bestuurssamenvatting: page 1 of the HTML report, in the board's language. The start position,
// the conclusions (board_text.h: each sentence made from the figures it states), the kaderbrief
// figure, and the meerjarenbegroting a board knows: per year in € × 1.000 baten, kortingen, lasten,
// saldo and eigen vermogen with the norms, the plan as the central figure and, with uncertainty, the
// 80% band of equity and the chance of each flag. One number per thing; no engine words; one A4 page.
// Formats what the Result holds (board_figures.h gathers it).
#include <algorithm>
#include <cmath>

#include "board_figures.h"
#include "board_text.h"
#include "decision_report.h"
#include "format_nl.h"
#include "html_parts.h"
#include "kaderbrief.h"
#include "report_terms.h"
#include "report_text.h"

namespace swv::html {

namespace {

using std::string;

double at(const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : 0.0; }

// Thousands of euros as printed: "1.234", "-56".
string k(double x) {
  const double v = std::round(x / 1000.0);
  return num_nl(v == 0 ? 0.0 : v, 0);
}
string k_whole(double thousands) { return num_nl(thousands == 0 ? 0.0 : thousands, 0); }

// Largest-remainder rounding to thousands of signed terms, so the printed terms add up to the
// printed (rounded) sum: baten − kortingen − lasten = saldo as printed.
std::vector<double> rounded_terms(const std::vector<double>& terms) {
  std::vector<double> out;
  double sum = 0, floors = 0;
  std::vector<std::pair<double, size_t>> rest;
  for (size_t i = 0; i < terms.size(); ++i) {
    const double t = terms[i] / 1000.0, f = std::floor(t);
    sum += t, floors += f;
    out.push_back(f);
    rest.push_back({t - f, i});
  }
  std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  const long extra = std::lround(std::round(sum) - floors);
  for (long j = 0; j < extra && j < static_cast<long>(rest.size()); ++j) out[rest[static_cast<size_t>(j)].second] += 1;
  return out;
}

string start_position(const BoardFigures& f) {
  const int y0 = f.years.front();
  const double signal = at(f.signal, 0), income = at(f.income, 0);
  // Amounts as the sentences and the table give them (thousands): one rendering per number on the page.
  string s = "<p class=\"start\"><b>Startpositie.</b> Eigen vermogen op 31-12-" + std::to_string(y0 - 1) + ": <b>" + euro_k(f.start_equity) + "</b>";
  if (f.has_reserves)
    s += ", waarvan algemene reserve " + euro_k(f.start_general_reserve) + " en bestemmingsreserves " + euro_k(f.start_equity - f.start_general_reserve);
  s += ". ";
  if (signal > 0)
    s += "Dat is " + num_nl(f.start_equity / signal, 1) + " × de signaleringswaarde van " + std::to_string(y0) + " (" + euro_k(signal) + ")";
  if (income > 0) s += string(signal > 0 ? " en " : "Dat is ") + pct(f.start_equity / income, 1) + " van de totale baten van " + std::to_string(y0);
  return s + ".</p>";
}

string verdict(const BoardFigures& f) {
  string s = "<div class=\"verdict\" id=\"oordeel\"><b>Oordeel.</b><ul>";
  for (const BoardSentence& b : board_sentences(f)) s += "<li>" + esc(b.text) + "</li>";
  return s + "</ul></div>";
}

// The kaderbrief figure: what to spend extra per year, and what that does (kaderbrief.h).
string kaderbrief(const ReportInput& in) {
  const SpendingRoom& kb = *in.kaderbrief;
  const Result& r = in.result;
  string note;
  if (kb.paths == 0)
    note = "Doeljaar " + std::to_string(kb.query.target_year) + " (het laatste jaar), volgens de begroting; met onzekerheid en risico's "
           "doorgerekend geeft swvsim het bedrag met zekerheden.";
  else
    note = "Doeljaar " + std::to_string(kb.query.target_year) + " (het laatste jaar), " + pct(kb.query.confidence, 0) +
           " zekerheid voor de signaleringswaarde en " + pct(kb.query.floor_confidence, 0) + " voor de ondergrens" +
           (static_cast<int64_t>(kb.paths) < r.paths ? ", berekend op de eerste " + num_nl(static_cast<double>(kb.paths)) + " van de " +
                                                           num_nl(static_cast<double>(r.paths)) + " doorrekeningen"
                                                     : "") +
           ". Het rapport bestedingsruimte geeft hetzelfde bedrag met een afweegtabel en andere doeljaren.";
  string notes;
  for (const string& n : kaderbrief_notes(kb)) notes += " " + esc(n);
  return "<p class=\"kaderbrief\" id=\"kaderbrief\"><b>Voor de kaderbrief: <span id=\"kaderbrief-bedrag\">" + esc(kaderbrief_headline(kb)) +
         "</span>.</b> " + esc(kaderbrief_sentence(kb)) + notes + " <span class=\"note\">" + esc(note) + "</span></p>";
}

// The board's meerjarenbegroting: one column per year (and the start), rows in € × 1.000.
string board_table(const ReportInput& in, const BoardFigures& f) {
  const bool mc = f.chances;
  const size_t n = f.size();
  const string cls = n > 8 ? "board many" : "board";
  string s = "<table class=\"" + cls + "\"><thead><tr>" + th("× € 1.000") + th("31-12-" + std::to_string(f.years.front() - 1));
  for (int y : f.years) s += th(std::to_string(y));
  s += "</tr></thead><tbody>";
  auto group = [&](const string& title) { s += "<tr class=\"group\"><td colspan=\"" + std::to_string(n + 2) + "\">" + title + "</td></tr>"; };
  auto row = [&](const string& label, const std::vector<string>& cells, const string& start, const string& row_cls) {
    s += "<tr" + (row_cls.empty() ? string() : " class=\"" + row_cls + "\"") + ">" + td(label, "label") + td(start, "num");
    for (const string& c : cells) s += c;
    s += "</tr>";
  };
  auto money = [&](const std::vector<double>& v) {
    std::vector<string> cells;
    for (size_t y = 0; y < n; ++y) cells.push_back(td(k(at(v, y)), "num"));
    return cells;
  };

  // Exploitatie: printed baten − kortingen − lasten = printed saldo (largest remainder).
  std::vector<string> income, reductions, costs, result;
  for (size_t y = 0; y < n; ++y) {
    const auto t = rounded_terms({at(f.income, y), -at(f.reductions, y), -at(f.costs, y)});
    income.push_back(td(k_whole(t[0]), "num")), reductions.push_back(td(k_whole(-t[1]), "num")), costs.push_back(td(k_whole(-t[2]), "num"));
    result.push_back(td(k_whole(t[0] + t[1] + t[2]), "num"));
  }
  group(f.has_plan ? "Begroting (plan)" : "Begroting (middelste uitkomst)");
  row("Baten", income, "", "");
  row("Kortingen (DUO)", reductions, "", "");
  row("Lasten", costs, "", "");
  row("Saldo", result, "", "total");

  group("Vermogen op 31-12");
  row(f.has_plan ? "Eigen vermogen (plan)" : "Eigen vermogen", money(f.equity), k(f.start_equity), "total");
  if (mc && !f.band_low.empty()) {
    row("80% kans: niet lager dan", money(f.band_low), "", "sub");
    row("en niet hoger dan", money(f.band_high), "", "sub");
  }
  if (f.has_reserves || !f.target.empty()) row("Algemene reserve", money(f.general_reserve), k(f.start_general_reserve), "");
  row("Signaleringswaarde", money(f.signal), "", "");
  bool floor_set = false;
  for (double x : f.floor) floor_set |= x > 0.5;
  if (floor_set) row("Ondergrens", money(f.floor), "", "");
  if (!f.target.empty()) row("Streefvermogen (algemene reserve)", money(f.target), "", "");

  group(mc ? "Signalen: kans per jaar" : "Signalen volgens de begroting");
  const ReportSettings st = in.settings();
  auto flags = [&](const std::vector<double>& plan, const std::vector<double>& chances, double orange, double red) {
    std::vector<string> cells;
    for (size_t y = 0; y < n; ++y) {
      if (mc) {
        const double p = at(chances, y);
        const Light l = light_of(p, orange, red);
        cells.push_back(td(chance(p), l == Light::Red ? "num rood" : l == Light::Orange ? "num oranje" : "num"));
      } else {
        const bool yes = at(plan, y) > 0.5;
        cells.push_back(td(yes ? "ja" : "nee", yes ? "num rood" : "num"));
      }
    }
    return cells;
  };
  row("Bovenmatig (boven de signaleringswaarde)", flags(f.excessive_plan, f.excessive_chance, st.excessive_orange, st.excessive_red), "", "");
  if (floor_set) row("Onder de ondergrens", flags(f.below_floor_plan, f.below_floor_chance, st.floor_orange, st.floor_red), "", "");
  bool negative = false;
  for (double x : mc ? f.negative_chance : f.negative_plan) negative |= x > 0;
  if (negative) row("Negatief eigen vermogen", flags(f.negative_plan, f.negative_chance, 0.005, 0.5), "", "");
  if (!f.target.empty()) row("Algemene reserve onder streefvermogen", flags(f.below_target_plan, f.below_target_chance, 0.5, 0.5), "", "");

  if (!f.shares.empty()) {
    group("Deelname op de teldatum");
    for (const auto& sh : f.shares) {
      std::vector<string> plan, goal;
      for (size_t y = 0; y < n; ++y) plan.push_back(td(pct(at(sh.plan, y), 2), "num")), goal.push_back(td(pct(at(sh.target, y), 2), "num"));
      row(esc(sh.label) + (f.has_plan ? " (plan)" : ""), plan, "", "");
      row("doel", goal, "", "sub");
    }
  }
  return s + "</tbody></table>";
}

string table_note(const BoardFigures& f) {
  string s = "<p class=\"note\">Bedragen × € 1.000, afgerond; baten − kortingen − lasten = saldo ook na afronding. ";
  s += f.has_plan ? "Plan: de meerjarenbegroting met elke aanname op haar verwachting" +
                        string(f.risks_in_plan >= 0.5 ? " en de verwachte last van de risico's. " : ", zonder de risico's. ")
                  : "Middelste uitkomst: de helft van de doorrekeningen komt hoger uit, de helft lager. ";
  if (f.chances)
    s += "Met onzekerheid en risico's is de begroting vele malen doorgerekend: in 8 van de 10 doorrekeningen ligt het eigen vermogen "
         "tussen de twee regels \"80% kans\"; een kans is het aandeel van de doorrekeningen waarin het signaal in dat jaar geldt. "
         "Elders in dit rapport staan ook het gemiddelde en de mediaan van de doorrekeningen; op deze pagina staat het plan.";
  return s + "</p>";
}

string glossary(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<dl class=\"glossary\">";
  auto item = [&](const char* term, const string& text) { s += "<dt>" + string(term) + "</dt><dd>" + text + "</dd>"; };
  item("Signaleringswaarde", "de grens van de Inspectie van het Onderwijs voor redelijk eigen vermogen: " + pct(r.signal_percentage, 1) +
                                 " van de totale baten, minimaal " + euro(r.signal_minimum) + ".");
  item("Bovenmatig", "eigen vermogen boven de signaleringswaarde; de Inspectie verwacht dan een bestedingsplan.");
  item("Ondergrens", "de eigen minimumstand van het eigen vermogen die het bestuur kiest.");
  item("Algemene reserve", "het vrij inzetbare deel van het eigen vermogen (zonder bestemmingsreserves): het beschikbare weerstandsvermogen.");
  item("Weerstandsvermogen", "de buffer voor tegenvallers. Benodigd: het grootste tekort van het eigen vermogen onder het plan, bij 90% "
                             "zekerheid; de verhouding beschikbaar / benodigd krijgt een klasse A–F.");
  return s + "</dl>";
}

}  // namespace

string board_summary(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"bestuurssamenvatting\"><h2>Bestuurssamenvatting</h2>";
  if (r.years.empty()) return s + "</section>";
  const BoardFigures f = board_figures(in);
  s += start_position(f);
  s += verdict(f);
  if (in.kaderbrief) s += kaderbrief(in);
  s += board_table(in, f);
  s += table_note(f);
  s += glossary(in);
  return s + "</section>";
}

}  // namespace swv::html
