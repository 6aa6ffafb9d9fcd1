// kalibratie.json, terugtoets.json and the terminal text of kalibreer and terugtoets
// (calibration_report.h); the HTML page is in backtest_html.cpp.
#include <cmath>
#include <nlohmann/json.hpp>

#include "calibration_report.h"
#include "format_nl.h"
#include "fragment.h"

namespace swv {

namespace {

using json = nlohmann::ordered_json;

json num(double x) {
  if (!std::isfinite(x)) return nullptr;
  return std::round(x * 1e9) / 1e9;
}

json history_json(const std::string& file, const std::string& sha, Sector s) {
  return {{"bestand", file}, {"sha256", sha}, {"sector", sector_name(s)}};
}

std::string pad(const std::string& s, size_t width) {
  size_t chars = 0;  // UTF-8 characters, for the columns
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return s + std::string(chars < width ? width - chars : 1, ' ');
}

std::string years_span(const std::vector<int>& y) {
  if (y.empty()) return "";
  return y.size() == 1 ? std::to_string(y.front()) : std::to_string(y.front()) + "–" + std::to_string(y.back());
}

}  // namespace

std::string series_title(const std::string& key, Sector s) {
  if (key == "leerlingen_regulier") return s == Sector::Po ? "Reguliere leerlingen (BaO)" : "Reguliere leerlingen (VO)";
  if (key == "leerlingen_sbo") return "SBO-leerlingen";
  if (key == "leerlingen_pro") return "PrO-leerlingen";
  if (key == "leerlingen_so") return s == Sector::Po ? "SO-leerlingen" : "VSO-leerlingen";
  return key;
}

std::string calibration_json(const Calibration& c, const std::string& version) {
  json j;
  j["swvsim"] = version;
  j["historie"] = history_json(c.history_file, c.history_sha256, c.sector);
  j["jaren"] = c.years;
  j["methode"] = c.method;
  json est = json::object();
  for (const auto& e : c.estimates) {
    json o = {{"waarde", num(e.value)}, {"standaardfout", e.std_error ? num(*e.std_error) : json(nullptr)}};
    o["aangenomen"] = e.assumed();
    if (!e.years.empty()) o["jaren"] = e.years;
    o["methode"] = e.method;
    if (e.spread != Spread::None && e.sd > 0)
      o["verdeling"] = {{"verdeling", dist_name(e.dist)}, {"gemiddelde", num(e.value)}, {"sd", num(e.sd)}, {"per_jaar", e.spread == Spread::PerYear}};
    if (e.year_sd > 0) o["spreiding_per_jaar"] = num(e.year_sd);
    if (!e.note.empty()) o["toelichting"] = e.note;
    est[e.key] = o;
  }
  j["schattingen"] = est;
  const HistoryColumns cols = history_columns(c.sector);
  j["stroomkolommen"] = {{cols.special, c.special_flows}, {cols.so, c.so_flows}};
  j["niet_te_scheiden"] = c.not_separable;
  std::vector<std::string> warnings;
  for (const auto& d : c.diags.items()) warnings.push_back(d.format());
  j["waarschuwingen"] = warnings;
  return j.dump(2) + "\n";
}

std::string backtest_json(const Backtest& b, const std::string& version) {
  json j;
  j["swvsim"] = version;
  j["historie"] = history_json(b.history_file, b.history_sha256, b.sector);
  j["jaren"] = b.years;
  j["horizon"] = b.horizon;
  j["paden"] = b.paths;
  j["zaad"] = b.seed;
  auto cov = [](const Coverage& c) {
    return json{{"50", num(c.c50)}, {"90", num(c.c90)}, {"punten", c.points}, {"oordeel", verdict_word(verdict(c))}};
  };
  json d = json::object();
  for (const auto& [key, c] : b.coverage) d[key] = cov(c);
  d["alle"] = cov(b.all);
  j["dekking"] = d;
  j["oordeel"] = verdict_sentence(b.all);
  j["oorsprongen"] = b.origins;
  json pts = json::array();
  for (const auto& p : b.points)
    pts.push_back({{"reeks", p.series}, {"oorsprong", p.origin}, {"jaar", p.year}, {"werkelijk", num(p.actual)}, {"p5", num(p.p5)},
                   {"p25", num(p.p25)}, {"p50", num(p.p50)}, {"p75", num(p.p75)}, {"p95", num(p.p95)}});
  j["punten"] = pts;
  j["seconden"] = std::round(b.seconds * 1000) / 1000;
  return j.dump(2) + "\n";
}

std::string calibration_table(const Calibration& c) {
  std::string s = "Kalibratie uit " + escape_controls(c.history_file) + " (" + sector_name(c.sector) + ", teldata " + std::to_string(c.years.front()) + "–" +
                  std::to_string(c.years.back()) + ", " + std::to_string(c.years.size()) + " jaren)\n\n";
  s += pad("sleutel", 34) + pad("schatting", 12) + pad("standaardfout", 15) + "jaren\n";
  for (const auto& e : c.estimates) {
    s += pad(e.key, 34) + pad(estimate_text(e.key, e.value), 12);
    if (e.assumed()) s += pad("aanname", 15) + "\n";
    else s += pad(estimate_text(e.key, *e.std_error), 15) + years_span(e.years) + (e.spread == Spread::PerYear ? " (schommelt per jaar)" : "") + "\n";
  }
  if (!c.not_separable.empty()) {
    s += "\nNiet te scheiden uit deze historie:\n";
    for (const auto& n : c.not_separable) s += "- " + n + "\n";
  }
  return s;
}

std::string backtest_table(const Backtest& b) {
  std::string s = "Terugtoets op " + escape_controls(b.history_file) + ": oorsprongen " + std::to_string(b.origins.front()) + "–" + std::to_string(b.origins.back()) +
                  ", " + std::to_string(b.horizon) + (b.horizon == 1 ? " jaar" : " jaar") + " vooruit, " + int_nl(b.paths) + " paden per oorsprong\n\n";
  s += pad("reeks", 30) + pad("50%-band", 10) + pad("90%-band", 10) + pad("punten", 8) + "oordeel\n";
  auto row = [&](const std::string& name, const Coverage& c) {
    s += pad(name, 30) + pad(pct(c.c50, 0), 10) + pad(pct(c.c90, 0), 10) + pad(std::to_string(c.points), 8) + verdict_word(verdict(c)) + "\n";
  };
  for (const auto& [key, c] : b.coverage) row(series_title(key, b.sector), c);
  row("alle", b.all);
  s += "\nOordeel: " + verdict_sentence(b.all) + ".\n";
  return s;
}

std::string backtest_toml_snippet(const Backtest& b) {
  return "[kalibratie.terugtoets]\ndekking_50 = " + toml_number(b.all.c50, 4) + "\ndekking_90 = " + toml_number(b.all.c90, 4) + "\npunten = " +
         std::to_string(b.all.points) + "\nhorizon = " + std::to_string(b.horizon) + "\n";
}

}  // namespace swv
