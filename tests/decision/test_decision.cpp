// Decision support: paired comparison, what a variant changes, the spending room against
// closed forms and the buffer contributions (sensitivity: test_sensitivity.cpp). Hand-computed expectations only.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "change_text.h"
#include "decision_report.h"
#include "compare.h"
#include "helpers.h"
#include "mc.h"
#include "mc_paths.h"
#include "mc_stats.h"
#include "risk_buffer.h"
#include "scenario_diff.h"
#include "sensitivity.h"
#include "spending.h"

using namespace swv;
using namespace swv::test;
namespace fs = std::filesystem;

namespace {

Scenario prepared(const LoadResult& lr) {
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  return sc;
}

int line_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST_CASE("vergelijk: a variant identical to its base gives differences of exactly 0", "[decision][compare]") {
  const std::string dir = temp_dir();
  const std::string base = source_path("scenarios/voorbeeld-po.toml");
  const std::string same = write(dir, "zelfde.toml", "schema = \"swvsim/1\"\nbasis = \"" + base + "\"\n[simulatie]\npaden = 2_000\n");
  LoadResult b = load_scenario(base), v = load_scenario(same);
  REQUIRE(b.scenario);
  REQUIRE(v.scenario);
  Scenario sb = prepared(b), sv = prepared(v);
  sb.paths = sv.paths = 2'000;
  const Comparison c = compare_paths(run_paths(sb, {2}), run_paths(sv, {1}));
  for (size_t y = 0; y < c.equity.diff.size(); ++y) {
    CHECK(c.equity.diff[y] == 0.0);
    CHECK(c.equity.std_error[y] == 0.0);
    CHECK(c.excessive.diff[y] == 0.0);
    CHECK(c.below_floor.diff[y] == 0.0);
    CHECK(c.negative.diff[y] == 0.0);
    CHECK(c.equity.base[y] == c.equity.variant[y]);
  }
  // Only the path count differs between the files, and that is a simulation setting.
  const auto changes = scenario_changes(b.tree->root, v.tree->root, sb.first_year, sb.last_year);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].key == "simulatie.paden");
  CHECK(change_text(changes[0].years[0].base, false) == "10.000");
  CHECK(change_text(changes[0].years[0].variant, true) == "2.000");
}

TEST_CASE("vergelijk: a fixed extra cost X lowers equity by exactly the cumulative X on every path", "[decision][compare]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string base = write(dir, "basis.toml", random_walk_scenario(2028, "100_000", "200_000", 3'000));
  const std::string variant_text = "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n\n[[post]]\ncode = \"X\"\nnaam = \"Extra\"\n"
                                   "kant = \"lasten\"\nbedrag = 40_000\nindexatie = \"geen\"\n";
  const std::string variant = write(dir, "variant.toml", variant_text);
  LoadResult b = load_scenario(base), v = load_scenario(variant);
  INFO(errors(v));
  REQUIRE(b.scenario);
  REQUIRE(v.scenario);
  const Scenario sb = prepared(b), sv = prepared(v);
  const PathTable tb = run_paths(sb, {2}), tv = run_paths(sv, {2});
  for (size_t p = 0; p < tb.paths; ++p)
    for (size_t y = 0; y < tb.years; ++y) {
      const double expected = -40'000.0 * static_cast<double>(y + 1);
      REQUIRE(std::fabs(tv.at(tv.equity, p, y) - tb.at(tb.equity, p, y) - expected) < 1e-6);
      REQUIRE(tv.at(tv.signal, p, y) == tb.at(tb.signal, p, y));  // income is untouched
    }
  const Comparison c = compare_paths(tb, tv);
  for (size_t y = 0; y < c.equity.diff.size(); ++y) {
    CHECK(c.equity.diff[y] == Approx(-40'000.0 * static_cast<double>(y + 1)).margin(1e-6));
    CHECK(c.equity.std_error[y] < 1e-6);
    CHECK(c.excessive.diff[y] <= 0.0);  // less equity: never more often above the signal
  }
  // What changes: the added line, each of its keys with the variant's file and line.
  const auto changes = scenario_changes(b.tree->root, v.tree->root, 2025, 2028);
  const Change* amount = nullptr;
  bool added = false;
  for (const Change& ch : changes) {
    added |= ch.key == "post[X]" && change_text(ch.years[0].variant, true) == "toegevoegd";
    if (ch.key == "post[X].bedrag") amount = &ch;
  }
  CHECK(added);
  REQUIRE(amount);
  CHECK(fs::path(amount->where.file).filename() == "variant.toml");
  CHECK(amount->where.line == line_of(variant_text, "bedrag = 40_000"));
  REQUIRE(amount->years.size() == 4);  // every year of 2025-2028
  CHECK(amount->years[3].year == 2028);
  CHECK(change_text(amount->years[3].variant, true) == "40.000");
}

TEST_CASE("bestedingsruimte: both bounds match the Gaussian closed form within their standard error", "[decision][spending]") {
  // One year: equity = 250,000 + 2,000,000 - N(1,950,000, sd^2) - S = N(300,000 - S, sd^2).
  // The signaleringswaarde is max(3.5% x 2,000,000, 250,000) = 250,000.
  //   minimum: P(equity > 250,000) <= 0.10  <=>  S >= 50,000 + z_0.90 sd
  //   maximum: P(equity < floor) <= 0.05    <=>  S <= 300,000 - floor - z_0.95 sd
  // A sample quantile's standard error is sd sqrt(a(1-a)) / (phi(z_a) sqrt(n)).
  const double n = 20'000, z90 = 1.2815516, z95 = 1.6448536;
  auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI); };
  struct Case {
    double sd, floor;
  };
  for (Case k : {Case{50'000, 0}, Case{100'000, 200'000}}) {
    LoadResult lr = load_text(random_walk_scenario(2025, std::to_string(static_cast<int>(k.sd)), std::to_string(static_cast<int>(k.floor)), 20'000), kRulesPo);
    INFO(errors(lr));
    REQUIRE(lr.scenario);
    const Scenario sc = prepared(lr);
    SpendingQuery q;
    q.target_year = 2025;
    const SpendingRoom room = spending_room(sc, q, {2});
    const double true_min = 50'000 + z90 * k.sd, true_max = 300'000 - k.floor - z95 * k.sd;
    const double se_min = k.sd * std::sqrt(0.1 * 0.9) / (phi(z90) * std::sqrt(n));
    const double se_max = k.sd * std::sqrt(0.05 * 0.95) / (phi(z95) * std::sqrt(n));
    INFO("sd " << k.sd << ", ondergrens " << k.floor);
    REQUIRE(room.minimum.found);
    REQUIRE(room.maximum.found);
    CHECK(std::fabs(room.minimum.amount - true_min) < 4.5 * room.minimum.std_error);
    CHECK(std::fabs(room.maximum.amount - true_max) < 4.5 * room.maximum.std_error);
    // The stated uncertainty is the closed-form one (kernel density estimate: within 25%).
    CHECK(room.minimum.std_error == Approx(se_min).epsilon(0.25));
    CHECK(room.maximum.std_error == Approx(se_max).epsilon(0.25));
    // At the bounds the conditions hold on these paths, and just past them they fail.
    CHECK(room.minimum.probability <= 0.1);
    CHECK(room.maximum.probability <= 0.05);
    CHECK(room.empty() == (true_min > true_max));
    CHECK(room.at_minimum.excessive[0] <= 0.1);
  }
}

TEST_CASE("bestedingsruimte: bad questions get clear errors", "[decision][spending]") {
  LoadResult lr = load_text(random_walk_scenario(2026, "50_000", "0", 200), kRulesPo);
  REQUIRE(lr.scenario);
  const Scenario sc = prepared(lr);
  SpendingQuery q;
  q.target_year = 2030;
  CHECK_THROWS_WITH(spending_room(sc, q, {1}), "doeljaar 2030 ligt buiten de planperiode 2025–2026");
  q.target_year = 2026, q.confidence = 1.0;
  CHECK_THROWS_WITH(spending_room(sc, q, {1}), Catch::Contains("tussen 0 en 1"));
  Scenario zero = sc;
  zero.spending_profile = YearTable::fixed(0.0);
  q.confidence = 0.9;
  CHECK_THROWS_WITH(spending_room(zero, q, {1}), Catch::Contains("profiel is 0"));
}

TEST_CASE("weerstandsvermogen: the same buffer as the run, and a risk's contribution", "[decision][buffer]") {
  // One year, equity N(300,000, 100,000^2) before a risk of 100,000 with probability 0.25.
  std::string text = random_walk_scenario(2025, "100_000", "200_000", 20'000) + R"(
[[risico]]
code = "R1"
naam = "Vast risico"
kans = 0.25
impact = 100_000
)";
  LoadResult lr = load_text(text, kRulesPo);
  REQUIRE(lr.scenario);
  const Scenario sc = prepared(lr);
  const BufferAnalysis a = analyse_buffer(sc, {2});
  const Result r = run_monte_carlo(*lr.scenario, {}, {2});
  REQUIRE(r.buffers.size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(a.with_all.required[i] == r.buffers[i].required);
  // Without the risk: the shortfall below the plan (equity 300,000) is max(0, -Z sd), so
  // required = z_c sd (closed form, within 4.5 SE).
  auto phi = [](double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI); };
  for (size_t i = 0; i < 3; ++i) {
    const double c = BufferLevels::kConfidence[i], z = normal_quantile(c);
    const double se = 100'000 * std::sqrt(c * (1 - c)) / (phi(z) * std::sqrt(20'000.0));
    CHECK(std::fabs(a.risks[0].without.required[i] - (z * 100'000)) < 4.5 * se);
    CHECK(a.without_any.required[i] == a.risks[0].without.required[i]);  // the only risk
    CHECK(a.risks[0].contribution[i] > 0);
  }
}

TEST_CASE("CLI: vergelijk, gevoeligheid, bestedingsruimte and weerstandsvermogen write their reports", "[decision][cli]") {
  const std::string dir = temp_dir();
  const std::string po = source_path("scenarios/voorbeeld-po.toml"), krimp = source_path("scenarios/voorbeeld-po-krimp.toml");
  REQUIRE(run_cli("vergelijk " + po + " " + krimp + " --paden 400 --stil --uit " + dir + "/v") == 0);
  for (const char* ext : {".json", ".html", ".xlsx", ".md"}) CHECK(fs::exists(dir + "/v/vergelijking" + ext));
  const auto j = nlohmann::json::parse(slurp(dir + "/v/vergelijking.json"));
  CHECK(j["soort"] == "vergelijking");
  CHECK(j["paden"] == 400);
  CHECK(!j["varianten"][0]["verschillen"].empty());
  CHECK(j["varianten"][0]["eigen_vermogen"]["verschil"].size() == 6);
  const std::string html = slurp(dir + "/v/vergelijking.html");
  CHECK(html.find("Wat verandert dit scenario") != std::string::npos);
  CHECK(html.find("voorbeeld-po-krimp.toml:") != std::string::npos);

  REQUIRE(run_cli("gevoeligheid " + po + " --paden 300 --stil --formaat json,html --uit " + dir + "/g") == 0);
  const auto g = nlohmann::json::parse(slurp(dir + "/g/gevoeligheid.json"));
  CHECK(g["invoer"].size() >= 20);
  CHECK(g["rangorde"].size() == 6);
  CHECK(slurp(dir + "/g/gevoeligheid.html").find("<svg") != std::string::npos);
  CHECK(!fs::exists(dir + "/g/gevoeligheid.xlsx"));

  REQUIRE(run_cli("bestedingsruimte " + po + " --doeljaar 2028 --paden 300 --stil --uit " + dir + "/b") == 0);
  const auto b = nlohmann::json::parse(slurp(dir + "/b/bestedingsruimte.json"));
  CHECK(b["doeljaar"] == 2028);
  CHECK(b["minimum"]["gevonden"] == true);
  CHECK(!b["conclusie"].empty());
  CHECK(run_cli("bestedingsruimte " + po + " --doeljaar 1999 --uit " + dir + "/x", dir + "/err.txt") == 2);
  CHECK(slurp(dir + "/err.txt").find("doeljaar 1999 ligt buiten de planperiode") != std::string::npos);
  CHECK(!fs::exists(dir + "/x"));

  REQUIRE(run_cli("weerstandsvermogen " + po + " --paden 300 --uit " + dir + "/w", dir + "/w.txt") == 0);
  const auto w = nlohmann::json::parse(slurp(dir + "/w/weerstandsvermogen.json"));
  CHECK(w["risicos"].size() == 5);
  CHECK(slurp(dir + "/w.txt").find("bijdrage (90%)") != std::string::npos);
  CHECK(run_cli("vergelijk " + po + " --uit " + dir + "/y") == 2);  // a base alone
}

TEST_CASE("decision reports: hostile names are escaped in HTML, inert in Excel, and the workbook has typed sheets", "[decision][report]") {
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  std::string base_text = random_walk_scenario(2026, "50_000", "0", 200);
  base_text.replace(base_text.find("naam = \"Wandeling\""), 18, "naam = \"<script>alert(1)</script>\"");
  base_text += "[[risico]]\ncode = \"R1\"\nnaam = \"=HYPERLINK(\\\"http://x\\\")\"\nkans = 0.5\nimpact = 10_000\n";
  const std::string base = write(dir, "basis.toml", base_text);
  const std::string variant = write(dir, "variant.toml", "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n[[post]]\ncode = \"X\"\n"
                                                         "naam = \"Extra\"\nkant = \"lasten\"\nbedrag = 1_000\nindexatie = \"geen\"\n");
  REQUIRE(run_cli("vergelijk " + base + " " + variant + " --stil --uit " + dir + "/out") == 0);
  const std::string html = slurp(dir + "/out/vergelijking.html");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  REQUIRE(run_cli("weerstandsvermogen " + base + " --stil --uit " + dir + "/out") == 0);
  auto part = [&](const std::string& xlsx, const std::string& name) {
    const std::string tmp = dir + "/part.xml";
    REQUIRE(std::system(("unzip -p '" + dir + "/out/" + xlsx + "' '" + name + "' > '" + tmp + "' 2>/dev/null").c_str()) == 0);
    return slurp(tmp);
  };
  const std::string workbook = part("vergelijking.xlsx", "xl/workbook.xml");
  CHECK(workbook.find("name=\"Samenvatting\"") != std::string::npos);
  CHECK(workbook.find("Wijzigingen") != std::string::npos);
  CHECK(part("vergelijking.xlsx", "xl/styles.xml").find("€ #,##0") != std::string::npos);
  // The risk's name is a cell of its own in the Per risico sheet: stored with a leading apostrophe.
  const std::string strings = part("weerstandsvermogen.xlsx", "xl/sharedStrings.xml");
  CHECK(strings.find("<t>'=HYPERLINK") != std::string::npos);
  CHECK(strings.find("<t>=HYPERLINK") == std::string::npos);
}

TEST_CASE("bestedingsruimte: without uncertainty the bounds are the hand-computed amounts", "[decision][spending]") {
  // Equity 2025 = 250,000 + 50,000 - S, equity 2026 = 300,000 + 50,000 - 2 S; signaleringswaarde
  // 250,000. Minimum (doeljaar 2026): 350,000 - 2 S <= 250,000 -> S >= 50,000. Maximum (floor 0):
  // S <= min(300,000, 175,000) = 175,000, binding in 2026. The search stops within 1 euro.
  LoadResult lr = load_text(random_walk_scenario(2026, "0", "0", 3), kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  SpendingQuery q;
  q.target_year = 2026;
  const SpendingRoom room = spending_room(prepared(lr), q, {1});
  REQUIRE(room.minimum.found);
  REQUIRE(room.maximum.found);
  CHECK(room.minimum.amount >= 50'000);
  CHECK(room.minimum.amount <= 50'001);
  CHECK(room.maximum.amount <= 175'000);
  CHECK(room.maximum.amount >= 174'999);
  CHECK(room.maximum.binding_year == 2026);
  CHECK(!room.empty());
  CHECK(room.at_zero.p50[1] == Approx(350'000));
}

TEST_CASE("weerstandsvermogen: one pass and reruns of hit paths only give the buffer of a full rerun per risk", "[decision][buffer][bounds]") {
  // The reference is the former method, independent of the new one: every risk switched off in
  // turn (kans 0) and all paths run again. The example reacts to equity (afbouw), so a hit path
  // must really be rerun; only sums of the risk amounts differ in rounding.
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = prepared(lr);
  sc.paths = 1'500;
  auto reference = [&](const Scenario& s) {
    const PathTable t = run_paths(s, {2});
    // Each path's largest shortfall below the deterministic plan (at least 0), then its quantiles.
    std::vector<double> sf(t.paths, 0.0);
    for (size_t p = 0; p < t.paths; ++p)
      for (size_t y = 0; y < t.years; ++y) sf[p] = std::max(sf[p], s.plan_equity[y] - t.at(t.equity, p, y));
    std::sort(sf.begin(), sf.end());
    std::array<double, 3> req{};
    for (size_t i = 0; i < 3; ++i) req[i] = std::max(0.0, percentile_type7(sf, BufferLevels::kConfidence[i]));
    return req;
  };
  const BufferAnalysis a = analyse_buffer(sc, {2});
  CHECK(analyse_buffer(sc, {1}).risks.back().without.required == a.risks.back().without.required);  // threads
  CHECK(a.with_all.required == reference(sc));
  REQUIRE(a.risks.size() == sc.risks.size());
  bool any_hit = false;
  for (size_t k = 0; k < sc.risks.size(); ++k) {
    Scenario off = sc;
    off.risks[k].probability = Value::fixed(0);
    const auto want = reference(off);
    for (size_t i = 0; i < 3; ++i) {
      INFO(sc.risks[k].code << " " << BufferLevels::kConfidence[i]);
      CHECK(a.risks[k].without.required[i] == Approx(want[i]).epsilon(1e-9).margin(1e-3));
      any_hit |= a.risks[k].contribution[i] != 0;
    }
  }
  CHECK(any_hit);
}

TEST_CASE("decision support: a pin holds one input at its quantile on every path", "[decision][pin][bounds]") {
  // Costs N(1,950,000, 100,000^2) per path, held at q: every path pays 1,950,000 + 100,000 z_q, so
  // equity after year k is 250,000 + k (50,000 - 100,000 z_q) on every path (nothing else random).
  LoadResult lr = load_text(random_walk_scenario(2027, "100_000", "0", 500) + R"(
[[risico]]
code = "R1"
naam = "Vast risico"
kans = 0.25
impact = 40_000
)", kRulesPo);
  REQUIRE(lr.scenario);
  const Scenario sc = prepared(lr);
  auto inputs = uncertain_inputs(sc);
  REQUIRE(inputs.size() == 3);
  REQUIRE(inputs[0].key == "post[4].bedrag");
  REQUIRE(inputs[1].key == "stromen.toeval");
  inputs.erase(inputs.begin() + 1);
  REQUIRE(inputs[1].key == "risico[R1]");
  for (double q : {0.1, 0.9}) {
    const double z = q == 0.1 ? -1.2815515655446004 : 1.2815515655446004;  // tables
    // Risk held at q = 0.1 (below 1 - kans = 0.75: no loss) and at 0.9 (a loss every year).
    Scenario s = sc;
    s.risks[0].probability = Value::fixed(0);
    const PathTable t = run_paths(s, {2}, Pin::at(inputs[0].driver, q));
    for (size_t p = 0; p < t.paths; ++p)
      for (size_t y = 0; y < 3; ++y)
        REQUIRE(t.at(t.equity, p, y) == Approx(250'000 + static_cast<double>(y + 1) * (50'000 - 100'000 * z)).epsilon(1e-12));
    const PathTable r = run_paths(sc, {2}, Pin::at(inputs[1].driver, q));
    const PathTable free = run_paths(s, {2});
    for (size_t p = 0; p < r.paths; ++p)
      for (size_t y = 0; y < 3; ++y)
        REQUIRE(r.at(r.equity, p, y) - free.at(free.equity, p, y) == Approx(q > 0.75 ? -40'000.0 * static_cast<double>(y + 1) : 0.0).margin(1e-6));
  }
}

TEST_CASE("decision support: work and memory are bounded up front with a message naming --paden", "[decision][bounds]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = prepared(lr);
  sc.paths = 50'000'000;  // 2 x 50e6 x 6 years x 24 bytes = 14 GB of path tables; 41 runs of it
  auto message = [](auto f) {
    try {
      f();
    } catch (const RunError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string sens = message([&] { run_sensitivity(sc, {2}); });
  CHECK(sens.find("fout: rekentijd: gevoeligheid met") != std::string::npos);
  CHECK(sens.find("verlaag --paden tot ten hoogste") != std::string::npos);
  const std::string buf = message([&] { analyse_buffer(sc, {2}); });  // refused before running, whichever limit
  CHECK(buf.find("verlaag --paden tot ten hoogste") != std::string::npos);
  Scenario many = sc;  // 2,000 risks at 5 million paths: about 1e12 steps
  many.paths = 5'000'000;
  for (int i = 0; i < 1'995; ++i) many.risks.push_back(many.risks.front());
  const std::string work = message([&] { analyse_buffer(many, {2}); });
  CHECK(work.find("fout: rekentijd: weerstandsvermogen met 2000 risico's") != std::string::npos);
  CHECK(work.find("verlaag --paden tot ten hoogste") != std::string::npos);
  const std::string mem = message([&] { run_paths(sc, {2}); });
  CHECK(mem.find("fout: geheugen:") != std::string::npos);
  CHECK(mem.find("verlaag --paden tot ten hoogste") != std::string::npos);
  // The limit itself: the sensitivity's inputs + 1 runs at the suggested paths fit.
  sc.paths = 10'000;
  CHECK(decision_work(sc, static_cast<double>(uncertain_inputs(sc).size()) + 1) < kMaxDecisionWork);
}

TEST_CASE("every decision command refuses, like run, a scenario whose drawn rates sum to 1 or more", "[decision][runtime]") {
  // The means sum to 0.9 (accepted when loading), but the yearly draws of verwijzing.sbo push the
  // regular pupils' rates to 1 or more in far more than 0.1% of the paths: run exits 2, and so
  // must every command that runs the same paths.
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string sc = write(dir, "scenario.toml", std::string(kMinimalPo) + R"(
[stromen.verwijzing]
sbo = { verdeling = "normaal", gemiddelde = 0.40, sd = 0.2, per_jaar = true }
[stromen.uitstroom]
regulier = 0.5
[simulatie]
paden = 1000
)");
  for (const std::string cmd : {"run", "gevoeligheid", "bestedingsruimte", "weerstandsvermogen"}) {
    INFO(cmd);
    const std::string out = dir + "/" + cmd + ".txt";
    CHECK(run_cli(cmd + " " + sc + " --stil --uit " + dir + "/uit-" + cmd, out) == 2);
    CHECK(slurp(out).find("meer dan 0,1% van de paden is een invoerfout") != std::string::npos);
  }
}

TEST_CASE("bestedingsruimte spends only up to the target year, with a trade-off table and a recommended amount", "[decision][spending]") {
  // No uncertainty. Equity 2025 = 300,000 − S, 2026 = 350,000 − S when S is spent in 2025 only
  // (the target year); signaleringswaarde 250,000, floor 0. Minimum: 300,000 − S <= 250,000 ->
  // S >= 50,000. Maximum: 300,000 − S >= 0 and 350,000 − S >= 0 -> S <= 300,000 (spending through
  // 2026 as before would bind at 175,000 in 2026). Recommended: the minimum.
  LoadResult lr = load_text(random_walk_scenario(2026, "0", "0", 3), kRulesPo);
  REQUIRE(lr.scenario);
  SpendingQuery q;
  q.target_year = 2025;
  const SpendingRoom room = spending_room(prepared(lr), q, {1});
  REQUIRE(room.minimum.found);
  REQUIRE(room.maximum.found);
  CHECK(room.end_year == 2025);
  CHECK(room.profile == std::vector<double>{1, 0});
  CHECK(room.minimum.amount == Approx(50'000).margin(1));
  CHECK(room.maximum.amount == Approx(300'000).margin(1));
  CHECK(room.recommended.kind == Recommendation::Kind::Room);
  CHECK(room.recommended.amount == room.minimum.amount);
  CHECK(room.recommended.excessive_target == 0);
  // The curve: 0 ... 1.25 × the larger bound, probabilities monotone in the amount.
  REQUIRE(room.curve.size() == 11);
  CHECK(room.curve.front().amount == 0);
  CHECK(room.curve.back().amount == Approx(1.25 * room.maximum.amount));
  CHECK(room.curve.front().excessive_target == 1);    // 300,000 > 250,000
  CHECK(room.curve.back().below_floor_any == 1);      // 300,000 − 375,000 < 0
  CHECK(room.curve.front().median_last == Approx(350'000));
  for (size_t i = 1; i < room.curve.size(); ++i) {
    CHECK(room.curve[i].excessive_target <= room.curve[i - 1].excessive_target);
    CHECK(room.curve[i].below_floor_any >= room.curve[i - 1].below_floor_any);
  }
  // A stated end year spends through it: the old maximum of 175,000 (binding in 2026).
  q.end_year = 2026;
  const SpendingRoom through = spending_room(prepared(lr), q, {1});
  CHECK(through.maximum.amount == Approx(175'000).margin(1));
  // The sentences always end with a recommendation, even when the conditions conflict.
  CHECK(spending_sentences(room).back().rfind("Aanbeveling: ", 0) == 0);
}

TEST_CASE("vergelijk: the standard error of a paired difference is sd / sqrt(paths)", "[decision][compare]") {
  // The variant adds a cost drawn once per path, N(40.000, 10.000²), with its own stream: the paired
  // difference in equity in year k is −k X, so its mean has standard error k × 10.000 / sqrt(n).
  const std::string dir = temp_dir();
  write(dir, "regels.toml", kRulesPo);
  const std::string base = write(dir, "basis.toml", random_walk_scenario(2027, "100_000", "200_000", 4'000));
  const std::string variant = write(dir, "variant.toml",
                                    "schema = \"swvsim/1\"\nbasis = \"basis.toml\"\n\n[[post]]\ncode = \"X\"\nnaam = \"Extra\"\n"
                                    "kant = \"lasten\"\nbedrag = { verdeling = \"normaal\", gemiddelde = 40_000, sd = 10_000 }\n"
                                    "indexatie = \"geen\"\n");
  LoadResult b = load_scenario(base), v = load_scenario(variant);
  INFO(errors(v));
  REQUIRE(b.scenario);
  REQUIRE(v.scenario);
  const Comparison c = compare_paths(run_paths(prepared(b), {2}), run_paths(prepared(v), {2}));
  const double n = 4'000;
  for (size_t y = 0; y < c.equity.diff.size(); ++y) {
    const double k = static_cast<double>(y + 1), se = k * 10'000 / std::sqrt(n);
    INFO("jaar " << y);
    // The sample sd of n normal draws is within 5% of the true sd (its relative SE is 1/sqrt(2n) = 1,1%).
    CHECK(c.equity.std_error[y] == Approx(se).epsilon(0.05));
    CHECK(std::fabs(c.equity.diff[y] + k * 40'000) < 4.5 * se);
  }
}
