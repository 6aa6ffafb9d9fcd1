// The fragment (fragment.h): numbers and texts as TOML, the fragment loads as a variant of a real
// scenario and gives the engine exactly the calibrated values, and [kalibratie] is read and checked.
#include <catch2/catch.hpp>

#include <cmath>

#include "calibrate.h"
#include "fragment.h"
#include "helpers.h"
#include "history_sim.h"
#include "projection.h"

using namespace swv;
using namespace swv::test;
using Catch::Detail::Approx;

TEST_CASE("fragment: numbers keep five significant digits and never an exponent", "[kalibratie][fragment]") {
  CHECK(toml_number(0) == "0.0");
  CHECK(toml_number(0.0061234567) == "0.0061235");
  CHECK(toml_number(1523.4449) == "1523.4");
  CHECK(toml_number(-0.005) == "-0.005");
  CHECK(toml_number(12000, 12) == "12000.0");
  CHECK(toml_number(1e-9) == "0.000000001");
  CHECK(toml_number(2.1e-14) == "0.0");  // the loader refuses non-zero numbers below 1e-9
  CHECK(toml_number(0.24) == "0.24");
  CHECK(toml_string("a\"b\\c\nd") == "\"a\\\"b\\\\c\\u000Ad\"");
}

namespace {

Calibration calibrated(uint64_t path, bool flows = true) {
  LoadResult lr = load_scenario(source_path("tests/kalibratie/po-bekend.toml"));
  REQUIRE(lr.scenario);
  History h = simulate_history(*lr.scenario, path, flows);
  h.file = "historie.csv";
  return calibrate(h);
}

double parsed(double x) { return std::stod(toml_number(x)); }

}  // namespace

TEST_CASE("fragment: kalibratie.toml loads as a variant and gives the engine the calibrated values", "[kalibratie][fragment]") {
  const Calibration c = calibrated(11);
  const std::string dir = temp_dir();
  // A base in 2024, the year after the history's last teldatum (2023).
  std::string base = slurp(source_path("scenarios/voorbeeld-po.toml"));
  replace_all(base, "eerste_jaar  = 2025", "eerste_jaar  = 2024");
  write(dir, "basis.toml", base);
  FragmentOptions o;
  o.basis = "basis.toml";
  o.version = "9.9.9";
  o.backtest = Coverage{0.52, 0.875, 54};
  o.backtest_horizon = 3;
  const LoadResult lr = load_scenario(write(dir, "kalibratie.toml", fragment_toml(c, o)));
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  // Start counts of the last teldatum, and the intake that belongs to them.
  CHECK(sc.start.regular == c.last_regular);
  CHECK(sc.start.sbo == c.last_special);
  CHECK(sc.start.so[2] == c.last_so[2]);
  CHECK(sc.demography.intake == parsed(c.find("demografie.instroom")->value));
  CHECK(sc.demography.newcomers.mean(2025) == 0);
  // Rates: a beta once per path with the estimate and its standard error.
  const Estimate& sbo = *c.find("stromen.verwijzing.sbo");
  CHECK(sc.flows.refer_sbo.dist == Dist::Beta);
  CHECK_FALSE(sc.flows.refer_sbo.per_year);
  CHECK(sc.flows.refer_sbo.mean(2025) == parsed(sbo.value));
  CHECK(sc.flows.refer_sbo.p[1].at(2025) == parsed(*sbo.std_error));
  CHECK(sc.flows.out_regular.mean(2025) == 0.125);
  CHECK(sc.flows.return_sbo.mean(2025) == 0);   // the base's uniform 1–3% is replaced: returns are in uitstroom
  CHECK(sc.flows.sbo_to_so[0].mean(2025) == 0);
  // groei: per year, mean and sd from the posterior predictive.
  const Estimate& g = *c.find("demografie.groei");
  CHECK(sc.demography.growth.dist == Dist::Normal);
  CHECK(sc.demography.growth.mean(2024) == parsed(g.mean_by_year[0].second));
  CHECK(sc.demography.growth.p[1].at(2026) == parsed(g.sd_by_year[2].second));
  CHECK(sc.demography.sigma.mean(2025) == parsed(c.find("demografie.onzekerheid")->value));
  // [kalibratie], with the back-test.
  const CalibrationInfo& k = sc.calibration;
  CHECK(k.given);
  CHECK(k.history == "historie.csv");
  CHECK(k.first_year == 2012);
  CHECK(k.last_year == 2023);
  CHECK(k.version == "9.9.9");
  CHECK(k.has_backtest);
  CHECK(k.coverage90 == 0.875);
  CHECK(k.points == 54);
  CHECK(k.horizon == 3);
}

TEST_CASE("fragment: the projection the back-test runs is the fragment on the history's last counts", "[kalibratie][fragment]") {
  LoadResult lr = load_scenario(source_path("tests/kalibratie/po-bekend.toml"));
  REQUIRE(lr.scenario);
  const History h = simulate_history(*lr.scenario, 5, true).head(8);  // 2012–2019
  const Calibration c = calibrate(h);
  const Scenario sc = projection_scenario(h, c, 3, 400, 9, "");
  CHECK(sc.first_year == 2020);
  CHECK(sc.last_year == 2022);
  CHECK(sc.start.regular == h.regular.back());
  CHECK(sc.start.so[0] == h.so[0].back());
  CHECK(sc.paths == 400);
  CHECK(sc.seed == 9);
  CHECK(sc.flows.refer_so[1].mean(2020) == parsed(c.find("stromen.verwijzing.so.midden")->value));
  // One so column: the start is the total in laag (the referral is in laag too).
  History one = h;
  one.so_by_category = false;
  for (size_t t = 0; t < one.size(); ++t) one.so[0][t] = h.so_total(t);
  const Calibration c1 = calibrate(one);
  const Scenario s1 = projection_scenario(one, c1, 2, 400, 1, "");
  CHECK(s1.start.so[0] == h.so_total(h.size() - 1));
  CHECK(s1.flows.refer_so[0].mean(2020) == parsed(c1.find("stromen.verwijzing.so")->value));
  CHECK(s1.flows.refer_so[1].mean(2020) == 0);
}

TEST_CASE("fragment: a history name with a line break can neither write TOML into the fragment nor make it unloadable", "[kalibratie][fragment]") {
  Calibration c = calibrated(2);
  c.history_file = "x.csv\nbasis = \"elders.toml\"";
  const std::string text = fragment_toml(c, {});
  const size_t from = text.find("\n[kalibratie]"), to = text.find("\n# De telling");
  REQUIRE(to != std::string::npos);
  const LoadResult lr = load_text(std::string(kMinimalPo) + text.substr(from, to - from));
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  CHECK(lr.scenario->calibration.history == escape_controls(c.history_file));  // "x.csv\u000Abasis = …", as text
  CHECK(text.find("\nbasis = \"elders.toml\"") == std::string::npos);
}

TEST_CASE("[kalibratie]: the years in order, the 50% share not above the 90% share", "[kalibratie][fragment]") {
  const LoadResult a = load_text(std::string(kMinimalPo) + "[kalibratie]\nhistorie = \"h.csv\"\neerste_jaar = 2023\nlaatste_jaar = 2012\n");
  CHECK(errors(a).find("kalibratie.laatste_jaar: laatste_jaar (2012) ligt vóór eerste_jaar (2023)") != std::string::npos);
  const LoadResult b = load_text(std::string(kMinimalPo) +
                                 "[kalibratie]\nhistorie = \"h.csv\"\neerste_jaar = 2012\nlaatste_jaar = 2023\n"
                                 "[kalibratie.terugtoets]\ndekking_50 = 0.95\ndekking_90 = 0.9\npunten = 20\n");
  CHECK(errors(b).find("dekking_50 (0.95) kan niet groter zijn dan dekking_90 (0.9): de 50%-band ligt binnen de 90%-band") != std::string::npos);
  const LoadResult c = load_text(std::string(kMinimalPo) + "[kalibratie]\neerste_jaar = 2012\nlaatste_jaar = 2023\n");
  CHECK(errors(c).find("kalibratie: verplichte sleutel \"historie\" ontbreekt in [kalibratie]") != std::string::npos);
}
