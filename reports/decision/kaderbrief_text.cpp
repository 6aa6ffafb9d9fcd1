// The kaderbrief figure in words (spending.h holds the question and its four kinds of answer): one
// sentence per kind, in Monte-Carlo words (chances) or the plan's words (each condition holds or
// not), and the notes beside it: the risk load the plan leaves out and where the other mode's
// answer goes the other way. Used by page 1, the terminal, Markdown, Excel and bestedingsruimte. The risk
// load is rounded to thousands, as page 1 states it in its own sentences (one rendering per number).
#include <cmath>
#include <numeric>

#include "decision_report.h"
#include "board_text.h"
#include "format_nl.h"

namespace swv {

namespace {

using K = Recommendation::Kind;

std::string year(int y) { return std::to_string(y); }

// "€ 120.000 per jaar extra tot en met 2028 (daarna niet meer)"
std::string spend(const SpendingRoom& r, double amount) {
  return euro(amount) + " per jaar extra tot en met " + year(r.end_year) + (r.end_year < r.years.back() ? " (daarna niet meer)" : "");
}
std::string cut(const SpendingRoom& r, double amount) { return euro(-amount) + " per jaar tot en met " + year(r.end_year); }

// Below a euro a year the floor leaves no room worth naming.
bool no_room(double s_b) { return s_b < 0.5; }

// The first year in which the plan (or most paths) falls below the floor without extra spending.
int first_below(const SpendingRoom& r) {
  for (size_t y = 0; y < r.years.size(); ++y)
    if (r.at_zero.below_floor[y] > (r.paths ? 0.5 * (1 - r.query.floor_confidence) : 0.0)) return r.years[y];
  return r.years.front();
}

std::string unreachable(const SpendingRoom& r) {
  const Recommendation& a = r.recommended;
  std::string s = "De ondergrens is niet te halen: zelfs met een bezuiniging ter grootte van alle lasten (" + euro(a.largest_cut) +
                  " per jaar) komt het eigen vermogen in " + year(a.breach_year) + " onder de ondergrens";
  if (r.paths) s += " (in " + pct(a.below_floor_any, 0) + " van de gevallen in een of meer jaren)";
  if (a.below_at_start)
    s += ", omdat het al bij de start (31-12-" + year(r.years.front() - 1) + ": " + euro(a.start_equity) + ") onder de ondergrens van " +
         euro(a.start_floor) + " ligt";
  else
    s += "; het tekort is daar " + std::string(r.paths ? "in de helft van de gevallen meer dan " : "") + euro(a.shortfall);
  return s + ". Kies een lagere ondergrens of een herstelpad over meer jaren.";
}

std::string monte_carlo_sentence(const SpendingRoom& r) {
  const Recommendation& a = r.recommended;
  const SpendingQuery& q = r.query;
  const std::string T = year(q.target_year);
  const std::string chances = "de kans op een bovenmatig eigen vermogen in " + T + " is dan " + pct(a.excessive_target, 0) +
                              ", de kans om in een of meer jaren onder de ondergrens te komen " + pct(a.below_floor_any, 0);
  const double s_b = r.maximum.amount;
  switch (a.kind) {
    case K::Room:
      if (a.amount > 0)
        return "Besteed " + spend(r, a.amount) + ": het kleinste bedrag dat het eigen vermogen in " + T + " met " + pct(q.confidence, 0) +
               " zekerheid onder de signaleringswaarde brengt; " + chances + ". De ondergrens laat tot " + euro(s_b) + " per jaar toe.";
      return "Geen extra besteding nodig: het eigen vermogen blijft in " + T + " ook zonder extra uitgaven met " + pct(q.confidence, 0) +
             " zekerheid onder de signaleringswaarde; " + chances + ". De ondergrens laat tot " + euro(s_b) + " per jaar extra toe.";
    case K::Cut:
      return "Bezuinig " + cut(r, a.amount) + ": de kleinste bezuiniging die het eigen vermogen met " + pct(q.floor_confidence, 0) +
             " zekerheid in elk jaar boven de ondergrens houdt. Zonder bezuiniging is de kans om in een of meer jaren onder de ondergrens te "
             "komen " + pct(r.at_zero.below_floor_any, 0) + ", met de bezuiniging " + pct(a.below_floor_any, 0) + ".";
    case K::Conflict: {
      const std::string need = r.minimum.found ? "dat met " + pct(q.confidence, 0) + " zekerheid eronder brengen vraagt " + euro(r.minimum.amount) +
                                                     " per jaar, meer dan de ondergrens toelaat"
                                               : "geen bedrag brengt het met " + pct(q.confidence, 0) + " zekerheid eronder";
      const std::string head = no_room(s_b) ? "Geen ruimte voor extra besteding: de ondergrens laat met " + pct(q.floor_confidence, 0) +
                                                   " zekerheid geen extra uitgaven toe"
                                             : "Besteed ten hoogste " + spend(r, s_b) + ": meer laat de ondergrens met " +
                                                   pct(q.floor_confidence, 0) + " zekerheid niet toe";
      return head + ". Het eigen vermogen blijft in " + T + " dan met " + pct(a.excessive_target, 0) +
             " kans boven de signaleringswaarde; " + need + ". Dat vraagt een keuze: een lagere ondergrens, een later doeljaar of minder risico.";
    }
    case K::FloorUnreachable: return unreachable(r);
  }
  return {};
}

std::string plan_sentence(const SpendingRoom& r) {
  const Recommendation& a = r.recommended;
  const std::string T = year(r.query.target_year);
  const double s_b = r.maximum.amount;
  switch (a.kind) {
    case K::Room:
      if (a.amount > 0)
        return "Besteed " + spend(r, a.amount) + ": dan komt het begrote eigen vermogen in " + T +
               " op de signaleringswaarde en blijft het in elk jaar boven de ondergrens, die tot " + euro(s_b) + " per jaar toelaat.";
      return "Geen extra besteding nodig: volgens de begroting komt het eigen vermogen in " + T +
             " niet boven de signaleringswaarde en blijft het in elk jaar boven de ondergrens, die tot " + euro(s_b) + " per jaar extra toelaat.";
    case K::Cut:
      return "Bezuinig " + cut(r, a.amount) + " om volgens de begroting in elk jaar boven de ondergrens te blijven; zonder bezuiniging komt "
             "het eigen vermogen in " + year(first_below(r)) + " onder de ondergrens.";
    case K::Conflict: {
      const std::string head = no_room(s_b) ? "Geen ruimte voor extra besteding: de ondergrens laat geen extra uitgaven toe"
                                             : "Besteed ten hoogste " + spend(r, s_b) + ": meer laat de ondergrens niet toe";
      return head + ", maar het begrote eigen vermogen blijft in " + T + " dan boven de signaleringswaarde. Dat vraagt een keuze: een "
             "lagere ondergrens, een later doeljaar of een bestedingsplan dat later in de planperiode valt.";
    }
    case K::FloorUnreachable: return unreachable(r);
  }
  return {};
}

// -1 a cut (or no amount meets the floor), 0 nothing extra, +1 extra spending.
int direction(const Recommendation& a) {
  if (a.kind == K::FloorUnreachable || a.kind == K::Cut) return -1;
  return a.amount > 0.5 ? 1 : 0;
}

std::string answer_words(const Recommendation& a) {
  switch (direction(a)) {
    case -1: return a.kind == K::FloorUnreachable ? "een ondergrens die niet te halen is" : "een bezuiniging van " + euro(-a.amount) + " per jaar";
    case 1: return euro(a.amount) + " per jaar extra besteding";
    default: return "geen extra besteding";
  }
}

double mean(const std::vector<double>& v) { return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

}  // namespace

std::string recommendation_sentence(const SpendingRoom& r) { return r.paths ? monte_carlo_sentence(r) : plan_sentence(r); }

std::string kaderbrief_sentence(const SpendingRoom& r) {
  std::string s = recommendation_sentence(r);
  const Recommendation& a = r.recommended;
  if (a.kind == K::FloorUnreachable) return s;
  const std::string T = year(r.query.target_year), L = year(r.years.back());
  // The median in plain words: page 1 shows the plan as its one figure for equity and names no median.
  return s + (r.paths ? " In de helft van de gevallen is het eigen vermogen dan hoger dan " : " Het begrote eigen vermogen is dan ") +
         euro(a.median_target) + " in " + T + (L != T ? " en " + euro(a.median_last) + " in " + L : "") + ".";
}

std::string kaderbrief_headline(const SpendingRoom& r) {
  const Recommendation& a = r.recommended;
  switch (a.kind) {
    case K::Room: return a.amount > 0 ? euro(a.amount) + " per jaar extra" : "geen extra besteding nodig";
    case K::Cut: return "bezuinig " + euro(-a.amount) + " per jaar";
    case K::Conflict: return no_room(a.amount) ? "geen ruimte voor extra besteding" : "ten hoogste " + euro(a.amount) + " per jaar extra";
    case K::FloorUnreachable: return "de ondergrens is niet te halen";
  }
  return {};
}

std::vector<std::string> kaderbrief_notes(const SpendingRoom& r) {
  std::vector<std::string> out;
  const double load = mean(r.risk_load);
  if (!r.paths && load > 0)
    out.push_back(r.plan_with_risk_load ? "De begroting draagt de verwachte last van de risico's (gemiddeld " + euro_k(load) + " per jaar) op de risicoregels."
                                        : "De begroting rekent zonder de risico's: hun verwachte last is gemiddeld " + euro_k(load) +
                                              " per jaar en staat niet in dit bedrag.");
  if (r.other_given && direction(r.other) != direction(r.recommended)) {
    if (r.paths)
      out.push_back("De begroting zonder risico's en spreiding komt uit op " + answer_words(r.other) + "; het verschil komt van " +
                    (load > 0 ? "de risico's (verwacht " + euro_k(load) + " per jaar) en de onzekerheid." : "de onzekerheid in de aannames."));
    else
      out.push_back("Met de risico's en de onzekerheid meegerekend (" + num_nl(static_cast<double>(r.other_paths)) +
                    " doorrekeningen) is het antwoord anders: " + answer_words(r.other) + ".");
  }
  return out;
}

}  // namespace swv
