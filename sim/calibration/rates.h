#pragma once
// Estimators of the flow rates (docs/kalibratie.md, "Stromen"): a yearly probability per pupil of
// the source population at the previous teldatum, pooled over the years of the history, with a
// quasi-binomial standard error. The model's flows are binomial given the counts, so with
// dispersion 1 the standard error is the binomial one; year-to-year swings beyond chance (a
// Pearson test) widen it and are reported as the rate's yearly spread.
#include <vector>

namespace swv {

struct RateEstimate {
  double value = 0;      // p̂
  double std_error = 0;  // standard error of p̂
  double dispersion = 1; // φ̂ = Pearson X² / (k − 1); 1 when k < 2
  int df = 0;            // k − 1
  bool overdispersed = false;  // X² above the 95% quantile of χ²(k − 1) (k >= 3)
  double year_sd = 0;    // τ̂: sd of the rate from year to year beyond chance (0 unless overdispersed)
  bool clamped = false;  // the raw estimate was below 0 or above kMaxRate and is reported at that bound
  std::vector<int> years;  // teldatum years whose changes were used
};

// The largest rate an estimate reports: the model lets only the pupils of the previous teldatum move,
// so a history where more leave than were there (short placements) would give 1 or more.
constexpr double kMaxRate = 0.99;

// Events x_t of n_t pupils at risk in year years[t] (binomial): p̂ = Σx / Σn;
// Var_t = p̂(1 − p̂) n_t; SE = √(max(1, φ̂) Σ Var_t) / Σn; τ̂² = (φ̂ − 1) p̂(1 − p̂) / n̄.
RateEstimate pooled_rate(const std::vector<double>& events, const std::vector<double>& at_risk, const std::vector<int>& years);

// A referral rate from the net change of a stock: ΔX_t = p R_{t−1} − q X_{t−1} + noise, with the
// exit rate q given (assumed, or estimated from pooled flow columns):
//   p̂ = Σ (ΔX_t + q X_{t−1}) / Σ R_{t−1},
//   Var_t = p̂(1 − p̂) R_{t−1} + exit_weight · q(1 − q) X_{t−1},  SE = √(max(1, φ̂) Σ Var_t) / Σ R_{t−1}.
// exit_weight is 1 for an assumed q (its exits are not observed); for one category of a stock
// whose q comes from the pooled exits of all categories it is 1 − w, w the category's share of the
// stock-years (its own exits partly cancel against q̂). τ̂² = (φ̂ − 1) mean(Var_t) / mean(R)².
// A negative p̂ (the stock shrinks faster than q allows) is reported as 0 with `clamped`, one above
// kMaxRate as kMaxRate (so is a pooled rate).
RateEstimate net_rate(const std::vector<double>& change, const std::vector<double>& regular_before, const std::vector<double>& stock_before,
                      double exit_rate, double exit_weight, const std::vector<int>& years);

// The 95% quantile of χ² with df degrees of freedom (the Pearson test's threshold).
double chi2_95(int df);

}  // namespace swv
