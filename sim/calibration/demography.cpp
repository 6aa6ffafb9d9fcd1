#include "demography.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace swv {

IntakeFilter intake_filter(const std::vector<double>& y, const std::vector<double>& v, double g, double sigma, double rho) {
  IntakeFilter f;
  const double s2 = sigma * sigma;
  double mi = y[0], me = 0;                                    // state mean (I, e)
  double p11 = v[0], p12 = 0, p22 = s2 / (1 - rho * rho);      // state covariance
  for (size_t t = 1; t < y.size(); ++t) {
    // Predict: I' = I (1 + g + e'), e' = ρ e + σ z. E[I e'] = ρ (m_I m_e + P12) keeps the second-order term.
    const double c = 1 + g + rho * me;
    const double mi_p = mi * (1 + g) + rho * (mi * me + p12);
    const double me_p = rho * me;
    const double d = mi * rho;  // ∂I'/∂e
    const double a11 = c * c * p11 + 2 * c * d * p12 + d * d * p22 + s2 * mi * mi;
    const double a12 = c * rho * p12 + d * rho * p22 + s2 * mi;
    const double a22 = rho * rho * p22 + s2;
    // Update with y_t = I_t + noise of variance v_t.
    const double S = a11 + v[t], nu = y[t] - mi_p;
    f.loglik -= 0.5 * (std::log(2 * std::numbers::pi * S) + nu * nu / S);
    const double k1 = a11 / S, k2 = a12 / S;
    mi = mi_p + k1 * nu, me = me_p + k2 * nu;
    p11 = a11 - k1 * a11, p12 = a12 - k1 * a12, p22 = a22 - k2 * a12;
  }
  f.intake = mi, f.intake_var = p11, f.shock = me, f.shock_var = p22, f.cov = p12;
  return f;
}

namespace {

std::vector<double> steps(double from, double to, int n) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) out.push_back(from + (to - from) * i / (n - 1));
  return out;
}

// One point of the grid: its parameters, log-likelihood and filter at the last teldatum.
struct Cell {
  double g, s, r, ll;
  IntakeFilter f;
};

std::vector<Cell> grid(const std::vector<double>& y, const std::vector<double>& v, const std::vector<double>& gs, const std::vector<double>& ss,
                       const std::vector<double>& rs) {
  std::vector<Cell> cells;
  cells.reserve(gs.size() * ss.size() * rs.size());
  for (double g : gs)
    for (double s : ss)
      for (double r : rs) {
        const IntakeFilter f = intake_filter(y, v, g, s, r);
        cells.push_back({g, s, r, f.loglik, f});
      }
  return cells;
}

// The likelihood-weighted moments over the grid (flat priors on it).
struct Posterior {
  double g = 0, g_sd = 0, s = 0, s_sd = 0, r = 0, r_sd = 0, intake = 0, intake_sd = 0;
  // The log of the intake k = 1 … kAheadYears years after the last teldatum relative to `intake`,
  // L_k = (I_T − intake) / intake + k g + Σ_{j<=k} e_{T+j}: its mean and sd (posterior predictive).
  std::vector<double> ahead, ahead_sd;
  std::vector<double> g_weight, s_weight;  // marginals, in grid order
};

Posterior posterior(const std::vector<Cell>& cells, const std::vector<double>& gs, const std::vector<double>& ss) {
  double best = -INFINITY;
  for (const Cell& c : cells) best = std::max(best, c.ll);
  std::vector<double> w;
  double total = 0;
  for (const Cell& c : cells) w.push_back(std::exp(c.ll - best)), total += w.back();
  for (double& x : w) x /= total;
  Posterior p;
  double g2 = 0, s2 = 0, r2 = 0, i2 = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    const Cell& c = cells[k];
    p.g += w[k] * c.g, g2 += w[k] * c.g * c.g;
    p.s += w[k] * c.s, s2 += w[k] * c.s * c.s;
    p.r += w[k] * c.r, r2 += w[k] * c.r * c.r;
    p.intake += w[k] * c.f.intake, i2 += w[k] * (c.f.intake_var + c.f.intake * c.f.intake);
  }
  auto sd = [](double m, double sq) { return std::sqrt(std::max(0.0, sq - m * m)); };
  p.g_sd = sd(p.g, g2), p.s_sd = sd(p.s, s2), p.r_sd = sd(p.r, r2), p.intake_sd = sd(p.intake, i2);
  // L_k per cell: the level error λ = (I_T − Ī)/Ī (mean (m_I − Ī)/Ī, variance P11/Ī²), the growth
  // k g + ê Σρ^j, the last shock's error (Σρ^j)² P22 correlated with the level's (2 Σρ^j P12/Ī), and
  // new shocks σ² Σ_{j<=k} A_j², A_j = 1 + ρ + … + ρ^(j−1) (what one shock adds over the j years from it on).
  std::vector<double> m1(kAheadYears, 0), m2(kAheadYears, 0);
  const double I = std::max(p.intake, 1.0);  // the level term is relative; an intake near 0 is warned about
  for (size_t k = 0; k < cells.size(); ++k) {
    const Cell& c = cells[k];
    const double level = (c.f.intake - I) / I, level_var = c.f.intake_var / (I * I), cov = c.f.cov / I;
    double rj = 1, sum_r = 0, acc = 0, sum_a2 = 0;
    for (size_t j = 0; j < kAheadYears; ++j) {
      acc += rj, rj *= c.r, sum_r += rj, sum_a2 += acc * acc;
      const double m = level + static_cast<double>(j + 1) * c.g + sum_r * c.f.shock;
      const double var = level_var + sum_r * sum_r * c.f.shock_var + 2 * sum_r * cov + c.s * c.s * sum_a2;
      m1[j] += w[k] * m, m2[j] += w[k] * (m * m + var);
    }
  }
  for (size_t j = 0; j < kAheadYears; ++j) p.ahead.push_back(m1[j]), p.ahead_sd.push_back(sd(m1[j], m2[j]));
  p.g_weight.assign(gs.size(), 0), p.s_weight.assign(ss.size(), 0);
  for (size_t k = 0; k < cells.size(); ++k) {
    p.g_weight[static_cast<size_t>(std::find(gs.begin(), gs.end(), cells[k].g) - gs.begin())] += w[k];
    p.s_weight[static_cast<size_t>(std::find(ss.begin(), ss.end(), cells[k].s) - ss.begin())] += w[k];
  }
  return p;
}

}  // namespace

DemographyEstimate estimate_demography(const std::vector<double>& regular, const std::vector<int>& years, double leave) {
  DemographyEstimate e;
  std::vector<double> y, v;
  for (size_t t = 1; t < regular.size(); ++t) {
    y.push_back(regular[t] - (1 - leave) * regular[t - 1]);
    v.push_back(std::max(1.0, leave * (1 - leave) * regular[t - 1]));
    e.years.push_back(years[t]);
    e.negative_intake |= y.back() <= 0;
  }
  // The growth of the regular count over the history centres the first, coarse grid of g; the
  // second grid spans six standard errors of the first around its mean, finer.
  const double g0 = std::log(regular.back() / regular.front()) / static_cast<double>(regular.size() - 1);
  const std::vector<double> rs = steps(0, kRhoMax, 20);
  const std::vector<double> gs1 = steps(g0 - 0.2, g0 + 0.2, 41), ss1 = steps(0, kSigmaMax, 13);
  const Posterior coarse = posterior(grid(y, v, gs1, ss1, rs), gs1, ss1);
  const double half = std::max(6 * coarse.g_sd, 0.02);
  const std::vector<double> gs = steps(coarse.g - half, coarse.g + half, 81), ss = steps(0, kSigmaMax, 25);
  const Posterior p = posterior(grid(y, v, gs, ss, rs), gs, ss);
  e.growth = p.g, e.growth_se = p.g_sd;
  e.sigma = p.s, e.sigma_se = p.s_sd;
  e.persistence = p.r, e.persistence_se = p.r_sd;
  // A negative intake (the counts fall faster than b allows) is 0 for the engine, which cannot take
  // one; negative_intake warns that the demography fits the history badly.
  e.intake = std::max(0.0, p.intake), e.intake_sd = p.intake_sd;
  // The engine draws σ̄ and ρ̄ (the posterior means) for new shocks and groei once per path (one
  // normal score for all years): groei's yearly means and sds make the engine's log intake k years
  // on match the posterior predictive L_k in mean and variance: the uncertainty of g, σ, ρ, of the
  // intake level and of the last shock together.
  double shock_var = 0, acc = 0, rj = 1, before_mean = 0, before_sd = 0;
  for (size_t j = 0; j < p.ahead.size(); ++j) {
    acc += rj, rj *= p.r, shock_var += p.s * p.s * acc * acc;
    const double total_sd = std::max(before_sd, std::sqrt(std::max(0.0, p.ahead_sd[j] * p.ahead_sd[j] - shock_var)));
    e.growth_ahead.push_back(p.ahead[j] - before_mean);
    e.growth_ahead_sd.push_back(total_sd - before_sd);
    before_mean = p.ahead[j], before_sd = total_sd;
  }
  e.growth_at_edge = p.g_weight.front() > 0.01 || p.g_weight.back() > 0.01;
  e.sigma_at_edge = std::max_element(p.s_weight.begin(), p.s_weight.end()) == p.s_weight.end() - 1;
  return e;
}

}  // namespace swv
