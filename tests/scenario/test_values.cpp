// Values (section 1): every form and distribution, its stated mean, and its quantile function.
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>

#include "helpers.h"
#include "sha256.h"
#include "format_nl.h"
#include "value.h"

using namespace swv;

namespace {
Value dist(Dist d, double a, double b, double c = 0) {
  Value v;
  v.dist = d;
  v.p = {YearTable::fixed(a), YearTable::fixed(b), YearTable::fixed(c)};
  return v;
}
// Mean of the quantile function on a fine midpoint grid: must equal the stated mean.
double integrated_mean(const Value& v) {
  const int n = 40'000;
  double s = 0;
  for (int i = 0; i < n; ++i) s += v.quantile(2025, (i + 0.5) / n);
  return s / n;
}
}  // namespace

TEST_CASE("per-year table: missing years take the last earlier value, years before the first take the first", "[values]") {
  YearTable t;
  t.points = {{2024, 0.010}, {2026, 0.014}};
  CHECK(t.at(2020) == 0.010);
  CHECK(t.at(2024) == 0.010);
  CHECK(t.at(2025) == 0.010);
  CHECK(t.at(2026) == 0.014);
  CHECK(t.at(2031) == 0.014);
  t.before_first = 1.0;  // policy factors
  CHECK(t.at(2023) == 1.0);
  CHECK(t.at(2025) == 0.010);
}

TEST_CASE("distribution means follow the contract's table", "[values]") {
  CHECK(dist(Dist::Normal, 0.012, 0.004).mean(2025) == 0.012);
  CHECK(dist(Dist::LogNormal, 100, 30).mean(2025) == 100);
  CHECK(dist(Dist::Uniform, 1, 3).mean(2025) == 2);
  CHECK(dist(Dist::Triangle, 1, 2, 6).mean(2025) == 3);           // (1 + 2 + 6) / 3
  CHECK(dist(Dist::Pert, 1, 2, 9).mean(2025) == 3);               // (1 + 4·2 + 9) / 6
  CHECK(dist(Dist::Beta, 0.3, 0.1).mean(2025) == 0.3);
  CHECK(Value::fixed(7).mean(2025) == 7);
}

TEST_CASE("each quantile function integrates to the stated mean", "[values]") {
  for (const Value& v : {dist(Dist::Normal, 0.012, 0.004), dist(Dist::LogNormal, 100, 30), dist(Dist::Uniform, 1, 3),
                         dist(Dist::Triangle, 1, 2, 6), dist(Dist::Pert, 1, 2, 9), dist(Dist::Beta, 0.3, 0.1)}) {
    INFO(dist_name(v.dist));
    CHECK(integrated_mean(v) == Approx(v.mean(2025)).epsilon(5e-4));
  }
}

TEST_CASE("quantiles at known points", "[values]") {
  CHECK(dist(Dist::Normal, 5, 2).quantile(2025, 0.5) == Approx(5));
  CHECK(dist(Dist::Normal, 0, 1).quantile(2025, 0.975) == Approx(1.959964).epsilon(1e-6));
  CHECK(dist(Dist::Uniform, 10, 20).quantile(2025, 0.25) == Approx(12.5));
  // Triangle: the CDF at the mode is (mode − min) / (max − min) = 0.2.
  CHECK(dist(Dist::Triangle, 1, 2, 6).quantile(2025, 0.2) == Approx(2));
  // Lognormal median = mean / sqrt(1 + cv²).
  CHECK(dist(Dist::LogNormal, 100, 30).quantile(2025, 0.5) == Approx(100 / std::sqrt(1.09)));
  // from_normal(z) against independent references (boost::math, closed forms), not the code's own
  // quantile: beta(0.3, 0.1) has shapes a = 0.3 k, b = 0.7 k with k = 0.3 x 0.7 / 0.01 - 1 = 20;
  // pert(1, 2, 9) is 1 + 8 Beta(1 + 4/8, 1 + 4 x 7/8); lognormaal(100, 30) is exp(mu + sigma z) with
  // sigma^2 = ln(1 + 0.09), mu = ln 100 - sigma^2 / 2.
  namespace bm = boost::math;
  for (double z : {-3.0, -0.7, 0.0, 0.7, 2.5}) {
    INFO("z = " << z);
    const double u = bm::cdf(bm::normal_distribution<>(), z);
    CHECK(dist(Dist::Beta, 0.3, 0.1).from_normal(2025, z) == Approx(bm::quantile(bm::beta_distribution<>(6, 14), u)).epsilon(1e-12));
    CHECK(dist(Dist::Pert, 1, 2, 9).from_normal(2025, z) == Approx(1 + 8 * bm::quantile(bm::beta_distribution<>(1.5, 4.5), u)).epsilon(1e-12));
    const double s2 = std::log(1.09);
    CHECK(dist(Dist::LogNormal, 100, 30).from_normal(2025, z) == Approx(std::exp(std::log(100.0) - s2 / 2 + std::sqrt(s2) * z)).epsilon(1e-12));
  }
}

TEST_CASE("a very narrow beta is quick and accurate", "[values][bounds]") {
  // sd 1e-9 gives shapes of ~1e17: boost iterates ~1 ms per quantile there, so tabulating 2,049
  // points and 20,000 draws took seconds. Now O(1): Cornish-Fisher, checked against boost where
  // boost is still usable (shapes ~2e6) and against the normal limit at sd 1e-9.
  namespace bm = boost::math;
  const auto t0 = std::chrono::steady_clock::now();
  Value narrow = dist(Dist::Beta, 0.3, 1e-9);
  narrow.prepare(2025, 2036);
  double sum = 0;
  for (int i = 0; i < 10'000; ++i) {
    const double u = (i + 0.5) / 10'000;
    sum += narrow.quantile(2030, u) + narrow.from_normal(2031, normal_quantile(u));
  }
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 1.0);
  CHECK(sum / 20'000 == Approx(0.3).epsilon(1e-12));
  for (double z : {-8.0, -3.0, 0.0, 1.0, 3.0}) CHECK(narrow.quantile(2030, normal_cdf(z)) == Approx(0.3 + 1e-9 * z).epsilon(1e-14));
  // Shapes 2e6 and 4.67e6 (just past the switch): within 1e-5 relative of boost's quantile to |z| = 8.
  const double k = 2e6 / 0.3, sd = std::sqrt(0.3 * 0.7 / (k + 1));
  const Value v = dist(Dist::Beta, 0.3, sd);
  for (double z = -8; z <= 8; z += 1) {
    const double u = bm::cdf(bm::normal_distribution<>(), z);
    INFO("z = " << z);
    CHECK(v.quantile(2025, u) == Approx(bm::quantile(bm::beta_distribution<>(0.3 * k, 0.7 * k), u)).epsilon(1e-5));
  }
}

TEST_CASE("index rates must lie above -100% and at most +100%: beyond, amounts overflow or turn negative", "[values][bounds]") {
  using swv::test::load_text;
  auto with_index = [](const std::string& loon) {
    return load_text(std::string(swv::test::kMinimalPo) + "[indexatie]\nloon = " + loon + "\n", swv::test::kRulesPo);
  };
  for (const char* bad : {"1e13", "1.5", "-1", "-2", "{ verdeling = \"normaal\", gemiddelde = 0.02, sd = 0.5 }",
                          "{ 2025 = 0.02, 2026 = 3 }"}) {
    INFO(bad);
    const LoadResult lr = with_index(bad);
    CHECK_FALSE(lr.scenario);
    CHECK(swv::test::errors(lr).find("indexatie.loon") != std::string::npos);
    CHECK(swv::test::errors(lr).find("boven −1 (−100%) en ten hoogste 1 (+100%)") != std::string::npos);
  }
  for (const char* good : {"1", "-0.5", "0.02", "{ verdeling = \"normaal\", gemiddelde = 0.02, sd = 0.01 }"}) {
    INFO(good);
    CHECK(with_index(good).scenario);
  }
}

TEST_CASE("mass outside a range", "[values]") {
  // Uniform on [-0.5, 0.5]: half below 0.
  CHECK(dist(Dist::Uniform, -0.5, 0.5).mass_outside(2025, 0, 1) == Approx(0.5));
  CHECK(dist(Dist::Normal, 0, 1).mass_outside(2025, -1.959964, 1.959964) == Approx(0.05).epsilon(1e-5));
  CHECK(dist(Dist::Pert, 0.1, 0.2, 0.3).mass_outside(2025, 0, 1) == 0);
}

TEST_CASE("a distribution in a scenario is resolved with its per-year parameters", "[values]") {
  std::string sc = std::string(swv::test::kMinimalPo) +
                   "[demografie]\ngroei = { verdeling = \"uniform\", min = { 2025 = -0.02, 2027 = 0.0 }, max = 0.02 }\n";
  LoadResult lr = swv::test::load_text(sc);
  INFO(swv::test::errors(lr));
  REQUIRE(lr.scenario);
  const Value& g = lr.scenario->demography.growth;
  CHECK(g.dist == Dist::Uniform);
  CHECK(g.mean(2025) == Approx(0.0));
  CHECK(g.mean(2027) == Approx(0.01));
}

TEST_CASE("Dutch formatting of money and percentages", "[format]") {
  CHECK(euro(1234567.4) == "€ 1.234.567");
  CHECK(euro(-2500) == "€ -2.500");
  CHECK(euro(0.4) == "€ 0");
  CHECK(pct(0.035) == "3,5%");
  CHECK(num_nl(12345.678, 2) == "12.345,68");
}

TEST_CASE("sha256 of known strings", "[format]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("tabulated quantiles: years with equal parameters share one row, a changed year gets its own", "[values]") {
  Value v = dist(Dist::Beta, 0.0068, 0.0006);
  v.p[0].points = {{2025, 0.0068}, {2027, 0.0090}};  // 2026 takes 2025's mean, 2028 takes 2027's
  Value exact = v;
  v.prepare(2025, 2028);
  REQUIRE(v.table);
  CHECK(v.table->size() == 2 * static_cast<size_t>(Value::kTablePoints));
  CHECK(v.table_row == std::vector<uint32_t>{0, 0, 1, 1});
  for (int year : {2025, 2026, 2027, 2028})
    for (double z : {-3.0, -0.5, 0.0, 1.2, 3.5}) {
      INFO(year << " z=" << z);
      CHECK(v.from_normal(year, z) == Approx(exact.from_normal(year, z)).epsilon(1e-5));
    }
}

TEST_CASE("tabulated quantiles (beta, pert) agree with the exact quantile", "[values]") {
  for (Value v : {dist(Dist::Pert, 0.80, 0.88, 0.95), dist(Dist::Beta, 0.0068, 0.0006), dist(Dist::Beta, 0.75, 0.08)}) {
    Value exact = v;
    v.prepare(2025, 2027);
    REQUIRE(v.table);
    for (double z = -4.0; z <= 4.0; z += 0.0137) {
      INFO(dist_name(v.dist) << " z=" << z);
      CHECK(v.from_normal(2026, z) == Approx(exact.from_normal(2026, z)).epsilon(1e-5));
    }
    CHECK(v.from_normal(2030, 0.3) == Approx(exact.from_normal(2030, 0.3)));  // outside the table: exact
  }
}
