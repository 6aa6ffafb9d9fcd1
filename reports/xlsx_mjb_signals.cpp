// The MJB sheet's signals: the flags per year (in the plan column live formulas over the rows above,
// with words and fills that follow the value; in verwacht the chance with its traffic light),
// participation with its targets, and the meerjarenbalans with its ratios and the Inspectie's signals.
#include "report_terms.h"
#include "xlsx_mjb_parts.h"

namespace swv::xlsx {

namespace {

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

}  // namespace

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

}  // namespace swv::xlsx
