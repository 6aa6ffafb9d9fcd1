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
#include <xlsxwriter.h>

#include <map>

#include "format_nl.h"

#include "report_terms.h"
#include "xlsx_parts.h"

namespace swv::xlsx {

namespace {

enum Kind { kPlan, kMean, kP5, kP95 };  // plan, verwacht, P5, P95
constexpr size_t kFirstYearCol = 5;
constexpr double kTolerance = 0.5;  // euro: a formula is written only when it gives the engine's figure

std::string ref(size_t r, size_t c) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row(r), col(c));
  return buf;
}

struct Mjb {
  Book& b;
  lxw_worksheet* ws;
  const ReportInput& in;
  const Result* plan;  // the deterministic budget after expected realisation: plan (null in Monte Carlo without it)
  const Result* mc;    // the Monte-Carlo result: verwacht, P5, P95 (null in deterministic mode)
  size_t years;
  std::vector<Kind> kinds;
  size_t rr = 6;
  std::map<std::string, size_t> rows;  // the row of each key written so far (formulas refer to them)

  size_t column(size_t y, size_t k) const { return kFirstYearCol + y * kinds.size() + k; }
  size_t last_column() const { return column(years - 1, kinds.size() - 1); }
  const Result* source(Kind k) const { return k == kPlan ? plan : mc; }

  static double stat(const Series* s, Kind k, size_t y) {
    if (!s) return NAN;
    return at(k == kP5 ? s->p5 : k == kP95 ? s->p95 : s->mean, y);
  }
  double series(const char* key, Kind k, size_t y) const {
    const Result* r = source(k);
    return r ? stat(r->find(key), k, y) : NAN;
  }

  // The five identifying cells of a row.
  void label(const std::string& code, const std::string& name, const std::string& group, const std::string& side,
             const std::string& what, lxw_format* f = nullptr) {
    b.text(ws, row(rr), 0, code, f), b.text(ws, row(rr), 1, name, f);
    if (!group.empty()) b.text(ws, row(rr), 2, group, f);
    if (!side.empty()) b.text(ws, row(rr), 3, side, f);
    b.text(ws, row(rr), 4, what, f);
  }
  // A value cell; nothing when the value is missing (a blank, not "n.v.t.": a line has no P5).
  void value(size_t y, size_t k, double x, lxw_format* f) {
    if (std::isfinite(x)) b.number(ws, row(rr), col(column(y, k)), x, f);
  }
  // A formula when it gives the engine's figure `cached` (within kTolerance), else the value.
  void formula_or_value(size_t y, size_t k, const std::string& f, double computed, double cached, lxw_format* fmt) {
    if (!std::isfinite(cached)) return;
    if (std::isfinite(computed) && std::fabs(computed - cached) <= kTolerance)
      b.formula(ws, row(rr), col(column(y, k)), f, cached, fmt);
    else
      b.number(ws, row(rr), col(column(y, k)), cached, fmt);
  }
  void group_row(const std::string& title) {
    lxw_format* f = b.style({nullptr, true, palette::kFillGroup});
    for (size_t c = 0; c <= last_column(); ++c) worksheet_write_blank(ws, row(rr), col(c), f);
    b.text(ws, row(rr++), 1, title, f);
  }
  void note(const std::string& text) { b.text(ws, row(rr++), 0, text, b.style({nullptr, false, 0, false, false, false, true})); }
};

lxw_format* money(Mjb& m, Kind k, bool total = false) {
  return m.b.style({Book::kMoney, total, 0, total, false, false, k == kP5 || k == kP95});
}

// The plan column's formula for a norm or a part of equity (issue 27: they follow the lines when a
// controller edits a post), with what it computes from the plan's own figures: the
// signaleringswaarde MAX(percentage × totale baten, minimum), the algemene reserve eigen vermogen −
// bestemmingsreserves, the afstand eigen vermogen − signaleringswaarde. Empty when the rows it needs
// are not on the sheet. formula_or_value writes it only where it gives the engine's figure.
struct PlanFormula {
  std::string text;
  double computed = NAN;
};
PlanFormula plan_formula(const Mjb& m, const std::string& key, size_t y) {
  const size_t c = m.column(y, 0);
  auto row = [&](const char* k) { return m.rows.count(k) ? m.rows.at(k) : size_t{0}; };
  auto plan = [&](const char* k) { return m.series(k, kPlan, y); };
  const Result& r = m.in.result;
  if (key == "signaleringswaarde" && row("totale_baten"))
    return {"=MAX(" + num_plain(r.signal_percentage) + "*" + ref(row("totale_baten"), c) + "," + num_plain(r.signal_minimum) + ")",
            std::max(r.signal_percentage * plan("totale_baten"), r.signal_minimum)};
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

// The plan column's formula of a flag: 1 when it holds, else 0, from the rows above (the engine's
// comparisons: bovenmatig eigen vermogen > signaleringswaarde, onder ondergrens eigen vermogen <
// ondergrens, negatief eigen vermogen < 0, onder streefvermogen algemene reserve < streefvermogen).
PlanFormula plan_flag_formula(const Mjb& m, const std::string& key, size_t y) {
  const size_t c = m.column(y, 0);
  auto has = [&](const char* k) { return m.rows.count(k) > 0; };
  auto cell = [&](const char* k) { return ref(m.rows.at(k), c); };
  auto plan = [&](const char* k) { return m.series(k, kPlan, y); };
  auto flag = [](bool b) { return b ? 1.0 : 0.0; };
  if (key == "bovenmatig" && has("eigen_vermogen") && has("signaleringswaarde"))
    return {"=IF(" + cell("eigen_vermogen") + ">" + cell("signaleringswaarde") + ",1,0)", flag(plan("eigen_vermogen") > plan("signaleringswaarde"))};
  if (key == "onder_ondergrens" && has("eigen_vermogen") && has("ondergrens"))
    return {"=IF(" + cell("eigen_vermogen") + "<" + cell("ondergrens") + ",1,0)", flag(plan("eigen_vermogen") < plan("ondergrens"))};
  if (key == "negatief" && has("eigen_vermogen")) return {"=IF(" + cell("eigen_vermogen") + "<0,1,0)", flag(plan("eigen_vermogen") < 0)};
  if (key == "onder_streefvermogen" && has("algemene_reserve") && has("streefvermogen"))
    return {"=IF(" + cell("algemene_reserve") + "<" + cell("streefvermogen") + ",1,0)", flag(plan("algemene_reserve") < plan("streefvermogen"))};
  return {};
}

// Conditional fills of a live flag cell: red when it holds; green when it does not (traffic-light flags).
void live_fill(Mjb& m, size_t y, bool green) {
  lxw_conditional_format red{};
  red.type = LXW_CONDITIONAL_TYPE_CELL, red.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO, red.value = 1;
  red.format = light_style(m.b, Light::Red, "General");
  m.b.check(worksheet_conditional_format_cell(m.ws, row(m.rr), col(m.column(y, 0)), &red));
  if (!green) return;
  lxw_conditional_format ok{};
  ok.type = LXW_CONDITIONAL_TYPE_CELL, ok.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO, ok.value = 0;
  ok.format = light_style(m.b, Light::Green, "General");
  m.b.check(worksheet_conditional_format_cell(m.ws, row(m.rr), col(m.column(y, 0)), &ok));
}

// Number format of a flag cell: a chance with its light's word ("23,4% (oranje)"), or ja/nee.
const char* flag_format(bool chance, Light l, bool lit) {
  if (!chance) return !lit ? Book::kYesNo : l == Light::Red ? "\"ja (rood)\";\"ja (rood)\";\"nee (rood)\"" : "\"ja (groen)\";\"ja (groen)\";\"nee (groen)\"";
  if (!lit) return "0.0%";
  return l == Light::Red ? "0.0%\" (rood)\"" : l == Light::Orange ? "0.0%\" (oranje)\"" : "0.0%\" (groen)\"";
}

// A flag per year: plan the deterministic yes/no, verwacht the chance over the paths. Bovenmatig
// and onder ondergrens get the traffic light of the HTML report ([rapport] thresholds); the other
// flags, as in the HTML tables, red from a chance of 50% or when the deterministic flag holds.
void flag_row(Mjb& m, const std::string& key, const std::string& name, const Probability* plan, const Probability* chance,
              const ReportSettings* lights) {
  if (!plan && !chance) return;
  m.label(key, name, "signaal", "", m.mc ? "ja/nee; kans" : "ja/nee");
  for (size_t y = 0; y < m.years; ++y) {
    if (plan && std::isfinite(at(plan->value, y))) {
      const bool yes = at(plan->value, y) > 0;
      const bool lit = lights || yes;
      const Light l = yes ? Light::Red : Light::Green;
      const PlanFormula pf = plan_flag_formula(m, key, y);
      if (!pf.text.empty() && std::fabs(pf.computed - (yes ? 1.0 : 0.0)) < 0.5) {
        // A live flag: its words follow the value, and so does its fill (conditional formats).
        lxw_format* f = lights ? light_style(m.b, l, "\"ja (rood)\";\"ja (rood)\";\"nee (groen)\"")
                               : yes ? light_style(m.b, l, "\"ja (rood)\";\"ja (rood)\";\"nee\"") : m.b.style({"\"ja (rood)\";\"ja (rood)\";\"nee\""});
        m.b.formula(m.ws, row(m.rr), col(m.column(y, 0)), pf.text, yes ? 1.0 : 0.0, f);
        live_fill(m, y, lights != nullptr);
      } else {
        lxw_format* f = lit ? light_style(m.b, l, flag_format(false, l, true)) : m.b.style({Book::kYesNo});
        m.value(y, 0, yes ? 1.0 : 0.0, f);
      }
    }
    if (chance && m.mc && std::isfinite(at(chance->value, y))) {
      const double p = at(chance->value, y);
      const Light l = lights ? light_of(p, key == "bovenmatig" ? lights->excessive_orange : lights->floor_orange,
                                        key == "bovenmatig" ? lights->excessive_red : lights->floor_red)
                             : p >= 0.5 ? Light::Red : Light::Green;
      const bool lit = lights || l == Light::Red;
      m.value(y, 1, p, lit ? light_style(m.b, l, flag_format(true, l, true)) : m.b.percent);
    }
  }
  ++m.rr;
}

void flag_rows(Mjb& m) {
  const ReportSettings s = m.in.settings();
  m.group_row(m.mc ? "Signalen (plan: ja/nee; verwacht: kans over de paden)" : "Signalen");
  auto prob = [](const Result* r, const std::string& key) -> const Probability* {
    if (!r) return nullptr;
    if (key == "bovenmatig") return &r->excessive;
    if (key == "onder_ondergrens") return &r->below_floor;
    if (key == "negatief") return &r->negative;
    return find_flag(*r, key);
  };
  flag_row(m, "bovenmatig", "Bovenmatig eigen vermogen (boven de signaleringswaarde)", prob(m.plan, "bovenmatig"), prob(m.mc, "bovenmatig"), &s);
  flag_row(m, "onder_ondergrens", "Eigen vermogen onder de eigen ondergrens", prob(m.plan, "onder_ondergrens"), prob(m.mc, "onder_ondergrens"), &s);
  flag_row(m, "negatief", "Negatief eigen vermogen", prob(m.plan, "negatief"), prob(m.mc, "negatief"), nullptr);
  const std::string target = "onder_streefvermogen";
  if (prob(m.plan, target) || prob(m.mc, target))
    flag_row(m, target, "Algemene reserve onder streefvermogen", prob(m.plan, target), prob(m.mc, target), nullptr);
}

// Participation (0,00%) and waiting lists (pupils), with the target (stromen.doel) in plan.
void share_rows(Mjb& m) {
  const auto shares = pupil_shares(m.in.result);
  if (shares.empty()) return;
  ++m.rr;
  m.group_row(shares.back().percent ? "Deelname op de teldatum" : "Deelname en wachtlijsten op de teldatum");
  for (const PupilShare& p : shares) {
    lxw_format* f = p.percent ? m.b.percent2 : m.b.count;
    m.label(p.series->key, p.title, "leerlingen", "", "waarde");
    for (size_t y = 0; y < m.years; ++y)
      for (size_t k = 0; k < m.kinds.size(); ++k) m.value(y, k, m.series(p.series->key.c_str(), m.kinds[k], y), f);
    ++m.rr;
    if (auto t = pupil_share_target(m.in, p); !t.empty()) {
      m.label(p.series->key, p.title, "leerlingen", "", "doel");
      for (size_t y = 0; y < m.years; ++y) m.value(y, 0, at(t, y), f);
      ++m.rr;
    }
  }
}

// The meerjarenbalans: activa and passiva with their totals (SUM where it gives the balanstotaal),
// the ratios (0,00 and 0,0%) and the Inspectie's signals.
void balance_rows(Mjb& m) {
  const Result& r = m.in.result;
  if (!has_balance(r)) return;
  ++m.rr;
  m.group_row("Meerjarenbalans per 31-12");
  auto block = [&](const std::vector<BalanceRow>& list, const char* side, const std::string& total) {
    const size_t first = m.rr;
    std::vector<std::vector<double>> sums(m.years, std::vector<double>(m.kinds.size(), 0.0));
    for (const BalanceRow& x : list) {
      if (!r.find(x.key)) continue;
      m.label(x.key, x.label, "balans", side, "bedrag");
      for (size_t y = 0; y < m.years; ++y)
        for (size_t k = 0; k < m.kinds.size(); ++k) {
          const double v = m.series(x.key, m.kinds[k], y);
          m.value(y, k, v, money(m, m.kinds[k]));
          sums[y][k] += v;
        }
      ++m.rr;
    }
    if (!r.find("balanstotaal")) return;
    m.label("balanstotaal", total, "balans", side, "totaal", m.b.bold);
    for (size_t y = 0; y < m.years; ++y)
      for (size_t k = 0; k < m.kinds.size(); ++k) {
        const Kind kind = m.kinds[k];
        const double cached = m.series("balanstotaal", kind, y);
        const size_t c = m.column(y, k);
        if (kind >= kP5 || m.rr == first)
          m.value(y, k, cached, money(m, kind, true));
        else
          m.formula_or_value(y, k, "=SUM(" + ref(first, c) + ":" + ref(m.rr - 1, c) + ")", sums[y][k], cached, money(m, kind, true));
      }
    ++m.rr;
  };
  block(balance_assets(), "activa", "Totaal activa");
  block(balance_liabilities(), "passiva", "Totaal passiva");
  for (const BalanceRow& x : balance_ratios()) {
    if (!r.find(x.key)) continue;
    lxw_format* f = x.kind == BalanceKind::Percent ? m.b.percent : m.b.ratio;
    m.label(x.key, x.label, "kengetal", "", "waarde");
    for (size_t y = 0; y < m.years; ++y)
      for (size_t k = 0; k < m.kinds.size(); ++k) m.value(y, k, m.series(x.key, m.kinds[k], y), f);
    ++m.rr;
  }
  for (const BalanceSignal& g : balance_signals()) {
    const Probability* p = find_flag(r, g.flag);
    if (!p) continue;
    flag_row(m, g.flag, "Signaal Inspectie: " + flag_words(g.flag), m.plan ? find_flag(*m.plan, g.flag) : nullptr, m.mc ? p : nullptr, nullptr);
  }
  ++m.rr;
  m.note("Signaleringswaarden van de Inspectie: solvabiliteit 2 onder 0,30; liquiditeit onder 0,75; drie jaar op rij een negatief "
         "resultaat. Liquide middelen zijn de sluitpost van de balans.");
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
  Mjb m{b, ws, in, mc ? in.deterministic : &r, mc ? &r : nullptr, r.years.size(), {}};
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
