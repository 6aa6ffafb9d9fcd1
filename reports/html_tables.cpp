// The tables of the HTML report: participation and waiting lists per year, the meerjarenbegroting (every euro on a line, per side with its
// total), the meerjarenbalans with the Inspectie's signal values, and risks with the benodigd
// weerstandsvermogen.
#include <algorithm>
#include <cmath>

#include "calibration_text.h"
#include "html_parts.h"
#include "report_terms.h"
#include "report_text.h"

namespace swv::html {

using std::string;

namespace {

const char* side_total_key(Side s) {
  return s == Side::Income ? "totale_baten" : s == Side::Reduction ? "kortingen" : "totale_lasten";
}

// The lines of one side: budget lines, then the policy lines and the risk lines under a subheading.
string side_rows(const ReportInput& in, Side side) {
  const Result& r = in.result;
  const Result* d = in.deterministic;
  const bool mc = in.monte_carlo();
  string s = group_row(r, side_title(side));
  std::vector<const std::vector<double>*> amounts;
  for (const LineResult& l : r.lines)
    if (l.side == side) amounts.push_back(&l.realised);
  const auto printed = printed_lines(amounts, mean(r, side_total_key(side)));
  size_t k = 0;
  int last_kind = 0;  // 0 budget line, 1 policy, 2 risk
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineResult& l = r.lines[i];
    if (l.side != side) continue;
    const int kind = is_risk_line(l) ? 2 : is_policy_line(l) ? 1 : 0;
    if (kind != last_kind && kind != 0)
      s += group_row(r, kind == 1 ? "Beleid" : mc ? "Risico's (gemiddelde over de paden)" : "Risico's (niet in de begroting: 0)", "subgroup");
    last_kind = kind;
    s += money_row(esc(l.code + " " + l.name), printed[k++], "line");
    if (kind == 2) continue;  // a risk line has no begroot (the plan draws no risks)
    s += money_row("begroot", l.budget, "sub");
    if (d && mc && i < d->lines.size() && d->lines[i].code == l.code) s += money_row("plan", d->lines[i].realised, "sub");
  }
  const string total = side == Side::Income ? "Totale baten" : side == Side::Reduction ? "Totale kortingen" : "Totale lasten";
  return s + money_row(total, mean(r, side_total_key(side)), "total");
}

// Eigen vermogen with its spread, its two parts and the norms.
string equity_rows(const ReportInput& in) {
  const Result& r = in.result;
  const Result* d = in.deterministic;
  const bool mc = in.monte_carlo();
  string s = money_row("Eigen vermogen 31-12", mean(r, "eigen_vermogen"), "total strong");
  if (const Series* ev = r.find("eigen_vermogen"); ev && mc) {
    s += money_row("P5", ev->p5, "sub");
    s += money_row("P95", ev->p95, "sub");
  }
  if (d && mc) s += money_row("Eigen vermogen plan", mean(*d, "eigen_vermogen"), "sub");
  if (r.find("algemene_reserve")) s += money_row("Algemene reserve 31-12", mean(r, "algemene_reserve"), "total");
  const auto reserves = reserve_series(in);
  if (!reserves.empty() || any_nonzero(r.find("bestemmingsreserves"))) {
    s += money_row("Bestemmingsreserves 31-12", mean(r, "bestemmingsreserves"), "total");
    for (const auto& x : reserves) s += money_row(esc(x.label), x.series->mean, "sub");
  }
  if (r.find("streefvermogen")) s += money_row("Streefvermogen (algemene reserve)", mean(r, "streefvermogen"), "total");
  s += money_row("Signaleringswaarde", mean(r, "signaleringswaarde"), "total");
  s += money_row("Ondergrens", mean(r, "ondergrens"), "total");
  return s;
}

string flag_cell(bool mc, double p) {
  if (mc) return td(chance(p), p >= 0.5 ? "num rood" : "num");
  return td(p > 0 ? "ja" : "nee", p > 0 ? "num rood" : "num");
}

}  // namespace

string participation(const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  const auto shares = pupil_shares(r);
  if (shares.empty()) return "";
  string s = "<h3>Deelname" + string(shares.back().percent ? "" : " en wachtlijsten") + "</h3><table class=\"mjb deelname\"><thead>" +
             year_header(r, "") + "</thead><tbody>";
  for (const PupilShare& p : shares) {
    s += "<tr class=\"total\">" + td(esc(p.label) + (mc ? " (gemiddelde)" : ""), "label");
    for (double x : p.series->mean) s += td(pupil_share_text(p, x), "num");
    s += "</tr>";
    if (mc) {
      s += "<tr class=\"sub\">" + td("P5–P95", "label");
      for (size_t y = 0; y < r.years.size(); ++y)
        s += td(pupil_share_text(p, p.series->p5[y]) + "–" + pupil_share_text(p, p.series->p95[y]), "num");
      s += "</tr>";
    }
    if (auto t = pupil_share_target(in, p); !t.empty()) {
      s += "<tr class=\"sub\">" + td("doel", "label");
      for (double x : t) s += td(pupil_share_text(p, x), "num");
      s += "</tr>";
    }
    if (const Probability* met = pupil_share_met(in, p); met && mc) {  // a target is a ceiling (scenario-formaat 14.4)
      s += "<tr class=\"sub\">" + td(in.scenario->flows.target_pupils[static_cast<size_t>(p.target)] ? "kans doel (leerlingen) gehaald" : "kans doel gehaald", "label");
      for (double x : met->value) s += td(chance(x), "num");
      s += "</tr>";
    }
  }
  return s + "</tbody></table><p class=\"note\">Deelname op de teldatum van het jaar, in procenten met twee decimalen" +
         string(mc ? "; kans doel gehaald: het aandeel paden waarin de deelname (of het aantal, bij een doel in leerlingen) op of onder het doel ligt" : "") +
         string(shares.back().percent ? "" : "; wachtlijst: verwezen leerlingen die op de teldatum nog in het regulier onderwijs op een plaats wachten "
                                                    "(de capaciteit uit [stromen.capaciteit] is vol)") +
         ".</p>";
}

string mjb(const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  string s = "<section id=\"mjb\"><h2>Meerjarenbegroting</h2><p class=\"note\">Elke euro staat op een post: de begrotingsposten, "
             "de posten van het beleid (bestedingsplan, bezuiniging, OCW-afroming en -korting) en één post per risico. Per post is de "
             "eerste regel het bedrag na realisatie (onderbesteding) en schokken" +
             string(mc ? ", gemiddeld over de paden" : "") +
             "; <b>begroot</b> het bedrag van de deterministische begroting vóór realisatie" +
             string(in.deterministic && mc ? "; <b>plan</b> de meerjarenbegroting met elke aanname op haar verwachting, na de verwachte "
                                             "realisatie (de bedragen van pagina 1)"
                                           : "") +
             ". De posten tellen op tot de totalen, ook afgedrukt: elke post is op hele euro's afgerond zo dat de posten samen het "
             "afgeronde totaal geven (grootste rest); saldo = baten − kortingen − lasten.</p><table class=\"mjb\"><thead>" +
             year_header(r, "") + "</thead><tbody>";
  for (Side side : kSideOrder)
    if (side != Side::Reduction || has_side(r, side)) s += side_rows(in, side);
  if (!has_side(r, Side::Reduction)) s += money_row("Kortingen", mean(r, "kortingen"), "total");
  s += money_row("Saldo", mean(r, "saldo"), "total strong");
  if (in.deterministic && mc) s += money_row("Saldo plan", mean(*in.deterministic, "saldo"), "sub");
  s += equity_rows(in);
  s += money_row("Verwachte risicolast (register)", r.expected_risk_cost, "sub");
  return s + "</tbody></table></section>";
}

string balance(const ReportInput& in) {
  const Result& r = in.result;
  if (!has_balance(r)) return "";
  const bool mc = in.monte_carlo();
  string s = "<section id=\"balans\"><h2>Meerjarenbalans</h2><p class=\"note\">Balans per 31 december" +
             string(mc ? ", <b>gemiddelde</b> over de paden (de kengetallen: het gemiddelde van de kengetallen per pad)" : "") +
             ". Liquide middelen zijn de sluitpost.</p><table class=\"mjb balans\"><thead>" + year_header(r, "") + "</thead><tbody>";
  auto rows = [&](const std::vector<BalanceRow>& list) {
    for (const BalanceRow& b : list) {
      s += money_row(b.label, mean(r, b.key));
      if (string(b.key) == "eigen_vermogen") {
        if (r.find("algemene_reserve")) s += money_row("waarvan algemene reserve", mean(r, "algemene_reserve"), "sub");
        if (any_nonzero(r.find("bestemmingsreserves"))) s += money_row("waarvan bestemmingsreserves", mean(r, "bestemmingsreserves"), "sub");
      }
    }
  };
  s += group_row(r, "Activa");
  rows(balance_assets());
  s += money_row("Totaal activa", mean(r, "balanstotaal"), "total");
  s += group_row(r, "Passiva");
  rows(balance_liabilities());
  s += money_row("Totaal passiva", mean(r, "balanstotaal"), "total");
  s += group_row(r, "Kengetallen");
  for (const BalanceRow& b : balance_ratios()) {
    s += "<tr>" + td(b.label, "label");
    for (double x : mean(r, b.key)) s += td(ratio_value_text(b.kind, x), "num");
    s += "</tr>";
  }
  s += group_row(r, mc ? "Signalen van de Inspectie (aandeel paden)" : "Signalen van de Inspectie");
  for (const BalanceSignal& g : balance_signals()) {
    const Probability* p = find_flag(r, g.flag);
    if (!p) continue;
    s += "<tr>" + td(g.label, "label");
    for (double x : p->value) s += flag_cell(mc, x);
    s += "</tr>";
  }
  s += "</tbody></table><p class=\"note\">Signaleringswaarden van de Inspectie van het Onderwijs voor de continuïteit: "
       "solvabiliteit 2 onder 0,30; liquiditeit onder 0,75; drie jaar op rij een negatief resultaat (rentabiliteit onder 0). " +
       string(mc ? "Per jaar het aandeel paden waarin het signaal geldt (rood vanaf 50%)." : "Per jaar of het signaal geldt.") +
       "</p>";
  return s + "</section>";
}

string risks(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"risicos\"><h2>Risico's en weerstandsvermogen</h2>";
  if (!r.risks.empty()) {
    s += "<table class=\"risks\"><thead>" + year_header(r, "Risico") + "</thead><tbody>";
    for (const auto& k : r.risks) {
      s += "<tr>" + td(esc(k.code + " " + k.name) + (k.lost_income ? " <span class=\"tag\">gemiste baten</span>" : "") +
                     (k.lasting ? " <span class=\"tag\">blijvend</span>" : ""), "label");
      for (size_t y = 0; y < k.expected.size(); ++y)
        s += td(euro(k.expected[y]) + "<br><span class=\"small\">" + chance(k.hit_share[y]) + " van de paden</span>", "num");
      s += "</tr>";
    }
    s += "</tbody></table><p class=\"note\">Per risico de verwachte last (gemiddelde over alle paden, 0 waar het risico zich niet "
         "voordeed) en het aandeel paden waarin het zich voordeed (een blijvend risico telt vanaf het jaar waarin het optrad elk jaar mee). Dezelfde bedragen staan als posten risico.&lt;code&gt; in de "
         "meerjarenbegroting; gemiste baten als korting.</p>";
  } else {
    s += "<p>Verwachte risicolast uit het register per jaar: ";
    for (size_t y = 0; y < r.years.size(); ++y) s += (y ? ", " : "") + std::to_string(r.years[y]) + " " + euro(r.expected_risk_cost[y]);
    s += ". In deterministische modus trekt de begroting geen risico's: de risicoposten zijn 0.</p>";
  }
  if (in.scenario && in.scenario->calibration.given)
    s += "<h3>Hoe eerlijk zijn de banden?</h3><p>" + esc(calibration_rvt_text(in.scenario->calibration)) + "</p>";
  s += "<h3>Benodigd weerstandsvermogen</h3><p>Beschikbaar: de algemene reserve bij de start, " + euro(r.start_general_reserve) +
       " (eigen vermogen bij de start " + euro(r.start_equity) + " min bestemmingsreserves " +
       euro(r.start_equity - r.start_general_reserve) + ").</p>";
  if (r.buffers.empty()) {
    s += "<p class=\"note\">Het benodigde weerstandsvermogen wordt alleen in Monte-Carlo-modus berekend: de deterministische "
         "begroting kent geen spreiding.</p>";
    return s + "</section>";
  }
  s += "<table class=\"buffer\"><thead><tr>" + th("Zekerheid") + th("Benodigd weerstandsvermogen") + th("Beschikbaar (algemene reserve)") +
       th("Ratio") + th("Klasse") + "</tr></thead><tbody>";
  for (const auto& b : r.buffers) {
    const BufferVerdict v = buffer_verdict(r.start_general_reserve, b.required);
    s += "<tr>" + td(pct(b.confidence, 0), "label") + td(euro(b.required), "num") + td(euro(r.start_general_reserve), "num") +
         td(v.ratio_text, "num") + td(v.class_text, "num") + "</tr>";
  }
  s += "</tbody></table><p class=\"note\"><b>Definitie.</b> " + esc(kBufferDefinition) + "</p>";
  s += "<table class=\"nar\"><thead><tr>" + th("Klasse") + th("Ratio beschikbaar / benodigd") + th("Oordeel") + "</tr></thead><tbody>";
  for (const NarRow& n : nar_scale()) s += "<tr>" + td(n.letter, "label") + td(n.range, "num") + td(n.label, "num") + "</tr>";
  return s + "</tbody></table></section>";
}

}  // namespace swv::html
