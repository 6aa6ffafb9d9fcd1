#include "html_report.h"

#include <cmath>

#include "format_nl.h"
#include "html_escape.h"
#include "html_style.h"
#include "report_text.h"
#include "svg_chart.h"

namespace swv {

namespace {

using std::string;

string esc(const string& s) { return html_escape(s); }
string td(const string& text, const string& cls = "") { return "<td" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + text + "</td>"; }
string th(const string& text) { return "<th>" + text + "</th>"; }

string year_header(const Result& r, const string& first) {
  string s = "<tr>" + th(first);
  for (int y : r.years) s += th(std::to_string(y));
  return s + "</tr>";
}

string money_row(const string& label, const std::vector<double>& v, const string& cls = "") {
  string s = "<tr" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + td(label, "label");
  for (double x : v) s += td(euro(x), "num");
  return s + "</tr>";
}

const std::vector<double>& mean(const Result& r, const char* key) {
  static const std::vector<double> none;
  const Series* s = r.find(key);
  return s ? s->mean : none;
}

string header(const ReportInput& in) {
  const Result& r = in.result;
  string mode = in.monte_carlo() ? "Monte Carlo, " + num_nl(static_cast<double>(r.paths)) + " paden, zaad " + std::to_string(r.seed)
                                 : "deterministisch (de klassieke meerjarenbegroting)";
  string s = "<header><h1>" + esc(r.scenario_name) + "</h1>";
  if (!r.scenario_description.empty()) s += "<p class=\"desc\">" + esc(r.scenario_description) + "</p>";
  s += "<p class=\"sub\">Meerjarenbegroting " + std::to_string(r.years.front()) + "–" + std::to_string(r.years.back()) + " · " +
       (r.sector == Sector::Po ? "primair onderwijs" : "voortgezet onderwijs") + " · " + mode + "</p></header>";
  return s;
}

string summary(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"samenvatting\"><h2>Samenvatting</h2><ul class=\"headline\">";
  for (const auto& line : summary_sentences(in)) s += "<li>" + esc(line) + "</li>";
  s += "</ul>";
  // Traffic lights per year.
  const ReportSettings st = in.settings();
  s += "<table class=\"lights\"><thead><tr>" + th("Jaar") + th(in.monte_carlo() ? "Kans bovenmatig" : "Bovenmatig") +
       th(in.monte_carlo() ? "Kans onder ondergrens" : "Onder ondergrens") + th(in.monte_carlo() ? "Kans negatief" : "Negatief") +
       th("Eigen vermogen" + string(in.monte_carlo() ? " (mediaan)" : "")) + th("Signaleringswaarde") + th("Verwacht overschot") +
       "</tr></thead><tbody>";
  const Series* ev = r.find("eigen_vermogen");
  for (size_t y = 0; y < r.years.size(); ++y) {
    const string year = std::to_string(r.years[y]);
    auto light_cell = [&](double p, Light l, const char* flag) {
      const string word = light_name(l);
      const string text = in.monte_carlo() ? chance(p) : (p > 0 ? "ja" : "nee");
      return "<td class=\"light " + word + "\" data-jaar=\"" + year + "\"" + (l == Light::Red ? string(" data-vlag=\"") + flag + "\"" : "") +
             "><span class=\"dot\" aria-hidden=\"true\"></span>" + text + " <span class=\"word\">" + word + "</span></td>";
    };
    s += "<tr>" + td(year, "label") + light_cell(r.excessive.value[y], light_excessive(in, y), "bovenmatig") +
         light_cell(r.below_floor.value[y], light_floor(in, y), "ondergrens") +
         td(in.monte_carlo() ? chance(r.negative.value[y]) : (r.negative.value[y] > 0 ? "ja" : "nee"), "num") +
         td(euro(ev ? ev->p50[y] : 0), "num") + td(euro(mean(r, "signaleringswaarde")[y]), "num") +
         td(euro(y < r.expected_excess.size() ? r.expected_excess[y] : 0), "num") + "</tr>";
  }
  s += "</tbody></table><p class=\"note\">Stoplicht bovenmatig: groen onder " + pct(st.excessive_orange, 0) + ", oranje vanaf " +
       pct(st.excessive_orange, 0) + ", rood vanaf " + pct(st.excessive_red, 0) + " kans. Stoplicht ondergrens: oranje vanaf " +
       pct(st.floor_orange, 0) + ", rood vanaf " + pct(st.floor_red, 0) +
       ". Instelbaar in het scenario onder [rapport]. Het verwachte overschot is het gemiddelde over de paden van het bedrag "
       "boven de signaleringswaarde (0 waar het eigen vermogen eronder blijft).</p>";
  s += "<h3>Per jaar</h3><div class=\"years\">";
  for (size_t y = 0; y < r.years.size(); ++y)
    s += "<p><b>" + std::to_string(r.years[y]) + ".</b> " + esc(excessive_sentence(in, y)) + " " + esc(floor_sentence(in, y)) + " " +
         esc(movement_sentence(in, y)) + "</p>";
  s += "</div>";
  if (!r.warnings.empty()) {
    s += "<h3>Waarschuwingen</h3><ul class=\"warnings\">";
    for (const auto& w : r.warnings) s += "<li>" + esc(w) + "</li>";
    s += "</ul>";
  }
  return s + "</section>";
}

string charts(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"grafieken\"><h2>Verloop</h2>";
  auto fan = [&](const char* key, const string& title, bool money, std::vector<ChartLine> lines) {
    const Series* x = r.find(key);
    if (!x) return string();
    FanChart c{title, r.years, {}, {}, x->p50, {}, {}, std::move(lines), money};
    if (in.monte_carlo()) c.p5 = x->p5, c.p25 = x->p25, c.p75 = x->p75, c.p95 = x->p95;
    return fan_chart_svg(c);
  };
  s += fan("eigen_vermogen", "Eigen vermogen 31-12 (mediaan en banden) tegenover de normen", true,
           {{"signaleringswaarde", "signal", mean(r, "signaleringswaarde")}, {"ondergrens", "floor", mean(r, "ondergrens")}});
  const Series* sr = r.find("saldo");
  BarChart bc{"Saldo per jaar (gemiddelde, P5–P95)", r.years, sr ? sr->mean : std::vector<double>{}, {}, {}};
  if (sr && in.monte_carlo()) bc.p5 = sr->p5, bc.p95 = sr->p95;
  s += bar_chart_svg(bc);
  s += "<div class=\"small-multiples\">";
  s += fan("leerlingen_regulier", "Leerlingen regulier", false, {});
  if (r.sector == Sector::Po) s += fan("leerlingen_sbo", "Leerlingen SBO", false, {});
  s += fan("leerlingen_so", r.sector == Sector::Po ? "Leerlingen SO" : "Leerlingen VSO", false, {});
  if (r.sector == Sector::Vo) s += fan("leerlingen_pro", "Leerlingen PrO", false, {});
  s += "</div><p class=\"note\">Banden: 90% van de paden ligt in de lichte band (P5–P95), 50% in de donkere (P25–P75); de lijn is de "
       "mediaan. Leerlingen op de teldatum van het jaar.</p>";
  return s + "</section>";
}

string mjb(const ReportInput& in) {
  const Result& r = in.result;
  const Result* d = in.deterministic;
  string s = "<section id=\"mjb\"><h2>Meerjarenbegroting</h2><p class=\"note\">Per post: <b>verwacht</b> is het bedrag na realisatie "
             "(onderbesteding) en schokken" +
             string(in.monte_carlo() ? ", gemiddeld over de paden" : "") +
             "; <b>begroot</b> het bedrag vóór realisatie" + string(d && in.monte_carlo() ? "; <b>deterministisch</b> de klassieke begroting met alle verwachtingen" : "") +
             ".</p><table class=\"mjb\"><thead>" + year_header(r, "") + "</thead><tbody>";
  for (int side = 0; side < 2; ++side) {
    const Side sd = side == 0 ? Side::Income : Side::Cost;
    s += "<tr class=\"group\"><td colspan=\"" + std::to_string(r.years.size() + 1) + "\">" + (side == 0 ? "Baten" : "Lasten") + "</td></tr>";
    for (size_t i = 0; i < r.lines.size(); ++i) {
      const LineResult& l = r.lines[i];
      if (l.side != sd) continue;
      s += money_row(esc(l.code + " " + l.name), l.realised, "line");
      s += money_row("begroot", d ? d->lines[i].budget : l.budget, "sub");
      if (d && in.monte_carlo()) s += money_row("deterministisch", d->lines[i].realised, "sub");
    }
  }
  s += money_row("Totale baten", mean(r, "totale_baten"), "total");
  s += money_row("Kortingen (risico's baten, OCW)", mean(r, "kortingen"), "total");
  s += money_row("Totale lasten (incl. risico's en afbouw)", mean(r, "totale_lasten"), "total");
  s += money_row("Saldo", mean(r, "saldo"), "total strong");
  if (d && in.monte_carlo()) s += money_row("Saldo deterministisch", mean(*d, "saldo"), "sub");
  s += money_row("Eigen vermogen 31-12", mean(r, "eigen_vermogen"), "total strong");
  if (const Series* ev = r.find("eigen_vermogen"); ev && in.monte_carlo()) {
    s += money_row("P5", ev->p5, "sub");
    s += money_row("P95", ev->p95, "sub");
  }
  if (d && in.monte_carlo()) s += money_row("Eigen vermogen deterministisch", mean(*d, "eigen_vermogen"), "sub");
  s += money_row("Signaleringswaarde", mean(r, "signaleringswaarde"), "total");
  s += money_row("Ondergrens", mean(r, "ondergrens"), "total");
  s += money_row("Verwachte risicolast (register)", r.expected_risk_cost, "sub");
  return s + "</tbody></table></section>";
}

string risks(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"risicos\"><h2>Risico's en weerstandsvermogen</h2>";
  if (!r.risks.empty()) {
    s += "<table class=\"risks\"><thead>" + year_header(r, "Risico") + "</thead><tbody>";
    for (const auto& k : r.risks) {
      s += "<tr>" + td(esc(k.code + " " + k.name) + (k.lost_income ? " <span class=\"tag\">baten</span>" : ""), "label");
      for (size_t y = 0; y < k.expected.size(); ++y)
        s += td(euro(k.expected[y]) + "<br><span class=\"small\">" + chance(k.hit_share[y]) + " van de paden</span>", "num");
      s += "</tr>";
    }
    s += "</tbody></table><p class=\"note\">Per risico de verwachte last (gemiddelde over alle paden, 0 waar het risico zich niet "
         "voordeed) en het aandeel paden waarin het zich voordeed.</p>";
  } else {
    s += "<p>Verwachte risicolast uit het register per jaar: ";
    for (size_t y = 0; y < r.years.size(); ++y) s += (y ? ", " : "") + std::to_string(r.years[y]) + " " + euro(r.expected_risk_cost[y]);
    s += ". In deterministische modus worden risico's niet in de begroting opgenomen.</p>";
  }
  if (!r.buffers.empty()) {
    s += "<h3>Benodigd weerstandsvermogen</h3><table class=\"buffer\"><thead><tr>" + th("Zekerheid") + th("Grootste tekort t.o.v. ondergrens") +
         th("Benodigd eigen vermogen bij de start") + th("Beschikbaar") + th("Verhouding beschikbaar / benodigd") + "</tr></thead><tbody>";
    for (const auto& b : r.buffers) {
      const string ratio = b.required <= 0 ? "geen buffer nodig" : num_nl(r.start_equity / b.required, 2);
      s += "<tr>" + td(pct(b.confidence, 0), "label") + td(euro(b.shortfall), "num") + td(euro(b.required), "num") +
           td(euro(r.start_equity), "num") + td(ratio, "num") + "</tr>";
    }
    s += "</tbody></table><p class=\"note\"><b>Definitie.</b> Per pad is het grootste tekort het grootste bedrag waarmee het eigen "
         "vermogen in enig jaar onder de ondergrens zakt (negatief: de kleinste marge erboven). Het benodigde eigen vermogen bij de "
         "start bij zekerheid c is het beschikbare eigen vermogen plus het c-kwantiel van dat tekort (minimaal 0): met zoveel "
         "vermogen bij de start blijft het eigen vermogen in c van de paden in elk jaar boven de ondergrens, als al het andere "
         "gelijk blijft (zonder terugwerking via beleidsregels zoals afbouw). Een verhouding van 1 of meer is voldoende.</p>";
  }
  return s + "</section>";
}

string policy(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"beleid\"><h2>Beleidsregels</h2><table class=\"policy\"><thead>" + year_header(r, "Regel") + "</thead><tbody>";
  const std::pair<const char*, const char*> names[] = {{"ocw_afroming", "OCW-afroming"},
                                                       {"afbouw", "Bestedingsplan (afbouw)"},
                                                       {"bezuiniging", "Bezuiniging onder de ondergrens"},
                                                       {"ocw_korting", "Generieke OCW-korting"},
                                                       {"cap", "Cap op de DUO-afdrachten"}};
  for (const auto& [rule, share] : r.policy_fired) {
    string label = rule;
    for (const auto& [k, v] : names)
      if (rule == k) label = v;
    s += "<tr>" + td(label, "label");
    for (double x : share) s += td(in.monte_carlo() ? chance(x) : (x > 0 ? "actief" : "—"), "num");
    s += "</tr>";
  }
  return s + "</tbody></table><p class=\"note\">" +
         (in.monte_carlo() ? string("Aandeel paden waarin de regel in dat jaar werkte.") : string("Of de regel in dat jaar werkte.")) +
         "</p></section>";
}

string method(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"methode\"><h2>Methode en verantwoording</h2><dl>";
  auto item = [&](const string& k, const string& v) { s += "<dt>" + k + "</dt><dd>" + v + "</dd>"; };
  item("Rekenkern", "swvsim " + esc(r.engine_version));
  string files;
  for (const auto& f : r.inputs) files += "<div>" + esc(f.role) + ": <code>" + esc(f.path) + "</code><br><span class=\"hash\">SHA-256 " + esc(f.sha256) + "</span></div>";
  item("Invoerbestanden", files);
  if (in.scenario && (!in.scenario->rules.name.empty() || !in.scenario->rules.source.empty()))
    item("Bekostigingsregels", esc(in.scenario->rules.name) + (in.scenario->rules.source.empty() ? "" : "<br>Bron: " + esc(in.scenario->rules.source)));
  if (in.monte_carlo()) {
    double worst_se = 0;
    for (const auto* p : {&r.excessive, &r.below_floor, &r.negative})
      for (double x : p->std_error) worst_se = std::max(worst_se, x);
    item("Simulatie", "Monte Carlo met " + num_nl(static_cast<double>(r.paths)) + " paden, zaad " + std::to_string(r.seed) + ", " +
                          std::to_string(r.threads) + " threads, rekentijd " + num_nl(r.seconds, 2) +
                          " s. Dezelfde bestanden met hetzelfde zaad en aantal paden geven precies dezelfde uitkomsten, bij elk aantal threads.");
    item("Onzekerheid van de kansen", "Monte-Carlo-standaardfout √(p(1−p)/n), hier hoogstens " + pct(worst_se, 2) +
                                          " (procentpunt). Een kans van 64% betekent dus ongeveer 64% ± " + pct(2 * worst_se, 1) + ".");
    item("Percentielen", "Hyndman–Fan type 7 (lineaire interpolatie tussen geordende waarden, zoals numpy en Excel PERCENTILE.INC); "
                         "methode: " + esc(r.percentile_method) + ".");
  } else {
    item("Simulatie", "Deterministisch: elke verdeling neemt haar verwachting; risico's staan als verwachte risicolast naast de begroting.");
  }
  item("Normen", "Signaleringswaarde: " + pct(r.signal_percentage, 1) + " van de totale baten, minimaal " + euro(r.signal_minimum) +
                     ", per pad en jaar opnieuw berekend. Bovenmatig: eigen vermogen boven de signaleringswaarde.");
  s += "</dl>";
  if (in.scenario) {
    s += "<h3>Aannames</h3><table class=\"assumptions\"><tbody>";
    for (const auto& a : assumptions(*in.scenario)) s += "<tr>" + td("<code>" + esc(a.key) + "</code>", "label") + td(esc(a.text)) + "</tr>";
    s += "</tbody></table>";
  }
  return s + "</section>";
}

}  // namespace

string html_report(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             "<title>" + esc(r.scenario_name) + " — swvsim</title><style>" + string(kReportCss) + "</style></head><body>";
  s += header(in) + summary(in) + charts(in) + mjb(in) + risks(in) + policy(in) + method(in);
  s += "<footer>Gemaakt met swvsim " + esc(r.engine_version) + ". Bedragen in euro, nominaal.</footer></body></html>\n";
  return s;
}

}  // namespace swv
