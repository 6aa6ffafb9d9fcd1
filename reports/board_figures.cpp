#include "board_figures.h"

#include <cmath>

#include "report_terms.h"

namespace swv {

namespace {

std::vector<double> pick(const Result* r, const char* key, bool median) {
  if (!r) return {};
  const Series* s = r->find(key);
  if (!s) return {};
  return median ? s->p50 : s->mean;
}

std::vector<double> flag(const Probability* p) { return p ? p->value : std::vector<double>{}; }

// A line's effect on the result: baten add, kortingen and lasten subtract.
double effect(const LineResult& l, size_t y) {
  const double x = y < l.realised.size() ? l.realised[y] : 0.0;
  return l.side == Side::Income ? x : -x;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

BoardFigures board_figures(const ReportInput& in) {
  const Result& r = in.result;
  BoardFigures f;
  f.chances = in.monte_carlo();
  const Result* plan = f.chances ? in.deterministic : &r;
  f.has_plan = plan != nullptr;
  const Result* central = plan ? plan : &r;
  const bool median = !plan;  // Monte Carlo without the plan: the median stands in
  f.years = r.years;
  f.start_equity = r.start_equity, f.start_general_reserve = r.start_general_reserve;
  f.income = pick(central, "totale_baten", median), f.reductions = pick(central, "kortingen", median);
  f.costs = pick(central, "totale_lasten", median), f.result = pick(central, "saldo", median);
  f.equity = pick(central, "eigen_vermogen", median), f.general_reserve = pick(central, "algemene_reserve", median);
  if (f.general_reserve.empty()) f.general_reserve = f.equity;
  f.signal = pick(central, "signaleringswaarde", median), f.floor = pick(central, "ondergrens", median);
  f.target = pick(central, "streefvermogen", median);
  for (size_t y = 0; y < f.equity.size() && y < f.general_reserve.size(); ++y) f.has_reserves |= std::fabs(f.equity[y] - f.general_reserve[y]) >= 0.5;
  f.has_reserves |= std::fabs(r.start_equity - r.start_general_reserve) >= 0.5;

  auto half = [](const std::vector<double>& p) {
    std::vector<double> v;
    for (double x : p) v.push_back(x > 0.5 ? 1.0 : 0.0);
    return v;
  };
  const Result& flags = plan ? *plan : r;
  f.excessive_plan = plan ? flags.excessive.value : half(r.excessive.value);
  f.below_floor_plan = plan ? flags.below_floor.value : half(r.below_floor.value);
  f.negative_plan = plan ? flags.negative.value : half(r.negative.value);
  f.below_target_plan = plan ? flag(find_flag(flags, "onder_streefvermogen")) : half(flag(find_flag(r, "onder_streefvermogen")));
  if (f.chances) {
    if (const Series* ev = r.find("eigen_vermogen")) f.band_low = ev->p10, f.band_high = ev->p90;
    f.excessive_chance = r.excessive.value, f.below_floor_chance = r.below_floor.value, f.negative_chance = r.negative.value;
    f.below_target_chance = flag(find_flag(r, "onder_streefvermogen"));
  }

  // What moves equity: the plan's lines summed over the planperiode.
  for (const LineResult& l : central->lines)
    for (size_t y = 0; y < r.years.size(); ++y) {
      const double e = effect(l, y);
      if (starts_with(l.code, "beleid.afbouw") || starts_with(l.code, "beleid.extra_besteding")) f.spending_plan -= e;
      else if (starts_with(l.code, "beleid.bezuiniging")) f.cuts += e;
      else if (starts_with(l.code, "beleid.ocw_")) f.ocw -= e;
      else if (is_risk_line(l)) f.risks_in_plan -= e;
      else f.structural += e;
    }
  f.risk_load = r.expected_risk_cost;

  for (const BufferResult& b : r.buffers)
    if (std::fabs(b.confidence - 0.9) < 1e-9) f.buffer = b.required;
  for (const RiskResult& k : r.risks) {
    double total = 0, hits = 0;
    for (double x : k.expected) total += x;
    for (double x : k.hit_share) hits += x;
    if (f.largest_risk.empty() || total > f.largest_risk_total) {
      f.largest_risk = k.code + " " + k.name, f.largest_risk_total = total;
      f.largest_risk_chance = k.hit_share.empty() ? 0.0 : hits / static_cast<double>(k.hit_share.size());
    }
  }

  for (const PupilShare& p : pupil_shares(*central)) {
    std::vector<double> t = pupil_share_target(in, p);
    if (t.empty() || !p.percent) continue;
    f.shares.push_back({p.label, median ? p.series->p50 : p.series->mean, std::move(t)});
  }
  return f;
}

}  // namespace swv
