#include "compare.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "input_name.h"

namespace swv {

namespace {

// Mean of f(base path), of f(variant path), of the difference, and the standard error of the
// mean difference (Welford, so large equity values do not lose the small differences).
template <class F>
void paired(const PathTable& b, const PathTable& v, size_t y, F f, PairedSeries& out) {
  double mb = 0, mv = 0, md = 0, m2 = 0;
  for (size_t p = 0; p < b.paths; ++p) {
    const double xb = f(b, p, y), xv = f(v, p, y), d = xv - xb;
    const double k = static_cast<double>(p + 1);
    mb += (xb - mb) / k, mv += (xv - mv) / k;
    const double delta = d - md;
    md += delta / k;
    m2 += delta * (d - md);
  }
  const double n = static_cast<double>(b.paths);
  out.base.push_back(mb), out.variant.push_back(mv), out.diff.push_back(md);
  out.std_error.push_back(n > 1 ? std::sqrt(m2 / (n - 1) / n) : 0.0);
}

}  // namespace

namespace {

// The part [off, off + n) of a per-year vector; other vectors (empty, or not per year) unchanged.
std::vector<double> cut(const std::vector<double>& v, size_t years, size_t off, size_t n) {
  if (v.size() != years) return v;
  return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(off), v.begin() + static_cast<std::ptrdiff_t>(off + n));
}

}  // namespace

Result restrict_years(const Result& r, int first, int last) {
  if (r.years.empty() || first > last || first < r.years.front() || last > r.years.back())
    throw std::invalid_argument("jaren " + std::to_string(first) + "–" + std::to_string(last) + " liggen niet in de uitkomst");
  const size_t years = r.years.size(), off = static_cast<size_t>(first - r.years.front()), n = static_cast<size_t>(last - first + 1);
  auto c = [&](const std::vector<double>& v) { return cut(v, years, off, n); };
  Result o = r;
  o.years.assign(r.years.begin() + static_cast<std::ptrdiff_t>(off), r.years.begin() + static_cast<std::ptrdiff_t>(off + n));
  for (Series& s : o.series)
    for (auto* v : {&s.mean, &s.p5, &s.p10, &s.p25, &s.p50, &s.p75, &s.p90, &s.p95}) *v = c(*v);
  for (Probability* p : {&o.excessive, &o.below_floor, &o.negative}) p->value = c(p->value), p->std_error = c(p->std_error);
  for (auto& [key, p] : o.more_flags) p.value = c(p.value), p.std_error = c(p.std_error);
  for (LineResult& l : o.lines) l.budget = c(l.budget), l.realised = c(l.realised), l.computed = c(l.computed);
  o.expected_risk_cost = c(o.expected_risk_cost);
  for (RiskResult& k : o.risks) k.expected = c(k.expected), k.hit_share = c(k.hit_share);
  o.expected_excess = c(o.expected_excess);
  for (auto& [key, share] : o.policy_fired) share = c(share);
  if (off > 0) {
    if (const Series* e = r.find("eigen_vermogen")) o.start_equity = e->mean[off - 1];
    if (const Series* g = r.find("algemene_reserve")) o.start_general_reserve = g->mean[off - 1];
  }
  return o;
}

PathTable restrict_years(const PathTable& t, size_t from, size_t count) {
  if (from + count > t.years) throw std::invalid_argument("jaren buiten de padentabel");
  PathTable o;
  o.paths = t.paths, o.years = count, o.warnings = t.warnings;
  for (auto [src, dst] : {std::pair{&t.equity, &o.equity}, std::pair{&t.signal, &o.signal}, std::pair{&t.floor, &o.floor}}) {
    dst->reserve(t.paths * count);
    for (size_t p = 0; p < t.paths; ++p)
      dst->insert(dst->end(), src->begin() + static_cast<std::ptrdiff_t>(p * t.years + from),
                  src->begin() + static_cast<std::ptrdiff_t>(p * t.years + from + count));
  }
  return o;
}

Comparison compare_paths(const PathTable& b, const PathTable& v) {
  if (b.paths != v.paths || b.years != v.years)
    throw std::invalid_argument("vergelijken vraagt evenveel paden en jaren in basis en variant");
  Comparison c;
  c.paths = b.paths;
  for (size_t y = 0; y < b.years; ++y) {
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k); }, c.equity);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) > t.at(t.signal, p, k) ? 1.0 : 0.0; },
           c.excessive);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) < t.at(t.floor, p, k) ? 1.0 : 0.0; },
           c.below_floor);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.equity, p, k) < 0 ? 1.0 : 0.0; }, c.negative);
    paired(b, v, y, [](const PathTable& t, size_t p, size_t k) { return t.at(t.signal, p, k); }, c.signal);
  }
  return c;
}

namespace {

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The policy rules that are lines of the result, each with the keys that set it.
constexpr std::pair<const char*, const char*> kPolicyLines[] = {
    {"beleid.afbouw", "beleid.afbouw"},           {"beleid.bezuiniging", "beleid.bezuiniging"},
    {"beleid.ocw_afroming", "beleid.ocw_afroming"}, {"beleid.ocw_korting", "beleid.ocw_korting"},
    {"vangnet", "vangnet"},
};

// Whether the change `key` writes the line `code` itself.
bool writes_line(const std::string& key, const std::string& code) {
  if (starts(key, "post[")) return starts(key, "post[" + code + "]") && !(key.size() > 6 && key.compare(key.size() - 6, 6, ".groep") == 0);
  if (starts(key, "risico[")) return starts(code, "risico.") && starts(key, "risico[" + code.substr(7) + "]");
  for (const auto& [line, prefix] : kPolicyLines)
    if ((code == line || starts(code, std::string(line) + ".")) && (key == prefix || starts(key, std::string(prefix) + ".")))
      return true;
  return false;
}

const Line* line_in(const Scenario& sc, const std::string& code) {
  for (const Line& l : sc.lines)
    if (l.code == code) return &l;
  return nullptr;
}

bool follows_equity(const std::string& code) {
  return code == "beleid.afbouw" || code == "beleid.bezuiniging" || code == "beleid.ocw_afroming" ||
         code == "beleid.ocw_korting.compensatie";
}

// Keys that only name or describe, or set the simulation (vergelijk runs the variant on the base's
// paths): never the cause of a line.
bool display_only(const std::string& key) {
  return key == "swv.naam" || key == "swv.omschrijving" || (key.size() > 5 && key.compare(key.size() - 5, 5, ".naam") == 0) ||
         starts(key, "simulatie.") || starts(key, "rapport.");
}

// The norms a policy rule compares equity with, in either scenario: the signaleringswaarde (on
// equity) or the streefvermogen (on the algemene reserve, which the bestemmingsreserves leave out),
// the floor. The start equity moves every one of them.
bool policy_reads(const std::string& key, const std::string& code, const Scenario& b, const Scenario& v) {
  if (key == "start.eigen_vermogen") return true;
  const bool signal = starts(key, "normen.signaleringswaarde") || starts(key, "signaleringswaarde");
  const bool target = key == "normen.streefvermogen" || starts(key, "bestemmingsreserve");
  if (code == "beleid.afbouw") {
    const bool above_target = b.policy.spend_above == SpendAbove::Target || v.policy.spend_above == SpendAbove::Target;
    const bool above_signal = b.policy.spend_above == SpendAbove::Signal || v.policy.spend_above == SpendAbove::Signal;
    return (signal && above_signal) || (target && above_target);
  }
  if (code == "beleid.bezuiniging") {
    const bool below_target = b.policy.cut_below == CutBelow::Target || v.policy.cut_below == CutBelow::Target;
    const bool below_floor = b.policy.cut_below == CutBelow::Floor || v.policy.cut_below == CutBelow::Floor;
    return (key == "normen.ondergrens" && below_floor) || (target && below_target);
  }
  return signal;  // ocw_afroming, compensatie of the ocw_korting
}

// Whether the line `code` depends, by its kind, on the change `key` (see LineEffect::causes).
bool depends_on(const std::string& key, const std::string& code, const Line* l, const Scenario& b, const Scenario& v) {
  const InputTopic topic = input_topic(key);
  if (follows_equity(code)) return policy_reads(key, code, b, v);
  // Amounts are in prices of eerste_jaar: another first year (last year's plan beside this year's)
  // moves the base year of every indexed amount the scenario gives.
  if (key == "swv.eerste_jaar") return l && l->kind != LineKind::Computed && l->index != IndexKind::None;
  const bool per_pupil = (l && l->kind != LineKind::Amount) || code == "vangnet" || code == "beleid.ocw_korting";
  if (per_pupil && (topic == InputTopic::Pupils || topic == InputTopic::Flows)) return true;
  if (((l && l->kind == LineKind::Computed) || code == "vangnet") && key == "swv.regels") return true;
  // An amount of the funding rules (rules_changes): the computed lines that use it.
  if (l && l->kind == LineKind::Computed && !l->has_override) {
    if (key == "indexatie.loon_aandeel") return true;
    switch (l->computed) {
      case Computed::Support: return starts(key, "ondersteuning.");
      case Computed::DeductSo: return starts(key, "afdracht.so.");
      case Computed::DeductSbo: return starts(key, "afdracht.sbo.");
      case Computed::DeductLwooPro: return starts(key, "afdracht.lwoo_pro.");
    }
  }
  if (!l || !starts(key, "indexatie.")) return false;
  switch (l->index) {
    case IndexKind::Wage: return key == "indexatie.loon";
    case IndexKind::Price: return key == "indexatie.prijs";
    case IndexKind::Funding: return true;  // bekostiging, or loon and prijs when it is not given
    case IndexKind::None: return false;
  }
  return false;
}

double at(const std::vector<double>& v, size_t y) { return y < v.size() && std::isfinite(v[y]) ? v[y] : 0.0; }

void add_to(OutcomeTotals& t, const std::vector<double>& b, const std::vector<double>& v, size_t years) {
  t.base.resize(years), t.variant.resize(years);
  for (size_t y = 0; y < years; ++y) t.base[y] += at(b, y), t.variant[y] += at(v, y);
}

}  // namespace

OutcomeEffects outcome_effects(const Result& base, const Result& variant, const Scenario& base_sc, const Scenario& variant_sc,
                               const std::vector<Change>& changes) {
  if (base.years != variant.years) throw std::invalid_argument("vergelijken vraagt dezelfde jaren in basis en variant");
  const size_t years = base.years.size();
  OutcomeEffects out;
  for (OutcomeTotals* t : {&out.income, &out.deductions, &out.other_costs, &out.reductions, &out.equity})
    t->base.assign(years, 0.0), t->variant.assign(years, 0.0);
  // Every line of either side, the variant's order first.
  std::vector<const LineResult*> order;
  for (const auto& l : variant.lines) order.push_back(&l);
  for (const auto& l : base.lines)
    if (std::none_of(variant.lines.begin(), variant.lines.end(), [&](const LineResult& v) { return v.code == l.code; })) order.push_back(&l);
  double explained = 0;
  for (const LineResult* any : order) {
    const LineResult* b = nullptr;
    const LineResult* v = nullptr;
    for (const auto& l : base.lines) b = l.code == any->code ? &l : b;
    for (const auto& l : variant.lines) v = l.code == any->code ? &l : v;
    static const std::vector<double> kNone;
    LineEffect e{any->code, any->name, any->side, false, b ? b->realised : kNone, v ? v->realised : kNone, 0, 0, {}, follows_equity(any->code)};
    e.base.resize(years, 0.0), e.variant.resize(years, 0.0);
    const Line* l = line_in(variant_sc, e.code);
    if (!l) l = line_in(base_sc, e.code);
    e.deduction = l && l->kind == LineKind::Computed && l->computed != Computed::Support;
    double largest = 0;
    for (size_t y = 0; y < years; ++y) {
      e.base[y] = at(e.base, y), e.variant[y] = at(e.variant, y);
      e.total_diff += e.variant[y] - e.base[y];
      largest = std::max(largest, std::fabs(e.variant[y] - e.base[y]));
    }
    e.equity_effect = e.side == Side::Income ? e.total_diff : -e.total_diff;
    explained += e.equity_effect;
    add_to(e.side == Side::Income ? out.income : e.side == Side::Reduction ? out.reductions : e.deduction ? out.deductions : out.other_costs,
           e.base, e.variant, years);
    if (largest <= 0.5) continue;
    for (const Change& c : changes)
      if (!display_only(c.key) && (writes_line(c.key, e.code) || depends_on(c.key, e.code, l, base_sc, variant_sc)))
        e.causes.push_back(c.key);
    out.lines.push_back(std::move(e));
  }
  std::stable_sort(out.lines.begin(), out.lines.end(),
                   [](const LineEffect& a, const LineEffect& b) { return std::fabs(a.equity_effect) > std::fabs(b.equity_effect); });
  const Series* eb = base.find("eigen_vermogen");
  const Series* ev = variant.find("eigen_vermogen");
  if (eb && ev) add_to(out.equity, eb->mean, ev->mean, years);
  out.start_effect = variant.start_equity - base.start_equity;
  if (years > 0) out.unexplained = out.equity.variant[years - 1] - out.equity.base[years - 1] - out.start_effect - explained;
  return out;
}

}  // namespace swv
