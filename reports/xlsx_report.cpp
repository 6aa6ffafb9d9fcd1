#include "xlsx_report.h"

#include <xlsxwriter.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "report_text.h"
#include "report_terms.h"
#include "xlsx_parts.h"

namespace swv {

namespace {

using xlsx::at;
using xlsx::col;
using xlsx::header;
using xlsx::per_year;
using xlsx::row;
using xlsx::widths;

// Money unless the series counts pupils (leerlingen_*, wachtlijst_*), is a share (deelname_*,
// rentabiliteit: percentages) or a ratio (ratio_ev_baten, solvabiliteit 2, liquiditeit).
lxw_format* series_format(Book& b, const std::string& key) {
  if (key.rfind("leerlingen_", 0) == 0 || key.rfind("wachtlijst_", 0) == 0) return b.count;
  if (key.rfind("deelname_", 0) == 0) return b.percent2;  // two decimals: 2,90% against 2,82%
  if (key.rfind("ratio", 0) == 0) return b.decimal;
  if (key == "solvabiliteit_2" || key == "liquiditeit") return b.ratio;
  if (key == "rentabiliteit") return b.percent;
  return b.money;
}

const char* mode_name(Mode m) { return m == Mode::MonteCarlo ? "Monte Carlo" : "deterministisch"; }

// A seed above 2^53 is not exact as a double: keep it as text then.
void seed_cell(Book& b, lxw_worksheet* ws, lxw_row_t r, uint64_t seed) {
  if (seed <= (uint64_t{1} << 53))
    b.number(ws, r, 1, static_cast<double>(seed), b.year);
  else
    b.text(ws, r, 1, std::to_string(seed));
}

// The paths' equity bands against the signaleringswaarde and the ondergrens: a data block on this
// sheet (so the chart's references need no quoted sheet name) and a line chart beside the table.
void equity_chart(Book& b, lxw_worksheet* ws, const Result& r, size_t first, size_t chart_col) {
  const Series *ev = r.find("eigen_vermogen"), *sw = r.find("signaleringswaarde"), *og = r.find("ondergrens");
  if (!ev || r.years.empty()) return;
  b.text(ws, row(first), 0, "Grafiekgegevens eigen vermogen", b.bold);
  const std::vector<std::string> names = {"P5", "P25", "P50", "P75", "P95", "Signaleringswaarde", "Ondergrens"};
  header(b, ws, row(first + 1), {"Jaar"});
  header(b, ws, row(first + 1), names, 1);
  for (size_t y = 0; y < r.years.size(); ++y) {
    lxw_row_t rr = row(first + 2 + y);
    b.number(ws, rr, 0, r.years[y], b.year);
    const double v[] = {at(ev->p5, y), at(ev->p25, y), at(ev->p50, y), at(ev->p75, y), at(ev->p95, y),
                        sw ? at(sw->mean, y) : NAN, og ? at(og->mean, y) : NAN};
    for (size_t k = 0; k < names.size(); ++k) b.number(ws, rr, col(k + 1), v[k], b.money);
  }
  lxw_chart* chart = b.chart(LXW_CHART_LINE);
  if (!chart) return b.fail("geen geheugen voor de grafiek");
  chart_title_set_name(chart, "Eigen vermogen: bandbreedte tegen signaleringswaarde en ondergrens");
  // Outer band light and thin, inner band darker, the median thick; the norms dashed.
  const lxw_color_t colors[] = {0x9DC3E6, 0x2E75B6, 0x1F3864, 0x2E75B6, 0x9DC3E6, 0xC00000, 0x000000};
  const float line_widths[] = {1.0f, 1.5f, 2.75f, 1.5f, 1.0f, 2.0f, 2.0f};
  const lxw_row_t r0 = row(first + 2), r1 = row(first + 1 + r.years.size());
  for (size_t k = 0; k < names.size(); ++k) {
    if ((k == 5 && !sw) || (k == 6 && !og)) continue;
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    if (!s) return b.fail("geen geheugen voor de grafiek");
    chart_series_set_categories(s, "Samenvatting", r0, 0, r1, 0);
    chart_series_set_values(s, "Samenvatting", r0, col(k + 1), r1, col(k + 1));
    chart_series_set_name(s, names[k].c_str());
    lxw_chart_line line{};
    line.color = colors[k], line.width = line_widths[k];
    if (k >= 5) line.dash_type = LXW_CHART_LINE_DASH_DASH;
    chart_series_set_line(s, &line);
    chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
  }
  chart_axis_set_num_format(chart->y_axis, "€ #,##0");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options opt{};
  opt.x_scale = 1.6, opt.y_scale = 1.5;
  b.check(worksheet_insert_chart_opt(ws, 7, col(chart_col), chart, &opt));
}

void summary_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  lxw_worksheet* ws = b.sheet("Samenvatting");
  widths(ws, {{0, 0, 20}, {1, 10, 16}});
  b.text(ws, 0, 0, "Scenario", b.bold), b.text(ws, 0, 1, r.scenario_name);
  b.text(ws, 1, 0, "Omschrijving", b.bold), b.text(ws, 1, 1, r.scenario_description);
  b.text(ws, 2, 0, "Modus", b.bold), b.text(ws, 2, 1, mode_name(r.mode));
  b.text(ws, 3, 0, "Paden", b.bold), b.number(ws, 3, 1, static_cast<double>(r.paths), b.count);
  b.text(ws, 4, 0, "Zaad", b.bold), seed_cell(b, ws, 4, r.seed);

  const Series *ev = r.find("eigen_vermogen"), *sw = r.find("signaleringswaarde");
  header(b, ws, 6, {"Jaar", "P(bovenmatig)", "Signaal", "P(onder ondergrens)", "Signaal", "P(negatief)",
                    "Eigen vermogen (gem.)", "Signaleringswaarde (gem.)", "Afstand tot de norm (gem.)", "Afstand tot de norm (mediaan)"});
  const Series* dist = r.find("afstand_signaleringswaarde");  // eigen vermogen − signaleringswaarde, both ways
  const Probability* target = find_flag(r, "onder_streefvermogen");
  if (target) b.text(ws, 6, 10, "P(algemene reserve onder streefvermogen)", b.bold);
  size_t rr = 7;
  for (size_t y = 0; y < r.years.size(); ++y, ++rr) {
    b.number(ws, row(rr), 0, r.years[y], b.year);
    b.number(ws, row(rr), 1, at(r.excessive.value, y), b.percent);
    b.text(ws, row(rr), 2, light_name(light_excessive(in, y)));
    b.number(ws, row(rr), 3, at(r.below_floor.value, y), b.percent);
    b.text(ws, row(rr), 4, light_name(light_floor(in, y)));
    b.number(ws, row(rr), 5, at(r.negative.value, y), b.percent);
    b.number(ws, row(rr), 6, ev ? at(ev->mean, y) : NAN, b.money);
    b.number(ws, row(rr), 7, sw ? at(sw->mean, y) : NAN, b.money);
    b.number(ws, row(rr), 8, dist ? at(dist->mean, y) : NAN, b.money);
    b.number(ws, row(rr), 9, dist ? at(dist->p50, y) : NAN, b.money);
    if (target) b.number(ws, row(rr), 10, at(target->value, y), b.percent);
  }

  // The conclusions in words: the headline sentences, then per year the two norms.
  b.text(ws, row(++rr), 0, "Conclusies", b.bold);
  rr++;
  std::vector<std::string> sentences = summary_sentences(in);
  for (size_t y = 0; y < r.years.size(); ++y) {
    sentences.push_back(excessive_sentence(in, y));
    sentences.push_back(floor_sentence(in, y));
  }
  for (const auto& s : sentences)
    if (!s.empty()) b.text(ws, row(rr++), 0, s);
  equity_chart(b, ws, r, rr + 1, target ? 12 : 11);
}

// Long format (reeks, jaar, statistics): one row per series and year, ready for a pivot table.
void percentile_sheet(Book& b, const Result& r) {
  lxw_worksheet* ws = b.sheet("Percentielen");
  widths(ws, {{0, 0, 22}, {2, 7, 14}});
  header(b, ws, 0, {"Reeks", "Jaar", "Gemiddelde", "P5", "P25", "P50", "P75", "P95"});
  worksheet_freeze_panes(ws, 1, 0);
  size_t rr = 1;
  for (const Series& s : r.series) {
    lxw_format* f = series_format(b, s.key);
    for (size_t y = 0; y < r.years.size(); ++y, ++rr) {
      b.text(ws, row(rr), 0, s.key);
      b.number(ws, row(rr), 1, r.years[y], b.year);
      const std::vector<double>* stats[] = {&s.mean, &s.p5, &s.p25, &s.p50, &s.p75, &s.p95};
      for (size_t k = 0; k < 6; ++k) b.number(ws, row(rr), col(2 + k), at(*stats[k], y), f);
    }
  }
  if (rr > 1) worksheet_autofilter(ws, 0, 0, row(rr - 1), 7);
}

void chance_sheet(Book& b, const Result& r) {
  lxw_worksheet* ws = b.sheet("Kansen");
  widths(ws, {{0, 0, 14}, {1, 6 + 2 * r.more_flags.size(), 18}});
  header(b, ws, 0, {"Jaar", "P(bovenmatig)", "standaardfout", "P(onder ondergrens)", "standaardfout", "P(negatief)",
                    "standaardfout"});
  std::vector<const Probability*> probs = {&r.excessive, &r.below_floor, &r.negative};
  for (const auto& [key, p] : r.more_flags) {  // onder_streefvermogen, the balance signals
    header(b, ws, 0, {"P(" + flag_words(key) + ")", "standaardfout"}, col(1 + 2 * probs.size()));
    probs.push_back(&p);
  }
  for (size_t y = 0; y < r.years.size(); ++y) {
    b.number(ws, row(1 + y), 0, r.years[y], b.year);
    for (size_t k = 0; k < probs.size(); ++k) {
      b.number(ws, row(1 + y), col(1 + 2 * k), at(probs[k]->value, y), b.percent);
      b.number(ws, row(1 + y), col(2 + 2 * k), at(probs[k]->std_error, y), b.percent);
    }
  }
  // Beleidsregels: the share of paths in which each rule fired, per year.
  size_t rr = r.years.size() + 2;
  b.text(ws, row(rr), 0, "Beleidsregel (aandeel paden waarin de regel werkte)", b.bold);
  header(b, ws, row(++rr), {"Regel"});
  for (size_t y = 0; y < r.years.size(); ++y) b.number(ws, row(rr), col(1 + y), r.years[y], b.bold);
  for (const auto& [rule, shares] : r.policy_fired) {
    b.text(ws, row(++rr), 0, rule);
    per_year(b, ws, rr, 1, r.years.size(), shares, b.percent);
  }
}

// Weerstandsvermogen: beschikbaar (the algemene reserve at the start) against benodigd per
// confidence level, the ratio and its NAR class; then the definition and the NAR scale.
void buffer_block(Book& b, lxw_worksheet* ws, const Result& r, size_t rr) {
  const std::pair<const char*, double> start[] = {{"Eigen vermogen bij de start", r.start_equity},
                                                  {"Bestemmingsreserves bij de start", r.start_equity - r.start_general_reserve},
                                                  {"Algemene reserve bij de start (beschikbaar)", r.start_general_reserve}};
  for (const auto& [label, value] : start) {
    b.text(ws, row(rr), 0, label, b.bold);
    b.number(ws, row(rr++), 3, value, b.money);
  }
  header(b, ws, row(++rr), {"Zekerheid", "Benodigd weerstandsvermogen", "Beschikbaar (algemene reserve)", "Ratio", "Klasse", "Oordeel"});
  if (r.buffers.empty()) b.text(ws, row(++rr), 0, "Geen benodigd weerstandsvermogen (alleen in Monte Carlo-modus)");
  for (const BufferResult& f : r.buffers) {
    const BufferVerdict v = buffer_verdict(r.start_general_reserve, f.required);
    b.number(ws, row(++rr), 0, f.confidence, b.percent);
    b.number(ws, row(rr), 1, f.required, b.money);
    b.number(ws, row(rr), 2, r.start_general_reserve, b.money);
    std::isfinite(v.ratio) ? b.number(ws, row(rr), 3, v.ratio, b.ratio) : b.text(ws, row(rr), 3, v.ratio_text);
    b.text(ws, row(rr), 4, std::string(1, v.nar.letter));
    b.text(ws, row(rr), 5, v.nar.label);
  }
  rr += 2;
  b.text(ws, row(rr++), 0, kBufferDefinition);
  header(b, ws, row(++rr), {"Klasse", "Ratio beschikbaar / benodigd", "Oordeel"});
  for (const NarRow& n : nar_scale()) b.text(ws, row(++rr), 0, n.letter), b.text(ws, row(rr), 1, n.range), b.text(ws, row(rr), 2, n.label);
}

void risk_sheet(Book& b, const Result& r) {
  lxw_worksheet* ws = b.sheet("Risico's");
  const size_t n = r.years.size();
  widths(ws, {{0, 0, 22}, {1, 1, 36}, {2, 3 + 2 * n, 16}});
  header(b, ws, 0, {"Code", "Risico", "Kant"});
  for (size_t y = 0; y < n; ++y) {
    b.text(ws, 0, col(3 + y), "verwacht " + std::to_string(r.years[y]), b.bold);
    b.text(ws, 0, col(3 + n + y), "opgetreden " + std::to_string(r.years[y]), b.bold);
  }
  size_t rr = 1;
  if (r.risks.empty()) b.text(ws, row(rr++), 0, "Geen risico's per pad (alleen in Monte Carlo-modus)");
  for (const RiskResult& k : r.risks) {
    b.text(ws, row(rr), 0, k.code), b.text(ws, row(rr), 1, k.name);
    b.text(ws, row(rr), 2, k.lost_income ? "baten" : "lasten");  // as in the scenario; its line is a korting
    per_year(b, ws, rr, 3, n, k.expected, b.money);
    per_year(b, ws, rr++, 3 + n, n, k.hit_share, b.percent);
  }
  if (!r.expected_risk_cost.empty()) {
    b.text(ws, row(rr), 0, "verwachte_risicolast", b.bold), b.text(ws, row(rr), 1, "Verwachte risicolast (totaal)");
    per_year(b, ws, rr++, 3, n, r.expected_risk_cost, b.money);
  }

  buffer_block(b, ws, r, rr + 1);
}

void input_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  lxw_worksheet* ws = b.sheet("Invoer");
  widths(ws, {{0, 0, 24}, {1, 1, 60}, {2, 2, 66}});
  size_t rr = 0;
  auto pair = [&](const std::string& k, const std::string& v) {
    b.text(ws, row(rr), 0, k, b.bold), b.text(ws, row(rr++), 1, v);
  };
  auto num = [&](const std::string& k, double v, lxw_format* f) {
    b.text(ws, row(rr), 0, k, b.bold), b.number(ws, row(rr++), 1, v, f);
  };
  pair("Engine-versie", r.engine_version);
  pair("Scenario", r.scenario_name);
  b.text(ws, row(rr), 0, "Scenariobestand", b.bold), b.text(ws, row(rr), 1, r.scenario_file);
  b.text(ws, row(rr++), 2, r.scenario_sha256);
  if (in.scenario) {
    pair("Regels", in.scenario->rules.name.empty() ? in.scenario->rules.file : in.scenario->rules.name);
    pair("Bron regels", in.scenario->rules.source);
  }
  pair("Modus", mode_name(r.mode));
  b.text(ws, row(rr), 0, "Zaad", b.bold), seed_cell(b, ws, row(rr++), r.seed);
  num("Paden", static_cast<double>(r.paths), b.count);
  num("Threads", r.threads, b.count);
  num("Rekentijd (seconden)", r.seconds, b.decimal);
  pair("Percentielmethode", r.percentile_method);
  num("Signaleringswaarde percentage", r.signal_percentage, b.percent);
  num("Signaleringswaarde minimum", r.signal_minimum, b.money);

  header(b, ws, row(++rr), {"Invoerbestand", "Pad", "SHA-256"});
  for (const InputFile& f : r.inputs)
    b.text(ws, row(++rr), 0, f.role), b.text(ws, row(rr), 1, f.path), b.text(ws, row(rr), 2, f.sha256);
  rr += 2;
  b.text(ws, row(rr++), 0, "Waarschuwingen", b.bold);
  if (r.warnings.empty()) b.text(ws, row(rr++), 0, "geen");
  for (const auto& w : r.warnings) b.text(ws, row(rr++), 0, w);
  if (!in.scenario) return;
  header(b, ws, row(++rr), {"Aanname", "Omschrijving"});
  for (const Assumption& a : assumptions(*in.scenario)) b.text(ws, row(++rr), 0, a.key), b.text(ws, row(rr), 1, a.text);
}

}  // namespace

void write_xlsx(const ReportInput& in, const std::string& path) {
  write_via_temp(path, [&](const std::string& tmp) {
    Book b(tmp);
    summary_sheet(b, in);
    xlsx::mjb_sheet(b, in);
    percentile_sheet(b, in.result);
    chance_sheet(b, in.result);
    risk_sheet(b, in.result);
    input_sheet(b, in);
    return b.close();
  });
}

}  // namespace swv
