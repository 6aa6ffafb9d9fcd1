#include "sensitivity.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "input_name.h"
#include "mc_pin.h"
#include "mc_paths.h"

namespace swv {

namespace {

// The plain name (input_name.h): "Verwijzing regulier → SBO", "Post 3.1 Arrangementen: onzekerheid".
std::string label_of(const std::string& key, const Scenario& sc) { return plain_input_name(key, sc); }

bool is_index(const Value& v, const Scenario& sc) { return &v == &sc.index.funding || &v == &sc.index.wage || &v == &sc.index.price; }

// The post an input belongs to ("post[3.1].bedrag" -> the line with code 3.1), or null.
const Line* post_of(const std::string& key, const Scenario& sc) {
  if (key.rfind("post[", 0) != 0) return nullptr;
  const size_t end = key.find(']');
  if (end == std::string::npos) return nullptr;
  const std::string code = key.substr(5, end - 5);
  for (const Line& l : sc.lines)
    if (l.code == code) return &l;
  return nullptr;
}

// Takes the inputs for which group_of gives a name together, one input per name (in order of
// first appearance, where the first member stood).
template <class GroupOf>
std::vector<UncertainInput> take_together(std::vector<UncertainInput> in, GroupOf&& group_of) {
  std::vector<UncertainInput> out, first;  // first: the first member of each group, in `at` order
  std::vector<std::pair<std::string, size_t>> at;  // group key -> index in out
  for (UncertainInput& x : in) {
    const auto [key, label] = group_of(x);
    if (key.empty()) {
      out.push_back(std::move(x));
      continue;
    }
    // clang 14 cannot capture a structured binding: the lambda captures a copy of the key.
    auto it = std::find_if(at.begin(), at.end(), [&, k = key](const auto& e) { return e.first == k; });
    if (it == at.end()) {
      at.emplace_back(key, out.size());
      first.push_back(x);
      out.push_back({key, label, Where{}, x.driver, x.drivers, x.members});
      continue;
    }
    UncertainInput& g = out[it->second];
    g.drivers.insert(g.drivers.end(), x.drivers.begin(), x.drivers.end());
    g.members += x.members;
  }
  for (size_t k = 0; k < at.size(); ++k) {  // a group of one stays that input
    UncertainInput& g = out[at[k].second];
    if (g.members == first[k].members) g = std::move(first[k]);
    else g.label += " (" + std::to_string(g.members) + " onzekere invoeren samen)";
  }
  return out;
}

std::vector<UncertainInput> separate_inputs(const Scenario& sc);

}  // namespace

std::vector<UncertainInput> uncertain_inputs(const Scenario& sc) {
  std::vector<UncertainInput> in = separate_inputs(sc);
  if (in.size() <= kMaxSeparateInputs) return in;
  // Too many to run one by one: a post's inputs per groep of posts ...
  in = take_together(std::move(in), [&](const UncertainInput& x) -> std::pair<std::string, std::string> {
    const Line* l = x.members == 1 ? post_of(x.key, sc) : nullptr;
    if (!l) return {};
    const std::string g = l->group.empty() ? "(zonder groep)" : l->group;
    return {"groep[" + g + "]", "Posten in groep " + g};
  });
  if (in.size() <= kMaxSeparateInputs) return in;
  // ... and then the risks together.
  return take_together(std::move(in), [](const UncertainInput& x) -> std::pair<std::string, std::string> {
    if (x.key.rfind("risico[", 0) != 0) return {};
    return {"risico's", "Alle risico's"};
  });
}

namespace {

std::vector<UncertainInput> separate_inputs(const Scenario& sc) {
  std::vector<UncertainInput> out;
  // Risk impacts are drawn with the risk's own stream (below), not their value's: skip them here.
  std::vector<const Value*> impacts;
  for (const Risk& r : sc.risks) impacts.push_back(&r.impact);
  bool index_listed = false;
  for_each_value(sc, [&](const Value& v) {
    if (!v.is_random() || std::find(impacts.begin(), impacts.end(), &v) != impacts.end()) return;
    if (is_index(v, sc)) {  // the three scores come from one stream (kIndexDriver), correlated
      if (!index_listed) out.push_back({"indexatie", "Indexatie (bekostiging, lonen en prijzen samen)", v.where, kIndexDriver, {kIndexDriver}, 1});
      index_listed = true;
      return;
    }
    out.push_back({v.where.key, label_of(v.where.key, sc), v.where, v.driver, {v.driver}, 1});
  });
  const Demography& d = sc.demography;
  if (d.sigma.is_random() || d.sigma.mean(sc.first_year) > 0 || d.sigma.mean(sc.last_year) > 0)
    out.push_back({"demografie.onzekerheid", label_of("demografie.onzekerheid", sc), d.sigma.where, kDemographyDriver,
                   {kDemographyDriver}, 1});
  // Who is referred and who leaves, given the rates: chance, not an assumption, but a share of
  // the spread an RvT should see named.
  out.push_back({"stromen.toeval", "Toeval in verwijzingen en uitstroom", Where{}, kFlowDriver, {kFlowDriver}, 1});
  for (const Line& l : sc.lines)
    if (l.shock_sd > 0) {
      const std::string key = "post[" + l.code + "].onzekerheid";
      out.push_back({key, label_of(key, sc), l.where, l.shock_driver, {l.shock_driver}, 1});
    }
  for (const Risk& r : sc.risks) {
    const std::string key = "risico[" + r.code + "]";
    out.push_back({key, label_of(key, sc), r.where, r.driver, {r.driver}, 1});
  }
  return out;
}

}  // namespace

double first_order_share(const double* a, const double* b, const double* c, size_t n, size_t stride) {
  if (n == 0) return NAN;
  double ma = 0, mc = 0;
  for (size_t i = 0; i < n; ++i) ma += a[i * stride], mc += c[i * stride];
  const double N = static_cast<double>(n);
  ma /= N, mc /= N;
  double cov = 0, va = 0, vc = 0;
  for (size_t i = 0; i < n; ++i) {
    const double x = a[i * stride] - ma, z = c[i * stride] - mc;
    cov += x * (b[i * stride] - c[i * stride]), va += x * x, vc += z * z;
  }
  const double var = (va + vc) / (2 * N);
  if (!(var > 1e-18 * (1 + ma * ma))) return NAN;
  return cov / N / var;
}

double Sensitivity::unexplained(size_t y) const {
  double s = 0;
  for (const InputShare& x : inputs)
    if (std::isfinite(x.share[y])) s += std::max(0.0, x.share[y]);
  return 1 - s;
}

std::vector<size_t> Sensitivity::ranking(size_t y) const {
  std::vector<size_t> idx(inputs.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  auto key = [&](size_t i) { return std::isfinite(inputs[i].share[y]) ? inputs[i].share[y] : -INFINITY; };
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
  return idx;
}

Sensitivity run_sensitivity(const Scenario& sc, const McOptions& opt, int target_year) {
  Sensitivity s;
  for (int y = sc.first_year; y <= sc.last_year; ++y) s.years.push_back(y);
  s.paths = static_cast<size_t>(sc.paths);
  s.target_year = target_year ? target_year : sc.last_year;
  if (s.target_year < sc.first_year || s.target_year > sc.last_year)
    throw std::invalid_argument("gevoeligheid: doeljaar " + std::to_string(s.target_year) + " ligt buiten de planperiode " +
                                std::to_string(sc.first_year) + "–" + std::to_string(sc.last_year));
  if (s.paths < 2 * Sensitivity::kBatches)
    throw std::invalid_argument("gevoeligheid: kies minstens " + std::to_string(2 * Sensitivity::kBatches) +
                                " paden (--paden): de aandelen en hun standaardfouten worden in " +
                                std::to_string(Sensitivity::kBatches) + " groepen van paden geschat");
  const std::vector<UncertainInput> inputs = uncertain_inputs(sc);
  // The plain run, the redrawn run and one run per input, each kept with the other two: the two
  // equity columns and one table at a time (within the two tables run_paths allows).
  check_decision_work(sc, static_cast<double>(inputs.size()) + 2,
                      "gevoeligheid met " + std::to_string(inputs.size()) + " onzekere invoeren");
  PathTable a = run_paths(sc, opt);
  const size_t Y = a.years, n = a.paths;
  for (size_t y = 0; y < Y; ++y) {
    const double m = a.mean(a.equity, y);
    double v = 0;
    for (size_t p = 0; p < n; ++p) v += (a.at(a.equity, p, y) - m) * (a.at(a.equity, p, y) - m);
    s.equity_mean.push_back(m);
    s.equity_sd.push_back(std::sqrt(v / static_cast<double>(n > 1 ? n - 1 : 1)));
    s.excessive.push_back(a.excessive(y));
  }
  const std::vector<double> ya = std::move(a.equity);
  a = PathTable{};
  const std::vector<double> yc = run_paths(sc, opt, Pin::redraw()).equity;
  const size_t B = Sensitivity::kBatches;
  for (const UncertainInput& in : inputs) {
    const std::vector<double> yb = run_paths(sc, opt, Pin::keep(in.drivers)).equity;
    InputShare x{in, {}, {}, {}};
    for (size_t y = 0; y < Y; ++y) {
      const double share = first_order_share(&ya[y], &yb[y], &yc[y], n, Y);
      // Batch means: the estimator on B contiguous ranges of paths; its spread gives the error.
      double sum = 0, sum2 = 0;
      size_t ok = 0;
      for (size_t k = 0; k < B; ++k) {
        const size_t lo = n * k / B, hi = n * (k + 1) / B, at = lo * Y + y;
        const double sk = first_order_share(&ya[at], &yb[at], &yc[at], hi - lo, Y);
        if (std::isfinite(sk)) sum += sk, sum2 += sk * sk, ++ok;
      }
      double se = NAN;
      if (ok == B) {
        const double mb = sum / static_cast<double>(B);
        se = std::sqrt(std::max(0.0, (sum2 / static_cast<double>(B) - mb * mb) * static_cast<double>(B) / static_cast<double>(B - 1)) /
                       static_cast<double>(B));
      }
      x.share.push_back(share);
      x.std_error.push_back(std::isfinite(share) ? se : NAN);
      x.spread.push_back(std::isfinite(share) ? std::sqrt(std::max(0.0, share)) * s.equity_sd[y] : NAN);
    }
    s.inputs.push_back(std::move(x));
  }
  return s;
}

}  // namespace swv
