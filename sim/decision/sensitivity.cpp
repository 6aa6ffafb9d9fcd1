#include "sensitivity.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "mc_draws.h"
#include "mc_paths.h"

namespace swv {

namespace {

std::string label_of(const std::string& key, const Scenario& sc) {
  // Lines and risks by their names, the rest by key.
  for (const Line& l : sc.lines)
    if (key.rfind("post[" + l.code + "]", 0) == 0) return key + " (" + l.name + ")";
  for (const Risk& r : sc.risks)
    if (key.rfind("risico[" + r.code + "]", 0) == 0) return key + " (" + r.name + ")";
  return key;
}

std::vector<double> mean_equity(const PathTable& t) {
  std::vector<double> m(t.years);
  for (size_t y = 0; y < t.years; ++y) m[y] = t.mean(t.equity, y);
  return m;
}

std::vector<double> excessive(const PathTable& t) {
  std::vector<double> v(t.years);
  for (size_t y = 0; y < t.years; ++y) v[y] = t.excessive(y);
  return v;
}

}  // namespace

std::vector<UncertainInput> uncertain_inputs(const Scenario& sc) {
  std::vector<UncertainInput> out;
  // Risk impacts are drawn with the risk's own stream (below), not their value's: skip them here.
  std::vector<const Value*> impacts;
  for (const Risk& r : sc.risks) impacts.push_back(&r.impact);
  for_each_value(sc, [&](const Value& v) {
    if (!v.is_random() || std::find(impacts.begin(), impacts.end(), &v) != impacts.end()) return;
    out.push_back({v.where.key, label_of(v.where.key, sc), v.where, v.driver});
  });
  const Demography& d = sc.demography;
  if (d.sigma.is_random() || d.sigma.mean(sc.first_year) > 0 || d.sigma.mean(sc.last_year) > 0)
    out.push_back({"demografie.onzekerheid", "Demografische schok (demografie.onzekerheid)", d.sigma.where,
                   McDraws::kDemographyDriver});
  for (const Line& l : sc.lines)
    if (l.shock_sd > 0) {
      const std::string key = "post[" + l.code + "].onzekerheid";
      out.push_back({key, label_of(key, sc), l.where, l.shock_driver});
    }
  for (const Risk& r : sc.risks) {
    const std::string key = "risico[" + r.code + "]";
    out.push_back({key, label_of(key, sc), r.where, r.driver});
  }
  return out;
}

std::vector<size_t> Sensitivity::ranking(size_t y) const {
  std::vector<size_t> idx(inputs.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return std::fabs(inputs[a].equity_swing(y)) > std::fabs(inputs[b].equity_swing(y));
  });
  return idx;
}

Sensitivity run_sensitivity(const Scenario& sc, const McOptions& opt, double low, double high) {
  Sensitivity s;
  for (int y = sc.first_year; y <= sc.last_year; ++y) s.years.push_back(y);
  s.paths = static_cast<size_t>(sc.paths);
  s.low_quantile = low, s.high_quantile = high;
  const std::vector<UncertainInput> inputs = uncertain_inputs(sc);
  // The method needs two runs per input (held at P10, at P90): quadratic in the inputs, so bounded.
  check_decision_work(sc, 2.0 * static_cast<double>(inputs.size()) + 1,
                      "gevoeligheid met " + std::to_string(inputs.size()) + " onzekere invoeren");
  {
    const PathTable ref = run_paths(sc, opt);
    s.equity_mean = mean_equity(ref), s.excessive = excessive(ref);
  }
  for (const UncertainInput& in : inputs) {
    // One table at a time: only its per-year summaries are kept.
    InputSwing sw{in, {}, {}, {}, {}};
    {
      const PathTable lo = run_paths(sc, opt, Pin::at(in.driver, low));
      sw.equity_low = mean_equity(lo), sw.excessive_low = excessive(lo);
    }
    const PathTable hi = run_paths(sc, opt, Pin::at(in.driver, high));
    sw.equity_high = mean_equity(hi), sw.excessive_high = excessive(hi);
    s.inputs.push_back(std::move(sw));
  }
  return s;
}

}  // namespace swv
