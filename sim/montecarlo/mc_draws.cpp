#include "mc_draws.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <Eigen/Eigenvalues>

#include "binomial.h"

namespace swv {

void DrawCounters::add(const DrawCounters& o) {
  for (const auto& [v, k] : o.clamped) {
    auto it = std::find_if(clamped.begin(), clamped.end(), [key = v](const auto& e) { return e.first == key; });  // clang 14 cannot capture a binding
    if (it == clamped.end()) clamped.emplace_back(v, k);
    else it->second += k;
  }
  for (size_t s = 0; s < rate_sum_paths.size(); ++s) rate_sum_paths[s] += o.rate_sum_paths[s];
  negative_intake_paths += o.negative_intake_paths;
  negative_balance_paths += o.negative_balance_paths;
  if (o.negative_balance_year && (!negative_balance_year || o.negative_balance_year < negative_balance_year))
    negative_balance_year = o.negative_balance_year;
}

Eigen::Matrix3d correlation_factor(const Scenario& sc) {
  Eigen::Matrix3d c;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) c(i, j) = sc.index.correlation[i][j];
  Eigen::LLT<Eigen::Matrix3d> llt(c);
  if (llt.info() == Eigen::Success) return llt.matrixL();
  // Singular but PSD (checked when loading): the eigen factor V sqrt(max(lambda, 0)).
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> es(c);
  return es.eigenvectors() * es.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
}

Pin Pin::at(uint32_t driver, double q) { return Pin{true, driver, q, normal_quantile(q), false, false, {}}; }

Pin Pin::keep(std::vector<uint32_t> drivers) {
  std::sort(drivers.begin(), drivers.end());
  drivers.erase(std::unique(drivers.begin(), drivers.end()), drivers.end());
  if (drivers.size() == 1) return keep(drivers[0]);
  Pin p = keep(drivers.empty() ? 0 : drivers[0]);
  p.keep_set = std::move(drivers);
  return p;
}

McDraws::McDraws(const Scenario& sc, const Eigen::Matrix3d& chol, uint64_t seed)
    : sc_(sc), chol_(chol), seed_(seed), F_(sc.years()), amt_(sc.lines.size(), sc.risks.size(), sc.reserves.size()), s_(seed, 0),
      cache_(sc) {}

void McDraws::start_path(uint64_t path) {
  if (pin_.keep_only && !pin_.keep_set.empty())
    s_ = Stream::kept(seed_, path, pin_.keep_set.data(), pin_.keep_set.data() + pin_.keep_set.size());
  else
    s_ = pin_.keep_only ? Stream::kept(seed_, path, pin_.driver) : Stream(pin_.redraw_all ? Stream::other_seed(seed_) : seed_, path);
  path_ = path;
}

void PathEvents::fold_into(DrawCounters& c) {
  for (const auto& [v, k] : clamped) {
    auto it = std::find_if(c.clamped.begin(), c.clamped.end(), [key = v](const auto& e) { return e.first == key; });
    if (it == c.clamped.end()) c.clamped.emplace_back(v, k);
    else it->second += k;
  }
  for (size_t s = 0; s < rate_sum.size(); ++s) c.rate_sum_paths[s] += rate_sum[s];
  c.negative_intake_paths += negative_intake;
  if (negative_balance_year) {
    c.negative_balance_paths += 1;
    if (!c.negative_balance_year || negative_balance_year < c.negative_balance_year) c.negative_balance_year = negative_balance_year;
  }
  clear();
}

void PathEvents::note_clamp(const Value& v) {
  for (auto& [p, k] : clamped)
    if (p == &v) return void(k += 1);
  clamped.emplace_back(&v, 1.0);
}

std::array<double, 3> McDraws::index_rates(int Y) {
  const Indexation& ix = sc_.index;
  const Value* vals[3] = {&ix.funding, &ix.wage, &ix.price};
  bool any_year = false, any_path = false;
  for (const Value* v : vals) (v->per_year ? any_year : any_path) |= v->is_random();
  Eigen::Vector3d cy = Eigen::Vector3d::Zero(), cp = Eigen::Vector3d::Zero();
  if (any_year) {
    auto a = s_.raw(kIndexDriver, static_cast<uint32_t>(Y), 0), b = s_.raw(kIndexDriver, static_cast<uint32_t>(Y), 1);
    Eigen::Vector3d z(normal_quantile(Stream::u53(a[0], a[1])), normal_quantile(Stream::u53(a[2], a[3])),
                      normal_quantile(Stream::u53(b[0], b[1])));
    cy = chol_ * z;
  }
  if (any_path) {
    Eigen::Vector3d z(path_draw(kIndexDriver, 0).z, path_draw(kIndexDriver, 1).z, path_draw(kIndexDriver, 2).z);
    cp = chol_ * z;
  }
  std::array<double, 3> r{};
  for (int k = 0; k < 3; ++k) {
    const Value& v = *vals[k];
    const bool pinned = pin_.active && v.driver == pin_.driver;
    r[k] = !v.is_random() ? v.p[0].at(Y) : v.from_normal(Y, pinned ? pin_.z : v.per_year ? cy(k) : cp(k));
    // Loading allows at most 0.1% of an index's mass at or below -100%; such a draw stops the index
    // at 0 instead of turning amounts negative.
    r[k] = std::max(r[k], -1.0);
  }
  if (!ix.funding_given) r[0] = sc_.rules.wage_share * r[1] + (1 - sc_.rules.wage_share) * r[2];
  return r;
}

RiskEvent McDraws::risk_event(size_t r, int Y) {
  const Risk& rk = sc_.risks[r];
  const double p = rate(rk.probability, Y);
  if (pin_.active && rk.driver == pin_.driver) {  // the q-quantile of the yearly loss
    if (pin_.u <= 1 - p || p <= 0) return {};
    const double u = std::min(1.0 - 1e-12, (pin_.u - (1 - p)) / p);
    return {true, rk.impact.is_random() ? rk.impact.from_uz(Y, u, normal_quantile(u)) : rk.impact.p[0].at(Y)};
  }
  auto w = s_.raw(rk.driver, static_cast<uint32_t>(Y), 1);
  if (Stream::u53(w[0], w[1]) >= p) return {};
  const Value& v = rk.impact;  // drawn afresh at each occurrence
  if (!v.is_random()) return {true, v.p[0].at(Y)};
  const double u = Stream::u53(w[2], w[3]);
  return {true, v.from_uz(Y, u, v.needs_z() ? normal_quantile(u) : 0.0)};
}

// Competing risks as one multinomial: sequential binomials, the j-th conditional on the pupils
// not yet moved (p_j / (1 - p_1 - ... - p_{j-1})).
void McDraws::moves(int Y, int state, double count, const double* rates, int k, double* out) {
  double sum = 0;
  for (int j = 0; j < k; ++j) sum += rates[j];
  double scale = 1;
  if (sum >= 1) {  // this path drew rates that leave no one staying: scaled to 1, counted
    ev_.rate_sum[static_cast<size_t>(state)] = true;
    scale = 1 / sum;
  }
  double n = std::round(count), left = 1;
  Stream::Words w{};
  int loaded = -1;
  for (int j = 0; j < k; ++j) {
    const double p = left > 0 ? std::min(1.0, rates[j] * scale / left) : 0.0;
    out[j] = 0;
    if (n > 0 && p > 0) {
      if (j / 2 != loaded) {
        loaded = j / 2;
        w = s_.raw(kFlowDriver, static_cast<uint32_t>(Y), static_cast<uint32_t>(8 * state + loaded));
      }
      const uint32_t retry = kFlowRetry | static_cast<uint32_t>(8 * state + j) << 16;
      out[j] = binomial(n, p, w[2 * (j % 2)], w[2 * (j % 2) + 1],
                        [&](uint32_t t) { return s_.raw(kFlowDriver, static_cast<uint32_t>(Y), retry | (t & 0xFFFFu)); });
    }
    n -= out[j];
    left -= rates[j] * scale;
  }
}

}  // namespace swv
