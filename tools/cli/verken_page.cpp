#include "verken_page.h"

#include "format_nl.h"
#include "html_escape.h"
#include "html_style.h"
#include "verken_assets.h"

namespace swv::cli {

namespace {

using std::string;

string esc(const string& s) { return html_escape(s); }

// Decimals of a percentage on a slider with steps of `step` (a fraction): 0,1% steps show one.
int percent_decimals(double step) { return step >= 0.01 - 1e-12 ? 0 : step >= 0.001 - 1e-12 ? 1 : 2; }

// A level as the page shows it (verken.js toon() writes the same).
string shown(const Control& c, double x) {
  switch (c.unit) {
    case ControlUnit::Euro: return euro(x);
    case ControlUnit::Factor: return "× " + num_nl(x, 2);
    case ControlUnit::Percent: return pct(x, percent_decimals(c.step));
  }
  return {};
}

const char* unit_name(ControlUnit u) {
  return u == ControlUnit::Euro ? "euro" : u == ControlUnit::Factor ? "factor" : "procent";
}

string control_html(const Control& c, size_t i) {
  const string id = "knop-" + std::to_string(i);
  string s = "<div class=\"knop\" data-sleutel=\"" + esc(c.key) + "\" data-eenheid=\"" + unit_name(c.unit) + "\" data-decimalen=\"" +
             std::to_string(percent_decimals(c.step)) + "\" data-basis=\"" + num_exact(c.base) + "\"";
  if (c.lowest) s += " data-laagste=\"" + num_exact(*c.lowest) + "\"";
  s += " data-basiswaarde=\"" + esc(c.base_value.dump()) + "\">";
  s += "<label for=\"" + id + "\">" + esc(c.label) + "</label><div class=\"rij\"><input type=\"range\" id=\"" + id + "\" min=\"" + num_exact(c.min) +
       "\" max=\"" + num_exact(c.max) + "\" step=\"" + num_exact(c.step) + "\" value=\"" + num_exact(c.base) + "\"><output for=\"" + id + "\">" +
       esc(shown(c, c.base)) + "</output><button type=\"button\" class=\"terug\" title=\"terug naar de waarde van de basis\">basis</button></div>";
  s += "<div class=\"basis\">basis: " + esc(shown(c, c.base)) + " — " +
       (c.base_text.empty() ? string("niet in het scenario (de standaard)") : esc(c.base_where + ": " + c.base_text)) + " <code>" + esc(c.key) +
       "</code></div></div>";
  return s;
}

}  // namespace

string verken_page(const VerkenBase& base, bool monte_carlo, const PageParts& parts) {
  string s = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             "<title>Verkennen: " + esc(base.name) + " — swvsim</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/rapport.css\">"
             "<link rel=\"stylesheet\" href=\"/verken.css\"><script src=\"/verken.js\" defer></script></head><body class=\"verken\">";
  const string mode = monte_carlo ? "Monte Carlo, " + num_nl(static_cast<double>(base.paths)) + " paden, zaad " + std::to_string(base.seed)
                                  : string("deterministisch");
  s += "<header class=\"kop\"><h1>Verkennen: " + esc(base.name) + "</h1><div id=\"status\" role=\"status\" aria-live=\"polite\" data-staat=\"klaar\">klaar</div></header>";
  s += "<p class=\"sub\">Basis: " + esc(base.scenario) + " · " + esc(mode) +
       ". Elke wijziging rekent het scenario opnieuw door, op dezelfde paden; de getallen zijn die van <code>swvsim run</code> op de bewaarde variant.</p>";
  s += "<main><form id=\"knoppen\" aria-label=\"Aannames\" autocomplete=\"off\"><div id=\"fout\" role=\"alert\" hidden></div>";
  string group;
  for (size_t i = 0; i < base.controls.size(); ++i) {
    const Control& c = base.controls[i];
    if (c.group != group) {
      if (!group.empty()) s += "</fieldset>";
      group = c.group;
      s += "<fieldset><legend>" + esc(group) + "</legend>";
    }
    s += control_html(c, i);
  }
  if (!group.empty()) s += "</fieldset>";
  s += "<p><button type=\"button\" id=\"alles-terug\">Alles terug naar de basis</button></p>";
  s += "<fieldset><legend>Variant bewaren</legend><label for=\"naam\">Naam (bestand naast het scenario)</label>"
       "<input type=\"text\" id=\"naam\" value=\"verken\" maxlength=\"60\" spellcheck=\"false\">"
       "<label><input type=\"checkbox\" id=\"overschrijf\"> een bestaand bestand met die naam vervangen</label> "
       "<p><button type=\"button\" id=\"bewaar\">Bewaar als variant</button></p><p id=\"bewaard\" aria-live=\"polite\"></p></fieldset>";
  s += "</form><div id=\"pagina\"><div id=\"pagina-inhoud\">" + parts.summary + "</div><div id=\"grafiek\">" + parts.chart + "</div></div></main>";
  return s + "</body></html>\n";
}

std::string_view verken_script() { return kVerkenJs; }
std::string_view verken_style() { return kVerkenCss; }
std::string report_style() { return kReportCss; }

}  // namespace swv::cli
