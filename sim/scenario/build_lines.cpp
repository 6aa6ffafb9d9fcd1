// Turning the merged tree into a Scenario: the budget lines ([[post]]), their amounts (computed,
// fixed or per pupil), index, realisation, shock and group.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "builder.h"
#include "stream_id.h"

namespace swv::detail {

namespace {

// A computed line (berekend): its rule, the side it belongs to, the rules section it needs, and an
// optional override amount. `computed_seen`: rule -> code of the first line computing it.
void computed_line(Builder& b, const MNode& e, bool rules_ok, std::map<std::string, std::string>& computed_seen, Line& l) {
  const MNode* amount = e.child("bedrag");
  const MNode* per = e.child("per_leerling");
  const MNode* comp = e.child("berekend");
  l.kind = LineKind::Computed;
  std::string c = text(comp);
  l.computed = c == "ondersteuning" ? Computed::Support
               : c == "afdracht_so" ? Computed::DeductSo
               : c == "afdracht_sbo" ? Computed::DeductSbo
                                     : Computed::DeductLwooPro;
  bool income = l.computed == Computed::Support;
  if (income != (l.side == Side::Income))
    b.d.error(comp->where(), "berekend = \"" + c + "\" hoort bij kant = \"" + (income ? "baten" : "lasten") + "\"");
  if (per) b.d.error(per->where(), "een berekende post heeft geen per_leerling (alleen bedrag als override)");
  if (rules_ok) {
    const Rules& r = b.sc.rules;
    const char* missing = (l.computed == Computed::DeductSo && !r.has_deduct_so)       ? "[afdracht.so]"
                          : (l.computed == Computed::DeductSbo && !r.has_deduct_sbo)  ? "[afdracht.sbo]"
                          : (l.computed == Computed::DeductLwooPro && !r.has_deduct_lwoo_pro) ? "[afdracht.lwoo_pro]"
                                                                                          : nullptr;
    if (missing) b.d.error(comp->where(), "het regelsbestand " + r.file + " heeft geen " + missing);
  }
  if (amount) {
    l.has_override = true;
    l.amount = value_of(*amount);
  } else if (computed_seen.count(c)) {
    b.d.warning(comp->where(), "berekend = \"" + c + "\" staat ook in post " + quote(computed_seen[c]) + ": het bedrag telt twee keer");
  }
  if (!amount) computed_seen[c] = l.code;
  l.index = amount ? IndexKind::None : IndexKind::Funding;
}

// How a line's amount is given: berekend, bedrag or per_leerling (with its grondslag), and the
// default index that goes with it.
void line_amount(Builder& b, const MNode& e, bool rules_ok, std::map<std::string, std::string>& computed_seen, Line& l) {
  const MNode* amount = e.child("bedrag");
  const MNode* per = e.child("per_leerling");
  const MNode* basis = e.child("grondslag");
  if (e.child("berekend")) {
    computed_line(b, e, rules_ok, computed_seen, l);
  } else if (amount && per) {
    b.d.error(per->where(), "een post heeft bedrag óf per_leerling, niet beide");
  } else if (amount) {
    l.kind = LineKind::Amount;
    l.amount = value_of(*amount);
    l.index = IndexKind::Price;
  } else if (per) {
    l.kind = LineKind::PerPupil;
    l.per_pupil = value_of(*per);
    l.index = IndexKind::Funding;
    if (!basis) b.d.error(per->where(), "per_leerling vraagt ook grondslag (regulier, sbo, so, pro, lwoo of totaal)");
  } else {
    b.d.error(l.where, "post " + quote(l.code) + " heeft geen bedrag: geef bedrag, per_leerling of berekend");
  }
  if (basis && !per) b.d.error(basis->where(), "grondslag hoort bij per_leerling");
  if (basis) l.basis = basis_of(text(basis));
}

// The rest of a line: index, realisation, shock, and its group (numbered in order of appearance).
void line_details(Builder& b, const MNode& e, std::unordered_map<std::string, int>& group_ids, Line& l) {
  if (const MNode* ix = e.child("indexatie")) {
    std::string s = text(ix);
    l.index = s == "bekostiging" ? IndexKind::Funding : s == "loon" ? IndexKind::Wage : s == "prijs" ? IndexKind::Price : IndexKind::None;
  }
  if (const MNode* r = e.child("realisatie")) l.realisation = value_of(*r);
  l.shock_sd = num(e.child("onzekerheid"), 0.0);
  l.shock_per_year = boolean(e.child("onzekerheid_per_jaar"), false);
  l.shock_driver = stream_id("post[" + l.code + "].onzekerheid");
  l.school_year = text(e.child("periode"), "kalenderjaar") == "schooljaar";
  l.group = text(e.child("groep"));
  if (!l.group.empty()) {
    auto [it, added] = group_ids.emplace(l.group, static_cast<int>(b.sc.groups.size()));
    if (added) b.sc.groups.push_back(l.group);
    l.group_id = it->second;
  }
}

}  // namespace

// The budget lines ([[post]]): unique codes, one line per entry, then their ranges per year and
// the warning for deductions without support (no cap).
void build_lines(Builder& b, bool rules_ok) {
  Scenario& sc = b.sc;
  const MNode* posts = b.root.child("post");
  if (!posts) return;
  std::map<std::string, std::string> seen;  // code -> where
  std::map<std::string, std::string> computed_seen;
  std::unordered_map<std::string, int> group_ids;  // (a file may hold very many posts: no linear search)
  for (const MNode& e : posts->items) {
    Line l;
    l.code = text(e.child("code"));
    l.name = text(e.child("naam"));
    l.where = e.where();
    if (auto it = seen.find(l.code); it != seen.end()) {
      b.d.error(l.where, "code " + quote(l.code) + " komt twee keer voor (eerder: " + it->second + ")");
      continue;
    }
    seen[l.code] = l.where.file + ":" + std::to_string(l.where.line);
    l.side = text(e.child("kant")) == "baten" ? Side::Income : Side::Cost;
    line_amount(b, e, rules_ok, computed_seen, l);
    line_details(b, e, group_ids, l);
    sc.lines.push_back(std::move(l));
  }
  // Ranges per year, now that sc.lines stopped growing (the pointers stay valid).
  for (auto& l : sc.lines) {
    b.ranged_add(l.realisation, Range::NonNegative);
    b.ranged_add(l.amount, Range::Any);
    b.ranged_add(l.per_pupil, Range::Any);
  }
  bool has_support = std::any_of(sc.lines.begin(), sc.lines.end(),
                                 [](const Line& l) { return l.kind == LineKind::Computed && l.computed == Computed::Support; });
  bool has_deduct = std::any_of(sc.lines.begin(), sc.lines.end(),
                                [](const Line& l) { return l.kind == LineKind::Computed && l.computed != Computed::Support; });
  if (has_deduct && !has_support)
    b.d.warning(posts->where(), "geen post met berekend = \"ondersteuning\": de afdrachten worden niet begrensd (geen cap)");
}

}  // namespace swv::detail
