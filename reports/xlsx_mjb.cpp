// The MJB sheet of the controller's workbook in the classic meerjarenbegroting layout: per year the
// columns plan | verwacht | P5 | P95 (Monte Carlo) or one column plan (deterministic); the lines grouped
// in baten, kortingen and lasten with their totals; saldo; the equity roll-forward (eigen vermogen
// 1-1 + resultaat = 31-12, next year's 1-1 = this year's 31-12). Totals, saldo and the roll-forward
// are Excel formulas with the engine's number as cached result, written only where the formula
// equals that number (sums of lines in the plan and verwacht columns: means add up); percentile
// columns hold values (P5 of a sum is not the sum of the P5s). Columns A–E (code, post, groep, kant,
// soort) identify each row as on MJB-lijst, so the sheet filters and a script finds a row by code.
// "plan" is the deterministic budget after expected realisation (the amounts that add up to its
// totals); "begroot" means the amount before realisation in every format and stays on MJB-lijst.
// The signals, participation and the meerjarenbalans are in xlsx_mjb_signals.cpp.
#include <xlsxwriter.h>

#include <map>

#include "format_nl.h"
#include "report_terms.h"
#include "xlsx_mjb_parts.h"
#include "xlsx_parts.h"

namespace swv::xlsx {

namespace {

// The plan column's formula for a norm or a part of equity (issue 27: they follow the lines when a
// controller edits a post), with what it computes from the plan's own figures: the
// signaleringswaarde MAX(percentage × totale baten, minimum), the algemene reserve eigen vermogen −
// bestemmingsreserves, the afstand eigen vermogen − signaleringswaarde. Empty when the rows it needs
// are not on the sheet. formula_or_value writes it only where it gives the engine's figure.
PlanFormula plan_formula(const Mjb& m, const std::string& key, size_t y) {
  const size_t c = m.column(y, 0);
  auto row = [&](const char* k) { return m.rows.count(k) ? m.rows.at(k) : size_t{0}; };
  auto plan = [&](const char* k) { return m.series(k, kPlan, y); };
  const Result& r = m.in.result;
  if (key == "signaleringswaarde" && row("totale_baten"))
    return {"=MAX(" + num_plain(r.signal_percentage) + "*" + ref(row("totale_baten"), c) + "," + num_plain(r.signal_minimum) + ")",
            signaleringswaarde(plan("totale_baten"), r.signal_percentage, r.signal_minimum)};
  if (key == "algemene_reserve" && row("eigen_vermogen")) {
    if (!m.rows.count("bestemmingsreserves")) return {"=" + ref(row("eigen_vermogen"), c), plan("eigen_vermogen")};
    return {"=" + ref(row("eigen_vermogen"), c) + "-" + ref(row("bestemmingsreserves"), c), plan("eigen_vermogen") - plan("bestemmingsreserves")};
  }
  if (key == "afstand_signaleringswaarde" && row("eigen_vermogen") && row("signaleringswaarde"))
    return {"=" + ref(row("eigen_vermogen"), c) + "-" + ref(row("signaleringswaarde"), c), plan("eigen_vermogen") - plan("signaleringswaarde")};
  return {};
}

// A row of a series: plan and verwacht its mean, P5 and P95 its percentiles; in the plan column a
// formula where plan_formula has one.
void series_row(Mjb& m, const char* key, const std::string& name, const std::string& group, lxw_format* f = nullptr,
                size_t formula_row_hint = 0) {
  const Result* any = m.mc ? m.mc : m.plan;
  if (!any || !any->find(key)) return;
  m.rows[key] = m.rr;
  if (formula_row_hint) m.rows["bestemmingsreserves"] = formula_row_hint;  // written just after this row
  m.label(key, name, group, "", "bedrag");
  for (size_t y = 0; y < m.years; ++y)
    for (size_t k = 0; k < m.kinds.size(); ++k) {
      lxw_format* fmt = f ? f : money(m, m.kinds[k]);
      const double cached = m.series(key, m.kinds[k], y);
      const PlanFormula pf = m.kinds[k] == kPlan && m.plan ? plan_formula(m, key, y) : PlanFormula{};
      if (!pf.text.empty()) m.formula_or_value(y, k, pf.text, pf.computed, cached, fmt);
      else m.value(y, k, cached, fmt);
    }
  ++m.rr;
}

// Baten, kortingen or lasten: the lines, then the total as SUM over exactly those line cells.
// Returns the row of the total.
size_t side_block(Mjb& m, Side side) {
  const Result& r = m.in.result;
  const char* key = side == Side::Income ? "totale_baten" : side == Side::Reduction ? "kortingen" : "totale_lasten";
  m.group_row(side_title(side));
  std::map<std::string, const LineResult*> plan_lines;
  if (m.plan)
    for (const LineResult& l : m.plan->lines) plan_lines[l.code] = &l;
  const size_t first = m.rr;
  std::vector<std::vector<double>> sums(m.years, std::vector<double>(m.kinds.size(), 0.0));
  for (const LineResult& l : r.lines) {
    if (l.side != side) continue;
    m.label(l.code, l.name, l.group, side_name(side), "bedrag");
    const auto p = plan_lines.find(l.code);
    for (size_t y = 0; y < m.years; ++y) {
      const double v[] = {p != plan_lines.end() ? at(p->second->realised, y) : NAN, m.mc ? at(l.realised, y) : NAN};
      for (size_t k = 0; k < m.kinds.size() && k < 2; ++k) {
        m.value(y, k, v[k], money(m, m.kinds[k]));
        sums[y][k] += std::isfinite(v[k]) ? v[k] : NAN;
      }
    }
    ++m.rr;
  }
  const size_t last = m.rr;  // one past the last line
  const std::string title = side == Side::Income ? "Totale baten" : side == Side::Reduction ? "Totale kortingen" : "Totale lasten";
  m.label(key, title, "", side_name(side), "totaal", m.b.bold);
  for (size_t y = 0; y < m.years; ++y)
    for (size_t k = 0; k < m.kinds.size(); ++k) {
      const Kind kind = m.kinds[k];
      const double cached = m.series(key, kind, y);
      lxw_format* f = money(m, kind, true);
      if (kind >= kP5 || last == first) {
        m.value(y, k, cached, f);
        continue;
      }
      const size_t c = m.column(y, k);
      m.formula_or_value(y, k, "=SUM(" + ref(first, c) + ":" + ref(last - 1, c) + ")", sums[y][k], cached, f);
    }
  return m.rr++;
}

// Saldo, then eigen vermogen 1-1 + resultaat = eigen vermogen 31-12, year after year.
void result_block(Mjb& m, size_t baten, size_t kortingen, size_t lasten) {
  const size_t saldo = m.rr;
  m.label("saldo", "Saldo (baten − kortingen − lasten)", "", "", "totaal", m.b.bold);
  for (size_t y = 0; y < m.years; ++y)
    for (size_t k = 0; k < m.kinds.size(); ++k) {
      const Kind kind = m.kinds[k];
      const double cached = m.series("saldo", kind, y);
      if (kind >= kP5) {
        m.value(y, k, cached, money(m, kind, true));
        continue;
      }
      const size_t c = m.column(y, k);
      const double computed = m.series("totale_baten", kind, y) - m.series("kortingen", kind, y) - m.series("totale_lasten", kind, y);
      m.formula_or_value(y, k, "=" + ref(baten, c) + "-" + ref(kortingen, c) + "-" + ref(lasten, c), computed, cached, money(m, kind, true));
    }
  m.rr += 2;

  m.group_row("Eigen vermogen");
  const size_t begin = m.rr, result = begin + 1, end = begin + 2;
  m.label("eigen_vermogen_begin", "Eigen vermogen 1-1", "", "", "bedrag");
  m.rr = result;
  m.label("resultaat", "Resultaat (saldo)", "", "", "bedrag");
  m.rr = end;
  m.rows["eigen_vermogen"] = end;
  m.label("eigen_vermogen", "Eigen vermogen 31-12", "", "", "totaal", m.b.bold);
  for (size_t y = 0; y < m.years; ++y)
    for (size_t k = 0; k < m.kinds.size(); ++k) {
      const Kind kind = m.kinds[k];
      const Result* src = m.source(kind);
      if (!src) continue;
      const size_t c = m.column(y, k);
      const double start = y == 0 ? src->start_equity : m.series("eigen_vermogen", kind, y - 1);
      const double res = m.series("saldo", kind, y), ev = m.series("eigen_vermogen", kind, y);
      m.rr = begin;
      if (kind >= kP5 || y == 0)
        m.value(y, k, start, money(m, kind));  // P5 of 1-1 is P5 of the previous 31-12: the same amount
      else
        m.formula_or_value(y, k, "=" + ref(end, m.column(y - 1, k)), start, start, money(m, kind));
      m.rr = result;
      kind >= kP5 ? m.value(y, k, res, money(m, kind)) : m.formula_or_value(y, k, "=" + ref(saldo, c), res, res, money(m, kind));
      m.rr = end;
      kind >= kP5 ? m.value(y, k, ev, money(m, kind, true))
                  : m.formula_or_value(y, k, "=" + ref(begin, c) + "+" + ref(result, c), start + res, ev, money(m, kind, true));
    }
  m.rr = end + 1;
}

// The parts of the equity and the norms: values (the mean, or the percentile).
void norm_rows(Mjb& m) {
  const Result& r = m.in.result;
  const auto reserves = reserve_series(m.in);
  const bool earmarked = (!reserves.empty() || any_nonzero(r.find("bestemmingsreserves"))) && (m.mc ? m.mc : m.plan)->find("bestemmingsreserves");
  series_row(m, "algemene_reserve", "Algemene reserve 31-12", "reserves", nullptr, earmarked ? m.rr + 1 : 0);
  if (earmarked) series_row(m, "bestemmingsreserves", "Bestemmingsreserves 31-12", "reserves");
  for (const auto& x : reserves) series_row(m, x.series->key.c_str(), "Bestemmingsreserve " + x.label, "reserves");
  ++m.rr;
  m.group_row("Normen");
  series_row(m, "streefvermogen", "Streefvermogen (algemene reserve)", "normen");
  series_row(m, "signaleringswaarde", "Signaleringswaarde", "normen");
  series_row(m, "ondergrens", "Ondergrens", "normen");
  series_row(m, "afstand_signaleringswaarde", "Afstand tot de norm (eigen vermogen − signaleringswaarde)", "normen");
  if (!r.expected_risk_cost.empty()) {
    m.label("verwachte_risicolast", "Verwachte risicolast (register)", "risico's", "", "bedrag");
    for (size_t y = 0; y < m.years; ++y) {
      if (m.plan) m.value(y, 0, at(m.plan->expected_risk_cost, y), money(m, kPlan));
      if (m.mc) m.value(y, 1, at(m.mc->expected_risk_cost, y), money(m, kMean));
    }
    ++m.rr;
  }
}

void header_rows(Mjb& m, const std::vector<double>& w) {
  const Result& r = m.in.result;
  m.b.text(m.ws, 0, 0, "Meerjarenbegroting " + std::to_string(r.years.front()) + "–" + std::to_string(r.years.back()) + ": " + r.scenario_name,
           m.b.style({nullptr, true}));
  const std::string cols =
      m.mc ? "Per jaar: plan = de meerjarenbegroting met elke onzekere aanname op haar verwachting, na de verwachte realisatie "
             "(onderbesteding), zonder risico's; verwacht = het gemiddelde over " + std::to_string(r.paths) +
             " doorrekeningen met onzekerheid en risico's; P5 en P95 = 5e en 95e percentiel daarvan."
           : "Plan: de meerjarenbegroting met elke onzekere aanname op haar verwachting, na de verwachte realisatie (onderbesteding).";
  m.b.text(m.ws, 1, 0, cols);
  const std::string live = "de totalen, het saldo, de vermogensaansluiting (eigen vermogen 1-1, resultaat, eigen vermogen 31-12) en in de "
                          "kolom plan ook de algemene reserve, de signaleringswaarde, de afstand tot de norm en de signalen (ja/nee)";
  m.b.text(m.ws, 2, 0, m.mc ? "Formules (rekenen mee als u een post aanpast): " + live + "; de totalen, het saldo en de vermogensaansluiting ook in de kolom "
                               "verwacht. Waarden uit de doorrekening (rekenen niet mee): de bestemmingsreserves, de ondergrens en het streefvermogen "
                               "(invoer), de kansen en de rest van de kolom verwacht, deelname, en de kolommen P5 en P95 (het percentiel van een totaal "
                               "is niet de som van de percentielen)."
                             : "Formules (rekenen mee als u een post aanpast): " + live + ". Waarden uit de doorrekening (rekenen niet mee): de "
                               "bestemmingsreserves, de ondergrens en het streefvermogen (invoer) en deelname.");
  m.b.text(m.ws, 3, 0, "Begroot (het bedrag vóór realisatie) en de lange tabel om te filteren staan op het blad MJB-lijst.");
  static const char* names[] = {"plan", "verwacht", "P5", "P95"};
  lxw_format* year = m.b.style({"0", true, palette::kFillGroup, false, false, false, false, true});
  lxw_format* sub = m.b.style({nullptr, true, palette::kFillGroup, false, true, false, false, true});
  wrap_header(m.b, m.ws, 4, {"Code", "Post", "Groep", "Kant", "Soort"}, w);
  for (size_t c = 0; c < kFirstYearCol; ++c) worksheet_write_blank(m.ws, 5, col(c), sub);
  for (size_t y = 0; y < m.years; ++y) {
    const size_t c0 = m.column(y, 0), c1 = m.column(y, m.kinds.size() - 1);
    if (c1 > c0) m.b.check(worksheet_merge_range(m.ws, 4, col(c0), 4, col(c1), "", year));
    m.b.number(m.ws, 4, col(c0), r.years[y], year);
    for (size_t k = 0; k < m.kinds.size(); ++k) m.b.text(m.ws, 5, col(m.column(y, k)), names[m.kinds[k]], sub);
  }
}

}  // namespace

void mjb_sheet(Book& b, const ReportInput& in) {
  const Result& r = in.result;
  const bool mc = in.monte_carlo();
  lxw_worksheet* ws = b.sheet("MJB");
  Mjb m{b, ws, in, mc ? in.deterministic : &r, mc ? &r : nullptr, r.years.size(), {}, 6, {}};
  m.kinds = mc ? std::vector<Kind>{kPlan, kMean, kP5, kP95} : std::vector<Kind>{kPlan};
  if (m.years == 0) return print_setup(b, ws, r, "MJB", 0, 0);
  const auto w = widths(ws, {{0, 0, 22}, {1, 1, 46}, {2, 2, 13}, {3, 4, 10}, {kFirstYearCol, m.last_column(), kMoneyWidth}});
  header_rows(m, w);
  worksheet_freeze_panes(ws, 6, 2);
  size_t total[3] = {0, 0, 0};
  for (size_t i = 0; i < 3; ++i) total[i] = side_block(m, kSideOrder[i]);
  m.rows["totale_baten"] = total[0];
  ++m.rr;
  result_block(m, total[0], total[1], total[2]);
  norm_rows(m);
  ++m.rr;
  flag_rows(m);
  share_rows(m);
  balance_rows(m);
  print_setup(b, ws, r, "MJB", 4, 5);
}

}  // namespace swv::xlsx
