// Monte-Carlo properties: bit-identical results for any thread count, and
// with every uncertainty removed the Monte-Carlo run equals deterministic mode.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "deterministic.h"
#include "helpers.h"
#include "json_writer.h"
#include "mc.h"
#include "mc_stats.h"
#include "validate.h"

using namespace swv;
using namespace swv::test;

extern const std::string kMjbScenario;

namespace {
std::string without_timing(Result r) {
  r.seconds = 0;
  r.threads = 0;
  return result_json(r);
}
}  // namespace

TEST_CASE("same seed gives bit-identical results on 1, 2 and 4 threads", "[mc]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 700;  // not a multiple of the block size
  std::string one = without_timing(run_monte_carlo(sc, {}, {1}));
  CHECK(without_timing(run_monte_carlo(sc, {}, {2})) == one);
  CHECK(without_timing(run_monte_carlo(sc, {}, {4})) == one);
  sc.seed = 0;  // an ordinary seed, and a different one
  CHECK(without_timing(run_monte_carlo(sc, {}, {2})) != one);
}

TEST_CASE("Monte Carlo without uncertainty equals deterministic mode", "[mc]") {
  // No flows (counts stay whole), fixed values only, no risks: nothing is random.
  std::string sc = std::string(kMinimalPo) + R"(
[[post]]
code = "3.1"
naam = "Ondersteuning"
kant = "baten"
berekend = "ondersteuning"
[[post]]
code = "4.1"
naam = "Personeel"
kant = "lasten"
bedrag = 400_000
realisatie = 0.9
[beleid]
afbouw = { aandeel = 0.5 }
[indexatie]
loon = 0.03
prijs = 0.02
)";
  LoadResult lr = load_text(sc);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario s = *lr.scenario;
  s.paths = 300;
  Result d = run_deterministic(s), m = run_monte_carlo(s, {}, {2});
  for (const char* k : {"eigen_vermogen", "totale_baten", "totale_lasten", "saldo", "signaleringswaarde"}) {
    INFO(k);
    for (size_t y = 0; y < d.years.size(); ++y) {
      CHECK(m.find(k)->mean[y] == Approx(d.find(k)->mean[y]).epsilon(1e-12));
      CHECK(m.find(k)->p5[y] == Approx(d.find(k)->mean[y]).epsilon(1e-12));
      CHECK(m.find(k)->p95[y] == Approx(d.find(k)->mean[y]).epsilon(1e-12));
    }
  }
  CHECK(m.excessive.value == d.excessive.value);
}

TEST_CASE("percentiles follow Hyndman-Fan type 7", "[mc]") {
  std::vector<double> s = {1, 2, 3, 4, 10};
  CHECK(percentile_type7(s, 0.0) == 1);
  CHECK(percentile_type7(s, 0.5) == 3);
  CHECK(percentile_type7(s, 0.95) == Approx(8.8));  // h = 3.8: 4 + 0.8 × (10 − 4)
  CHECK(percentile_type7(s, 0.25) == 2);
}

TEST_CASE("bucketed selection gives the same percentiles as sorting", "[mc]") {
  // Skewed data with ties and a far outlier (all mass in a few buckets), small and odd sizes.
  for (size_t n : {1u, 2u, 3u, 7u, 1000u, 100'001u}) {
    std::vector<double> v;
    uint64_t x = 12345;
    for (size_t i = 0; i < n; ++i) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      const double u = static_cast<double>(x >> 11) / 9007199254740992.0;
      v.push_back(i % 5 == 0 ? 250'000.0 : std::exp(10 * u));
    }
    if (n > 10) v[n / 2] = 1e12;
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    std::vector<float> f(v.begin(), v.end());
    std::vector<double> fsorted(f.begin(), f.end());
    std::sort(fsorted.begin(), fsorted.end());
    Percentiles got = percentiles_type7(v), gotf = percentiles_type7(f.data(), f.size());
    for (int i = 0; i < kPercentiles; ++i) {
      INFO("n = " << n << ", p = " << kReportedP[i]);
      CHECK(got.p[i] == percentile_type7(sorted, kReportedP[i]));
      CHECK(gotf.p[i] == percentile_type7(fsorted, kReportedP[i]));
    }
  }
}

TEST_CASE("an overflow is a run-time error naming series and year, never a 0 (deterministic and Monte Carlo)", "[mc][bounds]") {
  // Loading refuses index rates above 100%; the engine still guards whatever slips through: an
  // index of 1e30 per year reaches (1e30)^11 > 1e308 (infinity) in the twelfth year.
  LoadResult lr = load_text(random_walk_scenario(2036, "10_000", "0", 300), kRulesPo);
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  for (Line& l : sc.lines) l.index = IndexKind::Wage;
  sc.index.wage = Value::fixed(1e30);
  for (Mode m : {Mode::Deterministic, Mode::MonteCarlo}) {
    sc.mode = m;
    try {
      if (m == Mode::Deterministic) run_deterministic(sc, {});
      else run_monte_carlo(sc, {}, {2});
      FAIL("no error");
    } catch (const RunError& e) {
      const std::string msg = e.what();
      INFO(msg);
      CHECK(msg.find("fout: berekening:") != std::string::npos);
      CHECK(msg.find(" in 2036") != std::string::npos);
      CHECK(msg.find("geen eindig getal") != std::string::npos);
      CHECK(msg.back() == '\n');
    }
  }
  // A result that carries a non-finite number anyway is written as null, never as 0.
  Result r = run_deterministic(*lr.scenario, {});
  r.series[0].mean[1] = std::numeric_limits<double>::infinity();
  r.series[0].p50[2] = std::numeric_limits<double>::quiet_NaN();
  const std::string json = result_json(r);
  CHECK(json.find("null") != std::string::npos);
  CHECK_THROWS_AS(check_finite(r, "x.toml"), RunError);
}

TEST_CASE("the engine rechecks the path count", "[mc][bounds]") {
  LoadResult lr = load_text(random_walk_scenario(2025, "10_000", "0", 100), kRulesPo);
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  for (int64_t n : {int64_t{0}, int64_t{-5}, kMaxPaths + 1, (int64_t{1} << 32) + 7}) {
    sc.paths = n;
    INFO(n);
    CHECK_THROWS_AS(run_monte_carlo(sc, {}, {1}), RunError);
  }
}

TEST_CASE("thread invariance across two reduction chunks and any chunk size", "[mc][bounds]") {
  // 1024 blocks of 256 paths are reduced per chunk: 262,144 + 300 paths need two chunks. One year,
  // one random post: quick. A tight --geheugen also shrinks the chunks (more, smaller ones).
  LoadResult lr = load_text(random_walk_scenario(2025, "100_000", "0", 262'144 + 300), kRulesPo);
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  McOptions one{1}, three{3};
  const std::string a = without_timing(run_monte_carlo(sc, {}, one));
  CHECK(without_timing(run_monte_carlo(sc, {}, three)) == a);
  const Result r = run_monte_carlo(sc, {}, one);
  CHECK(r.percentile_method == "exact");
  // The mean of N(1,950,000, 100,000^2) costs: equity 300,000 within 4.5 standard errors.
  CHECK(std::fabs(r.find("eigen_vermogen")->mean[0] - 300'000) < 4.5 * 100'000 / std::sqrt(262'444.0));
}

TEST_CASE("memory: histograms and block sums are counted against --geheugen, refused when they cannot fit", "[mc][bounds]") {
  // 15 years (the longest planperiode): 181 cells, one histogram set is 181 x 65,536 x 4 bytes.
  const size_t hist = size_t{181} * 65'536 * 4;
  LoadResult lr = load_text(random_walk_scenario(2039, "10_000", "0", 2'000) + R"(
[[risico]]
code = "R"
naam = "Risico"
kans = 0.1
impact = 1_000
)", kRulesPo);
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  McOptions o{4};
  // Whatever fits is used, never more than the budget: one histogram set per thread at most.
  sc.paths = 2'000'000;  // streaming at these budgets
  for (size_t mb : {100, 200, 400, 1024}) {
    o.memory_budget = mb << 20;
    INFO(mb << " MB");
    CHECK(monte_carlo_memory(sc, o) <= o.memory_budget);
    CHECK(monte_carlo_memory(sc, o) >= hist);
  }
  CHECK(monte_carlo_memory(sc, o) >= 4 * hist);  // 1 GB: four threads, four sets
  // 20,000 risks make a block of block sums 4.8 MB: 1,024 of them (the old fixed chunk) would be
  // 4.9 GB; the budget bounds the chunk instead, and a budget below the minimum (the histograms and
  // a block per thread) is refused with the amount to give.
  for (int i = 0; i < 19'999; ++i) sc.risks.push_back(sc.risks.front());
  o.memory_budget = size_t{1} << 30;
  CHECK(monte_carlo_memory(sc, o) <= o.memory_budget);
  o.memory_budget = size_t{1} << 20;
  sc.paths = 2'000;
  std::string msg;
  try {
    run_monte_carlo(sc, {}, o);
  } catch (const RunError& e) {
    msg = e.what();
  }
  INFO(msg);
  CHECK(msg.find("fout: geheugen:") != std::string::npos);
  const size_t at = msg.find("geef --geheugen ");
  REQUIRE(at != std::string::npos);
  const size_t need = std::stoul(msg.substr(at + 16));
  CHECK(need > 64);
  o.memory_budget = need << 20;  // the amount the message asks for is enough
  CHECK(monte_carlo_memory(sc, o) <= o.memory_budget);
}
