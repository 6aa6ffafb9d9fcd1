// The lane loop (issue 31) against one path at a time: every path of a lane group must give exactly
// the bits its path gives run alone through McDraws (mc_lane_draws.h's contract), on every example
// and on scenarios that reach the model's other branches (capaciteit, vangnet, balans, a binding DUO
// cap in VO, the bezuiniging, blijvende risico's, school-year lines), including a last group with fewer than kLanes paths; and a run over
// lanes is the same for any number of threads.
#include <catch2/catch.hpp>
#include <bit>
#include <cstdint>
#include <cstring>

#include "simd_test_support.h"
#include "helpers.h"
#include "lane_record.h"
#include "loader.h"
#include "mc.h"
#include "mc_draws.h"
#include "mc_lane_draws.h"
#include "mc_paths.h"
#include "model.h"

using namespace swv;
using namespace swv::test;

namespace {

struct Year {
  YearRecord rec;
  LineAmounts amt;
};

struct Capture {
  std::vector<Year>* out;
  void year(int, const YearRecord& r, const LineAmounts& a) { out->push_back({r, a}); }
};

struct LaneCapture {
  std::array<std::vector<Year>, kLanes>* out;
  LineAmounts scratch;
  void year(int, const BasicYearRecord<Lane>& r, const BasicLineAmounts<Lane>& a) {
    for (int i = 0; i < kLanes; ++i) {
      YearRecord rec;
      lane_record(r, i, rec);
      lane_amounts(a, i, scratch);
      (*out)[static_cast<size_t>(i)].push_back({rec, scratch});
    }
  }
};

// Bit for bit (a NaN equals a NaN with the same bits); names the first difference.
std::string differs(const Year& a, const Year& b) {
#define SWV_CMP_IN(f) \
  if (bits(a.rec.in.f) != bits(b.rec.in.f)) return "in." #f;
#define SWV_CMP(f) \
  if (bits(static_cast<double>(a.rec.f)) != bits(static_cast<double>(b.rec.f))) return #f;
  SWV_FINANCE_INPUTS_FIELDS(SWV_CMP_IN)
  SWV_YEAR_RECORD_FIELDS(SWV_CMP)
#undef SWV_CMP
#undef SWV_CMP_IN
  auto vec = [](const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) return false;
    for (size_t k = 0; k < x.size(); ++k)
      if (bits(x[k]) != bits(y[k])) return false;
    return true;
  };
  if (!vec(a.amt.budget, b.amt.budget)) return "budget";
  if (!vec(a.amt.realised, b.amt.realised)) return "realised";
  if (!vec(a.amt.computed, b.amt.computed)) return "computed";
  if (!vec(a.amt.risk, b.amt.risk)) return "risk";
  if (!vec(a.amt.reserve, b.amt.reserve)) return "reserve";
  if (!vec(a.amt.held, b.amt.held)) return "held";
  for (size_t k = 0; k < a.amt.policy.size(); ++k)
    if (bits(a.amt.policy[k]) != bits(b.amt.policy[k]) || bits(a.amt.policy_budget[k]) != bits(b.amt.policy_budget[k])) return "policy";
  return "";
}

// What the compared paths went through (so a test can show it reached the branch it is for).
struct Reached {
  size_t waiting = 0, cap_binding = 0, safety_net = 0, cut = 0, lasting_held = 0;
  double rate_sum = 0;
};

// Runs `paths` paths both ways and compares every year of every path, and the draws' counters.
Reached check_identity(const Scenario& sc, size_t paths) {
  Reached seen;
  const Model model(sc);
  const Eigen::Matrix3d chol = correlation_factor(sc);
  McDraws one(sc, chol, sc.seed);
  LaneDraws lanes(sc, chol, sc.seed);
  DrawCounters c_one, c_lanes;
  size_t compared = 0;
  for (size_t p0 = 0; p0 < paths; p0 += kLanes) {
    const int active = static_cast<int>(std::min<size_t>(kLanes, paths - p0));
    std::array<std::vector<Year>, kLanes> got;
    LaneCapture lc{&got, LineAmounts(sc.lines.size(), sc.risks.size(), sc.reserves.size())};
    lanes.start_paths(p0);
    model.run_path(lanes, lc);
    lanes.end_paths(c_lanes, active);
    for (int i = 0; i < active; ++i) {
      std::vector<Year> want;
      Capture cap{&want};
      one.start_path(p0 + static_cast<size_t>(i));
      model.run_path(one, cap);
      one.end_path(c_one);
      const std::vector<Year>& g = got[static_cast<size_t>(i)];
      REQUIRE(g.size() == want.size());
      for (size_t y = 0; y < want.size(); ++y) {
        INFO("path " << p0 + static_cast<size_t>(i) << ", year " << want[y].rec.year);
        REQUIRE(differs(g[y], want[y]) == "");
        ++compared;
        const Year& w = want[y];
        seen.waiting += w.rec.waiting_sbo > 0 || w.rec.waiting_so > 0;
        seen.cap_binding += w.rec.cap_binding;
        seen.safety_net += w.amt.policy[kPolicySafetyNet] > 0;
        seen.cut += w.rec.cut_active;
        for (double h : w.amt.held) seen.lasting_held += !std::isnan(h);
      }
    }
  }
  CHECK(compared == paths * static_cast<size_t>(sc.years()));
  CHECK(c_lanes.rate_sum_paths == c_one.rate_sum_paths);
  CHECK(c_lanes.negative_intake_paths == c_one.negative_intake_paths);
  CHECK(c_lanes.negative_balance_paths == c_one.negative_balance_paths);
  CHECK(c_lanes.negative_balance_year == c_one.negative_balance_year);
  CHECK(c_lanes.clamped.size() == c_one.clamped.size());
  for (double r : c_one.rate_sum_paths) seen.rate_sum += r;
  return seen;
}

Scenario load_file(const std::string& path) {
  LoadResult lr = load_scenario(path);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);  // as a run does on its copy
  return sc;
}

// A variant of the PO example that reaches the branches the examples do not: places that run out
// (capaciteit, one of them drawn), the vangnet and SO rates that sum past 1 in about one year in eight (scaled back and counted).
std::string branches_variant(const std::string& dir) {
  return write(dir, "takken.toml", "schema = \"swvsim/1\"\nbasis = \"" + source_path("scenarios/voorbeeld-po.toml") + R"("
[stromen.capaciteit]
sbo = { verdeling = "normaal", gemiddelde = 300, sd = 20 }
so = 420
[vangnet]
groei = { so = { verdeling = "uniform", min = 0, max = 12 }, sbo = 3 }
drempel = { so = 2, sbo = 1 }
[stromen.terugplaatsing]
so = { verdeling = "uniform", min = 0.3, max = 0.6, per_jaar = true }
[stromen.uitstroom]
so = { verdeling = "uniform", min = 0.3, max = 0.7, per_jaar = true }
)");
}

}  // namespace

TEST_CASE("lanes: every path of a lane group has the bits of its path run alone", "[mc][lanes]") {
  for (const char* f : {"scenarios/voorbeeld-po.toml", "scenarios/voorbeeld-vo.toml", "scenarios/voorbeeld-po-krimp.toml",
                        "scenarios/voorbeeld-po-streefvermogen.toml", "scenarios/voorbeeld-po-2022.toml", "tests/reports/scenarios/tekort-po.toml"}) {
    SECTION(f) {
      const Reached r = check_identity(load_file(source_path(f)), 203);  // 25 groups and a last group of 3
      if (std::string(f).find("vo.toml") != std::string::npos) CHECK(r.cap_binding > 0);  // DUO's cap binds in some VO paths
      if (std::string(f).find("2022") == std::string::npos) CHECK(r.cut > 0);
    }
  }
  SECTION("capaciteit, vangnet, flows whose rates can sum past 1") {
    const std::string dir = temp_dir();
    const Reached r = check_identity(load_file(branches_variant(dir)), 131);
    CHECK(r.waiting > 0);
    CHECK(r.safety_net > 0);
    CHECK(r.rate_sum > 0);
  }
}

TEST_CASE("lanes: a run over lanes is the same for 1 and 2 threads and for a path count that is no multiple of 8", "[mc][lanes]") {
  Scenario sc = load_file(source_path("scenarios/voorbeeld-po.toml"));
  sc.paths = 1003;
  McOptions one, two;
  one.threads = 1, two.threads = 2;
  const Result a = run_monte_carlo(sc, {}, one), b = run_monte_carlo(sc, {}, two);
  REQUIRE(a.series.size() == b.series.size());
  for (size_t k = 0; k < a.series.size(); ++k)
    for (size_t y = 0; y < a.series[k].mean.size(); ++y) {
      CHECK(bits(a.series[k].mean[y]) == bits(b.series[k].mean[y]));
      CHECK(bits(a.series[k].p50[y]) == bits(b.series[k].p50[y]));
    }
}

TEST_CASE("lanes: decision support's path tables (run_paths without a pin) hold the scalar loop's bits", "[mc][lanes]") {
  Scenario sc = load_file(source_path("scenarios/voorbeeld-vo.toml"));
  sc.paths = 77;  // 9 groups and a last group of 5
  McOptions opt;
  opt.threads = 2;
  const PathTable t = run_paths(sc, opt);
  const Model model(sc);
  McDraws one(sc, correlation_factor(sc), sc.seed);
  for (size_t p = 0; p < 77; ++p) {
    std::vector<Year> want;
    Capture cap{&want};
    one.start_path(p);
    model.run_path(one, cap);
    one.end_path();
    for (size_t y = 0; y < want.size(); ++y) {
      INFO("path " << p << ", year " << want[y].rec.year);
      REQUIRE(bits(t.at(t.equity, p, y)) == bits(want[y].rec.equity));
      REQUIRE(bits(t.at(t.signal, p, y)) == bits(want[y].rec.signal));
      REQUIRE(bits(t.at(t.floor, p, y)) == bits(want[y].rec.floor));
    }
  }
}
