// Precision on demand (run --precisie, simulatie.precisie; sim/montecarlo/mc_precision.cpp): the run
// stops at the first round of 4.096 paths whose largest standard error meets the target, the same on
// any thread count, honours the cap, and equals a plain run of the paths it chose.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "helpers.h"
#include "json_writer.h"
#include "mc.h"
#include "report_text.h"

using namespace swv;
using namespace swv::test;

namespace {

Scenario example() {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

McOptions precise(double target, int64_t max_paths, int threads, size_t budget = size_t{1} << 30) {
  McOptions o;
  o.threads = threads;
  o.precision = target;
  o.max_paths = max_paths;
  o.memory_budget = budget;
  return o;
}

// The largest standard error a Result reports, recomputed by hand from its probabilities.
double largest_se(const Result& r) {
  const double n = static_cast<double>(r.paths);
  double worst = 0;
  auto fold = [&](const Probability& p) {
    for (double q : p.value) worst = std::max(worst, std::sqrt(q * (1 - q) / n));
  };
  fold(r.excessive), fold(r.below_floor), fold(r.negative);
  for (const auto& [key, p] : r.more_flags) fold(p);
  return worst;
}

Result fixed(Scenario sc, int64_t paths, int threads) {
  sc.paths = paths;
  McOptions o;
  o.threads = threads;
  return run_monte_carlo(sc, {}, o);
}

// resultaat.json without the run's timing, its threads and its precision statement.
std::string comparable(Result r) {
  r.seconds = 0;
  r.threads = 0;
  r.precision = {};
  return result_json(r);
}

}  // namespace

TEST_CASE("precision: the run stops at the first round that meets the target, on any thread count", "[precision][mc]") {
  const Scenario sc = example();
  const double target = 0.006;
  const Result r = run_monte_carlo(sc, {}, precise(target, 1'000'000, 1));
  const int64_t round = static_cast<int64_t>(kPrecisionRoundBlocks * 256);
  REQUIRE(r.paths % round == 0);
  REQUIRE(r.paths > round);  // the first round alone does not do (else the check below is empty)
  CHECK(r.precision.met);
  CHECK(r.precision.target == target);
  // By hand: with exactly that many paths the largest SE is within the target, one round fewer not.
  const Result at = fixed(sc, r.paths, 2), before = fixed(sc, r.paths - round, 2);
  CHECK(largest_se(at) <= target);
  CHECK(largest_se(before) > target);
  CHECK(r.precision.achieved == largest_se(at));
  // The result is that plain run's, bit for bit, and the same on 2 threads.
  CHECK(comparable(r) == comparable(at));
  const Result two = run_monte_carlo(sc, {}, precise(target, 1'000'000, 2));
  CHECK(two.paths == r.paths);
  CHECK(comparable(two) == comparable(r));
  // When the values do not fit the memory (the histogram fallback), the chosen paths run again: same result.
  const Result small = run_monte_carlo(sc, {}, precise(target, 1'000'000, 2, 1));
  CHECK(small.percentile_method == "histogram");
  CHECK(small.paths == r.paths);
  Scenario again = sc;
  again.paths = r.paths;
  McOptions o;
  o.threads = 2, o.memory_budget = 1;
  CHECK(comparable(small) == comparable(run_monte_carlo(again, {}, o)));
}

TEST_CASE("precision: the cap on paths is honoured and reported", "[precision][mc]") {
  const Scenario sc = example();
  const Result r = run_monte_carlo(sc, {}, precise(0.001, 5'000, 2));  // 0.001 needs ~250.000 paths
  CHECK(r.paths == 5'000);                                              // not a multiple of a round: the cap itself
  CHECK_FALSE(r.precision.met);
  CHECK(r.precision.max_paths == 5'000);
  CHECK(r.precision.achieved == largest_se(r));
  CHECK(r.precision.achieved > 0.001);
  CHECK(comparable(r) == comparable(fixed(sc, 5'000, 1)));
  const nlohmann::json j = nlohmann::json::parse(result_json(r));
  const nlohmann::json& p = j["simulatie"]["precisie"];
  CHECK(p["doel"] == 0.001);
  CHECK(p["paden"] == 5'000);
  CHECK(p["max_paden"] == 5'000);
  CHECK(p["gehaald"] == false);
  CHECK(p["behaald"].get<double>() > 0.001);
  // A plain run says nothing about precision.
  CHECK_FALSE(nlohmann::json::parse(result_json(fixed(sc, 500, 1)))["simulatie"].contains("precisie"));
}

TEST_CASE("precision: simulatie.precisie and max_paden in the scenario, --precisie on the command line", "[precision][cli]") {
  LoadResult ok = load_text(std::string(kMinimalPo) + "[simulatie]\nprecisie = 0.01\nmax_paden = 50000\n", kRulesPo);
  REQUIRE(ok.scenario);
  CHECK(ok.scenario->precision == 0.01);
  CHECK(ok.scenario->max_paths == 50'000);
  LoadResult plain = load_text(kMinimalPo, kRulesPo);
  REQUIRE(plain.scenario);
  CHECK(plain.scenario->precision == 0);
  CHECK(plain.scenario->max_paths == 1'000'000);
  LoadResult bad = load_text(std::string(kMinimalPo) + "[simulatie]\nprecisie = 0.7\n", kRulesPo);
  CHECK_THAT(errors(bad), Catch::Contains("simulatie.precisie: de precisie is de grootste standaardfout van een kans"));

  const std::string dir = temp_dir(), scenario = "'" + source_path("scenarios/voorbeeld-po.toml") + "'";
  REQUIRE(run_cli("run " + scenario + " --precisie 0.02 --max-paden 20000 --stil --geen-kaderbrief --formaat json --uit '" + dir + "/p'") == 0);
  const nlohmann::json j = nlohmann::json::parse(slurp(dir + "/p/resultaat.json"));
  CHECK(j["simulatie"]["precisie"]["gehaald"] == true);
  CHECK(j["simulatie"]["paden"] == 4'096);  // 0.02 is met after the first round
  CHECK(j["simulatie"]["precisie"]["paden"] == 4'096);
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  const std::vector<std::pair<std::string, std::string>> refused = {
      {" --precisie 0", "swvsim: fout: --precisie is de grootste standaardfout van een kans: kies een getal groter dan 0 en ten hoogste 0.5 (bijvoorbeeld 0.005)"},
      {" --precisie 0.01 --paden 500", "swvsim: fout: --precisie en --paden gaan niet samen"},
      {" --max-paden 500", "swvsim: fout: --max-paden geldt alleen bij precisie op verzoek"},
      {" --max-paden 0 --precisie 0.01", "swvsim: fout: --max-paden moet ten minste 1 zijn"},
      {" --precisie 0.01 --deterministisch", "swvsim: fout: --precisie geldt voor Monte Carlo, niet voor de deterministische modus"},
      {" --precisie 0.01 --deel 1/2", "swvsim: fout: --deel werkt met een vast aantal paden, niet met --precisie"},
  };
  for (const auto& [args, message] : refused) {
    INFO(args);
    CHECK(run_cli("run " + scenario + args + " --stil --geen-kaderbrief --uit '" + dir + "/x'", dir + "/err.txt") == 2);
    CHECK_THAT(slurp(dir + "/err.txt"), Catch::Contains(message));
    CHECK_THAT(doc, Catch::Contains(message));
  }
}

TEST_CASE("precision: fewer paths than one round never count as met (1 path reported 0,000 procentpunt gehaald)", "[precision][mc]") {
  const Scenario sc = example();
  const Result one = run_monte_carlo(sc, {}, precise(0.05, 1, 1));
  CHECK(one.paths == 1);
  CHECK(one.precision.achieved == 0);  // every probability is 0 or 1: standard error 0, which says nothing
  CHECK_FALSE(one.precision.met);
  CHECK_THAT(precision_outcome(one), Catch::Contains("niet gehaald; met 1 pad (--max-paden) is een precisie niet te beoordelen"));
  CHECK(nlohmann::json::parse(result_json(one))["simulatie"]["precisie"]["gehaald"] == false);
  const Result round = run_monte_carlo(sc, {}, precise(0.05, kMinPrecisionPaths, 1));
  CHECK(round.paths == kMinPrecisionPaths);
  CHECK(round.precision.met);
  CHECK(precision_outcome(round) == "gehaald");
  // The terminal says the same.
  const std::string dir = temp_dir();
  REQUIRE(run_cli("run '" + source_path("scenarios/voorbeeld-po.toml") + "' --precisie 0.05 --max-paden 1 --geen-kaderbrief --formaat json --uit '" +
                      dir + "/p'",
                  dir + "/out.txt") == 0);
  CHECK_THAT(slurp(dir + "/out.txt"), Catch::Contains("niet gehaald; met 1 pad (--max-paden) is een precisie niet te beoordelen"));
}
