// MJB-lijst, the last sheet of the controller's workbook: the MJB as one long table (code, post, groep,
// kant, wat, one column per year) so that it pivots and filters; no formulas (every number is the
// engine's). Lines (begroot before realisation and verwacht), totals with the reserves, participation
// and waiting lists, then the meerjarenbalans. Up to swvsim 0.2.0 this table was the MJB sheet; the
// MJB sheet now has the classic layout (xlsx_mjb.cpp).
#include "report_terms.h"
#include "xlsx_parts.h"

namespace swv::xlsx {

namespace {

struct Sheet {
  Book& b;
  lxw_worksheet* ws;
  size_t years;
  size_t rr = 1;
  // code, post, groep, kant, what, then the values per year.
  void put(const std::string& code, const std::string& name, const std::string& group, const std::string& side,
           const std::string& what, const std::vector<double>& v, lxw_format* f) {
    b.text(ws, row(rr), 0, code), b.text(ws, row(rr), 1, name), b.text(ws, row(rr), 2, group);
    b.text(ws, row(rr), 3, side), b.text(ws, row(rr), 4, what);
    per_year(b, ws, rr++, 5, years, v, f);
  }
  void title(const std::string& t) {
    ++rr;
    b.text(ws, row(rr++), 0, t, b.bold);
  }
};

// Every line, baten first, then kortingen and lasten (the order of the HTML report).
void line_rows(Sheet& s, const ReportInput& in) {
  const Result& r = in.result;
  for (Side side : kSideOrder)
    for (const LineResult& l : r.lines) {
      if (l.side != side) continue;
      s.put(l.code, l.name, l.group, side_name(l.side), "begroot", l.budget, s.b.money);
      s.put(l.code, l.name, l.group, side_name(l.side), "verwacht", l.realised, s.b.money);
    }
}

void total_rows(Sheet& s, const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  s.title(mc ? "Totalen (gemiddelde over de paden)" : "Totalen (deterministisch)");
  auto total = [&](const char* key, const std::string& label) {
    if (const Series* x = r.find(key)) s.put(key, label, "", "", mc ? "gemiddelde" : "bedrag", x->mean, s.b.money);
  };
  total("totale_baten", "Totale baten");
  total("kortingen", "Totale kortingen");
  total("totale_lasten", "Totale lasten");
  total("saldo", "Saldo (baten − kortingen − lasten)");
  total("eigen_vermogen", "Eigen vermogen 31-12");
  total("algemene_reserve", "Algemene reserve 31-12");
  const auto reserves = reserve_series(in);
  if (!reserves.empty() || any_nonzero(r.find("bestemmingsreserves"))) total("bestemmingsreserves", "Bestemmingsreserves 31-12");
  for (const auto& x : reserves) s.put(x.series->key, "Bestemmingsreserve " + x.label, "", "", mc ? "gemiddelde" : "bedrag", x.series->mean, s.b.money);
  total("streefvermogen", "Streefvermogen (algemene reserve)");
  total("signaleringswaarde", "Signaleringswaarde");
  total("ondergrens", "Ondergrens");
  if (!r.expected_risk_cost.empty()) s.put("verwachte_risicolast", "Verwachte risicolast (register)", "", "", "verwacht", r.expected_risk_cost, s.b.money);
}

// Participation (fractions in 0.00% format) and waiting lists (pupils), with the spread and the
// target (stromen.doel) on their own rows.
void share_rows(Sheet& s, const ReportInput& in) {
  const auto shares = pupil_shares(in.result);
  if (shares.empty()) return;
  const bool mc = in.monte_carlo();
  s.title(std::string(shares.back().percent ? "Deelname" : "Deelname en wachtlijsten") +
          (mc ? " op de teldatum (gemiddelde over de paden)" : " op de teldatum (deterministisch)"));
  for (const PupilShare& p : shares) {
    lxw_format* f = p.percent ? s.b.percent2 : s.b.count;
    s.put(p.series->key, p.title, "leerlingen", "", mc ? "gemiddelde" : "waarde", p.series->mean, f);
    if (mc) {
      s.put(p.series->key, p.title, "leerlingen", "", "P5", p.series->p5, f);
      s.put(p.series->key, p.title, "leerlingen", "", "P95", p.series->p95, f);
    }
    if (auto t = pupil_share_target(in, p); !t.empty()) s.put(p.series->key, p.title, "leerlingen", "", "doel", t, f);
  }
}

// The meerjarenbalans: activa, passiva, the ratios and the Inspectie's signals.
void balance_rows(Sheet& s, const ReportInput& in) {
  const Result& r = in.result;
  if (!has_balance(r)) return;
  const bool mc = in.monte_carlo();
  const std::string what = mc ? "gemiddelde" : "bedrag";
  s.title(mc ? "Meerjarenbalans per 31-12 (gemiddelde over de paden)" : "Meerjarenbalans per 31-12");
  auto rows = [&](const std::vector<BalanceRow>& list, const char* side) {
    for (const BalanceRow& x : list)
      if (const Series* v = r.find(x.key)) s.put(x.key, x.label, "balans", side, what, v->mean, s.b.money);
  };
  rows(balance_assets(), "activa");
  if (const Series* t = r.find("balanstotaal")) s.put("balanstotaal", "Totaal activa", "balans", "activa", what, t->mean, s.b.money);
  rows(balance_liabilities(), "passiva");
  if (const Series* t = r.find("balanstotaal")) s.put("balanstotaal", "Totaal passiva", "balans", "passiva", what, t->mean, s.b.money);
  for (const BalanceRow& x : balance_ratios())
    if (const Series* v = r.find(x.key))
      s.put(x.key, x.label, "kengetal", "", mc ? "gemiddelde" : "waarde", v->mean, x.kind == BalanceKind::Percent ? s.b.percent : s.b.ratio);
  for (const BalanceSignal& g : balance_signals())
    if (const Probability* p = find_flag(r, g.flag))
      s.put(g.flag, "Signaal Inspectie: " + flag_words(g.flag), "signaal", "", mc ? "aandeel paden" : "vlag (1 = ja)", p->value,
            mc ? s.b.percent : s.b.count);
  ++s.rr;
  s.b.text(s.ws, row(s.rr++), 0,
           "Signaleringswaarden van de Inspectie: solvabiliteit 2 onder 0,30; liquiditeit onder 0,75; drie jaar op rij een negatief "
           "resultaat. Liquide middelen zijn de sluitpost van de balans.");
}

}  // namespace

void mjb_list_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  lxw_worksheet* ws = b.sheet("MJB-lijst");
  const auto w = widths(ws, {{0, 0, 22}, {1, 1, 44}, {2, 2, 14}, {3, 4, 12}, {5, 4 + r.years.size(), kMoneyWidth}});
  wrap_header(b, ws, 0, {"Code", "Post", "Groep", "Kant", "Wat"}, w);
  lxw_format* year = b.style({"0", true, palette::kFillGroup, false, true});
  for (size_t y = 0; y < r.years.size(); ++y) b.number(ws, 0, col(5 + y), r.years[y], year);
  worksheet_freeze_panes(ws, 1, 2);
  Sheet s{b, ws, r.years.size()};
  line_rows(s, in);
  const size_t last_line = s.rr - 1;
  total_rows(s, in);
  share_rows(s, in);
  balance_rows(s, in);
  if (last_line >= 1) b.check(worksheet_autofilter(ws, 0, 0, row(last_line), col(4 + r.years.size())));
  print_setup(b, ws, r, "MJB-lijst", 0, 0);
}

}  // namespace swv::xlsx
