#include "fragment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "format_nl.h"
#include "validate.h"

namespace swv {

std::string toml_number(double x, int sig) {
  // Closer to 0 than the loader accepts (validate.h: kMinMagnitude) is 0 for every purpose here.
  if (std::fabs(x) < kMinMagnitude || !std::isfinite(x)) return "0.0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(x))));
  const int decimals = std::clamp(sig - 1 - magnitude, 1, 15);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s == "-0.0" ? "0.0" : s;
}

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

namespace {

// Text from outside (the history's file name) in the fragment: a line break would end a comment and
// let the text write TOML, and the loader refuses control and bidirectional characters in a text
// (they become \u000A as plain text), and texts of more than 1.000 characters.
std::string comment_safe(const std::string& s) { return shorten(escape_controls(s), 300); }

std::string years_text(const std::vector<int>& y) {
  if (y.empty()) return "";
  return "teldata " + (y.size() == 1 ? std::to_string(y.front()) : std::to_string(y.front()) + "–" + std::to_string(y.back())) + " (" +
         std::to_string(y.size()) + (y.size() == 1 ? " verandering" : " veranderingen") + ")";
}

std::string comment(const Estimate& e) {
  const std::string name = e.key.substr(e.key.rfind('.') + 1);
  if (e.assumed()) return "# " + name + ": AANNAME " + estimate_text(e.key, e.value) + " (niet uit de historie): " + e.note + "\n";
  std::string s = "# " + name + ": schatting " + estimate_text(e.key, e.value) + ", standaardfout " + estimate_text(e.key, *e.std_error) + "; " + years_text(e.years) + "; " +
                  e.method + "\n";
  if (!e.note.empty()) s += "#   " + e.note + "\n";
  return s;
}

std::string year_table(const std::vector<std::pair<int, double>>& t) {
  std::string s = "{ ";
  for (size_t i = 0; i < t.size(); ++i) s += (i ? ", " : "") + std::to_string(t[i].first) + " = " + toml_number(t[i].second);
  return s + " }";
}

std::string value_text(const Estimate& e) {
  if (!e.mean_by_year.empty())
    return std::string("{ verdeling = \"") + dist_name(e.dist) + "\", gemiddelde = " + year_table(e.mean_by_year) + ", sd = " + year_table(e.sd_by_year) + " }";
  if (e.spread == Spread::None || e.sd <= 0) return toml_number(e.value);
  return std::string("{ verdeling = \"") + dist_name(e.dist) + "\", gemiddelde = " + toml_number(e.value) + ", sd = " + toml_number(e.sd) +
         (e.spread == Spread::PerYear ? ", per_jaar = true" : "") + " }";
}

}  // namespace

std::string fragment_tables(const Calibration& c, bool so_total_as_laag) {
  const bool po = c.sector == Sector::Po;
  const std::string so_name = po ? "SO" : "VSO";
  std::string start = "\n# De telling van de laatste teldatum (" + std::to_string(c.years.back()) + "): de instroom hoort erbij.\n[start.leerlingen]\nregulier = " +
                      toml_number(c.last_regular, 12) + "\n" + (po ? "sbo = " : "pro = ") + toml_number(c.last_special, 12) + "\n";
  if (c.so_by_category)
    start += "so = { laag = " + toml_number(c.last_so[0], 12) + ", midden = " + toml_number(c.last_so[1], 12) + ", hoog = " + toml_number(c.last_so[2], 12) + " }\n";
  else if (so_total_as_laag)
    start += "so = { laag = " + toml_number(c.last_so[0], 12) + " }\n";
  else
    start += "# so: de historie geeft alleen het totaal (" + num_nl(c.last_so[0]) + " " + so_name +
             "-leerlingen): de verdeling over laag, midden en hoog komt uit het eigen scenario\n";
  // Tables in the order their first key appears among the estimates.
  std::vector<std::string> order;
  std::map<std::string, std::string> body;
  auto add = [&](const std::string& table, const std::string& text) {
    if (!body.count(table)) order.push_back(table);
    body[table] += text;
  };
  for (const auto& e : c.estimates) {
    if (e.key == "stromen.verwijzing.so") {  // one SO/VSO column: the referral goes to laag
      add("stromen.verwijzing.so", comment(e) + "#   (de historie geeft geen categorieën: laag draagt alles; verdeel naar de eigen mix)\nlaag = " +
                                       value_text(e) + "\nmidden = 0.0\nhoog = 0.0\n");
      continue;
    }
    const size_t dot = e.key.rfind('.');
    const std::string table = e.key.substr(0, dot), name = e.key.substr(dot + 1);
    add(table, comment(e) + name + " = " + value_text(e) + "\n");
  }
  std::string out = start;
  for (const auto& t : order) out += "\n[" + t + "]\n" + body[t];
  return out;
}

std::string fragment_toml(const Calibration& c, const FragmentOptions& o) {
  const bool po = c.sector == Sector::Po;
  const std::string SP = po ? "SBO" : "PrO", SO = po ? "SO" : "VSO";
  std::string s = "# Kalibratie uit de eigen telgeschiedenis (swvsim kalibreer" + (o.version.empty() ? "" : ", swvsim " + o.version) + ").\n";
  s += "# Historie: " + comment_safe(c.history_file) + ", " + sector_name(c.sector) + ", teldata " + std::to_string(c.years.front()) + "–" +
       std::to_string(c.years.back()) + " (" + std::to_string(c.years.size()) + " jaren); stroomkolommen " + SP + ": " +
       (c.special_flows ? "ja" : "nee") + ", " + SO + ": " + (c.so_flows ? "ja" : "nee") + ".\n#\n";
  s += "# Gebruik: als variant van een scenario (zet basis hieronder op het pad van het scenario, vanaf dit\n"
       "# bestand) of plak de tabellen [start.leerlingen], [demografie] en [stromen.*] in het scenario. De\n"
       "# instroom hoort bij de telling van " + std::to_string(c.years.back()) + " (die staat erin): het scenario begint in " +
       std::to_string(c.years.back() + 1) + ". Geld en beleid\n"
       "# komen uit het eigen scenario.\n"
       "# Elke verdeling draagt de onzekerheid van haar schatting: één trekking per pad (een pad met een\n"
       "# hoge kans houdt die), of elk jaar opnieuw waar een kans van jaar tot jaar meer schommelt dan toeval.\n"
       "# Hoe goed de banden zijn, toetst swvsim terugtoets op dezelfde historie (docs/kalibratie.md).\n";
  if (!c.not_separable.empty()) {
    s += "#\n# Niet te scheiden uit deze historie:\n";
    for (const auto& n : c.not_separable) s += "# - " + comment_safe(n) + "\n";
  }
  if (!c.diags.items().empty()) {
    s += "#\n# Waarschuwingen:\n";
    for (const auto& d : c.diags.items()) s += "# - " + comment_safe((d.where.key.empty() ? "" : d.where.key + ": ") + d.message) + "\n";
  }
  s += "\nschema = \"swvsim/1\"\n";
  s += o.basis.empty() ? "# basis = \"mijn-scenario.toml\"\n" : "basis = " + toml_string(o.basis) + "\n";
  s += "\n# Waar de spreidingen vandaan komen; de rapporten noemen het.\n[kalibratie]\nhistorie = " + toml_string(comment_safe(c.history_file)) + "\n";
  if (!c.history_sha256.empty()) s += "historie_sha256 = " + toml_string(c.history_sha256) + "\n";
  s += "eerste_jaar = " + std::to_string(c.years.front()) + "\nlaatste_jaar = " + std::to_string(c.years.back()) + "\nmethode = " + toml_string(c.method) + "\n";
  if (!o.version.empty()) s += "swvsim = " + toml_string(o.version) + "\n";
  if (o.backtest) {
    s += "\n# De terugtoets op deze historie: " + verdict_sentence(*o.backtest) + ".\n[kalibratie.terugtoets]\n";
    s += "dekking_50 = " + toml_number(o.backtest->c50, 4) + "\ndekking_90 = " + toml_number(o.backtest->c90, 4) + "\npunten = " +
         std::to_string(o.backtest->points) + "\n";
    if (o.backtest_horizon > 0) s += "horizon = " + std::to_string(o.backtest_horizon) + "\n";
  }
  return s + fragment_tables(c);
}

}  // namespace swv
