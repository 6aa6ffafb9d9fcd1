#pragma once
// The demographic estimate (docs/kalibratie.md, "Demografie"): the intake into regular education,
// its expected growth `groei`, the yearly shock's sd `onzekerheid` and its persistence
// `persistentie`, from the regular counts alone.
//
// The model (scenario-format section 5): R_t = (1 − b) R_{t−1} + I_t + noise, b = uitstroom.regulier
// + the referral rates (pupils who leave regular education), the noise binomial with variance
// b(1 − b) R_{t−1}; I_t = I_{t−1} (1 + g + e_t), e_t = ρ e_{t−1} + σ z_t. So y_t = R_t − (1 − b) R_{t−1}
// is the intake seen through binomial noise of known variance, and a Kalman filter on the state
// (I_t, e_t), linearised around its mean (an extended filter), gives the likelihood of (g, σ, ρ).
// With 5 to 15 years the likelihood is flat in σ and ρ, so no single maximum is reported: the
// estimate is the likelihood-weighted mean over a grid (flat priors on g, σ in [0, 0.06],
// ρ in [0, 0.95]) and the standard error its standard deviation (the Bayesian posterior under
// those priors). The intake at the last teldatum comes with its sd over filter and grid.
#include <vector>

namespace swv {

struct IntakeFilter {
  double loglik = 0;      // log-likelihood of y_2 .. y_m given y_1 (the first intake fixes the level)
  double intake = 0;      // filtered mean of I at the last observation
  double intake_var = 0;  // and its variance
  double shock = 0;       // filtered mean of the shock e at the last observation
  double shock_var = 0;   // and its variance
  double cov = 0;         // covariance of intake and shock
};

// The extended Kalman filter on implied intakes y (y[0] = y_1 ...) with measurement variances v.
// Initial state: I_1 ~ N(y_1, v_1) (a flat prior updated with y_1), e_1 ~ N(0, σ²/(1 − ρ²)).
IntakeFilter intake_filter(const std::vector<double>& y, const std::vector<double>& v, double g, double sigma, double rho);

struct DemographyEstimate {
  double growth = 0, growth_se = 0;            // g
  double sigma = 0, sigma_se = 0;              // σ (onzekerheid)
  double persistence = 0, persistence_se = 0;  // ρ (persistentie)
  double intake = 0, intake_sd = 0;            // I at the last teldatum (instroom)
  // groei for the engine in the k-th year after the last teldatum (k = 1 … kAheadYears): yearly mean
  // and sd of a normal drawn once per path, such that, from the intake `intake` and with new shocks of
  // σ and ρ at their estimates, the log of the intake k years on has the mean and variance of the
  // posterior predictive. That holds the uncertainty of g, σ, ρ, of the intake level and of the
  // shock the history ends with, jointly (the engine draws each key on its own, so they cannot be
  // separate keys without losing how they hang together).
  std::vector<double> growth_ahead, growth_ahead_sd;
  std::vector<int> years;                      // teldatum years of the intakes used
  bool growth_at_edge = false, sigma_at_edge = false;  // more than 1% of the weight on the grid's outer points
  bool negative_intake = false;                 // some y_t <= 0: the counts fall faster than b allows
};

// Grid bounds (documented in docs/kalibratie.md).
constexpr double kSigmaMax = 0.06, kRhoMax = 0.95;
constexpr int kAheadYears = 15;  // a planperiode is at most 15 years

// `regular` are the counts of `years` (at least 3); `leave` is b (uitstroom.regulier + referrals).
DemographyEstimate estimate_demography(const std::vector<double>& regular, const std::vector<int>& years, double leave);

}  // namespace swv
