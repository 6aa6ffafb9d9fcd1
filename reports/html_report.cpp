#include "html_report.h"

#include "diagnostics.h"

#include <cmath>
#include <cstdlib>
#include <ctime>

#include "calibration_text.h"
#include "format_nl.h"
#include "html_parts.h"
#include "html_style.h"
#include "report_paths.h"
#include "report_terms.h"
#include "report_text.h"
#include "svg_chart.h"

namespace swv {

namespace html {

// The equity chart, full width: from the 31-12 start value, with the norm lines labelled and the
// bovenmatig zone (above the signaleringswaarde) shaded.
std::string equity_chart(const ReportInput& in) {
  const Result& r = in.result;
  const Series* x = r.find("eigen_vermogen");
  if (!x) return std::string();
  std::vector<int> years{r.years.front() - 1};
  years.insert(years.end(), r.years.begin(), r.years.end());
  auto from_start = [&](const std::vector<double>& v, double start) {
    std::vector<double> out{start};
    out.insert(out.end(), v.begin(), v.end());
    return out;
  };
  const double s0 = r.start_equity;
  std::vector<ChartLine> lines{{"signaleringswaarde", "signal", from_start(mean(r, "signaleringswaarde"), NAN)},
                               {"ondergrens", "floor", from_start(mean(r, "ondergrens"), NAN)}};
  // The target is one for the algemene reserve (scenario-format 14.2): labelled so.
  if (r.find("streefvermogen")) lines.push_back({"streefvermogen (algemene reserve)", "target", from_start(mean(r, "streefvermogen"), NAN)});
  FanChart c{in.monte_carlo() ? "Eigen vermogen 31-12 (mediaan en banden) tegenover de normen" : "Eigen vermogen 31-12 tegenover de normen",
             years, {}, {}, from_start(x->p50, s0), {}, {}, lines, true};
  if (in.monte_carlo())
    c.p5 = from_start(x->p5, s0), c.p25 = from_start(x->p25, s0), c.p75 = from_start(x->p75, s0), c.p95 = from_start(x->p95, s0);
  c.zone_above = lines.front().values;
  c.zone_label = "bovenmatig";
  c.wide = true;
  return fan_chart_svg(c);
}

}  // namespace html

namespace {

using std::string;
using html::esc;
using html::mean;
using html::td;
using html::th;

string header(const ReportInput& in) {
  const Result& r = in.result;
  // Page 1 carries this line: no engine words (the method section names paths and seed).
  string mode = in.monte_carlo() ? "met onzekerheid en risico's " + num_nl(static_cast<double>(r.paths)) + " keer doorgerekend"
                                 : "de begroting met elke aanname op haar verwachting";
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
       th("Eigen vermogen" + string(in.monte_carlo() ? " (mediaan)" : "")) + th("Signaleringswaarde") +
       th(in.monte_carlo() ? "Afstand tot de norm (mediaan)" : "Afstand tot de norm");
  const Probability* target = find_flag(r, "onder_streefvermogen");
  if (target) s += th(esc(flag_label("onder_streefvermogen", in.monte_carlo())));
  s += "</tr></thead><tbody>";
  const Series* ev = r.find("eigen_vermogen");
  const Series* distance = r.find("afstand_signaleringswaarde");  // eigen vermogen − signaleringswaarde, both ways
  auto signed_euro = [](double x) { return (x > 0 ? "+" : "") + euro(x); };
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
         td(distance && y < distance->p50.size() ? signed_euro(distance->p50[y]) : "", "num");
    if (target) s += td(in.monte_carlo() ? chance(target->value[y]) : (target->value[y] > 0 ? "ja" : "nee"), "num");
    s += "</tr>";
  }
  s += "</tbody></table><p class=\"note\">" +
       (in.monte_carlo() ? "Stoplicht bovenmatig: groen onder " + pct(st.excessive_orange, 0) + ", oranje vanaf " + pct(st.excessive_orange, 0) +
                               ", rood vanaf " + pct(st.excessive_red, 0) + " kans. Stoplicht ondergrens: oranje vanaf " + pct(st.floor_orange, 0) +
                               ", rood vanaf " + pct(st.floor_red, 0) + ". Instelbaar in het scenario onder [rapport]. "
                         : string("Deterministische begroting: rood als de begroting boven de signaleringswaarde of onder de ondergrens uitkomt. ")) +
       "De afstand tot de norm is het eigen vermogen min de signaleringswaarde: "
       "positief erboven, negatief eronder" + string(in.monte_carlo() ? " (de mediaan over de paden)" : "") + ".</p>";
  s += "<h3>Per jaar</h3><div class=\"years\">";
  for (size_t y = 0; y < r.years.size(); ++y)
    s += "<p><b>" + std::to_string(r.years[y]) + ".</b> " + esc(excessive_sentence(in, y)) + " " + esc(floor_sentence(in, y)) + " " +
         esc(movement_sentence(in, y)) + "</p>";
  s += "</div>";
  if (!r.warnings.empty()) {
    s += "<h3>Waarschuwingen</h3><ul class=\"warnings\">";
    for (const auto& w : report_warnings(r)) s += "<li>" + esc(w) + "</li>";
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
  s += html::equity_chart(in);
  if (in.monte_carlo())
    if (const Series* x = r.find("eigen_vermogen")) {
      const size_t last = r.years.size() - 1;
      const auto& floor = mean(r, "ondergrens");
      DistributionChart d{"Verdeling van het eigen vermogen op 31-12-" + std::to_string(r.years[last]),
                          {0.05, 0.25, 0.5, 0.75, 0.95},
                          {x->p5[last], x->p25[last], x->p50[last], x->p75[last], x->p95[last]},
                          mean(r, "signaleringswaarde")[last],
                          r.excessive.value[last],
                          last < floor.size() ? floor[last] : NAN};
      s += distribution_svg(d);
    }
  const Series* sr = r.find("saldo");
  BarChart bc{in.monte_carlo() ? "Saldo per jaar (gemiddelde, P5–P95)" : "Saldo per jaar", r.years, sr ? sr->mean : std::vector<double>{}, {}, {}};
  if (sr && in.monte_carlo()) bc.p5 = sr->p5, bc.p95 = sr->p95;
  s += bar_chart_svg(bc);
  s += "<div class=\"small-multiples\">";
  s += fan("leerlingen_regulier", "Leerlingen regulier", false, {});
  if (r.sector == Sector::Po) s += fan("leerlingen_sbo", "Leerlingen SBO", false, {});
  s += fan("leerlingen_so", r.sector == Sector::Po ? "Leerlingen SO" : "Leerlingen VSO", false, {});
  if (r.sector == Sector::Vo) s += fan("leerlingen_pro", "Leerlingen PrO", false, {});
  // Participation (with its target from stromen.doel) and, where capaciteit is set, the waiting lists.
  const auto shares = pupil_shares(r);
  bool any_target = false;
  for (const PupilShare& p : shares) {
    std::vector<ChartLine> lines;
    if (auto t = pupil_share_target(in, p); !t.empty()) lines.push_back({"doel", "target", std::move(t)}), any_target = true;
    FanChart c{p.title, r.years, {}, {}, p.series->p50, {}, {}, std::move(lines), false, p.percent};
    if (in.monte_carlo()) c.p5 = p.series->p5, c.p25 = p.series->p25, c.p75 = p.series->p75, c.p95 = p.series->p95;
    s += fan_chart_svg(c);
  }
  s += "</div><p class=\"note\">" +
       string(in.monte_carlo() ? "Banden: 90% van de paden ligt in de lichte band (P5–P95), 50% in de donkere (P25–P75); de lijn is de mediaan. "
                               : "Deterministische begroting: één lijn per grootheid. ") +
       "Eigen vermogen vanaf de stand op 31-12-" + std::to_string(r.years.front() - 1) + "; het gearceerde vlak is bovenmatig (boven de "
       "signaleringswaarde). " +
       string(in.monte_carlo() ? "Verdeling: de punten zijn P5, P25, de mediaan, P75 en P95 van het laatste jaar en het punt waar de "
                                 "signaleringswaarde de verdeling snijdt (het aandeel paden eronder); tussen de punten een rechte lijn. "
                               : "") +
       "Leerlingen op de teldatum van het jaar.";
  if (!shares.empty())
    s += string(r.sector == Sector::Po ? " Deelname: SBO als aandeel van BaO + SBO, SO van alle leerlingen (BaO + SBO + SO)."
                                       : " Deelname: VSO als aandeel van VO + VSO, PrO van VO + PrO.") +
         (any_target ? " Stippellijn doel: de deelname die het scenario nastreeft ([stromen.doel])." : "");
  s += "</p>" + html::participation(in);
  return s + "</section>";
}

string policy(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<section id=\"beleid\"><h2>Beleidsregels</h2><table class=\"policy\"><thead>" + html::year_header(r, "Regel") + "</thead><tbody>";
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
  for (const auto& f : r.inputs) files += "<div>" + esc(f.role) + ": <code>" + esc(escape_controls(report_file(r, f.path))) + "</code><br><span class=\"hash\">SHA-256 " + esc(f.sha256) + "</span></div>";
  item("Invoerbestanden", files);
  if (in.scenario) {
    string rules;
    for (const auto& line : rules_words(*in.scenario)) rules += (rules.empty() ? "" : "<br>") + esc(line);
    item("Bekostigingsregels", rules + (in.scenario->rules.source.empty() ? "" : "<br>Bron: " + esc(in.scenario->rules.source)));
  }
  if (in.scenario && in.scenario->calibration.given) item("Kalibratie", esc(calibration_source_text(in.scenario->calibration)));
  if (in.monte_carlo()) {
    double worst_se = 0;
    for (const auto* p : {&r.excessive, &r.below_floor, &r.negative})
      for (double x : p->std_error) worst_se = std::max(worst_se, x);
    for (const auto& f : r.more_flags)
      for (double x : f.second.std_error) worst_se = std::max(worst_se, x);
    item("Simulatie", "De begroting is " + num_nl(static_cast<double>(r.paths)) + " keer doorgerekend (Monte Carlo: " +
                          num_nl(static_cast<double>(r.paths)) + " paden), elke keer met andere trekkingen uit de onzekere aannames: de "
                          "leerlingstromen, de indexatie, de bedragen en de risico's. Elk risico kan zich in elk jaar opnieuw voordoen, met "
                          "de kans van dat jaar en een schade die bij elk optreden opnieuw wordt getrokken. Startgetal (zaad) " +
                          std::to_string(r.seed) + ", " + std::to_string(r.threads) + (r.threads == 1 ? " thread" : " threads") +
                          ", rekentijd " + num_nl(r.seconds, 2) + " s. Dezelfde bestanden met hetzelfde startgetal en aantal "
                          "doorrekeningen geven precies dezelfde uitkomsten, bij elk aantal threads.");
    item("Onzekerheid van de kansen", worst_se > 0 ? "Een kans is een aandeel van de doorrekeningen en heeft daardoor zelf een kleine "
                                                      "onnauwkeurigheid (standaardfout √(p(1−p)/n)), hier hoogstens " + pct(worst_se, 2) +
                                                      " (procentpunt). Een kans van 64% betekent dus ongeveer 64% ± " + pct(2 * worst_se, 1) + "."
                                                : string("Elke kans is 0% of 100%: in alle doorrekeningen gebeurt hetzelfde."));
    item("Percentielen", "Hyndman–Fan type 7 (lineaire interpolatie tussen geordende waarden, zoals numpy en Excel PERCENTILE.INC); "
                         "methode: " + esc(r.percentile_method) + ".");
  } else {
    item("Simulatie", "Deterministisch: elke verdeling neemt haar verwachting; de begroting trekt geen risico's (de risicoposten zijn 0) en "
                      "hun verwachte last staat als verwachte risicolast naast de begroting.");
  }
  item("Normen", "Signaleringswaarde: " + pct(r.signal_percentage, 1) + " van de totale baten, minimaal " + euro(r.signal_minimum) +
                     ", per pad en jaar opnieuw berekend. Bovenmatig: eigen vermogen boven de signaleringswaarde. De Inspectie toetst het hele "
                     "eigen vermogen (algemene reserve plus bestemmingsreserves).");
  s += "</dl>";
  if (in.scenario) {
    s += "<h3>Aannames</h3><table class=\"assumptions\"><tbody>";
    for (const auto& a : assumptions(*in.scenario)) s += "<tr>" + td("<code>" + esc(a.key) + "</code>", "label") + td(esc(a.text)) + "</tr>";
    s += "</tbody></table>";
  }
  return s + "</section>";
}


// Only characters that are safe inside a CSS string and HTML (version and hash are ours, but still).
string css_safe(const string& s) {
  string out;
  for (char c : s)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '+' || c == '_') out += c;
  return out;
}

// The printed page footer (@page margin boxes, Chromium 131+): date, version and scenario hash left,
// "pagina 3 van 9" right.
string print_footer_css(const Result& r) {
  const string hash = css_safe(r.scenario_sha256).substr(0, 12);
  const string left = report_date() + " · swvsim " + css_safe(r.engine_version) + (hash.empty() ? "" : " · scenario " + hash);
  return "@media print { @page { @bottom-left { content: \"" + left +
         "\"; font: 8.5px \"DejaVu Sans\", Arial, sans-serif; color: #5b6675; } "
         "@bottom-right { content: \"pagina \" counter(page) \" van \" counter(pages); font: 8.5px \"DejaVu Sans\", Arial, sans-serif; color: #5b6675; } } }";
}

}  // namespace

string html_report(const ReportInput& in) {
  const Result& r = in.result;
  string s = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             "<title>" + esc(r.scenario_name) + " — swvsim</title><style>" + string(kReportCss) + "</style><style>" + print_footer_css(r) + "</style></head><body>";
  s += header(in) + html::board_summary(in) + summary(in) + charts(in) + html::mjb(in) + html::balance(in) + html::risks(in) + policy(in) + method(in);
  s += "<footer>Gemaakt met swvsim " + esc(r.engine_version) + ". Bedragen in euro, nominaal.</footer></body></html>\n";
  return s;
}

}  // namespace swv
