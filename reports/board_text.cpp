#include "board_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "format_nl.h"
#include "report_terms.h"
#include "report_text.h"

namespace swv {

namespace {

using std::string;

double at(const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : 0.0; }
string Y(int y) { return std::to_string(y); }

std::vector<int> flagged(const BoardFigures& f, const std::vector<double>& flags) {
  std::vector<int> ys;
  for (size_t i = 0; i < f.size(); ++i)
    if (at(flags, i) > 0.5) ys.push_back(f.years[i]);
  return ys;
}

size_t index_of(const BoardFigures& f, int year) { return static_cast<size_t>(year - f.years.front()); }

// The year with the largest chance (the first of equals).
size_t worst(const std::vector<double>& p) {
  return p.empty() ? 0 : static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin());
}

// "; de kans <what> is het grootst in 2029: 23%" when that chance is at least 0,5%.
string worst_chance(const BoardFigures& f, const std::vector<double>& p, const string& what) {
  if (!f.chances || p.empty()) return "";
  const size_t w = worst(p);
  if (p[w] < 0.005) return "";
  return "; de kans " + what + " is het grootst in " + Y(f.years[w]) + ": " + chance(p[w]);
}

// The chances of the flagged years: "97%" or "71% tot 97%".
string chance_range(const BoardFigures& f, const std::vector<double>& p, const std::vector<int>& ys) {
  double lo = 1, hi = 0;
  for (int y : ys) lo = std::min(lo, at(p, index_of(f, y))), hi = std::max(hi, at(p, index_of(f, y)));
  return chance(lo) == chance(hi) ? chance(hi) : chance(lo) + " tot " + chance(hi);
}

string who(const BoardFigures& f) { return f.has_plan ? "Volgens de begroting" : "In de middelste uitkomst"; }
string period(const BoardFigures& f) { return Y(f.years.front()) + "–" + Y(f.years.back()); }
string start_date(const BoardFigures& f) { return "31-12-" + Y(f.years.front() - 1); }

string excessive(const BoardFigures& f) {
  const auto ys = flagged(f, f.excessive_plan);
  if (ys.empty())
    return who(f) + " ligt het eigen vermogen in geen enkel jaar boven de signaleringswaarde (niet bovenmatig)" +
           worst_chance(f, f.excessive_chance, "op bovenmatig") + ".";
  size_t most = index_of(f, ys.front());
  for (int y : ys)
    if (at(f.equity, index_of(f, y)) - at(f.signal, index_of(f, y)) > at(f.equity, most) - at(f.signal, most)) most = index_of(f, y);
  string s = who(f) + " is het eigen vermogen bovenmatig (boven de signaleringswaarde) " + board_years_phrase(ys, f.years) +
             (ys.size() == 1 ? string(", ") : ", het meest in " + Y(f.years[most]) + ": ") + euro_k(at(f.equity, most) - at(f.signal, most)) + " erboven";
  if (f.chances) s += "; de kans daarop is " + string(ys.size() == 1 ? "" : "in die jaren ") + chance_range(f, f.excessive_chance, ys);
  return s + ".";
}

string movement(const BoardFigures& f) {
  const double first = f.start_equity, last = at(f.equity, f.size() - 1), delta = last - first;
  const string from_to = "van " + euro_k(first) + " op " + start_date(f) + " naar " + euro_k(last) + " op 31-12-" + Y(f.years.back());
  if (std::fabs(delta) < std::max(1000.0, 0.005 * std::fabs(first))) return who(f) + " blijft het eigen vermogen ongeveer gelijk: " + from_to + ".";
  const string P = period(f);
  string s = who(f) + (delta < 0 ? " daalt" : " stijgt") + " het eigen vermogen " + from_to;
  if (delta > 0) {
    if (f.structural > 0)
      s += ": de baten zijn over " + P + " samen " + euro_k(f.structural) + " hoger dan de kortingen en lasten" +
           (f.spending_plan > 0 ? " (zonder het bestedingsplan van " + euro_k(f.spending_plan) + ")" : "");
    return s + ".";
  }
  struct Cause {
    string text;
    double amount;
  };
  std::vector<Cause> causes{
      {"een structureel tekort: zonder bestedingsplan en risico's zijn de kortingen en lasten over " + P + " samen " + euro_k(-f.structural) +
           " hoger dan de baten",
       -f.structural},
      {"het bestedingsplan: " + euro_k(f.spending_plan) + " over " + P, f.spending_plan},
      {"de risico's: " + euro_k(f.risks_in_plan) + " over " + P, f.risks_in_plan},
      {"de OCW-afroming en -korting: " + euro_k(f.ocw) + " over " + P, f.ocw}};
  std::stable_sort(causes.begin(), causes.end(), [](const Cause& a, const Cause& b) { return a.amount > b.amount; });
  if (causes[0].amount >= 500) {
    s += ". De grootste oorzaak is " + causes[0].text;
    if (causes[1].amount >= 500 && causes[1].amount >= 0.25 * causes[0].amount) s += "; daarnaast " + causes[1].text;
  }
  if (f.cuts >= 500) s += "; de bezuiniging onder de ondergrens beperkt de daling met " + euro_k(f.cuts);
  return s + ".";
}

bool any_above(const std::vector<double>& v, double x) {
  for (double a : v)
    if (a > x) return true;
  return false;
}

string floor(const BoardFigures& f) {
  if (!any_above(f.floor, 0.5)) return "";
  const auto ys = flagged(f, f.below_floor_plan);
  if (ys.empty()) {
    const size_t L = f.size() - 1;
    string s = who(f) + " blijft het eigen vermogen in elk jaar boven de eigen ondergrens (" + euro_k(at(f.floor, L)) + " in " + Y(f.years[L]) + ")";
    if (f.chances && !f.below_floor_chance.empty() && f.below_floor_chance[worst(f.below_floor_chance)] >= 0.005) {
      const size_t w = worst(f.below_floor_chance);
      s += "; de kans om eronder te komen is het grootst in " + Y(f.years[w]) + ": " + chance(f.below_floor_chance[w]) + " (ondergrens " +
           euro_k(at(f.floor, w)) + ")";
    }
    return s + ".";
  }
  const size_t i = index_of(f, ys.front());
  return who(f) + " komt het eigen vermogen onder de eigen ondergrens " + board_years_phrase(ys, f.years) + " (in " + Y(ys.front()) + ": " +
         euro_k(at(f.equity, i)) + " tegen een ondergrens van " + euro_k(at(f.floor, i)) + ")" +
         worst_chance(f, f.below_floor_chance, "om onder de ondergrens te komen") + ".";
}

string negative(const BoardFigures& f) {
  const auto ys = flagged(f, f.negative_plan);
  if (ys.empty()) {
    const string c = worst_chance(f, f.negative_chance, "op een negatief eigen vermogen");
    return c.empty() ? "" : who(f) + " blijft het eigen vermogen positief" + c + ".";
  }
  size_t low = index_of(f, ys.front());
  for (int y : ys)
    if (at(f.equity, index_of(f, y)) < at(f.equity, low)) low = index_of(f, y);
  return who(f) + " wordt het eigen vermogen negatief " + board_years_phrase(ys, f.years) + ", het laagst in " + Y(f.years[low]) + ": " +
         euro_k(at(f.equity, low)) + worst_chance(f, f.negative_chance, "op een negatief eigen vermogen") + ".";
}

string target(const BoardFigures& f) {
  if (f.target.empty()) return "";
  const auto ys = flagged(f, f.below_target_plan);
  const size_t i = ys.empty() ? f.size() - 1 : index_of(f, ys.front());
  const string figures = " (in " + Y(f.years[i]) + ": " + euro_k(at(f.general_reserve, i)) + " tegen " + euro_k(at(f.target, i)) + ")";
  if (ys.empty())
    return who(f) + " blijft de algemene reserve in elk jaar op of boven het streefvermogen" + figures +
           worst_chance(f, f.below_target_chance, "om eronder te komen") + ".";
  return who(f) + " komt de algemene reserve onder het streefvermogen " + board_years_phrase(ys, f.years) + figures +
         worst_chance(f, f.below_target_chance, "daarop") + ".";
}

std::vector<string> participation(const BoardFigures& f) {
  std::vector<string> out;
  constexpr double tol = 0.00005;  // half of 0,01 procentpunt: equal as printed
  for (const auto& s : f.shares) {
    if (s.plan.empty() || s.target.empty()) continue;
    const size_t L = std::min(s.plan.size(), s.target.size()) - 1;
    const double plan = s.plan[L], goal = s.target[L];
    const bool down = goal < s.plan.front() - tol;  // a goal below today's participation: lower is better
    const bool met = std::fabs(plan - goal) <= tol || (down ? plan < goal : plan > goal);
    string label = s.label;
    if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    out.push_back("Doel " + label + " in " + Y(f.years[L]) + ": " + pct(goal, 2) + "; " + (f.has_plan ? "volgens de begroting " : "naar verwachting ") +
                  pct(plan, 2) + ", dus " + (met ? "gehaald." : "niet gehaald."));
  }
  return out;
}

double total(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

string band(const BoardFigures& f) {
  if (!f.chances || f.band_low.empty() || f.band_high.empty()) return "";
  const size_t L = f.size() - 1;
  const double lo = at(f.band_low, L), hi = at(f.band_high, L), plan = at(f.equity, L);
  string s = "Met onzekerheid en risico's ligt het eigen vermogen eind " + Y(f.years[L]) + " met 80% kans tussen " + euro_k(lo) + " en " + euro_k(hi);
  if (!f.has_plan) return s + "; de middelste uitkomst is " + euro_k(plan) + ".";
  if (plan > hi) {
    s += "; het plan (" + euro_k(plan) + ") ligt daarboven: in ten minste 9 van de 10 doorrekeningen komt het lager uit";
    if (f.risks_in_plan < 0.5 && total(f.risk_load) >= 500)
      s += ". De begroting rekent zonder de risico's; hun verwachte last is gemiddeld " + euro_k(total(f.risk_load) / static_cast<double>(f.risk_load.size())) +
           " per jaar";
  } else if (plan < lo) {
    s += "; het plan (" + euro_k(plan) + ") ligt daaronder: in ten minste 9 van de 10 doorrekeningen komt het hoger uit";
  } else {
    s += "; het plan (" + euro_k(plan) + ") ligt daarbinnen";
  }
  return s + ".";
}

string buffer(const BoardFigures& f) {
  const BufferVerdict v = buffer_verdict(f.start_general_reserve, f.buffer);
  const string cls = string("klasse ") + v.nar.letter + " (" + v.nar.label + ")";
  if (f.buffer <= 0)
    return "Bij 90% zekerheid komt het eigen vermogen in geen enkel jaar onder het plan: er is geen buffer voor tegenvallers nodig (" + cls + ").";
  return "Voor tegenvallers is bij 90% zekerheid een buffer van " + euro_k(f.buffer) + " nodig (het benodigde weerstandsvermogen); de algemene reserve van " +
         euro_k(f.start_general_reserve) + (v.ratio >= 1 ? " dekt die" : " dekt die niet") + ": ratio " + v.ratio_text + ", " + cls + ".";
}

// The buffer against the equity above the signaleringswaarde: at the start, or else in the plan's
// first bovenmatig year.
string buffer_excess(const BoardFigures& f) {
  double excess = f.start_equity - at(f.signal, 0), signal = at(f.signal, 0);
  string when = "op " + start_date(f), norm_year = Y(f.years.front());
  if (excess <= 0) {
    const auto ys = flagged(f, f.excessive_plan);
    if (ys.empty()) return "";
    const size_t i = index_of(f, ys.front());
    excess = at(f.equity, i) - at(f.signal, i), signal = at(f.signal, i), when = "eind " + Y(ys.front()), norm_year = Y(ys.front());
    if (excess <= 0) return "";
  }
  const string above = "het vermogen boven de signaleringswaarde (" + euro_k(excess) + " " + when + ")";
  if (f.buffer <= signal)
    return "De buffer past binnen de signaleringswaarde van " + norm_year + " (" + euro_k(signal) + "): " + above + " is niet nodig als buffer.";
  const double need = std::min(excess, f.buffer - signal);
  return "De buffer is groter dan de signaleringswaarde van " + norm_year + " (" + euro_k(signal) + "): van " + above + " is " + euro_k(need) +
         " nodig als buffer" + (excess - need < 500 ? ", dus alles." : "; " + euro_k(excess - need) + " niet.");
}

string risk_load(const BoardFigures& f) {
  const double per_year = f.risk_load.empty() ? 0.0 : total(f.risk_load) / static_cast<double>(f.risk_load.size());
  const string later = "Hoeveel buffer voor tegenvallers nodig is (het benodigde weerstandsvermogen), volgt uit de doorrekening met onzekerheid en "
                       "risico's; de algemene reserve is " + euro_k(f.start_general_reserve) + ".";
  if (per_year < 0.5) return "Het scenario noemt geen risico's. " + later;
  if (f.risks_in_plan >= 0.5) return "De begroting draagt de verwachte last van de risico's: gemiddeld " + euro_k(per_year) + " per jaar. " + later;
  return "De begroting rekent zonder de risico's: hun verwachte last is gemiddeld " + euro_k(per_year) + " per jaar. " + later;
}

string largest_risk(const BoardFigures& f) {
  if (!f.chances || f.largest_risk.empty() || f.largest_risk_total < 500) return "";
  return "Het grootste risico is " + f.largest_risk + ": naar verwachting " + euro_k(f.largest_risk_total) + " over " + period(f) +
         "; de kans dat het zich in een jaar voordoet is gemiddeld " + chance(f.largest_risk_chance) + ".";
}

}  // namespace

string euro_k(double amount) { return euro(std::round(amount / 1000.0) * 1000.0); }

string board_years(const std::vector<int>& ys) {
  std::vector<string> parts;
  for (size_t i = 0; i < ys.size();) {
    size_t j = i;
    while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1) ++j;
    if (j == i + 1) parts.push_back(Y(ys[i])), parts.push_back(Y(ys[j]));  // two years: "2025 en 2026", not a range
    else parts.push_back(j == i ? Y(ys[i]) : Y(ys[i]) + "–" + Y(ys[j]));
    i = j + 1;
  }
  string s;
  for (size_t k = 0; k < parts.size(); ++k) s += (k == 0 ? "" : k + 1 == parts.size() ? " en " : ", ") + parts[k];
  return s;
}

string board_years_phrase(const std::vector<int>& ys, const std::vector<int>& period) {
  if (ys.empty()) return "in geen enkel jaar";
  const bool run = ys.back() - ys.front() + 1 == static_cast<int>(ys.size());
  if (ys.size() == period.size()) return ys.size() == 1 ? "in " + Y(ys.front()) : "in elk jaar van " + Y(ys.front()) + "–" + Y(ys.back());
  if (ys.size() == 1) return "alleen in " + Y(ys.front());
  if (run && ys.back() == period.back()) return "vanaf " + Y(ys.front());
  return "in " + board_years(ys);
}

std::vector<BoardSentence> board_sentences(const BoardFigures& f) {
  std::vector<BoardSentence> out;
  if (f.years.empty()) return out;
  auto add = [&](BoardKind k, const string& s) {
    if (!s.empty()) out.push_back({k, s});
  };
  add(BoardKind::Excessive, excessive(f));
  add(BoardKind::Movement, movement(f));
  add(BoardKind::Floor, floor(f));
  add(BoardKind::Negative, negative(f));
  add(BoardKind::Target, target(f));
  for (const string& s : participation(f)) add(BoardKind::Participation, s);
  add(BoardKind::Band, band(f));
  if (f.chances && f.buffer >= 0) {
    add(BoardKind::Buffer, buffer(f));
    add(BoardKind::BufferExcess, buffer_excess(f));
  }
  add(BoardKind::LargestRisk, largest_risk(f));
  if (!f.chances) add(BoardKind::RiskLoad, risk_load(f));
  return out;
}

}  // namespace swv
