// Turning the merged tree into a Scenario, part two: the money side beyond the budget lines, i.e.
// the risk register, earmarked reserves, management rules, the own target and the balance sheet.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "builder.h"
#include "format_nl.h"
#include "stream_id.h"
#include "validate.h"

namespace swv::detail {

void build_risks(Builder& b) {
  Scenario& sc = b.sc;
  const MNode* rs = b.root.child("risico");
  if (!rs) return;
  std::map<std::string, std::string> seen;
  for (const MNode& e : rs->items) {
    Risk r;
    r.code = text(e.child("code"));
    r.name = text(e.child("naam"));
    r.where = e.where();
    if (auto it = seen.find(r.code); it != seen.end()) {
      b.d.error(r.where, "code " + quote(r.code) + " komt twee keer voor (eerder: " + it->second + ")");
      continue;
    }
    seen[r.code] = r.where.file + ":" + std::to_string(r.where.line);
    if (const MNode* k = e.child("kans")) r.probability = value_of(*k);
    if (const MNode* i = e.child("impact")) r.impact = value_of(*i);
    r.lost_income = text(e.child("kant"), "lasten") == "baten";
    r.lasting = boolean(e.child("blijvend"), false);
    r.driver = stream_id("risico[" + r.code + "]");
    if (const MNode* j = e.child("jaren")) {
      for (const auto& y : *j->node->as_array()) {
        int year = static_cast<int>(y.value<int64_t>().value_or(0));
        if (year < sc.first_year || year > sc.last_year)
          b.d.warning(where_of(y, j->key), "jaar " + std::to_string(year) + " ligt buiten de planperiode " +
                                               std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
        r.years.push_back(year);
      }
    }
    sc.risks.push_back(std::move(r));
  }
  for (auto& r : sc.risks) {  // now that sc.risks stopped growing
    b.ranged_add(r.probability, Range::Rate);
    b.ranged_add(r.impact, Range::Any);
  }
}

// Earmarked reserves ([[bestemmingsreserve]], section 14.1): unique codes, and together no more
// than the equity they are part of.
void build_reserves(Builder& b) {
  Scenario& sc = b.sc;
  const MNode* rs = b.root.child("bestemmingsreserve");
  if (!rs) return;
  std::map<std::string, std::string> seen;
  double total = 0;
  for (const MNode& e : rs->items) {
    EarmarkedReserve r;
    r.code = text(e.child("code"));
    r.name = text(e.child("naam"));
    r.where = e.where();
    if (auto it = seen.find(r.code); it != seen.end()) {
      b.d.error(r.where, "code " + quote(r.code) + " komt twee keer voor (eerder: " + it->second + ")");
      continue;
    }
    seen[r.code] = r.where.file + ":" + std::to_string(r.where.line);
    r.balance = num(e.child("stand"), 0.0);
    if (const MNode* n = e.child("onttrekking")) {
      if (n->node && n->node->is_string()) {  // "post:CODE": what that lasten line costs each year
        const std::string code = text(n).substr(5);
        std::vector<std::string> costs;
        for (size_t i = 0; i < sc.lines.size(); ++i) {
          if (sc.lines[i].side == Side::Cost) costs.push_back(sc.lines[i].code);
          if (sc.lines[i].code == code) r.withdrawal_line = static_cast<int>(i);
        }
        if (r.withdrawal_line < 0)
          b.d.error(n->where(), "onbekende post " + quote(code) + did_you_mean(code, costs) + "; onttrekking = \"post:CODE\" noemt de code van een lasten-post");
        else if (sc.lines[static_cast<size_t>(r.withdrawal_line)].side != Side::Cost)
          b.d.error(n->where(), "post " + quote(code) + " is een baten-post; een reserve dekt wat een lasten-post kost");
      } else {
        r.withdrawal = value_of(*n), r.withdrawal.where = n->where();
      }
    }
    if (const MNode* n = e.child("dotatie")) r.addition = value_of(*n), r.addition.where = n->where();
    total += r.balance;
    sc.reserves.push_back(std::move(r));
  }
  if (sc.reserves.size() > kMaxReserves)
    b.d.error(rs->where(), std::to_string(sc.reserves.size()) + " bestemmingsreserves; ten hoogste " + std::to_string(kMaxReserves) +
                               ": voeg reserves met hetzelfde doel samen");
  for (auto& r : sc.reserves) {  // now that sc.reserves stopped growing
    b.ranged_add(r.withdrawal, Range::NonNegative);
    b.ranged_add(r.addition, Range::NonNegative);
  }
  if (total > sc.start.equity + 0.005)
    b.d.error(rs->where(), "de bestemmingsreserves staan samen op " + euro(total) + ", meer dan het eigen vermogen (start.eigen_vermogen = " +
                               euro(sc.start.equity) + ") waarvan ze deel zijn; verlaag een stand of verhoog start.eigen_vermogen");
}

// normen.streefvermogen and the policy options that refer to it (section 14.2).
void build_target(Builder& b) {
  Scenario& sc = b.sc;
  if (b.root.find("normen.streefvermogen")) sc.has_target = true;
  b.val(sc.target, "normen.streefvermogen", Range::Any);
  auto needs_target = [&](const char* key) {
    if (!sc.has_target)
      b.d.error(b.where(key), std::string(key) + " = \"streefvermogen\" verwijst naar normen.streefvermogen, maar dat is niet gegeven; "
                              "voeg [normen] streefvermogen = ... toe");
  };
  Policy& p = sc.policy;
  if (p.spend_down) {
    if (text(b.root.find("beleid.afbouw.boven"), "signaleringswaarde") == "streefvermogen") {
      p.spend_above = SpendAbove::Target;
      needs_target("beleid.afbouw.boven");
    }
    if (text(b.root.find("beleid.afbouw.moment"), "volgend_jaar") == "begroting") p.spend_moment = SpendMoment::Budget;
    if (const MNode* n = b.root.find("beleid.afbouw.naam")) p.spend_name = text(n);
  }
  if (p.cut && text(b.root.find("beleid.bezuiniging.onder"), "ondergrens") == "streefvermogen") {
    p.cut_below = CutBelow::Target;
    needs_target("beleid.bezuiniging.onder");
  }
}

// [vangnet] (section 14.7).
void build_safety_net(Builder& b) {
  SafetyNet& v = b.sc.safety_net;
  v.given = b.root.find("vangnet") != nullptr;
  b.val(v.growth_so, "vangnet.groei.so", Range::NonNegative);
  b.val(v.growth_sbo, "vangnet.groei.sbo", Range::NonNegative);
  b.val(v.threshold_so, "vangnet.drempel.so", Range::NonNegative);
  b.val(v.threshold_sbo, "vangnet.drempel.sbo", Range::NonNegative);
  b.val(v.share, "vangnet.deel", Range::Rate);
  // No silent threshold 0: the vangnetbepaling pays growth above the national average after the
  // teldatum, a figure each SWV's ondersteuningsplan names (there is no national figure to default to).
  for (const char* type : {"so", "sbo"}) {
    const std::string groei = std::string("vangnet.groei.") + type, drempel = std::string("vangnet.drempel.") + type;
    if (b.root.find(groei) && !b.root.find(drempel))
      b.d.error(b.where(groei), drempel + " ontbreekt bij " + groei + ": de vangnetbepaling vergoedt alleen groei na de teldatum boven het "
                                "landelijk gemiddelde; geef de groei die de scholen zelf opvangen (leerlingen per jaar, uit het eigen "
                                "ondersteuningsplan; DUO levert de landelijke cijfers bij de handreiking vangnetbepaling), of " + drempel +
                                " = 0 als het plan elke groei vergoedt");
  }
}

// [balans] (section 14.8): assets equal equity plus liabilities at the start, within € 1.
void build_balance(Builder& b) {
  Scenario& sc = b.sc;
  const MNode* n = b.root.find("balans");
  if (!n) return;
  BalanceSheet& bs = sc.balance;
  bs.given = true;
  bs.fixed_assets = num(b.root.find("balans.materiele_vaste_activa"), 0.0);
  bs.receivables = num(b.root.find("balans.vorderingen"), 0.0);
  bs.cash = num(b.root.find("balans.liquide_middelen"), 0.0);
  bs.provisions = num(b.root.find("balans.voorzieningen"), 0.0);
  bs.long_debt = num(b.root.find("balans.langlopende_schulden"), 0.0);
  bs.short_debt = num(b.root.find("balans.kortlopende_schulden"), 0.0);
  b.val(bs.investments, "balans.investeringen", Range::NonNegative);
  b.val(bs.depreciation, "balans.afschrijvingen", Range::NonNegative);
  b.val(bs.provisions_change, "balans.voorzieningen_mutatie", Range::Any);
  const double assets = bs.fixed_assets + bs.receivables + bs.cash;
  const double liabilities = sc.start.equity + bs.provisions + bs.long_debt + bs.short_debt;
  if (std::fabs(assets - liabilities) > 1.0)
    b.d.error(n->where(), "de balans sluit niet: activa " + euro(assets) + " (materiële vaste activa + vorderingen + liquide middelen), passiva " +
                              euro(liabilities) + " (start.eigen_vermogen + voorzieningen + langlopende + kortlopende schulden); verschil " +
                              euro(assets - liabilities) + ", toegestaan ten hoogste € 1");
}

void build_policy(Builder& b) {
  Scenario& sc = b.sc;
  Policy& p = sc.policy;
  if (b.root.find("beleid.ocw_afroming")) {
    p.skim = true;
    p.skim_from = static_cast<int>(integer(b.root.find("beleid.ocw_afroming.vanaf"), 0));
    b.val(p.skim_share, "beleid.ocw_afroming.aandeel", Range::Rate);
  }
  if (b.root.find("beleid.afbouw")) {
    p.spend_down = true;
    b.val(p.spend_share, "beleid.afbouw.aandeel", Range::Rate);
  }
  if (const MNode* cut = b.root.find("beleid.bezuiniging")) {
    p.cut = true;
    b.val(p.cut_share, "beleid.bezuiniging.aandeel", Range::Rate);
    std::string g = text(b.root.find("beleid.bezuiniging.groep"));
    std::vector<std::string> cost_groups;
    std::unordered_set<std::string> listed;
    for (const auto& l : sc.lines)
      if (l.side == Side::Cost && !l.group.empty() && listed.insert(l.group).second) cost_groups.push_back(l.group);
    if (!listed.count(g)) {
      std::string all;
      for (size_t i = 0; i < cost_groups.size() && i < 20; ++i) all += (all.empty() ? "" : ", ") + quote(cost_groups[i]);
      if (cost_groups.size() > 20) all += ", … (" + std::to_string(cost_groups.size()) + " groepen)";
      const MNode* gn = cut->child("groep");
      b.d.error(gn ? gn->where() : cut->where(), "onbekende groep " + quote(g) + did_you_mean(g, cost_groups) +
                                                      "; groepen van lasten-posten: " + (all.empty() ? "(geen)" : all));
    } else {
      p.cut_group = static_cast<int>(std::find(sc.groups.begin(), sc.groups.end(), g) - sc.groups.begin());
      for (const auto& l : sc.lines)
        if (l.group_id == p.cut_group && l.side == Side::Cost && l.kind == LineKind::Computed) {
          b.d.warning(l.where, "post " + quote(l.code) + " is berekend uit de bekostigingsregels en wordt niet gekort door "
                               "beleid.bezuiniging (alleen de overige lasten-posten van groep " + quote(g) + ")");
          break;
        }
    }
  }
  if (const MNode* k = b.root.find("beleid.ocw_korting")) {
    p.generic_cut = true;
    p.generic_cut_year = static_cast<int>(integer(k->child("jaar"), 0));
    p.generic_cut_per_pupil = num(k->child("per_leerling"), 0.0);
    if (p.generic_cut_year < sc.first_year || p.generic_cut_year > sc.last_year)
      b.d.warning(k->child("jaar")->where(), "jaar " + std::to_string(p.generic_cut_year) + " ligt buiten de planperiode: de korting heeft geen effect");
  }
}

}  // namespace swv::detail
