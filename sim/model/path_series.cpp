#include "path_series.h"

#include "targets.h"

namespace swv {

namespace {
const char* const kBalanceKeys[] = {"materiele_vaste_activa", "vorderingen",  "liquide_middelen", "voorzieningen",
                                    "langlopende_schulden",   "kortlopende_schulden", "balanstotaal", "solvabiliteit_2",
                                    "liquiditeit",            "rentabiliteit"};
}

std::vector<std::string> path_series_keys(const Scenario& sc) {
  std::vector<std::string> k = series_keys();
  const bool vo = sc.sector == Sector::Vo;
  k.push_back(vo ? "deelname_vso" : "deelname_sbo");
  k.push_back(vo ? "deelname_pro" : "deelname_so");
  if (sc.flows.cap_sbo) k.push_back("wachtlijst_sbo");
  if (sc.flows.cap_so) k.push_back(vo ? "wachtlijst_vso" : "wachtlijst_so");
  k.push_back("afstand_signaleringswaarde");
  k.push_back("algemene_reserve");
  k.push_back("bestemmingsreserves");
  if (sc.has_target) k.push_back("streefvermogen");
  for (const auto& r : sc.reserves) k.push_back("bestemmingsreserve." + r.code);
  if (sc.balance.given)
    for (const char* b : kBalanceKeys) k.push_back(b);
  return k;
}

void path_series_values(const Scenario& sc, const YearRecord& r, const LineAmounts& a, double* s) {
  s[0] = r.equity, s[1] = r.signal, s[2] = r.income, s[3] = r.reductions, s[4] = r.costs, s[5] = r.result;
  s[6] = r.income != 0 ? r.equity / r.income : 0.0;
  s[7] = r.regular, s[8] = r.sbo, s[9] = r.so, s[10] = r.pro, s[11] = r.floor;
  size_t i = 12;
  const bool vo = sc.sector == Sector::Vo;  // keys: deelname_vso, deelname_pro (vo); deelname_sbo, deelname_so (po)
  s[i++] = participation(sc, r, vo ? 1 : 0);
  s[i++] = participation(sc, r, vo ? 0 : 1);
  if (sc.flows.cap_sbo) s[i++] = r.waiting_sbo;
  if (sc.flows.cap_so) s[i++] = r.waiting_so;
  s[i++] = r.equity - r.signal;  // afstand tot de norm: above it positive, below negative
  s[i++] = r.general, s[i++] = r.earmarked;
  if (sc.has_target) s[i++] = r.target;
  for (size_t k = 0; k < sc.reserves.size(); ++k) s[i++] = a.reserve[k];
  if (sc.balance.given) {
    s[i++] = r.fixed_assets, s[i++] = r.receivables, s[i++] = r.cash, s[i++] = r.provisions, s[i++] = r.long_debt;
    s[i++] = r.short_debt, s[i++] = r.balance_total, s[i++] = r.solvency, s[i++] = r.liquidity, s[i++] = r.profitability;
  }
}

std::vector<bool> path_series_constant(const Scenario& sc) {
  const bool vo = sc.sector == Sector::Vo;
  std::vector<bool> c(series_keys().size(), false);
  c[8] = vo;                          // leerlingen_sbo: no SBO in vo
  c[10] = !vo;                        // leerlingen_pro: no PrO in po
  c[11] = !sc.floor.is_random();      // ondergrens
  c.push_back(false), c.push_back(false);  // deelname
  if (sc.flows.cap_sbo) c.push_back(false);
  if (sc.flows.cap_so) c.push_back(false);
  c.push_back(false);  // afstand_signaleringswaarde
  bool reserves_fixed = true;
  // A reserve tied to a line ("post:CODE") follows that line's realised cost, which may vary by path.
  auto fixed = [](const EarmarkedReserve& r) { return r.withdrawal_line < 0 && !r.withdrawal.is_random() && !r.addition.is_random(); };
  for (const auto& r : sc.reserves) reserves_fixed = reserves_fixed && fixed(r);
  c.push_back(false);           // algemene_reserve
  c.push_back(reserves_fixed);  // bestemmingsreserves
  if (sc.has_target) c.push_back(!sc.target.is_random());
  for (const auto& r : sc.reserves) c.push_back(fixed(r));
  if (sc.balance.given) {
    const BalanceSheet& b = sc.balance;
    c.push_back(!b.investments.is_random() && !b.depreciation.is_random());  // materiele_vaste_activa
    c.push_back(true);                                                       // vorderingen
    c.push_back(false);                                                      // liquide_middelen
    c.push_back(!b.provisions_change.is_random());                           // voorzieningen
    c.push_back(true), c.push_back(true);                                    // lang- en kortlopende schulden
    for (int k = 0; k < 4; ++k) c.push_back(false);                          // totaal, solvabiliteit, liquiditeit, rentabiliteit
  }
  return c;
}

double participation(const Scenario& sc, const YearRecord& r, int k) {
  auto share = [](double part, double whole) { return whole > 0 ? part / whole : 0.0; };
  if (sc.sector == Sector::Vo) return k == 0 ? share(r.pro, r.regular + r.pro) : share(r.so, r.regular + r.so);
  return k == 0 ? share(r.sbo, r.regular + r.sbo) : share(r.so, r.regular + r.sbo + r.so);
}

std::vector<std::string> path_flag_keys(const Scenario& sc) {
  std::vector<std::string> k;
  if (sc.has_target) k.push_back("onder_streefvermogen");
  if (sc.balance.given) {
    k.push_back("solvabiliteit_onder_signaal");
    k.push_back("liquiditeit_onder_signaal");
    k.push_back("drie_jaar_negatief_resultaat");
  }
  const bool vo = sc.sector == Sector::Vo;
  for (int t = 0; t < 2; ++t)
    if (sc.flows.target_given[t]) k.push_back(std::string("doel_") + (t == 1 ? (vo ? "vso" : "so") : (vo ? "pro" : "sbo")) + "_gehaald");
  return k;
}

void path_flag_values(const Scenario& sc, const YearRecord& r, bool* f) {
  size_t i = 0;
  if (sc.has_target) f[i++] = r.general < r.target;
  if (sc.balance.given) {
    f[i++] = r.solvency < kSolvencySignal;
    f[i++] = r.liquidity < kLiquiditySignal;
    f[i++] = r.three_negative;
  }
  for (int t = 0; t < 2; ++t)
    if (sc.flows.target_given[t]) f[i++] = target_met(sc, r, t);
}

std::vector<ExtraLine> extra_lines(const Scenario& sc) {
  std::vector<ExtraLine> v;
  const Policy& p = sc.policy;
  if (p.spend_down) v.push_back({"beleid.afbouw", p.spend_name, Side::Cost, false, kPolicySpend});
  if (p.cut) v.push_back({"beleid.bezuiniging", "Bezuiniging op groep " + (p.cut_group >= 0 ? sc.groups[static_cast<size_t>(p.cut_group)] : std::string()), Side::Cost, false, kPolicyCut});
  if (p.skim) v.push_back({"beleid.ocw_afroming", "OCW-afroming van bovenmatig eigen vermogen", Side::Reduction, false, kPolicySkim});
  if (p.generic_cut) {
    v.push_back({"beleid.ocw_korting", "Generieke OCW-korting", Side::Reduction, false, kPolicyGenericCut});
    v.push_back({"beleid.ocw_korting.compensatie", "Compensatie OCW-korting tot de signaleringswaarde", Side::Reduction, false, kPolicyCompensation});
  }
  if (sc.safety_net.given) v.push_back({"vangnet", "Vangnetregeling (groei S(B)O na de teldatum)", Side::Cost, false, kPolicySafetyNet});
  if (!sc.extra_cost.empty()) v.push_back({"beleid.extra_besteding", "Extra besteding (bestedingsruimte)", Side::Cost, false, kPolicyExtraSpending});
  for (size_t k = 0; k < sc.risks.size(); ++k) {
    const Risk& r = sc.risks[k];
    v.push_back({"risico." + r.code, r.name, r.lost_income ? Side::Reduction : Side::Cost, true, static_cast<int>(k)});
  }
  return v;
}

}  // namespace swv
