// Monte-Carlo runs against closed forms: equity as a Gaussian random walk, a single
// binomial flow, common random numbers between a variant and its base, run-time input checks,
// and the three ways of computing percentiles.
#include <boost/math/distributions/binomial.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "deterministic.h"
#include "helpers.h"
#include "mc.h"
#include "path_series.h"
#include "mc_draws.h"
#include "model.h"

using namespace swv;
using namespace swv::test;

namespace {

double Phi(double z) { return normal_cdf(z); }

// One path through the model, every year recorded.
struct Capture {
  std::vector<YearRecord> years;
  std::vector<std::vector<double>> realised;
  void year(int, const YearRecord& r, const LineAmounts& a) {
    years.push_back(r);
    realised.push_back(a.realised);
  }
};

Capture run_one(const Scenario& sc, uint64_t path) {
  Model model(sc);
  McDraws dr(sc, Eigen::Matrix3d::Identity(), sc.seed);
  dr.start_path(path);
  Capture c;
  model.run_path(dr, c);
  return c;
}

}  // namespace

TEST_CASE("equity as a Gaussian random walk: breach probabilities are Phi of a known argument", "[mc][closed-form]") {
  // Income 2,000,000 fixed; costs N(1,950,000, 100,000^2) drawn every year; no index, no flows.
  // Equity_k = 250,000 + 50,000 k + N(0, k 100,000^2). Signaleringswaarde = max(3.5% of 2 mln,
  // 250,000) = 250,000; floor 200,000.
  std::string text = kMinimalPo;
  text.replace(text.find("1_000_000"), 9, "250_000");
  LoadResult lr = load_text(text + R"(
[[post]]
code = "3"
naam = "Baten"
kant = "baten"
bedrag = 2_000_000
indexatie = "geen"
[[post]]
code = "4"
naam = "Lasten"
kant = "lasten"
bedrag = { verdeling = "normaal", gemiddelde = 1_950_000, sd = 100_000, per_jaar = true }
indexatie = "geen"
[normen]
ondergrens = 200_000
[simulatie]
paden = 20_000
zaad = 42
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Result r = run_monte_carlo(*lr.scenario, {}, {2});
  for (size_t y = 0; y < 3; ++y) {
    const double k = static_cast<double>(y + 1), s = 100'000 * std::sqrt(k), mean = 250'000 + 50'000 * k;
    INFO("jaar " << r.years[y]);
    CHECK(r.find("signaleringswaarde")->p50[y] == 250'000);
    CHECK(std::fabs(r.excessive.value[y] - Phi((mean - 250'000) / s)) < 4.5 * r.excessive.std_error[y]);
    CHECK(std::fabs(r.below_floor.value[y] - Phi((200'000 - mean) / s)) < 4.5 * r.below_floor.std_error[y]);
    CHECK(std::fabs(r.negative.value[y] - Phi(-mean / s)) < 4.5 * std::max(r.negative.std_error[y], 1 / 20'000.0));
    // Mean and median of equity, and P5/P95 against mean -/+ 1.645 s (percentile error ~ 0.03 s here).
    CHECK(std::fabs(r.find("eigen_vermogen")->mean[y] - mean) < 4.5 * s / std::sqrt(20'000));
    CHECK(std::fabs(r.find("eigen_vermogen")->p5[y] - (mean - 1.6448536 * s)) < 0.05 * s);
    CHECK(std::fabs(r.find("eigen_vermogen")->p95[y] - (mean + 1.6448536 * s)) < 0.05 * s);
  }
}

TEST_CASE("a single flow moves a binomial number of pupils", "[mc][closed-form]") {
  // 200 regular pupils, referral to SBO 5% and nothing else: SBO after one year ~ Bin(200, 0.05).
  LoadResult lr = load_text(R"(schema = "swvsim/1"
[swv]
naam = "Binomiaal"
sector = "po"
eerste_jaar = 2025
laatste_jaar = 2026
regels = "regels.toml"
[start]
eigen_vermogen = 0
[start.leerlingen]
regulier = 200
[demografie]
instroom = 0
[stromen.verwijzing]
sbo = 0.05
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const int n = 30'000;
  std::vector<double> count(201);
  for (int p = 0; p < n; ++p) {
    Capture c = run_one(*lr.scenario, static_cast<uint64_t>(p));
    count[static_cast<size_t>(c.years[0].sbo)] += 1;
    REQUIRE(c.years[0].sbo + c.years[0].regular == 200);
  }
  boost::math::binomial_distribution<> d(200, 0.05);
  for (int k = 0; k <= 25; ++k) {
    const double q = boost::math::pdf(d, k);
    INFO("k = " << k);
    CHECK(std::fabs(count[static_cast<size_t>(k)] / n - q) <= 4.5 * std::sqrt(q * (1 - q) / n) + 1e-12);
  }
}

TEST_CASE("a variant that changes one line shares every other draw with its base", "[mc][crn]") {
  const std::string dir = temp_dir();
  const std::string base = source_path("scenarios/voorbeeld-po.toml");
  const std::string variant = write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"" + base + R"("
[[post]]
code = "4.3"
bedrag = 95_000
)");
  LoadResult b = load_scenario(base), v = load_scenario(variant);
  INFO(errors(v));
  REQUIRE(b.scenario);
  REQUIRE(v.scenario);
  prepare_for_monte_carlo(*b.scenario);
  prepare_for_monte_carlo(*v.scenario);
  size_t housing = 0;
  for (size_t i = 0; i < b.scenario->lines.size(); ++i)
    if (b.scenario->lines[i].code == "4.3") housing = i;
  for (uint64_t p = 0; p < 200; ++p) {
    Capture cb = run_one(*b.scenario, p), cv = run_one(*v.scenario, p);
    for (size_t y = 0; y < cb.years.size(); ++y) {
      // Pupils and index-driven lines do not depend on money: identical on every path and year.
      CHECK(cv.years[y].regular == cb.years[y].regular);
      CHECK(cv.years[y].sbo == cb.years[y].sbo);
      CHECK(cv.years[y].so == cb.years[y].so);
      CHECK(cv.years[y].income == cb.years[y].income);
      CHECK(cv.years[y].risk_costs == cb.years[y].risk_costs);
      for (size_t i = 0; i < cb.realised[y].size(); ++i)
        if (i != housing && b.scenario->lines[i].group != "projecten") CHECK(cv.realised[y][i] == cb.realised[y][i]);
      // The changed line scales with the same price index draw: 95/85 of the base amount.
      CHECK(cv.realised[y][housing] == Approx(cb.realised[y][housing] * 95.0 / 85.0).epsilon(1e-12));
    }
  }
}

TEST_CASE("rates that sum to 1 or more in over 0.1% of the paths stop the run", "[mc][runtime]") {
  LoadResult lr = load_text(std::string(kMinimalPo) + R"(
[stromen.verwijzing]
sbo = { verdeling = "normaal", gemiddelde = 0.40, sd = 0.2, per_jaar = true }
[stromen.uitstroom]
regulier = 0.5
[simulatie]
paden = 1000
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);  // the means sum to 0.9 < 1: accepted when loading
  try {
    run_monte_carlo(*lr.scenario, {}, {1});
    FAIL("expected a RunError");
  } catch (const RunError& e) {
    const std::string msg = e.what();
    CHECK(msg.find("fout: stromen: in ") != std::string::npos);
    CHECK(msg.find("verwijzing.*, uitstroom.regulier (regulier)") != std::string::npos);
    CHECK(msg.find("meer dan 0,1% van de paden is een invoerfout") != std::string::npos);
  }
}

TEST_CASE("a normaal rate clamped in over 0.1% of the draws gives a warning naming the key", "[mc][runtime]") {
  LoadResult lr = load_text(std::string(kMinimalPo) + R"(
[stromen.uitstroom]
regulier = { verdeling = "normaal", gemiddelde = 0.01, sd = 0.01 }
[simulatie]
paden = 2000
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Result r = run_monte_carlo(*lr.scenario, {}, {1});
  REQUIRE(r.warnings.size() == 1);
  // P(N(0.01, 0.01) < 0) = Phi(-1) = 15.9% of the draws.
  CHECK(r.warnings[0].find("stromen.uitstroom.regulier") != std::string::npos);
  CHECK(r.warnings[0].find("van de trekkingen (pad-jaren) viel buiten [0, 1] en is afgekapt") != std::string::npos);
  CHECK(r.warnings[0].find("waarschuwing") != std::string::npos);
}

TEST_CASE("percentiles: exact in double, exact in float, and the streaming histogram", "[mc][memory]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 3000;
  const size_t cells = path_series_keys(sc).size() * static_cast<size_t>(sc.years());
  McOptions exact{2}, single{2}, stream{2};
  single.memory_budget = 3000 * cells * 6;  // too big for doubles in half, fits as floats
  stream.memory_budget = 3000 * cells * 2;  // fits neither
  Result a = run_monte_carlo(sc, {}, exact), f = run_monte_carlo(sc, {}, single), h = run_monte_carlo(sc, {}, stream);
  CHECK(a.percentile_method == "exact");
  CHECK(f.percentile_method == "exact (float)");
  CHECK(h.percentile_method == "histogram");
  CHECK(h.excessive.value == a.excessive.value);  // the same paths, whichever way they are kept
  for (const auto& s : a.series) {
    const Series &sf = *f.find(s.key), &sh = *h.find(s.key);
    for (size_t y = 0; y < s.mean.size(); ++y) {
      INFO(s.key << " " << y);
      CHECK(sf.mean[y] == s.mean[y]);
      CHECK(sh.mean[y] == s.mean[y]);
      for (auto m : {&Series::p5, &Series::p50, &Series::p95}) {
        const double x = (s.*m)[y];
        CHECK(std::fabs((sf.*m)[y] - x) <= 1e-7 * std::fabs(x));  // float rounding
        // One bin of the range; the range is at most a few times the P5-P95 spread here.
        CHECK(std::fabs((sh.*m)[y] - x) <= 20 * (s.p95[y] - s.p5[y]) / 65536 + 1e-9 * std::fabs(x));
      }
    }
  }
}

TEST_CASE("streaming runs are bit-identical across thread counts and within a bin of the exact percentiles", "[mc][memory]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 900;
  McOptions one{1}, two{2}, exact{2};
  one.memory_budget = two.memory_budget = 1000;
  Result r1 = run_monte_carlo(sc, {}, one), r2 = run_monte_carlo(sc, {}, two), e = run_monte_carlo(sc, {}, exact);
  REQUIRE(r1.percentile_method == "histogram");
  REQUIRE(r2.percentile_method == "histogram");
  REQUIRE(e.percentile_method == "exact");
  for (const auto& s : r1.series) {
    CHECK(r2.find(s.key)->p50 == s.p50);
    // Against the exact type-7 percentiles of the same paths: the error is at most one bin of the
    // cell's range [min, max]; bounded here by the exact P5-P95 spread times 20, as above.
    const Series& x = *e.find(s.key);
    for (size_t y = 0; y < s.mean.size(); ++y)
      for (auto m : {&Series::p5, &Series::p25, &Series::p50, &Series::p75, &Series::p95}) {
        INFO(s.key << " " << y);
        CHECK(std::fabs((s.*m)[y] - (x.*m)[y]) <= 20 * (x.p95[y] - x.p5[y]) / 65536 + 1e-9 * std::fabs((x.*m)[y]));
      }
  }
}

TEST_CASE("required buffer, expected excess and risk statistics against closed forms", "[mc][closed-form]") {
  // One year. Equity = 250,000 + 2,000,000 - N(1,950,000, 100,000^2) = N(300,000, 100,000^2);
  // a risk of 100,000 with probability 0.25 is added below (then equity is a mixture), so the
  // closed forms are checked on a run without it first.
  const std::string head = random_walk_scenario(2025, "100_000", "200_000", 20'000, 1);
  LoadResult lr = load_text(head, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Result r = run_monte_carlo(*lr.scenario, {}, {2});
  const double n = 20'000, mu = 300'000, sd = 100'000;
  // The plan's equity is 250,000 + 2,000,000 - 1,950,000 = 300,000. Shortfall below the plan
  // S = max(0, 300,000 - equity) = max(0, -Z sd), Z ~ N(0, 1): for c >= 0.5 its c-quantile is z_c sd,
  // and required = that quantile. The standard error of a sample quantile is
  // sd sqrt(c(1-c)) / (phi(z_c) sqrt(n)).
  REQUIRE(r.buffers.size() == 3);
  for (const auto& b : r.buffers) {
    const double z = normal_quantile(b.confidence), phi = std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
    const double se = sd * std::sqrt(b.confidence * (1 - b.confidence)) / (phi * std::sqrt(n));
    INFO("zekerheid " << b.confidence);
    CHECK(std::fabs(b.required - z * sd) < 4.5 * se);
    CHECK(b.shortfall == b.required);
  }
  CHECK(r.start_equity == 250'000);
  // E[max(0, X - s)] = sd phi(d) + (mu - s) Phi(d), d = (mu - s) / sd, s = 250,000.
  const double d = (mu - 250'000) / sd, excess = sd * std::exp(-d * d / 2) / std::sqrt(2 * M_PI) + (mu - 250'000) * normal_cdf(d);
  CHECK(std::fabs(r.expected_excess[0] - excess) < 4.5 * 70'000 / std::sqrt(n));  // sd of max(0, X - s) < 70,000

  LoadResult lr2 = load_text(head + R"(
[[risico]]
code = "R1"
naam = "Vast risico"
kans = 0.25
impact = 100_000
)", kRulesPo);
  INFO(errors(lr2));
  REQUIRE(lr2.scenario);
  Result r2 = run_monte_carlo(*lr2.scenario, {}, {2});
  REQUIRE(r2.risks.size() == 1);
  const double se = std::sqrt(0.25 * 0.75 / n);
  CHECK(std::fabs(r2.risks[0].hit_share[0] - 0.25) < 4.5 * se);
  CHECK(r2.risks[0].expected[0] == Approx(100'000 * r2.risks[0].hit_share[0]));
  CHECK(r2.risks[0].code == "R1");
}

TEST_CASE("required buffer: 0 without risks and uncertainty, the impact of a risk above the plan", "[mc][closed-form][buffer]") {
  // Every path equals the deterministic plan: nothing can take equity below it, so the buffer is
  // 0 at every confidence and the ratio is class A.
  std::string fixed = random_walk_scenario(2027, "100_000", "0", 2'000, 1);
  fixed.replace(fixed.find("{ verdeling"), fixed.find("}\nindexatie") + 1 - fixed.find("{ verdeling"), "1_950_000");
  LoadResult lr = load_text(fixed, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Result r = run_monte_carlo(*lr.scenario, {}, {2});
  REQUIRE(r.buffers.size() == 3);
  for (const auto& b : r.buffers) CHECK(b.required == 0);
  CHECK(nar_class(buffer_ratio(r.start_general_reserve, r.buffers[1].required)).letter == 'A');

  // A risk of 100,000 with probability 0.25 in the first year only: the plan has no risks, so a
  // path falls 100,000 below it (and stays there) exactly when the risk occurs. Its shortfall is
  // 100,000 with probability 0.25 and 0 otherwise: the 80%, 90% and 95% quantiles are 100,000 as
  // long as more than 20% of the paths are hit (0.25 − 0.2 is 11 standard errors at 2,000 paths).
  Result r2 = run_monte_carlo(*load_text(fixed + R"(
[[risico]]
code = "R1"
naam = "Vast risico"
kans = 0.25
impact = 100_000
jaren = [2025]
)", kRulesPo).scenario, {}, {2});
  for (const auto& b : r2.buffers) CHECK(b.required == 100'000);
  // Available is the algemene reserve (250,000): ratio 2.5, class A "uitstekend".
  CHECK(r2.start_general_reserve == 250'000);
  CHECK(nar_class(buffer_ratio(r2.start_general_reserve, r2.buffers[1].required)).letter == 'A');
}

TEST_CASE("NAR classes of the ratio weerstandsvermogen", "[buffer]") {
  // A > 2.0, B 1.4-2.0, C 1.0-1.4, D 0.8-1.0, E 0.6-0.8, F < 0.6 (boundaries to the better class
  // where the table says 1.0 and 0.8 and 0.6 are sufficient/moderate/insufficient).
  CHECK(nar_class(2.01).letter == 'A');
  CHECK(nar_class(2.0).letter == 'B');
  CHECK(nar_class(1.41).letter == 'B');
  CHECK(nar_class(1.4).letter == 'C');
  CHECK(nar_class(1.0).letter == 'C');
  CHECK(nar_class(0.99).letter == 'D');
  CHECK(nar_class(0.81).letter == 'D');
  CHECK(std::string(nar_class(0.81).label) == "matig");
  CHECK(nar_class(0.8).letter == 'D');
  CHECK(nar_class(0.79).letter == 'E');
  CHECK(nar_class(0.6).letter == 'E');
  CHECK(nar_class(0.59).letter == 'F');
  CHECK(nar_class(buffer_ratio(1, 0)).letter == 'A');
}

TEST_CASE("Monte Carlo counts a path below the floor by a single euro, and not one at the floor", "[mc][closed-form][ondergrens]") {
  // Start 1.000.000, lasten 1 a year, no income, floor 999.999: equity 999.999 on 31-12-2025 sits at
  // the floor (not below: P = 0), 999.998 in 2026 is one euro below (P = 1 in every path).
  std::string text = kMinimalPo;
  LoadResult lr = load_text(text + R"(
[[post]]
code = "4"
naam = "Lasten"
kant = "lasten"
bedrag = 1
indexatie = "geen"
[normen]
ondergrens = 999_999
[simulatie]
paden = 100
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Result r = run_monte_carlo(*lr.scenario, {}, {2});
  REQUIRE(r.find("eigen_vermogen")->mean[0] == 999'999);
  CHECK(r.below_floor.value[0] == 0);
  CHECK(r.below_floor.value[1] == 1);
  CHECK(r.below_floor.value[2] == 1);
}
