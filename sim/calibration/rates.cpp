#include "rates.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <numeric>

namespace swv {

double chi2_95(int df) { return boost::math::quantile(boost::math::chi_squared(df), 0.95); }

namespace {

// Dispersion, standard error and yearly spread from the residuals r_t, their variances v_t under
// the binomial model (at p̂), and the denominator Σn of the estimator.
void finish(RateEstimate& e, const std::vector<double>& resid, const std::vector<double>& var, double denom, double mean_n) {
  const size_t k = resid.size();
  double sum_var = 0, pearson = 0;
  for (size_t t = 0; t < k; ++t) {
    sum_var += var[t];
    if (var[t] > 0) pearson += resid[t] * resid[t] / var[t];
  }
  e.df = static_cast<int>(k) - 1;
  e.dispersion = e.df >= 1 && sum_var > 0 ? pearson / e.df : 1.0;
  e.overdispersed = e.df >= 2 && sum_var > 0 && pearson > chi2_95(e.df);
  e.std_error = std::sqrt(std::max(1.0, e.dispersion) * sum_var) / denom;
  if (e.overdispersed) e.year_sd = std::sqrt((e.dispersion - 1) * sum_var / static_cast<double>(k)) / mean_n;
}

}  // namespace

RateEstimate pooled_rate(const std::vector<double>& events, const std::vector<double>& at_risk, const std::vector<int>& years) {
  RateEstimate e;
  e.years = years;
  const double x = std::accumulate(events.begin(), events.end(), 0.0), n = std::accumulate(at_risk.begin(), at_risk.end(), 0.0);
  if (n <= 0) return e;
  e.value = x / n;
  if (e.value > kMaxRate) e.value = kMaxRate, e.clamped = true;
  if (x <= 0) {
    // No event in the history: the binomial variance at p̂ = 0 is 0, which would claim certainty.
    // Half an event (Jeffreys' prior) gives the order of what cannot be ruled out.
    const double p = 0.5 / n;
    e.std_error = std::sqrt(p * (1 - p) / n);
    e.df = static_cast<int>(events.size()) - 1;
    return e;
  }
  std::vector<double> resid, var;
  for (size_t t = 0; t < events.size(); ++t) {
    resid.push_back(events[t] - e.value * at_risk[t]);
    var.push_back(e.value * (1 - e.value) * at_risk[t]);
  }
  finish(e, resid, var, n, n / static_cast<double>(events.size()));
  return e;
}

RateEstimate net_rate(const std::vector<double>& change, const std::vector<double>& regular_before, const std::vector<double>& stock_before,
                      double exit_rate, double exit_weight, const std::vector<int>& years) {
  RateEstimate e;
  e.years = years;
  double num = 0, den = 0;
  for (size_t t = 0; t < change.size(); ++t) num += change[t] + exit_rate * stock_before[t], den += regular_before[t];
  if (den <= 0) return e;
  double p = num / den;
  if (p < 0) p = 0, e.clamped = true;
  if (p > kMaxRate) p = kMaxRate, e.clamped = true;
  e.value = p;
  std::vector<double> resid, var;
  for (size_t t = 0; t < change.size(); ++t) {
    resid.push_back(change[t] + exit_rate * stock_before[t] - p * regular_before[t]);
    var.push_back(p * (1 - p) * regular_before[t] + exit_weight * exit_rate * (1 - exit_rate) * stock_before[t]);
  }
  finish(e, resid, var, den, den / static_cast<double>(change.size()));
  if (p == 0 && e.std_error == 0) e.std_error = std::sqrt(0.5 / den) / std::sqrt(den);  // as pooled_rate: half an event
  return e;
}

}  // namespace swv
