#include "xlsx_report.h"

#include "diagnostics.h"

#include <xlsxwriter.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "decision_report.h"
#include "format_nl.h"
#include "report_paths.h"
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
using xlsx::wrap_header;
using xlsx::print_setup;
using xlsx::kMoneyWidth;

// Money unless the series counts pupils (leerlingen_*, wachtlijst_*), is a share (deelname_*,
// rentabiliteit: percentages) or a ratio (ratio_ev_baten, solvabiliteit 2, liquiditeit).
lxw_format* series_format(Book& b, const std::string& key) {
  if (key.rfind("leerlingen_", 0) == 0 || key.rfind("wachtlijst_", 0) == 0) return b.count;
  if (key.rfind("deelname_", 0) == 0) return b.percent2;  // two decimals: 2,90% against 2,82%
  if (key.rfind("ratio", 0) == 0) return b.ratio;  // two decimals: 0,81
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

// The equity against the signaleringswaarde and the ondergrens: a data block on this sheet (so the
// chart's references need no quoted sheet name) and a line chart anchored just below the year table,
// in the first screen. Monte Carlo: the bands P5..P95; deterministic: the one equity line (no band
// words). The norm lines have the colours of the HTML charts (palette.h).
void equity_chart(Book& b, lxw_worksheet* ws, const ReportInput& in, size_t first, size_t anchor_row) {
  const Result& r = in.result;
  const Series *ev = r.find("eigen_vermogen"), *sw = r.find("signaleringswaarde"), *og = r.find("ondergrens");
  if (!ev || r.years.empty()) return;
  struct Line {
    std::string name;
    const std::vector<double>* values;
    palette::Rgb colour;
    float width;
    bool dashed;
  };
  std::vector<Line> lines;
  if (in.monte_carlo()) {
    lines = {{"P5", &ev->p5, palette::kBand90, 1.0f, false},   {"P25", &ev->p25, palette::kBand50, 1.5f, false},
             {"P50", &ev->p50, palette::kMedian, 2.75f, false}, {"P75", &ev->p75, palette::kBand50, 1.5f, false},
             {"P95", &ev->p95, palette::kBand90, 1.0f, false}};
  } else {
    lines = {{"Eigen vermogen", &ev->mean, palette::kMedian, 2.75f, false}};
  }
  if (sw) lines.push_back({"Signaleringswaarde", &sw->mean, palette::kSignal, 2.0f, true});
  if (og) lines.push_back({"Ondergrens", &og->mean, palette::kFloor, 2.0f, true});
  b.text(ws, row(first), 0, "Grafiekgegevens eigen vermogen", b.bold);
  header(b, ws, row(first + 1), {"Jaar"});
  for (size_t k = 0; k < lines.size(); ++k) b.text(ws, row(first + 1), col(k + 1), lines[k].name, b.bold);
  for (size_t y = 0; y < r.years.size(); ++y) {
    lxw_row_t rr = row(first + 2 + y);
    b.number(ws, rr, 0, r.years[y], b.year);
    for (size_t k = 0; k < lines.size(); ++k) b.number(ws, rr, col(k + 1), at(*lines[k].values, y), b.money);
  }
  lxw_chart* chart = b.chart(LXW_CHART_LINE);
  if (!chart) return b.fail("geen geheugen voor de grafiek");
  chart_title_set_name(chart, in.monte_carlo() ? "Eigen vermogen: bandbreedte tegen signaleringswaarde en ondergrens"
                                               : "Eigen vermogen tegen signaleringswaarde en ondergrens");
  const lxw_row_t r0 = row(first + 2), r1 = row(first + 1 + r.years.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    if (!s) return b.fail("geen geheugen voor de grafiek");
    chart_series_set_categories(s, "Samenvatting", r0, 0, r1, 0);
    chart_series_set_values(s, "Samenvatting", r0, col(k + 1), r1, col(k + 1));
    chart_series_set_name(s, lines[k].name.c_str());
    lxw_chart_line line{};
    line.color = lines[k].colour, line.width = lines[k].width;
    if (lines[k].dashed) line.dash_type = LXW_CHART_LINE_DASH_DASH;
    chart_series_set_line(s, &line);
    chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
  }
  chart_axis_set_num_format(chart->y_axis, "€ #,##0");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options opt{};
  opt.x_scale = 1.6, opt.y_scale = 1.4;
  opt.x_offset = 4, opt.y_offset = 4;
  b.check(worksheet_insert_chart_opt(ws, row(anchor_row), 0, chart, &opt));
}

void summary_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  lxw_worksheet* ws = b.sheet("Samenvatting");
  const auto w = widths(ws, {{0, 0, 20}, {1, 5, 14}, {6, 9, kMoneyWidth}, {10, 10, 18}});
  b.text(ws, 0, 0, "Scenario", b.bold), b.text(ws, 0, 1, r.scenario_name);
  b.text(ws, 1, 0, "Omschrijving", b.bold), b.text(ws, 1, 1, r.scenario_description);
  b.text(ws, 2, 0, "Modus", b.bold), b.text(ws, 2, 1, mode_name(r.mode));
  b.text(ws, 3, 0, "Paden", b.bold), b.number(ws, 3, 1, static_cast<double>(r.paths), b.count);
  b.text(ws, 4, 0, "Zaad", b.bold), seed_cell(b, ws, 4, r.seed);

  // Per year: the two traffic lights (fill and word), the equity and the distance to the norm. In
  // deterministic mode the flags are ja/nee (numbers 1/0 shown as words), without chance words.
  const Series *ev = r.find("eigen_vermogen"), *sw = r.find("signaleringswaarde");
  const Series* dist = r.find("afstand_signaleringswaarde");  // eigen vermogen − signaleringswaarde, both ways
  const Probability* target = find_flag(r, "onder_streefvermogen");
  std::vector<std::string> head = mc ? std::vector<std::string>{"Jaar", "P(bovenmatig)", "Signaal", "P(onder ondergrens)", "Signaal",
                                                                "P(negatief)", "Eigen vermogen (gem.)", "Signaleringswaarde (gem.)",
                                                                "Afstand tot de norm (gem.)", "Afstand tot de norm (mediaan)"}
                                     : std::vector<std::string>{"Jaar", "Bovenmatig", "Signaal", "Onder ondergrens", "Signaal", "Negatief",
                                                                "Eigen vermogen", "Signaleringswaarde", "Afstand tot de norm", ""};
  if (target) head.push_back(mc ? "P(algemene reserve onder streefvermogen)" : "Algemene reserve onder streefvermogen");
  wrap_header(b, ws, 6, head, w);
  const char* flag_format = mc ? "0.0%" : Book::kYesNo;
  lxw_format* plain_flag = b.style({flag_format});
  size_t rr = 7;
  for (size_t y = 0; y < r.years.size(); ++y, ++rr) {
    b.number(ws, row(rr), 0, r.years[y], b.year);
    const Light excessive = light_excessive(in, y), floor = light_floor(in, y);
    b.number(ws, row(rr), 1, at(r.excessive.value, y), xlsx::light_style(b, excessive, flag_format));
    b.text(ws, row(rr), 2, light_name(excessive), xlsx::light_style(b, excessive, nullptr));
    b.number(ws, row(rr), 3, at(r.below_floor.value, y), xlsx::light_style(b, floor, flag_format));
    b.text(ws, row(rr), 4, light_name(floor), xlsx::light_style(b, floor, nullptr));
    b.number(ws, row(rr), 5, at(r.negative.value, y), plain_flag);
    b.number(ws, row(rr), 6, ev ? at(ev->mean, y) : NAN, b.money);
    b.number(ws, row(rr), 7, sw ? at(sw->mean, y) : NAN, b.money);
    b.number(ws, row(rr), 8, dist ? at(dist->mean, y) : NAN, b.money);
    if (mc) b.number(ws, row(rr), 9, dist ? at(dist->p50, y) : NAN, b.money);
    if (target) b.number(ws, row(rr), 10, at(target->value, y), plain_flag);
  }
  const ReportSettings st = in.settings();
  b.text(ws, row(rr++), 0,
         mc ? "Stoplicht bovenmatig: groen onder " + pct(st.excessive_orange, 0) + ", oranje vanaf " + pct(st.excessive_orange, 0) +
                  ", rood vanaf " + pct(st.excessive_red, 0) + " kans. Stoplicht ondergrens: groen onder " + pct(st.floor_orange, 0) +
                  ", oranje vanaf " + pct(st.floor_orange, 0) + ", rood vanaf " + pct(st.floor_red, 0) + " kans (instelbaar onder [rapport])."
            : std::string("Stoplicht: rood als de vlag geldt, anders groen."));

  // The chart in the first screen, just below the table; the conclusions below the chart.
  const size_t chart_row = rr + 1;
  rr = chart_row + 22;  // the chart is about 20 rows high
  b.text(ws, row(rr++), 0, "Conclusies", b.bold);
  std::vector<std::string> sentences = summary_sentences(in);
  for (size_t y = 0; y < r.years.size(); ++y) {
    sentences.push_back(excessive_sentence(in, y));
    sentences.push_back(floor_sentence(in, y));
  }
  for (const auto& s : sentences)
    if (!s.empty()) b.text(ws, row(rr++), 0, s);
  if (in.kaderbrief) {  // the kaderbrief figure as page 1 words it (kaderbrief_text.cpp)
    b.text(ws, row(rr++), 0, "Voor de kaderbrief: " + kaderbrief_headline(*in.kaderbrief), b.bold);
    b.text(ws, row(rr++), 0, kaderbrief_sentence(*in.kaderbrief));
    for (const std::string& n : kaderbrief_notes(*in.kaderbrief)) b.text(ws, row(rr++), 0, n);
  }
  equity_chart(b, ws, in, rr + 1, chart_row);
  print_setup(b, ws, r, "Samenvatting", 6, 6);
}

// Long format (reeks, jaar, statistics): one row per series and year, ready for a pivot table.
void percentile_sheet(Book& b, const Result& r) {
  lxw_worksheet* ws = b.sheet("Percentielen");
  const auto w = widths(ws, {{0, 0, 30}, {1, 1, 8}, {2, 7, kMoneyWidth}});
  wrap_header(b, ws, 0, {"Reeks", "Jaar", "Gemiddelde", "P5", "P25", "P50", "P75", "P95"}, w);
  print_setup(b, ws, r, "Percentielen", 0, 0);
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
  const auto w = widths(ws, {{0, 0, 14}, {1, 6 + 2 * std::max(r.more_flags.size(), r.years.size()), 18}});
  std::vector<std::string> head = {"Jaar", "P(bovenmatig)", "standaardfout", "P(onder ondergrens)", "standaardfout", "P(negatief)",
                                   "standaardfout"};
  std::vector<const Probability*> probs = {&r.excessive, &r.below_floor, &r.negative};
  for (const auto& [key, p] : r.more_flags) {  // onder_streefvermogen, the balance signals
    head.push_back("P(" + flag_words(key) + ")"), head.push_back("standaardfout");
    probs.push_back(&p);
  }
  wrap_header(b, ws, 0, head, w);
  print_setup(b, ws, r, "Kansen", 0, 0);
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
void buffer_block(Book& b, lxw_worksheet* ws, const Result& r, size_t rr, const std::vector<double>& w) {
  const std::pair<const char*, double> start[] = {{"Eigen vermogen bij de start", r.start_equity},
                                                  {"Bestemmingsreserves bij de start", r.start_equity - r.start_general_reserve},
                                                  {"Algemene reserve bij de start (beschikbaar)", r.start_general_reserve}};
  for (const auto& [label, value] : start) {
    b.text(ws, row(rr), 0, label, b.bold);
    b.number(ws, row(rr++), 3, value, b.money);
  }
  wrap_header(b, ws, row(++rr), {"Zekerheid", "Benodigd weerstandsvermogen", "Beschikbaar (algemene reserve)", "Ratio", "Klasse", "Oordeel"}, w);
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
  const auto w = widths(ws, {{0, 0, 22}, {1, 1, 36}, {2, 2, 10}, {3, 2 + 2 * n, kMoneyWidth}});
  std::vector<std::string> head = {"Code", "Risico", "Kant"};
  for (size_t y = 0; y < n; ++y) head.push_back("verwacht " + std::to_string(r.years[y]));
  for (size_t y = 0; y < n; ++y) head.push_back("opgetreden " + std::to_string(r.years[y]));
  wrap_header(b, ws, 0, head, w);
  print_setup(b, ws, r, "Risico's", 0, 0);
  size_t rr = 1;
  if (r.risks.empty()) b.text(ws, row(rr++), 0, "Geen risico's per pad (alleen in Monte Carlo-modus)");
  for (const RiskResult& k : r.risks) {
    b.text(ws, row(rr), 0, k.code), b.text(ws, row(rr), 1, k.lasting ? k.name + " (blijvend)" : k.name);
    b.text(ws, row(rr), 2, k.lost_income ? "baten" : "lasten");  // as in the scenario; its line is a korting
    per_year(b, ws, rr, 3, n, k.expected, b.money);
    per_year(b, ws, rr++, 3 + n, n, k.hit_share, b.percent);
  }
  if (!r.expected_risk_cost.empty()) {
    b.text(ws, row(rr), 0, "verwachte_risicolast", b.bold), b.text(ws, row(rr), 1, "Verwachte risicolast (totaal)");
    per_year(b, ws, rr++, 3, n, r.expected_risk_cost, b.money);
  }

  buffer_block(b, ws, r, rr + 1, w);
}

void input_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  lxw_worksheet* ws = b.sheet("Invoer");
  widths(ws, {{0, 0, 30}, {1, 1, 60}, {2, 2, 66}});
  print_setup(b, ws, r, "Invoer", 0, 0);
  size_t rr = 0;
  auto pair = [&](const std::string& k, const std::string& v) {
    b.text(ws, row(rr), 0, k, b.bold), b.text(ws, row(rr++), 1, v);
  };
  auto num = [&](const std::string& k, double v, lxw_format* f) {
    b.text(ws, row(rr), 0, k, b.bold), b.number(ws, row(rr++), 1, v, f);
  };
  pair("Engine-versie", r.engine_version);
  pair("Scenario", r.scenario_name);
  b.text(ws, row(rr), 0, "Scenariobestand", b.bold), b.text(ws, row(rr), 1, escape_controls(report_file(r, r.scenario_file)));  // a file name may hold anything
  b.text(ws, row(rr++), 2, r.scenario_sha256);
  if (in.scenario) {
    std::string rules;
    for (const auto& line : rules_words(*in.scenario)) rules += (rules.empty() ? "" : "; ") + line;
    pair("Regels", rules);
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
    b.text(ws, row(++rr), 0, f.role), b.text(ws, row(rr), 1, escape_controls(f.path)), b.text(ws, row(rr), 2, f.sha256);
  rr += 2;
  b.text(ws, row(rr++), 0, "Waarschuwingen", b.bold);
  if (r.warnings.empty()) b.text(ws, row(rr++), 0, "geen");
  for (const auto& w : report_warnings(r)) b.text(ws, row(rr++), 0, w);
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
    xlsx::mjb_list_sheet(b, in);  // after the six fixed sheets: their order and numbers stay
    return b.close();
  });
}

}  // namespace swv
