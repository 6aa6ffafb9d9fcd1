// Runs in parts (swvsim run --deel K/N, swvsim samenvoegen; sim/montecarlo/shard.h): merging the
// parts gives exactly the single run, whatever the threads and the order of the parts; parts that do
// not belong together are refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <fstream>
#include <memory>
#include <sstream>

#include "fuzz/shard_check.h"
#include "helpers.h"
#include "json_writer.h"
#include "mc.h"
#include "mc_stats.h"
#include "result_check.h"
#include "shard.h"

using namespace swv;
using namespace swv::test;

namespace {

// resultaat.json without the timing, and every number of the Result in hexadecimal: the JSON rounds
// to 6 decimals, which could hide sums added in another order.
std::string without_timing(Result r) {
  r.seconds = 0;
  std::string s = result_json(r);
  char buf[40];
  auto add = [&](const std::vector<double>& v) {
    for (double x : v) std::snprintf(buf, sizeof buf, " %a", x), s += buf;
    s += "\n";
  };
  for (const Series& x : r.series) add(x.mean), add(x.p5), add(x.p25), add(x.p50), add(x.p75), add(x.p95);
  for (const Probability* p : {&r.excessive, &r.below_floor, &r.negative}) add(p->value), add(p->std_error);
  for (const auto& [key, p] : r.more_flags) add(p.value), add(p.std_error);
  for (const LineResult& l : r.lines) add(l.budget), add(l.realised), add(l.computed);
  for (const RiskResult& k : r.risks) add(k.expected), add(k.hit_share);
  for (const BufferResult& b : r.buffers) add({b.shortfall, b.required});
  for (const auto& [rule, v] : r.policy_fired) add(v);
  add(r.expected_excess);
  return s;
}

Scenario example(int64_t paths) {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = paths;
  return sc;
}

McOptions with(int threads, size_t budget = size_t{1} << 30) {
  McOptions o;
  o.threads = threads;
  o.memory_budget = budget;
  return o;
}

// The parts of sc's run in n parts, part k run on threads[k % threads.size()].
std::vector<std::string> parts(const Scenario& sc, uint32_t n, const std::vector<int>& threads, size_t budget = size_t{1} << 30) {
  std::vector<std::string> out;
  for (uint32_t k = 1; k <= n; ++k) {
    std::ostringstream os;
    run_shard(sc, k, n, with(threads[k % threads.size()], budget), os);
    out.push_back(os.str());
  }
  return out;
}

Result merge(const Scenario& sc, const std::vector<std::string>& bytes, int threads, size_t budget = size_t{1} << 30) {
  std::vector<ShardHeader> hs;
  std::vector<std::string> names;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::istringstream is(bytes[i]);
    hs.push_back(read_shard_header(is, "deel" + std::to_string(i)));
    names.push_back("deel" + std::to_string(i));
  }
  check_shard_set(hs, names);
  auto open = [&](size_t i) { return std::unique_ptr<std::istream>(new std::istringstream(bytes[i])); };
  return merge_shards(sc, hs, names, open, {}, with(threads, budget));
}

std::string refusal(const Scenario& sc, const std::vector<std::string>& bytes) {
  try {
    merge(sc, bytes, 2);
  } catch (const RunError& e) {
    return e.what();
  }
  return "";
}

std::string json_without_seconds(const std::string& path) {
  std::istringstream in(slurp(path));
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.find("\"seconden\"") == std::string::npos) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("shards: the ranges cover every block once, aligned to blocks of 256", "[shards]") {
  for (size_t paths : {1ul, 256ul, 257ul, 3000ul, 1'000'000ul})
    for (uint32_t n : {1u, 2u, 3u, 7u}) {
      if (n > (paths + 255) / 256) continue;
      size_t next = 0;
      for (uint32_t k = 1; k <= n; ++k) {
        const ShardRange r = shard_range(paths, k, n);
        CHECK(r.first_path == next);
        CHECK(r.first_path == r.first_block * 256);
        CHECK(r.last_block > r.first_block);
        next = r.last_path;
      }
      CHECK(next == paths);
    }
}

TEST_CASE("shards: 3 merged parts equal the single run in every percentile method and thread count", "[shards][mc]") {
  const Scenario sc = example(2'000);  // 8 blocks, the last one partial
  struct Case {
    size_t budget;
    const char* method;
  };
  // 1.5 MB keeps 2.000 x 115 values in float only; 1 byte leaves only the histograms.
  for (const Case& c : {Case{size_t{1} << 30, "exact"}, Case{1'500'000, "exact (float)"}, Case{1, "histogram"}})
    for (int threads : {1, 2}) {
      INFO(c.method << ", " << threads << " threads");
      const Result single = run_monte_carlo(sc, {}, with(threads, c.budget));
      REQUIRE(single.percentile_method == c.method);
      const std::vector<std::string> bytes = parts(sc, 3, {1, 2, 3}, c.budget);
      const Result merged = merge(sc, bytes, threads, c.budget);
      CHECK(merged.percentile_method == c.method);
      CHECK(without_timing(merged) == without_timing(single));
      // In another order: the same.
      CHECK(without_timing(merge(sc, {bytes[2], bytes[0], bytes[1]}, threads, c.budget)) == without_timing(single));
    }
}

TEST_CASE("shards: a part of one of a single part equals the run — the counters' warnings survive the merge", "[shards][mc]") {
  Scenario sc = example(700);
  const Result single = run_monte_carlo(sc, {"een waarschuwing van de lader"}, with(2));
  const std::vector<std::string> one = parts(sc, 1, {2});
  std::vector<ShardHeader> hs;
  std::istringstream is(one[0]);
  hs.push_back(read_shard_header(is, "deel"));
  auto open = [&](size_t) { return std::unique_ptr<std::istream>(new std::istringstream(one[0])); };
  const Result merged = merge_shards(sc, hs, {"deel"}, open, {"een waarschuwing van de lader"}, with(2));
  CHECK(without_timing(merged) == without_timing(single));
  CHECK(merged.warnings == single.warnings);
}

TEST_CASE("shards: missing, duplicate, foreign or damaged parts are refused with what is wrong", "[shards]") {
  const Scenario sc = example(2'000);
  const std::vector<std::string> bytes = parts(sc, 3, {2});
  CHECK_THAT(refusal(sc, {bytes[0], bytes[2]}), Catch::Contains("deel 2 van 3 ontbreekt (paden 512 tot 1.280)"));
  CHECK_THAT(refusal(sc, {bytes[0], bytes[1], bytes[1], bytes[2]}), Catch::Contains("deel 2 van 3 staat er 2 keer bij: deel1, deel2"));
  Scenario other_seed = sc;
  other_seed.seed = 99;
  const std::vector<std::string> other = parts(other_seed, 3, {2});
  CHECK_THAT(refusal(sc, {bytes[0], other[1], bytes[2]}), Catch::Contains("heeft zaad 99, ander dan deel 1 van 3"));
  const std::vector<std::string> four = parts(sc, 4, {2});
  CHECK_THAT(refusal(sc, {bytes[0], four[1], bytes[2]}), Catch::Contains("is een deel van 4, ander dan deel 1 van 3"));
  // A part of another scenario: another fingerprint.
  LoadResult krimp = load_scenario(source_path("scenarios/voorbeeld-po-krimp.toml"));
  REQUIRE(krimp.scenario);
  Scenario k = *krimp.scenario;
  k.paths = 2'000;
  const std::vector<std::string> foreign = parts(k, 3, {2});
  CHECK_THAT(refusal(sc, {bytes[0], foreign[1], bytes[2]}), Catch::Contains("hoort bij een ander scenario"));
  // All parts of another scenario, merged against this one.
  CHECK_THAT(refusal(sc, foreign), Catch::Contains("is gewijzigd sinds de delen zijn gemaakt"));
  // Cut short, or a byte changed: the checksum or the length tells.
  CHECK_THAT(refusal(sc, {bytes[0], bytes[1].substr(0, bytes[1].size() - 100), bytes[2]}), Catch::Contains("korter dan het hoort"));
  std::string flipped = bytes[1];
  flipped[flipped.size() / 2] ^= 0x10;
  CHECK_THAT(refusal(sc, {bytes[0], flipped, bytes[2]}), Catch::Contains("controlesom klopt niet"));
  CHECK_THAT(refusal(sc, {bytes[0], "geen deel", bytes[2]}), Catch::Contains("deel1: fout: deel: "));
  // A bad K/N for this run.
  std::ostringstream os;
  CHECK_THROWS_WITH(run_shard(sc, 1, 9, with(1), os), Catch::Contains("meer delen dan blokken van 256 paden (8 bij 2.000 paden)"));
}

TEST_CASE("shards: every header field the merge checks is refused on its own, with its own message", "[shards]") {
  // check_shard_set compares engine version, scenario fingerprint, seed, paths, n and the percentile
  // method of every part with part 1: each mismatch alone gives exactly one message, naming it (a
  // removed check would leave a later one, such as the length of the values, to refuse with the
  // wrong diagnosis).
  const Scenario sc = example(2'000);
  const std::vector<std::string> bytes = parts(sc, 3, {2});
  std::vector<ShardHeader> hs;
  const std::vector<std::string> names = {"deel1", "deel2", "deel3"};
  for (size_t i = 0; i < 3; ++i) {
    std::istringstream is(bytes[i]);
    hs.push_back(read_shard_header(is, names[i]));
  }
  REQUIRE_NOTHROW(check_shard_set(hs, names));
  auto refused = [&](const std::function<void(ShardHeader&)>& change) {
    std::vector<ShardHeader> h = hs;
    change(h[1]);
    try {
      check_shard_set(h, names);
    } catch (const RunError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  struct Case {
    const char* what;
    std::function<void(ShardHeader&)> change;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"engine", [](ShardHeader& h) { h.engine = "0.0.1"; }, "deel 2 van 3 (deel2) is gemaakt met swvsim 0.0.1, dit is swvsim "},
      {"fingerprint", [](ShardHeader& h) { h.fingerprint = std::string(64, 'a'); },
       "deel 2 van 3 (deel2) hoort bij een ander scenario (" + hs[1].scenario_file + ", invoer-sha256 aaaaaaaaaaaa…) dan deel 1 van 3 (deel1)"},
      {"seed", [](ShardHeader& h) { h.seed = 99; }, "deel 2 van 3 (deel2) heeft zaad 99, ander dan deel 1 van 3 (deel1) (zaad "},
      {"paths", [](ShardHeader& h) { h.paths = 3'000; }, "deel 2 van 3 (deel2) heeft 3.000 paden, ander dan deel 1 van 3 (deel1) (2.000)"},
      {"n", [](ShardHeader& h) { h.n = 4; }, "deel 2 van 4 (deel2) is een deel van 4, ander dan deel 1 van 3 (deel1) (van 3)"},
      {"mode", [](ShardHeader& h) { h.mode = StoreMode::Histogram; },
       "deel 2 van 3 (deel2) heeft percentielen \"histogram\", ander dan deel 1 van 3 (deel1) (\"exact\"); maak alle delen met dezelfde "
       "--geheugen en --threads"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string e = refused(c.change);
    CHECK_THAT(e, Catch::Contains(c.message));
    CHECK(lines(e) == 1);
  }
  // Through the merge: a part made under another --geheugen (the histograms instead of the values).
  const std::vector<std::string> hist = parts(sc, 3, {2}, 1);
  CHECK_THAT(refusal(sc, {bytes[0], hist[1], bytes[2]}), Catch::Contains("heeft percentielen \"histogram\", ander dan deel 1 van 3"));
}

TEST_CASE("shards: swvsim run --deel and samenvoegen write exactly the single run's result set", "[shards][cli]") {
  const std::string dir = temp_dir(), scenario = source_path("scenarios/voorbeeld-po.toml");
  const std::string common = "run '" + scenario + "' --paden 1500 --zaad 5 --stil --geen-kaderbrief";
  REQUIRE(run_cli(common + " --threads 2 --formaat json,csv,md --uit '" + dir + "/een'") == 0);
  for (int k = 1; k <= 3; ++k)
    REQUIRE(run_cli(common + " --threads " + std::to_string(k % 2 + 1) + " --deel " + std::to_string(k) + "/3 --uit '" + dir + "/delen'") == 0);
  const std::string d = "'" + dir + "/delen/deel-";
  REQUIRE(run_cli("samenvoegen " + d + "3-van-3.swvdeel' " + d + "1-van-3.swvdeel' " + d + "2-van-3.swvdeel' --threads 2 --stil --geen-kaderbrief --formaat json,csv,md --uit '" +
                  dir + "/samen'") == 0);
  CHECK(json_without_seconds(dir + "/samen/resultaat.json") == json_without_seconds(dir + "/een/resultaat.json"));
  CHECK(slurp(dir + "/samen/resultaat.csv") == slurp(dir + "/een/resultaat.csv"));
  CHECK(slurp(dir + "/samen/samenvatting.md") == slurp(dir + "/een/samenvatting.md"));
  // 1/1 is the run itself.
  REQUIRE(run_cli(common + " --threads 1 --deel 1/1 --uit '" + dir + "/heel'") == 0);
  REQUIRE(run_cli("samenvoegen '" + dir + "/heel/deel-1-van-1.swvdeel' --threads 2 --stil --geen-kaderbrief --formaat json --uit '" + dir + "/heel'") == 0);
  CHECK(json_without_seconds(dir + "/heel/resultaat.json") == json_without_seconds(dir + "/een/resultaat.json"));
  // Refusals: exit 2 and the reason.
  CHECK(run_cli("samenvoegen " + d + "1-van-3.swvdeel' " + d + "3-van-3.swvdeel' --uit '" + dir + "/x'", dir + "/err.txt") == 2);
  CHECK_THAT(slurp(dir + "/err.txt"), Catch::Contains("swvsim: fout: samenvoegen: deel 2 van 3 ontbreekt"));
  CHECK(run_cli(common + " --deel 4/3", dir + "/err.txt") == 2);
  CHECK_THAT(slurp(dir + "/err.txt"), Catch::Contains("swvsim: fout: --deel 4/3: K moet 1 tot en met N zijn (deel K van N delen)"));
  CHECK(run_cli(common + " --deel 2van3", dir + "/err.txt") == 2);
  CHECK_THAT(slurp(dir + "/err.txt"), Catch::Contains("swvsim: fout: --deel verwacht K/N"));
  CHECK(run_cli("samenvoegen '" + scenario + "'", dir + "/err.txt") == 2);
  CHECK_THAT(slurp(dir + "/err.txt"), Catch::Contains("geen deelbestand van swvsim"));
  // Every message above is documented.
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const char* m : {"deel 2 van 3 ontbreekt", "K moet 1 tot en met N zijn", "--deel verwacht K/N", "geen deelbestand van swvsim",
                        "staat er 2 keer bij", "hoort bij een ander scenario", "is gewijzigd sinds de delen zijn gemaakt",
                        "controlesom klopt niet", "meer delen dan blokken van 256 paden"})
    CHECK_THAT(doc, Catch::Contains(m));
}

// Found by fuzz_shard (tools/fuzz.sh): a part whose checksums match but that holds a NaN reached the
// percentiles (undefined behaviour in their bucketing, a NaN in the result). run_shard writes only
// finite values, sums and path counts, so anything else is damage, named like a bad checksum.
TEST_CASE("shards: a value, sum or count that is no finite number is damage, even under a matching checksum", "[shards][fuzz]") {
  const Scenario sc = example(2'000);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto poke = [](std::string bytes, size_t at, double x) {
    std::memcpy(bytes.data() + at, &x, sizeof x);
    return swv::fuzz::with_checksums_repaired(bytes);
  };
  for (size_t budget : {size_t{1} << 30, size_t{1}}) {  // exact (doubles) and the histograms
    INFO("budget " << budget);
    const std::vector<std::string> bytes = parts(sc, 1, {2}, budget);
    const std::string& part = bytes[0];
    const size_t header = swv::fuzz::shard_header_end(part);
    REQUIRE(header > 0);
    auto refused = [&](const std::string& damaged) {
      try {
        merge(sc, {damaged}, 2, budget);
      } catch (const RunError& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    CHECK(refused(swv::fuzz::with_checksums_repaired(part)).empty());  // the repair itself changes nothing
    CHECK_THAT(refused(poke(part, part.size() - 16 - 8, nan)), Catch::Contains("deel0: fout: deel: een waarde is geen eindig getal"));
    CHECK_THAT(refused(poke(part, part.size() - 16 - 8, INFINITY)), Catch::Contains("een waarde is geen eindig getal"));
    CHECK_THAT(refused(poke(part, header + 8, nan)), Catch::Contains("deel0: fout: deel: een som is geen eindig getal"));
    // Finite but extreme values (the range hi - lo overflows): no undefined conversion in the
    // bucketing (the sanitizer build checks that), a result or a refusal.
    std::string extreme = part;
    const double big = 1e308, small = -1e308;
    std::memcpy(extreme.data() + extreme.size() - 16 - 8, &big, 8);
    std::memcpy(extreme.data() + extreme.size() - 16 - 16, &small, 8);
    refused(swv::fuzz::with_checksums_repaired(extreme));
  }
  CHECK(clamped_bucket(nan, 4096) == 0);
  CHECK(clamped_bucket(INFINITY, 4096) == 4095);
  CHECK(clamped_bucket(-INFINITY, 4096) == 0);
  CHECK(clamped_bucket(5.5, 4096) == 5);
  const std::string doc = slurp(source_path("docs/foutmeldingen.md"));
  for (const char* m : {"een waarde is geen eindig getal", "een som is geen eindig getal"}) CHECK_THAT(doc, Catch::Contains(m));
}
