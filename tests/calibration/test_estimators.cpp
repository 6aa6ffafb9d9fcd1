// The estimators of the calibration room against hand computation: the pooled and net rates with
// their quasi-binomial standard errors and the Pearson test (rates.h), and the extended Kalman
// filter of the intake (demography.h).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "demography.h"
#include "rates.h"

using namespace swv;
using Catch::Detail::Approx;

TEST_CASE("rates: chi2_95 is the 95% quantile of chi-squared (tables)", "[kalibratie][schatters]") {
  CHECK(chi2_95(1) == Approx(3.8415).epsilon(1e-4));
  CHECK(chi2_95(2) == Approx(5.9915).epsilon(1e-4));
  CHECK(chi2_95(10) == Approx(18.307).epsilon(1e-4));
}

TEST_CASE("rates: pooled rate, exactly binomial years: SE is the binomial one", "[kalibratie][schatters]") {
  // 10 of 1000 and 20 of 2000: p = 30/3000 = 0.01 and both years sit exactly on it (residuals 0,
  // dispersion 0, so max(1, 0) = 1): SE = √(0.01 · 0.99 · 3000) / 3000.
  const RateEstimate r = pooled_rate({10, 20}, {1000, 2000}, {2021, 2022});
  CHECK(r.value == Approx(0.01));
  CHECK(r.dispersion == Approx(0.0).margin(1e-12));
  CHECK(r.df == 1);
  CHECK(r.std_error == Approx(std::sqrt(0.01 * 0.99 * 3000) / 3000));
  CHECK_FALSE(r.overdispersed);
  CHECK(r.year_sd == 0);
  CHECK(r.years == std::vector<int>{2021, 2022});
}

TEST_CASE("rates: pooled rate whose years swing beyond chance: Pearson test, wider SE, yearly sd", "[kalibratie][schatters]") {
  // 5, 20, 35 of 1000 each: p = 0.02, residuals −15, 0, 15, binomial variance 0.02 · 0.98 · 1000 = 19.6.
  // X² = 450 / 19.6 = 22.959 on 2 df > 5.991: overdispersed, φ = 11.480.
  // SE = √(φ · 3 · 19.6) / 3000; τ = √((φ − 1) · 19.6) / 1000.
  const RateEstimate r = pooled_rate({5, 20, 35}, {1000, 1000, 1000}, {2020, 2021, 2022});
  const double var = 0.02 * 0.98 * 1000, phi = 450 / var / 2;
  CHECK(r.value == Approx(0.02));
  CHECK(r.dispersion == Approx(phi));
  CHECK(r.overdispersed);
  CHECK(r.std_error == Approx(std::sqrt(phi * 3 * var) / 3000));
  CHECK(r.year_sd == Approx(std::sqrt((phi - 1) * var) / 1000));
}

TEST_CASE("rates: no event in the history is not certainty: half an event gives the SE", "[kalibratie][schatters]") {
  const RateEstimate r = pooled_rate({0, 0, 0}, {1000, 1000, 1000}, {2020, 2021, 2022});
  const double p = 0.5 / 3000;
  CHECK(r.value == 0);
  CHECK(r.std_error == Approx(std::sqrt(p * (1 - p) / 3000)));
}

TEST_CASE("rates: net rate from the change of a stock with an assumed exit rate", "[kalibratie][schatters]") {
  // ΔX = +5 and −3 with X = 300 and 305 before, R = 10000 both years, q = 0.24:
  // p = (5 + 72 − 3 + 73.2) / 20000 = 0.00736; residuals 5 + 72 − 73.6 = 3.4 and −3 + 73.2 − 73.6 = −3.4;
  // Var_t = p(1 − p) · 10000 + 0.24 · 0.76 · X_t.
  const RateEstimate r = net_rate({5, -3}, {10000, 10000}, {300, 305}, 0.24, 1.0, {2021, 2022});
  const double p = 147.2 / 20000;
  const double v1 = p * (1 - p) * 10000 + 0.24 * 0.76 * 300, v2 = p * (1 - p) * 10000 + 0.24 * 0.76 * 305;
  const double phi = 3.4 * 3.4 / v1 + 3.4 * 3.4 / v2;  // one degree of freedom
  CHECK(r.value == Approx(p));
  CHECK(r.dispersion == Approx(phi));
  CHECK(r.std_error == Approx(std::sqrt(std::max(1.0, phi) * (v1 + v2)) / 20000));
  CHECK_FALSE(r.clamped);
  // A category whose exit rate comes from the pooled exits: only (1 − w) of its exit variance counts.
  const RateEstimate w = net_rate({5, -3}, {10000, 10000}, {300, 305}, 0.24, 0.2, {2021, 2022});
  const double w1 = p * (1 - p) * 10000 + 0.2 * 0.24 * 0.76 * 300, w2 = p * (1 - p) * 10000 + 0.2 * 0.24 * 0.76 * 305;
  CHECK(w.std_error == Approx(std::sqrt(std::max(1.0, 3.4 * 3.4 / w1 + 3.4 * 3.4 / w2) * (w1 + w2)) / 20000));
}

TEST_CASE("rates: a stock that falls faster than the exit rate allows gives referral 0, marked", "[kalibratie][schatters]") {
  const RateEstimate r = net_rate({-100, -100}, {10000, 10000}, {300, 200}, 0.24, 1.0, {2021, 2022});
  CHECK(r.clamped);
  CHECK(r.value == 0);
  CHECK(r.std_error > 0);
}

TEST_CASE("intake filter: one step by hand, without and with a growth shock", "[kalibratie][schatters]") {
  // y = 1000, 1010 with v = 100: I_1 ~ N(1000, 100). g = 1%, σ = 0: I_2 predicted 1010 with variance
  // 1.01² · 100 = 102.01; S = 202.01, innovation 0: loglik = −½ log(2π · 202.01), I_2 = 1010 with
  // variance 102.01 − 102.01² / 202.01.
  const IntakeFilter a = intake_filter({1000, 1010}, {100, 100}, 0.01, 0.0, 0.0);
  CHECK(a.loglik == Approx(-0.5 * std::log(2 * std::numbers::pi * 202.01)));
  CHECK(a.intake == Approx(1010));
  CHECK(a.intake_var == Approx(102.01 - 102.01 * 102.01 / 202.01));
  // σ = 1%, ρ = 0: e_1 ~ N(0, 1e-4) does not act (ρ = 0); the new shock adds σ² I_1² = 100 to the
  // intake's variance and σ² I_1 = 0.1 to its covariance with e_2 (variance σ² = 1e-4). y_2 = 1040:
  // innovation 30, S = 202.01 + 100 + 100 = 302.01 (prior 202.01, measurement 100).
  const IntakeFilter b = intake_filter({1000, 1040}, {100, 100}, 0.01, 0.01, 0.0);
  const double p11 = 102.01 + 100, p12 = 0.1, p22 = 1e-4, S = p11 + 100;
  CHECK(b.loglik == Approx(-0.5 * (std::log(2 * std::numbers::pi * S) + 900 / S)));
  CHECK(b.intake == Approx(1010 + p11 / S * 30));
  CHECK(b.intake_var == Approx(p11 - p11 * p11 / S));
  CHECK(b.shock == Approx(p12 / S * 30));
  CHECK(b.shock_var == Approx(p22 - p12 * p12 / S));
  CHECK(b.cov == Approx(p12 - p11 * p12 / S));
}

TEST_CASE("demography: a smooth intake growing 2% a year is found, with the intake at the end", "[kalibratie][schatters]") {
  // R_t = (1 − b) R_{t−1} + I_t with b = 0.125 and I_t = 1500 · 1.02^t exactly (no noise at all):
  // the estimate of g must be 2% well within its standard error, the intake the last one.
  const double b = 0.125;
  std::vector<double> regular = {12000};
  std::vector<int> years = {2010};
  double intake = 1500;
  for (int t = 1; t <= 11; ++t) {
    intake *= 1.02;
    regular.push_back((1 - b) * regular.back() + intake);
    years.push_back(2010 + t);
  }
  const DemographyEstimate d = estimate_demography(regular, years, b);
  CHECK(std::fabs(d.growth - 0.02) < d.growth_se);
  CHECK(std::fabs(d.intake - intake) < 2 * d.intake_sd);
  CHECK(d.years.size() == 11);
  CHECK_FALSE(d.negative_intake);
  REQUIRE(d.growth_ahead.size() == static_cast<size_t>(kAheadYears));
  CHECK(std::fabs(d.growth_ahead[0] - 0.02) < 0.01);
}
