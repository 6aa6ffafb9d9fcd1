// The random draws of Monte-Carlo mode against closed forms: the normal quantile, every
// distribution's mean and variance, the binomial flow sampler (exact and approximated), the
// correlation of the index shocks, and common random numbers between a variant and its base.
// Statistical checks allow 4.5 standard errors (a false alarm about once in 150,000 runs; the
// seeds are fixed, so a run either always passes or always fails).
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <catch2/catch.hpp>
#include <Eigen/Cholesky>
#include <cmath>

#include "binomial.h"
#include "helpers.h"
#include "mc_draws.h"
#include "deterministic.h"
#include "mc.h"
#include "model.h"
#include "path_series.h"

using namespace swv;
using namespace swv::test;

namespace {

struct Moments {
  double mean = 0, var = 0, m4 = 0;  // sample mean, variance and fourth central moment
  size_t n = 0;
  double se_mean() const { return std::sqrt(var / static_cast<double>(n)); }
  double se_var() const { return std::sqrt(std::max(0.0, m4 - var * var) / static_cast<double>(n)); }
};

Moments moments(const std::vector<double>& x) {
  Moments m;
  m.n = x.size();
  for (double v : x) m.mean += v;
  m.mean /= static_cast<double>(m.n);
  for (double v : x) {
    const double d = v - m.mean;
    m.var += d * d, m.m4 += d * d * d * d;
  }
  m.var /= static_cast<double>(m.n - 1);
  m.m4 /= static_cast<double>(m.n);
  return m;
}

Scenario minimal_scenario() {
  LoadResult lr = load_text(kMinimalPo, kRulesPo);
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

Value make(Dist d, double a, double b, double c = 0, bool per_year = false) {
  Value v;
  v.dist = d;
  v.per_year = per_year;
  v.p = {YearTable::fixed(a), YearTable::fixed(b), YearTable::fixed(c)};
  v.driver = 0xABCD1234u;
  v.prepare(2025, 2027);
  return v;
}

}  // namespace

TEST_CASE("normal_quantile (AS 241) agrees with the inverse error function", "[draws]") {
  double worst = 0;
  for (double u : {1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02425, 0.075, 0.3, 0.5 - 1e-9, 0.5, 0.6, 0.925, 0.97575,
                   0.999, 1 - 1e-10, 1 - 1e-15}) {
    const double expected = -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u);
    const double got = normal_quantile(u);
    worst = std::max(worst, std::fabs(got - expected) / std::max(1.0, std::fabs(expected)));
  }
  CHECK(worst < 1e-14);
  CHECK(normal_quantile(0.5) == 0.0);
  CHECK(normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-15));
}

TEST_CASE("every distribution has the mean and variance of its closed form", "[draws]") {
  Scenario sc = minimal_scenario();
  struct Case {
    const char* name;
    Value v;
    double mean, var;
  };
  const double pa = 1 + 4 * (0.9 - 0.8) / 0.15, pb = 1 + 4 * (0.95 - 0.9) / 0.15;  // pert(0.8, 0.9, 0.95) as beta
  std::vector<Case> cases = {
      {"normaal", make(Dist::Normal, 100, 15), 100, 225},
      {"lognormaal", make(Dist::LogNormal, 60'000, 25'000), 60'000, 625e6},
      {"uniform", make(Dist::Uniform, 0.7, 1.0), 0.85, 0.09 / 12},
      // (a^2 + b^2 + c^2 - ab - ac - bc) / 18
      {"driehoek", make(Dist::Triangle, 50, 120, 300), 470.0 / 3, (2500 + 14400 + 90000 - 6000 - 15000 - 36000) / 18.0},
      {"pert", make(Dist::Pert, 0.8, 0.9, 0.95), (0.8 + 4 * 0.9 + 0.95) / 6,
       0.15 * 0.15 * pa * pb / ((pa + pb) * (pa + pb) * (pa + pb + 1))},
      {"beta", make(Dist::Beta, 0.2, 0.02), 0.2, 0.0004},
      {"normaal per jaar", make(Dist::Normal, -3, 2, 0, true), -3, 4},
  };
  McDraws dr(sc, Eigen::Matrix3d::Identity(), 7);
  for (const auto& c : cases) {
    INFO(c.name);
    std::vector<double> x;
    for (uint64_t p = 0; p < 40'000; ++p) {
      dr.start_path(p);
      x.push_back(dr.value(c.v, 2026));
    }
    Moments m = moments(x);
    CHECK(std::fabs(m.mean - c.mean) < 4.5 * m.se_mean());
    CHECK(std::fabs(m.var - c.var) < 4.5 * m.se_var());
  }
}

TEST_CASE("a per-path draw keeps its quantile over the years — a per-year draw does not", "[draws]") {
  Scenario sc = minimal_scenario();
  McDraws dr(sc, Eigen::Matrix3d::Identity(), 3);
  Value path = make(Dist::Normal, 0, 1), year = make(Dist::Normal, 0, 1, 0, true);
  int same = 0;
  for (uint64_t p = 0; p < 100; ++p) {
    dr.start_path(p);
    CHECK(dr.value(path, 2025) == dr.value(path, 2027));
    same += dr.value(year, 2025) == dr.value(year, 2027);
  }
  CHECK(same == 0);
}

namespace {

// Draws Bin(n, p) `draws` times from Philox words as the flows do (words 0-1, retries from other
// counters) and checks P(X = k) within 4.5 standard errors for every k with mass above 1e-4, the
// mean within 4.5 standard errors, and the total of the checked cells.
void check_binomial_exact(double n, double p, int draws) {
  INFO("n = " << n << ", p = " << p);
  Stream s(11, static_cast<uint64_t>(n * 1000 + p * 1e6));
  std::vector<double> count(static_cast<size_t>(n) + 1);
  double sum = 0;
  for (int i = 0; i < draws; ++i) {
    const auto w = s.raw(1, static_cast<uint32_t>(i), 0);
    const double k = binomial(n, p, w[0], w[1], [&](uint32_t t) { return s.raw(2, static_cast<uint32_t>(i), t); });
    REQUIRE(k >= 0);
    REQUIRE(k <= n);
    REQUIRE(k == std::floor(k));
    count[static_cast<size_t>(k)] += 1;
    sum += k;
  }
  boost::math::binomial_distribution<> d(n, p);
  const double mean = n * p, sd = std::sqrt(n * p * (1 - p));
  CHECK(std::fabs(sum / draws - mean) <= 4.5 * sd / std::sqrt(static_cast<double>(draws)));
  int checked = 0;
  for (size_t k = 0; k < count.size(); ++k) {
    const double q = boost::math::pdf(d, static_cast<double>(k));
    if (q < 1e-4) continue;
    const double se = std::sqrt(q * (1 - q) / draws);
    INFO("k = " << k << ": " << count[k] / draws << " against " << q);
    CHECK(std::fabs(count[k] / draws - q) <= 4.5 * se);
    ++checked;
  }
  CHECK(checked >= 5);
}

}  // namespace

TEST_CASE("binomial flows are exact: inversion below the switch-over, BTRS above", "[draws]") {
  // Inversion (mean below 10), both sides of 1/2.
  check_binomial_exact(200, 0.045, 200'000);
  check_binomial_exact(30, 0.8, 200'000);
  // BTRS at the switch-over, where its squeeze is weakest, and well above; both sides of 1/2; an SO
  // flow of the example's size; a skewed large n.
  check_binomial_exact(200, 0.05, 200'000);
  check_binomial_exact(20, 0.5, 200'000);
  check_binomial_exact(100, 0.9, 200'000);
  check_binomial_exact(13'000, 0.0068, 200'000);
  check_binomial_exact(20'000, 0.3, 200'000);
  check_binomial_exact(1e6, 3e-5, 200'000);
}

TEST_CASE("binomial inversion is the exact CDF inverse on a grid of u", "[draws]") {
  // Inversion is a deterministic function of u: its distribution on a fine grid (2^20 points)
  // matches the CDF within the grid error.
  for (auto [n, p] : std::vector<std::pair<double, double>>{{200, 0.045}, {1e6, 9e-6}, {12, 0.5}, {40, 0.9}}) {
    INFO("n = " << n << ", p = " << p);
    const int grid = 1 << 20;
    std::vector<double> count(static_cast<size_t>(n) + 1);
    for (int i = 0; i < grid; ++i) count[static_cast<size_t>(binomial_inversion(n, p, (i + 0.5) / grid))] += 1;
    boost::math::binomial_distribution<> d(n, p);
    double cdf = 0, worst = 0;
    for (size_t k = 0; k < count.size() && k < 200; ++k) {
      cdf += count[k] / grid;
      worst = std::max(worst, std::fabs(cdf - boost::math::cdf(d, static_cast<double>(k))));
    }
    CHECK(worst < 2.0 / grid);
  }
}

TEST_CASE("binomial: edge cases and common random numbers", "[draws]") {
  auto none = [](uint32_t) -> Stream::Words { throw std::logic_error("no retry expected"); };
  CHECK(binomial(0, 0.3, 1, 2, none) == 0);
  CHECK(binomial(50, 0, 1, 2, none) == 0);
  CHECK(binomial(50, 1, 1, 2, none) == 50);
  // An overflow upstream gives NaN at once (reported as a run-time error), never a hang.
  CHECK(std::isnan(binomial(NAN, 0.3, 1, 2, none)));
  CHECK(std::isnan(binomial(INFINITY, 0.3, 1, 2, none)));
  CHECK(std::isnan(binomial(5000, NAN, 1, 2, none)));
  CHECK(std::isnan(binomial_inversion(NAN, 0.01, 0.5)));
  // BTRS gives up after kBinomialMaxRetries calls when no attempt is accepted (words that always
  // land outside [0, n]: u at the very edge).
  uint32_t calls = 0;
  auto edge = [&](uint32_t) { ++calls; return Stream::Words{{0, 0, 0, 0}}; };
  CHECK(std::isnan(binomial(200, 0.05, 0, 0, edge)));
  CHECK(calls == kBinomialMaxRetries);
  // The same words for slightly different p: BTRS's candidate moves little (common random numbers).
  Stream s(5, 0);
  double diff = 0;
  const int draws = 20'000;
  for (int i = 0; i < draws; ++i) {
    const auto w = s.raw(1, static_cast<uint32_t>(i), 0);
    auto more = [&](uint32_t t) { return s.raw(2, static_cast<uint32_t>(i), t); };
    diff += std::fabs(binomial(20'000, 0.0100, w[0], w[1], more) - binomial(20'000, 0.0101, w[0], w[1], more));
  }
  // Independent draws would differ by about 2 sd / sqrt(pi) ~ 16 pupils; shared words by ~2 plus rejections.
  CHECK(diff / draws < 5);
}

TEST_CASE("the index shocks recover the target correlation", "[draws]") {
  LoadResult lr = load_text(std::string(kMinimalPo) + R"(
[indexatie]
bekostiging = { verdeling = "normaal", gemiddelde = 0.028, sd = 0.012, per_jaar = true }
loon        = { verdeling = "normaal", gemiddelde = 0.030, sd = 0.015, per_jaar = true }
prijs       = { verdeling = "normaal", gemiddelde = 0.020, sd = 0.010, per_jaar = true }
correlatie  = [[1.0, 0.8, 0.5], [0.8, 1.0, 0.3], [0.5, 0.3, 1.0]]
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  Eigen::Matrix3d c;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) c(i, j) = sc.index.correlation[i][j];
  McDraws dr(sc, Eigen::LLT<Eigen::Matrix3d>(c).matrixL(), 5);
  const int n = 40'000;
  std::vector<std::array<double, 3>> r;
  for (int p = 0; p < n; ++p) {
    dr.start_path(static_cast<uint64_t>(p));
    r.push_back(dr.index_rates(2026));
  }
  auto corr = [&](int a, int b) {
    std::vector<double> x, y;
    for (const auto& v : r) x.push_back(v[static_cast<size_t>(a)]), y.push_back(v[static_cast<size_t>(b)]);
    Moments mx = moments(x), my = moments(y);
    double cov = 0;
    for (size_t i = 0; i < x.size(); ++i) cov += (x[i] - mx.mean) * (y[i] - my.mean);
    return cov / static_cast<double>(x.size() - 1) / std::sqrt(mx.var * my.var);
  };
  // Standard error of a sample correlation: (1 - rho^2) / sqrt(n).
  for (auto [a, b, rho] : std::vector<std::tuple<int, int, double>>{{0, 1, 0.8}, {0, 2, 0.5}, {1, 2, 0.3}}) {
    INFO(a << "-" << b);
    CHECK(std::fabs(corr(a, b) - rho) < 4.5 * (1 - rho * rho) / std::sqrt(n));
  }
}

TEST_CASE("u53 and u32 stay strictly inside (0, 1) at the extreme counter words", "[draws][bounds]") {
  // k = (a << 21) ^ (b >> 11): all ones is k = 2^53 - 1, whose k + 0.5 rounds (to even) to 2^53:
  // without the bound u would be exactly 1 and its normal score +infinity.
  const double top = Stream::u53(0xFFFFFFFFu, 0xFFFFFFFFu);
  CHECK(top < 1.0);
  CHECK(top == 1.0 - 0x1p-53);  // the largest double below 1
  CHECK(std::isfinite(normal_quantile(top)));
  CHECK(normal_quantile(top) == Approx(std::sqrt(2.0) * boost::math::erfc_inv(0x1p-52)).epsilon(1e-14));
  // k = 2^53 - 2 (even): k + 0.5 rounds down to k, unchanged by the bound: (2^53 - 2) / 2^53.
  CHECK(Stream::u53(0xFFFFFFFFu, 0xFFFFF7FFu) == 1.0 - 0x1p-52);
  // k = 0: half a step above 0, never 0.
  CHECK(Stream::u53(0, 0) == 0x1p-54);
  CHECK(std::isfinite(normal_quantile(Stream::u53(0, 0))));
  CHECK(Stream::u32(0) == 0x1p-33);
  CHECK(Stream::u32(0xFFFFFFFFu) == 1.0 - 0x1p-33);
}

TEST_CASE("normal_quantile in the tails to |z| = 8 agrees with the inverse error function", "[draws][bounds]") {
  // Lower tail: u = Phi(-z) is exact enough in double; upper tail by 1 - u with u = 2^-k (1 - u
  // exact), both against boost's erfc_inv (an independent implementation).
  for (double z = 0.5; z <= 8.0; z += 0.25) {
    const double u = 0.5 * boost::math::erfc(z / std::sqrt(2.0));  // Phi(-z)
    INFO("z = " << z);
    CHECK(normal_quantile(u) == Approx(-std::sqrt(2.0) * boost::math::erfc_inv(2 * u)).epsilon(1e-14));
    CHECK(normal_quantile(u) == Approx(-z).epsilon(1e-13));
  }
  for (int k = 2; k <= 53; ++k) {
    const double tail = std::ldexp(1.0, -k);
    INFO("1 - u = 2^-" << k);
    CHECK(normal_quantile(1.0 - tail) == Approx(std::sqrt(2.0) * boost::math::erfc_inv(2 * tail)).epsilon(1e-14));
  }
}

TEST_CASE("a singular index correlation falls back to the eigen factor and keeps the correlation", "[draws][bounds]") {
  // bekostiging and loon perfectly correlated: Cholesky fails; the factor must still reproduce C.
  Scenario sc = minimal_scenario();
  const double C[3][3] = {{1, 1, 0.3}, {1, 1, 0.3}, {0.3, 0.3, 1}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) sc.index.correlation[i][j] = C[i][j];
  Eigen::Matrix3d c;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) c(i, j) = C[i][j];
  REQUIRE(Eigen::LLT<Eigen::Matrix3d>(c).info() != Eigen::Success);
  const Eigen::Matrix3d L = correlation_factor(sc);
  CHECK((L * L.transpose() - c).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(L.allFinite());
  // Drawn shocks: the two correlated scores are equal on every draw (to rounding).
  const Eigen::Vector3d z(0.3, -1.7, 0.9);
  const Eigen::Vector3d x = L * z;
  CHECK(x(0) == Approx(x(1)).margin(1e-12));
}

// Monte Carlo takes the series path_series_constant names from the plan instead of from every path:
// that is only right if every path really has the plan's value there. Checked on paths of the
// examples, which draw nearly everything (counts, indices, realisation, shocks, risks).
TEST_CASE("series called constant are the plan's value in every path", "[mc][series]") {
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-vo.toml", "voorbeeld-po-2022.toml", "voorbeeld-po-streefvermogen.toml"}) {
    INFO(name);
    LoadResult lr = load_scenario(source_path(std::string("scenarios/") + name));
    REQUIRE(lr.scenario);
    Scenario sc = *lr.scenario;
    prepare_for_monte_carlo(sc);
    const std::vector<bool> constant = path_series_constant(sc);
    const size_t n = constant.size();
    REQUIRE(n == path_series_keys(sc).size());
    const PlanTrace plan = trace_plan(sc);
    std::vector<std::vector<double>> want;
    for (size_t y = 0; y < plan.years.size(); ++y) {
      want.emplace_back(n);
      path_series_values(sc, plan.years[y], plan.lines[y], want.back().data());
    }
    struct Sink {
      const Scenario* sc;
      const std::vector<bool>* constant;
      const std::vector<std::vector<double>>* want;
      size_t mismatches = 0, checked = 0;
      void year(int yi, const YearRecord& r, const LineAmounts& a) {
        std::vector<double> v(constant->size());
        path_series_values(*sc, r, a, v.data());
        for (size_t k = 0; k < v.size(); ++k)
          if ((*constant)[k]) ++checked, mismatches += v[k] != (*want)[static_cast<size_t>(yi)][k];
      }
    };
    const Model model(sc);
    McDraws dr(sc, correlation_factor(sc), sc.seed);
    Sink sink{&sc, &constant, &want};
    for (uint64_t p = 0; p < 300; ++p) {
      dr.start_path(p);
      model.run_path(dr, sink);
      dr.end_path();
    }
    CHECK(sink.checked > 0);
    CHECK(sink.mismatches == 0);
  }
}
