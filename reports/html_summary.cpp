// The bestuurssamenvatting: page 1 of the HTML report, for the board member writing the kaderbrief.
// Starting position, the norm in plain words, one row per year, one verdict sentence reconciling
// bovenmatig, the ondergrens and the buffer, (Monte Carlo) three sentences on uncertainty, and a
// glossary. Deterministic runs use ja/nee and no probability words. Formats what the Result holds.
#include <algorithm>
#include <cmath>

#include "decision_report.h"
#include "format_nl.h"
#include "kaderbrief.h"
#include "html_parts.h"
#include "report_terms.h"
#include "report_text.h"

namespace swv::html {

namespace {

using std::string;

double at(const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : 0.0; }

// Equity per year: the median in Monte Carlo (the deterministic run has one path: p50 = the value).
const std::vector<double>& equity(const Result& r) {
  static const std::vector<double> none;
  const Series* s = r.find("eigen_vermogen");
  return s ? s->p50 : none;
}

// "≈ 5,9 ×" of a multiple of the norm.
string times(double x) { return std::isfinite(x) ? num_nl(x, 1) + " ×" : "—"; }

// "2026", "2026–2028", "2026, 2028 en 2030" (consecutive years as ranges).
string years_text(const std::vector<int>& ys) {
  std::vector<string> parts;
  for (size_t i = 0; i < ys.size();) {
    size_t j = i;
    while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1) ++j;
    parts.push_back(j == i ? std::to_string(ys[i]) : std::to_string(ys[i]) + "–" + std::to_string(ys[j]));
    i = j + 1;
  }
  string s;
  for (size_t k = 0; k < parts.size(); ++k) s += (k == 0 ? "" : k + 1 == parts.size() ? " en " : ", ") + parts[k];
  return s;
}

std::vector<size_t> flagged(const Probability& p) {
  std::vector<size_t> out;
  for (size_t i = 0; i < p.value.size(); ++i)
    if (p.value[i] > 0.5) out.push_back(i);
  return out;
}

std::vector<int> to_years(const Result& r, const std::vector<size_t>& idx) {
  std::vector<int> ys;
  for (size_t i : idx) ys.push_back(r.years[i]);
  return ys;
}

const BufferResult* buffer90(const Result& r) {
  for (const auto& b : r.buffers)
    if (std::fabs(b.confidence - 0.9) < 1e-9) return &b;
  return nullptr;
}

bool spending_plan_active(const Result& r) {
  for (const auto& [rule, share] : r.policy_fired)
    if (rule == "afbouw")
      for (double x : share)
        if (x > 0.5) return true;
  return false;
}

string start_position(const ReportInput& in) {
  const Result& r = in.result;
  const int y0 = r.years.front();
  const double signal = at(mean(r, "signaleringswaarde"), 0), income = at(mean(r, "totale_baten"), 0);
  const double reserves = r.start_equity - r.start_general_reserve;
  string s = "<p class=\"start\"><b>Startpositie.</b> Eigen vermogen op 31-12-" + std::to_string(y0 - 1) + ": <b>" + euro(r.start_equity) +
             "</b>, waarvan algemene reserve " + euro(r.start_general_reserve) + " en bestemmingsreserves " + euro(reserves) + ". ";
  if (signal > 0)
    s += "Dat is ≈ " + times(r.start_equity / signal) + " de signaleringswaarde van " + std::to_string(y0) + " (" + euro(signal) + ")";
  if (income > 0) s += string(signal > 0 ? " en " : "Dat is ") + pct(r.start_equity / income, 1) + " van de totale baten van " + std::to_string(y0) + " (" + euro(income) + ")";
  s += ".</p>";
  s += "<p class=\"norm\"><b>De norm.</b> Signaleringswaarde = " + pct(r.signal_percentage, 1) + " × totale baten, minimaal " +
       euro(r.signal_minimum) + " = " + euro(signal) + " in " + std::to_string(y0) + (in.monte_carlo() ? " (gemiddeld)" : "") +
       ". Ligt het eigen vermogen daarboven, dan is het bovenmatig en vraagt de Inspectie een bestedingsplan.</p>";
  return s;
}

string year_table(const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  const auto& ev = equity(r);
  const auto& signal = mean(r, "signaleringswaarde");
  const auto& floor = mean(r, "ondergrens");
  string s = "<table class=\"board\"><thead><tr>" + th("Jaar") + th(mc ? "Eigen vermogen (mediaan)" : "Eigen vermogen") + th("Signaleringswaarde") +
             th("Afstand tot de norm") + th("× norm") + th(mc ? "Kans bovenmatig" : "Bovenmatig") + th("Ondergrens") +
             th(mc ? "Kans onder ondergrens" : "Onder ondergrens") + "</tr></thead><tbody>";
  for (size_t y = 0; y < r.years.size(); ++y) {
    const double e = at(ev, y), sv = at(signal, y);
    auto flag = [&](const Probability& p) {
      const double v = at(p.value, y);
      return mc ? chance(v) : string(v > 0.5 ? "ja" : "nee");
    };
    s += "<tr>" + td(std::to_string(r.years[y]), "label") + td(euro(e), "num") + td(euro(sv), "num") +
         td((e - sv > 0 ? "+" : "") + euro(e - sv), "num") + td(sv > 0 ? times(e / sv) : "—", "num") + td(flag(r.excessive), "num") +
         td(euro(at(floor, y)), "num") + td(flag(r.below_floor), "num") + "</tr>";
  }
  s += "</tbody></table>";
  s += "<p class=\"note\">" +
       string(mc ? "Eigen vermogen op 31-12: de mediaan over de paden (de helft komt hoger uit, de helft lager). Afstand: de mediaan min "
                   "de (gemiddelde) signaleringswaarde; × norm: de mediaan gedeeld door de signaleringswaarde."
                 : "Eigen vermogen op 31-12 volgens de deterministische meerjarenbegroting. Afstand: eigen vermogen min "
                   "signaleringswaarde; × norm: eigen vermogen gedeeld door de signaleringswaarde.") +
       "</p>";
  return s;
}

// One sentence: bovenmatig, then the direction (spending plan), the floor, and the buffer.
string verdict(const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  const size_t n = r.years.size();
  const auto& ev = equity(r);
  const auto excessive = flagged(r.excessive), below = flagged(r.below_floor);
  const string period = std::to_string(r.years.front()) + "–" + std::to_string(r.years.back());
  const string likely = mc ? " naar verwachting" : "";
  string s = "Het eigen vermogen ligt" + likely;
  bool leading = !excessive.empty() && excessive.front() == 0;
  for (size_t k = 0; k < excessive.size(); ++k) leading &= excessive[k] == k;
  if (excessive.size() == n)
    s += " in de hele planperiode (" + period + ") boven de signaleringswaarde (bovenmatig)";
  else if (leading)
    s += " tot en met " + std::to_string(r.years[excessive.size() - 1]) + " boven de signaleringswaarde (bovenmatig) en daarna eronder";
  else if (excessive.empty())
    s += " in geen enkel jaar van " + period + " boven de signaleringswaarde (niet bovenmatig)";
  else
    s += " in " + years_text(to_years(r, excessive)) + " boven de signaleringswaarde (bovenmatig)";
  const double first = r.start_equity, last = at(ev, n - 1);
  if (spending_plan_active(r) && last < first)
    s += "; het bestedingsplan brengt het omlaag naar " + euro(last) + " in " + std::to_string(r.years.back());
  else if (last < first)
    s += "; het daalt naar " + euro(last) + " in " + std::to_string(r.years.back());
  else
    s += "; het stijgt naar " + euro(last) + " in " + std::to_string(r.years.back());
  size_t worst_floor = 0;
  for (size_t i = 0; i < r.below_floor.value.size(); ++i)
    if (r.below_floor.value[i] > r.below_floor.value[worst_floor]) worst_floor = i;
  if (below.empty() && mc && at(r.below_floor.value, worst_floor) >= in.settings().floor_orange)
    s += " en blijft naar verwachting boven de eigen ondergrens, al loopt de kans om eronder te zakken op tot " +
         chance(r.below_floor.value[worst_floor]) + " in " + std::to_string(r.years[worst_floor]);
  else if (below.empty())
    s += " en blijft" + likely + " in elk jaar boven de eigen ondergrens";
  else
    s += " en zakt" + likely + " onder de eigen ondergrens in " + years_text(to_years(r, below));
  const BufferResult* b = buffer90(r);
  if (!b) {
    s += ". Het benodigde weerstandsvermogen (de buffer voor risico's) volgt uit een Monte-Carlo-run; de deterministische begroting "
         "neemt de risico's niet mee (verwachte risicolast " + std::to_string(r.years.front()) + ": " + euro(at(r.expected_risk_cost, 0)) +
         "), de algemene reserve is " + euro(r.start_general_reserve) + ".";
    return s;
  }
  const BufferVerdict v = buffer_verdict(r.start_general_reserve, b->required);
  const string cls = string("klasse ") + v.nar.letter;
  if (!std::isfinite(v.ratio))
    s += string(": het weerstandsvermogen is ") + v.nar.label + " (" + cls + ", ratio: " + v.ratio_text +
         "): bij 90% zekerheid komt het eigen vermogen nergens onder de begroting";
  else
    s += string(": het weerstandsvermogen is met ratio ") + v.ratio_text + " " + v.nar.label + " (" + cls + ")";
  if (v.ratio >= 1.0) {
    s += ": de algemene reserve (" + euro(r.start_general_reserve) + ") dekt de risico's (benodigd " + euro(b->required) + " bij 90% zekerheid)";
    s += excessive.empty() ? "." : ", dus het vermogen boven de signaleringswaarde is geen buffer die nodig is.";
  } else {
    s += ": de algemene reserve (" + euro(r.start_general_reserve) + ") dekt de risico's niet (benodigd " + euro(b->required) +
         " bij 90% zekerheid)";
    s += excessive.empty() ? "." : ", dus een deel van het vermogen boven de signaleringswaarde is als buffer wel nodig.";
  }
  return s;
}

// Three sentences: the spread of equity in the last year, the largest risk, the precision.
string uncertainty(const ReportInput& in) {
  const Result& r = in.result;
  const size_t last = r.years.size() - 1;
  string s = "<h3>Onzekerheid</h3><ul class=\"uncertain\">";
  if (const Series* ev = r.find("eigen_vermogen"))
    s += "<li>In " + std::to_string(r.years[last]) + " ligt het eigen vermogen in 90% van de paden tussen " + euro(at(ev->p5, last)) + " (P5) en " +
         euro(at(ev->p95, last)) + " (P95); de mediaan is " + euro(at(ev->p50, last)) + ".</li>";
  const RiskResult* worst = nullptr;
  double worst_total = -1;
  for (const auto& k : r.risks) {
    double total = 0;
    for (double x : k.expected) total += x;
    if (total > worst_total) worst = &k, worst_total = total;
  }
  if (worst) {
    double hits = 0;
    for (double x : worst->hit_share) hits += x;
    s += "<li>Het grootste risico naar verwachte last is " + esc(worst->code + " " + worst->name) + ": " + euro(worst_total) + " over " +
         std::to_string(r.years.size()) + " jaar samen, gemiddeld in " + chance(worst->hit_share.empty() ? 0 : hits / static_cast<double>(worst->hit_share.size())) +
         " van de paden per jaar.</li>";
  } else {
    s += "<li>Het scenario heeft geen risicoregister: de spreiding komt alleen uit de onzekere aannames.</li>";
  }
  double worst_se = 0;
  for (const auto* p : {&r.excessive, &r.below_floor, &r.negative})
    for (double x : p->std_error) worst_se = std::max(worst_se, x);
  s += "<li>Berekend met " + num_nl(static_cast<double>(r.paths)) + " paden (zaad " + std::to_string(r.seed) +
       "); elke kans in deze samenvatting is nauwkeurig tot op ongeveer ± " + pct(2 * worst_se, 1) + " (twee standaardfouten).</li>";
  return s + "</ul>";
}

// The kaderbrief figure: what to spend extra per year, and what that does (kaderbrief.h).
string kaderbrief(const ReportInput& in) {
  const SpendingRoom& k = *in.kaderbrief;
  const Result& r = in.result;
  string note;
  if (k.paths == 0)
    note = "Doeljaar " + std::to_string(k.query.target_year) + " (het laatste jaar), volgens de begroting; met onzekerheid en risico's "
           "doorgerekend geeft swvsim het bedrag met zekerheden.";
  else
    note = "Doeljaar " + std::to_string(k.query.target_year) + " (het laatste jaar), " + pct(k.query.confidence, 0) +
           " zekerheid voor de signaleringswaarde en " + pct(k.query.floor_confidence, 0) + " voor de ondergrens" +
           (static_cast<int64_t>(k.paths) < r.paths ? ", berekend op de eerste " + num_nl(static_cast<double>(k.paths)) + " van de " +
                                                          num_nl(static_cast<double>(r.paths)) + " doorrekeningen"
                                                    : "") +
           ". Het rapport bestedingsruimte geeft hetzelfde bedrag met een afweegtabel en andere doeljaren.";
  string notes;
  for (const string& n : kaderbrief_notes(k)) notes += " " + esc(n);
  return "<p class=\"kaderbrief\" id=\"kaderbrief\"><b>Voor de kaderbrief: <span id=\"kaderbrief-bedrag\">" + esc(kaderbrief_headline(k)) +
         "</span>.</b> " + esc(kaderbrief_sentence(k)) + notes + " <span class=\"note\">" + esc(note) + "</span></p>";
}

string glossary(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<dl class=\"glossary\">";
  auto item = [&](const char* term, const string& text) { s += "<dt>" + string(term) + "</dt><dd>" + text + "</dd>"; };
  item("Signaleringswaarde", "de grens van de Inspectie van het Onderwijs voor redelijk eigen vermogen: " + pct(r.signal_percentage, 1) +
                                 " van de totale baten, minimaal " + euro(r.signal_minimum) + ".");
  item("Bovenmatig", "eigen vermogen boven de signaleringswaarde; de Inspectie verwacht dan een bestedingsplan.");
  item("Ondergrens", "de eigen minimumstand van het eigen vermogen die het bestuur in het scenario kiest.");
  item("Algemene reserve", "het vrij inzetbare deel van het eigen vermogen; dit is het beschikbare weerstandsvermogen.");
  item("Bestemmingsreserve", "eigen vermogen dat het bestuur voor een bepaald doel heeft vastgelegd; telt mee voor de signaleringswaarde.");
  item("Weerstandsvermogen", string("de buffer voor tegenvallers. Benodigd: het ") + kBufferDefinitionShort +
                                 " bij 90% zekerheid; de ratio beschikbaar / benodigd krijgt een klasse A–F op de NAR-schaal.");
  return s + "</dl>";
}

}  // namespace

string board_summary(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"bestuurssamenvatting\"><h2>Bestuurssamenvatting</h2>";
  if (r.years.empty()) return s + "</section>";
  s += start_position(in);
  s += "<p class=\"verdict\" id=\"oordeel\"><b>Oordeel.</b> " + verdict(in) + "</p>";
  if (in.kaderbrief) s += kaderbrief(in);
  s += year_table(in);
  if (in.monte_carlo()) s += uncertainty(in);
  s += glossary(in);
  return s + "</section>";
}

}  // namespace swv::html
