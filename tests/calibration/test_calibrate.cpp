// calibrate(): the estimates of a small history by hand, what it assumes and says it cannot
// separate, and the property that histories drawn from known parameters (the engine's own process)
// give estimates within their standard errors of the truth.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "calibrate.h"
#include "helpers.h"
#include "history_sim.h"
#include "projection.h"
#include "schema.h"

using namespace swv;
using namespace swv::test;
using Catch::Detail::Approx;

namespace {

// Four teldata with every flow; SBO 200 → 210 → 205 → 215 and SO 130 → 135 → 137 → 139 close on
// them exactly.
const char* kSmall =
    "jaar,regulier,sbo,so_laag,so_midden,so_hoog,instroom_sbo,uitstroom_sbo,instroom_so,uitstroom_so\n"
    "2019,10000,200,100,10,20,,,,\n"
    "2020,10000,210,105,10,20,60,50,30,25\n"
    "2021,10100,205,104,12,21,55,60,29,27\n"
    "2022,10000,215,106,11,22,65,55,28,26\n";

History parse(const std::string& text) {
  Diagnostics d;
  auto h = parse_history(text, "historie.csv", std::nullopt, d);
  REQUIRE(h);
  return *h;
}

const Estimate& get(const Calibration& c, const std::string& key) {
  const Estimate* e = c.find(key);
  INFO(key);
  REQUIRE(e);
  return *e;
}

// Quasi-binomial SE of Σx/Σn by hand: √(max(1, φ) Σ p(1−p)n_t) / Σn, φ = Σ (x − pn)²/(p(1−p)n) / (k − 1).
double quasi_se(const std::vector<double>& x, const std::vector<double>& n) {
  double sx = 0, sn = 0;
  for (size_t t = 0; t < x.size(); ++t) sx += x[t], sn += n[t];
  const double p = sx / sn;
  double pearson = 0, var = 0;
  for (size_t t = 0; t < x.size(); ++t) {
    const double v = p * (1 - p) * n[t];
    pearson += (x[t] - p * n[t]) * (x[t] - p * n[t]) / v, var += v;
  }
  return std::sqrt(std::max(1.0, pearson / static_cast<double>(x.size() - 1)) * var) / sn;
}

}  // namespace

TEST_CASE("calibrate: with flow columns the rates are the pooled shares, by hand", "[kalibratie][schatters]") {
  const Calibration c = calibrate(parse(kSmall));
  CHECK(c.special_flows);
  CHECK(c.so_flows);
  const Estimate& refer = get(c, "stromen.verwijzing.sbo");
  CHECK(refer.value == Approx(180.0 / 30100));
  CHECK(*refer.std_error == Approx(quasi_se({60, 55, 65}, {10000, 10000, 10100})));
  CHECK(refer.years == std::vector<int>{2020, 2021, 2022});
  CHECK(refer.spread == Spread::PerPath);
  CHECK(refer.dist == Dist::Beta);
  const Estimate& out = get(c, "stromen.uitstroom.sbo");
  CHECK(out.value == Approx(165.0 / 615));
  CHECK(*out.std_error == Approx(quasi_se({50, 60, 55}, {200, 210, 205})));
  const double q = 78.0 / 402;
  CHECK(get(c, "stromen.uitstroom.so").value == Approx(q));
  // Per category: net change plus q × the category's stock-years, over the regular stock-years.
  CHECK(get(c, "stromen.verwijzing.so.laag").value == Approx((106 - 100 + q * (100 + 105 + 104)) / 30100));
  CHECK(get(c, "stromen.verwijzing.so.midden").value == Approx((11 - 10 + q * (10 + 10 + 12)) / 30100));
  // With flows that close on the counts the categories add up to instroom_so / regulier.
  double sum = 0;
  for (const char* k : {"laag", "midden", "hoog"}) sum += get(c, std::string("stromen.verwijzing.so.") + k).value;
  CHECK(sum == Approx(87.0 / 30100));
  // Assumed: the regular outflow and the folded-in returns and moves, without a standard error.
  CHECK(get(c, "stromen.uitstroom.regulier").assumed());
  CHECK(get(c, "stromen.uitstroom.regulier").value == 0.125);
  CHECK(get(c, "stromen.terugplaatsing.sbo").value == 0);
  CHECK(get(c, "stromen.doorstroom.sbo_so.laag").value == 0);
  // Four teldata: the warning that the spreads are guesses.
  bool warned = false;
  for (const auto& d : c.diags.items()) warned |= d.message.find("met 4 teldata zijn de spreidingen een gok") != std::string::npos;
  CHECK(warned);
  // Every key is a scenario key.
  for (const auto& e : c.estimates) {
    INFO(e.key);
    CHECK(find_key(FileKind::Scenario, e.key) != nullptr);
  }
}

TEST_CASE("calibrate: without flow columns the exit rate is assumed and the referral follows from the net change", "[kalibratie][schatters]") {
  const Calibration c = calibrate(parse("jaar,regulier,sbo,so\n2019,10000,200,130\n2020,10000,210,135\n2021,10100,205,137\n2022,10000,215,139\n"));
  CHECK_FALSE(c.special_flows);
  CHECK_FALSE(c.so_flows);
  CHECK_FALSE(c.so_by_category);
  const Estimate& refer = get(c, "stromen.verwijzing.sbo");
  CHECK(refer.value == Approx((215 - 200 + 0.24 * (200 + 210 + 205)) / 30100));
  CHECK(get(c, "stromen.uitstroom.sbo").assumed());
  CHECK(get(c, "stromen.uitstroom.sbo").value == 0.24);
  CHECK(get(c, "stromen.uitstroom.so").value == 0.23);
  // One so column: one referral rate for SO as a whole.
  CHECK(get(c, "stromen.verwijzing.so").value == Approx((139 - 130 + 0.23 * (130 + 135 + 137)) / 30100));
  CHECK(c.find("stromen.verwijzing.so.laag") == nullptr);
  // It says plainly what cannot be separated.
  REQUIRE(c.not_separable.size() >= 3);
  CHECK(c.not_separable[0].find("alleen de netto verandering te zien") != std::string::npos);
}

TEST_CASE("calibrate: a referral rate that swings beyond chance is drawn every year, with its yearly spread", "[kalibratie][schatters]") {
  // SBO placements 20, 80, 20, 80, 50 of 10.000 regular pupils: p = 0,5%, binomial sd ≈ 7 a year
  // against swings of ±30: the Pearson test fires; the fragment draws the rate every year with
  // sd √(τ² + SE²). The SBO stock follows the flows (out = in, so it stays 200).
  std::string text = "jaar,regulier,sbo,so,instroom_sbo,uitstroom_sbo\n2017,10000,200,100,,\n";
  const int in[] = {20, 80, 20, 80, 50};
  for (int t = 0; t < 5; ++t) text += std::to_string(2018 + t) + ",10000,200,100," + std::to_string(in[t]) + "," + std::to_string(in[t]) + "\n";
  const Calibration c = calibrate(parse(text));
  const Estimate& e = get(c, "stromen.verwijzing.sbo");
  CHECK(e.value == Approx(0.005));
  CHECK(e.spread == Spread::PerYear);
  CHECK(e.year_sd > 0);
  CHECK(e.sd == Approx(std::sqrt(e.year_sd * e.year_sd + *e.std_error * *e.std_error)));
  // The per-year spread is what the swings say: τ² = (φ − 1) p(1 − p) / n̄.
  const double var = 0.005 * 0.995 * 10000, phi = 4 * 900 / var / 4;  // residuals ±30 four times, 0 once
  CHECK(e.year_sd == Approx(std::sqrt((phi - 1) * 0.005 * 0.995 / 10000)));
  // The engine gets it so: a beta drawn every year.
  const Scenario sc = projection_scenario(parse(text), c, 2, 200, 1, "");
  CHECK(sc.flows.refer_sbo.per_year);
  CHECK(sc.flows.refer_sbo.p[1].at(2023) == Approx(e.sd).epsilon(1e-4));
}

TEST_CASE("calibrate: a regular count that collapses gives intake 0 with a warning, and a fragment the engine loads", "[kalibratie][schatters]") {
  const History h = parse("jaar,regulier,sbo,so\n2019,12000,300,250\n2020,8000,280,240\n2021,5000,260,230\n2022,3000,250,220\n2023,2000,240,210\n");
  const Calibration c = calibrate(h);
  CHECK(get(c, "demografie.instroom").value == 0);
  bool warned = false;
  for (const auto& d : c.diags.items()) warned |= d.message.find("regulier daalt in een jaar sterker dan de aangenomen uitstroom") != std::string::npos;
  CHECK(warned);
  CHECK_NOTHROW(projection_scenario(h, c, 3, 200, 1, ""));
}

TEST_CASE("calibrate: odd but valid histories never give a non-finite estimate or a fragment the loader refuses", "[kalibratie][schatters]") {
  // 100 histories (po and vo) of 3 to 8 teldata with counts anywhere from 0 (regular from 1), flows
  // present, absent or partly given: whatever the reader accepts, calibrate and the projection take.
  uint64_t state = 26;
  auto next = [&](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int i = 0; i < 100; ++i) {
    const int rows = 3 + static_cast<int>(next(6));
    const bool flows = next(2) == 0, categories = next(2) == 0, vo = i % 2 == 1;
    const std::string sp = vo ? "pro" : "sbo", so = vo ? "vso" : "so";
    std::string text = "jaar,regulier," + sp + "," + (categories ? so + "_laag," + so + "_midden," + so + "_hoog" : so) + (flows ? ",instroom_" + sp : "") + "\n";
    double sbo = static_cast<double>(next(400));
    for (int t = 0; t < rows; ++t) {
      const double in = static_cast<double>(next(80)), out = std::min(sbo + in, static_cast<double>(next(80)));
      if (t > 0) sbo += in - out;
      text += std::to_string(2000 + t) + "," + std::to_string(1 + next(20000)) + "," + std::to_string(static_cast<long>(sbo));
      for (int k = 0; k < (categories ? 3 : 1); ++k) text += "," + std::to_string(next(k == 0 ? 300 : 5));
      if (flows) text += t == 0 || next(3) == 0 ? std::string(",") : "," + std::to_string(static_cast<long>(in));
      text += "\n";
    }
    INFO(text);
    Diagnostics d;
    auto h = parse_history(text, "historie.csv", std::nullopt, d);
    if (!h) continue;  // a derived flow came out negative: the reader refuses it, rightly
    Calibration c;
    REQUIRE_NOTHROW(c = calibrate(*h));
    REQUIRE_NOTHROW(projection_scenario(*h, c, 3, 100, 1, ""));
  }
}

TEST_CASE("calibrate: vo uses pro and vso with the vo assumptions", "[kalibratie][schatters]") {
  const Calibration c = calibrate(parse("jaar,regulier,pro,vso_laag,vso_midden,vso_hoog\n2019,9700,300,300,30,50\n2020,9650,302,301,30,50\n"
                                        "2021,9600,299,303,31,49\n2022,9550,301,302,31,50\n2023,9500,300,304,30,50\n"));
  CHECK(c.sector == Sector::Vo);
  CHECK(get(c, "stromen.uitstroom.regulier").value == 0.19);
  CHECK(get(c, "stromen.uitstroom.pro").value == 0.20);
  CHECK(get(c, "stromen.uitstroom.so").value == 0.21);
  CHECK(get(c, "stromen.verwijzing.pro").value == Approx((300 - 300 + 0.2 * (300 + 302 + 299 + 301)) / (9700 + 9650 + 9600 + 9550.0)));
  CHECK(c.find("stromen.verwijzing.sbo") == nullptr);
  CHECK(c.find("stromen.terugplaatsing.sbo") == nullptr);
}

namespace {

// z = (estimate − truth) / standard error of every estimated key over histories drawn from `file`.
std::map<std::string, std::vector<double>> z_scores(const std::string& file, int histories, bool flows) {
  LoadResult lr = load_scenario(source_path(file));
  REQUIRE(lr.scenario);
  std::map<std::string, std::vector<double>> z;
  for (int i = 0; i < histories; ++i) {
    const Calibration c = calibrate(simulate_history(*lr.scenario, static_cast<uint64_t>(100 + i), flows));
    for (const auto& e : c.estimates) {
      if (e.assumed()) continue;
      const auto truth = scenario_parameter(*lr.scenario, e.key, lr.scenario->first_year);
      if (!truth) continue;
      REQUIRE(*e.std_error > 0);
      z[e.key].push_back((e.value - *truth) / *e.std_error);
    }
  }
  return z;
}

void check_recovery(const std::map<std::string, std::vector<double>>& z, size_t keys) {
  CHECK(z.size() == keys);
  double sum2 = 0;
  int n = 0;
  for (const auto& [key, zs] : z)
    for (double v : zs) {
      INFO(key << " z = " << v);
      CHECK(std::fabs(v) < 3.5);  // every estimate within 3.5 standard errors of the truth
      if (key.starts_with("stromen.")) sum2 += v * v, ++n;
    }
  // The rates' standard errors are neither too small nor (much) too large: mean z² near 1.
  INFO("mean z² of the rates " << sum2 / n << " over " << n);
  CHECK(sum2 / n > 0.5);
  CHECK(sum2 / n < 1.6);
}

}  // namespace

TEST_CASE("calibrate: histories drawn from known parameters give every estimate within its standard errors (po, flows)", "[kalibratie][eigenschap]") {
  // Eight histories of 12 teldata of tests/kalibratie/po-bekend.toml: 6 rates and 3 demographic keys.
  check_recovery(z_scores("tests/kalibratie/po-bekend.toml", 8, true), 9);
}

TEST_CASE("calibrate: the same without flow columns, and for vo", "[kalibratie][eigenschap]") {
  // Without flows the exits are assumed (at their true values here), the referrals estimated: 4 rates.
  check_recovery(z_scores("tests/kalibratie/po-bekend.toml", 6, false), 7);
  check_recovery(z_scores("tests/kalibratie/vo-bekend.toml", 6, true), 9);
}
