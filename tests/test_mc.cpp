// Monte-Carlo properties (first part of issue 3): bit-identical results for any thread count, and
// with every uncertainty removed the Monte-Carlo run equals deterministic mode.
#include <catch2/catch.hpp>

#include "deterministic.h"
#include "helpers.h"
#include "json_writer.h"
#include "mc.h"
#include "mc_stats.h"

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
