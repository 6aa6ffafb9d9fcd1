// The kaderbrief figure (spending.h, kaderbrief.h): each kind of answer hand-computed on plans without
// uncertainty (where both modes must agree exactly), the replay of the close against simulating the
// paths again with the spending, and the search that always ends.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>

#include "decision_report.h"
#include "deterministic.h"
#include "helpers.h"
#include "kaderbrief.h"
#include "mc_paths.h"

using namespace swv;
using namespace swv::test;

namespace {

// The random walk of helpers.h with its own start equity and mean lasten: equity after year k
// (k = 1 in 2025) is start + k (2.000.000 − lasten − S) for extra spending S a year, with
// signaleringswaarde max(3,5% × 2.000.000, 250.000) = 250.000 in every year.
Scenario walk(int last, const std::string& start, const std::string& lasten, const std::string& sd, const std::string& floor, int paths) {
  std::string text = random_walk_scenario(last, sd, floor, paths);
  replace_all(text, "eigen_vermogen = 250_000", "eigen_vermogen = " + start);
  replace_all(text, "gemiddelde = 1_950_000", "gemiddelde = " + lasten);
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

// Both modes on a scenario without uncertainty: the plan and Monte Carlo (every path the plan).
struct BothModes {
  SpendingRoom plan, mc;
};
BothModes both(const Scenario& sc) {
  return {deterministic_spending(sc, kaderbrief_query(sc)), kaderbrief_room(sc, McOptions{1})};
}

void check_same_answer(const BothModes& b) {
  CHECK(b.plan.recommended.kind == b.mc.recommended.kind);
  if (std::isfinite(b.plan.recommended.amount)) CHECK(b.plan.recommended.amount == Approx(b.mc.recommended.amount).margin(1e-6));
  CHECK(b.plan.maximum.amount == Approx(b.mc.maximum.amount).margin(1e-6));
}

}  // namespace

TEST_CASE("kaderbrief: ruimte — the bounds and the recommendation are the hand-computed amounts", "[decision][kaderbrief]") {
  // Equity 250.000 + k (50.000 − S) after year k (2025–2027). Minimum: 400.000 − 3 S <= 250.000 iff
  // S >= 50.000. Maximum (floor 100.000): 250.000 + k (50.000 − S) >= 100.000 for k = 1, 2, 3 iff
  // S <= 100.000 (k = 3; k = 1 allows 200.000). Recommended: the minimum, room up to 100.000.
  const Scenario sc = walk(2027, "250_000", "1_950_000", "0", "100_000", 10);
  const Result plan = run_deterministic(sc);
  REQUIRE(plan.find("eigen_vermogen")->mean == std::vector<double>{300'000, 350'000, 400'000});
  const BothModes b = both(sc);
  const SpendingRoom& k = b.plan;
  REQUIRE(k.minimum.found);
  CHECK(k.minimum.amount >= 50'000);
  CHECK(k.minimum.amount <= 50'000 + 1);  // within the tolerance, on the side that meets the condition
  CHECK(k.maximum.amount <= 100'000);
  CHECK(k.maximum.amount >= 100'000 - 1);
  CHECK(k.maximum.binding_year == 2027);
  CHECK(k.recommended.kind == Recommendation::Kind::Room);
  CHECK(recommendation_kind_key(k.recommended.kind) == std::string("ruimte"));
  CHECK(k.recommended.amount == k.minimum.amount);
  CHECK(k.recommended.excessive_target == 0.0);
  CHECK(k.recommended.below_floor_any == 0.0);
  CHECK(k.recommended.median_target == Approx(400'000 - 3 * k.recommended.amount).margin(1e-6));
  CHECK(k.paths == 0);
  check_same_answer(b);
  const std::string text = kaderbrief_sentence(k);
  CHECK(text.find("Besteed € 50.000 per jaar extra tot en met 2027") != std::string::npos);
  CHECK(text.find("die tot € 100.000 per jaar toelaat") != std::string::npos);
  for (const char* word : {"kans", "paden", "mediaan", "zekerheid"}) {
    INFO(word);
    CHECK(text.find(word) == std::string::npos);
  }
  CHECK(kaderbrief_headline(k) == "€ 50.000 per jaar extra");
}

TEST_CASE("kaderbrief: a structural deficit gets the hand-computed cut, in both modes", "[decision][kaderbrief]") {
  // Lasten 2.100.000 against baten 2.000.000: equity 250.000 + k (−100.000 − S). Floor 0 in every
  // year of 2025–2027: S <= −100.000 + 250.000 / k, tightest at k = 3: S <= −16.666,67. The norm
  // asks S >= −100.000 (−50.000 − 3 S <= 250.000), so the floor decides: a cut of 16.666,67 a year.
  const Scenario sc = walk(2027, "250_000", "2_100_000", "0", "0", 50);
  const BothModes b = both(sc);
  for (const SpendingRoom* k : {&b.plan, &b.mc}) {
    INFO("paden " << k->paths);
    CHECK(k->recommended.kind == Recommendation::Kind::Cut);
    CHECK(recommendation_kind_key(k->recommended.kind) == std::string("bezuiniging"));
    CHECK(k->recommended.amount <= -50'000.0 / 3);
    CHECK(k->recommended.amount >= -50'000.0 / 3 - 1);
    CHECK(k->recommended.below_floor_any == 0.0);  // never a recommendation that breaks the floor
    CHECK(k->minimum.amount == Approx(-100'000).margin(1));
    CHECK(k->at_zero.below_floor_any == 1.0);  // without the cut: −50.000 in 2027
  }
  check_same_answer(b);
  CHECK(kaderbrief_headline(b.plan) == "bezuinig € 16.667 per jaar");
  CHECK(kaderbrief_sentence(b.plan).find("Bezuinig € 16.667 per jaar tot en met 2027 om volgens de begroting in elk jaar boven de "
                                         "ondergrens te blijven; zonder bezuiniging komt het eigen vermogen in 2027 onder de ondergrens") !=
        std::string::npos);
  CHECK(kaderbrief_sentence(b.mc).find("Bezuinig € 16.667 per jaar") != std::string::npos);
}

TEST_CASE("kaderbrief: conflict — the floor binds before the norm is reached, and wins", "[decision][kaderbrief]") {
  // Equity 250.000 + k (50.000 − S), floor 260.000: k = 1 allows S <= 40.000 (k = 2: 45.000,
  // k = 3: 46.666,67), so the maximum is 40.000, binding in 2025; the norm needs S >= 50.000.
  const Scenario sc = walk(2027, "250_000", "1_950_000", "0", "260_000", 10);
  const BothModes b = both(sc);
  const SpendingRoom& k = b.plan;
  CHECK(k.recommended.kind == Recommendation::Kind::Conflict);
  CHECK(k.recommended.amount <= 40'000);
  CHECK(k.recommended.amount >= 40'000 - 1);
  CHECK(k.maximum.binding_year == 2025);
  CHECK(k.recommended.below_floor_any == 0.0);
  CHECK(k.recommended.excessive_target == 1.0);  // 400.000 − 120.000 = 280.000 > 250.000
  check_same_answer(b);
  CHECK(kaderbrief_headline(k) == "ten hoogste € 40.000 per jaar extra");
  // A floor of 300.000 leaves no room at all: year 1 ends at exactly 300.000 without extra spending.
  const SpendingRoom none = deterministic_spending(walk(2027, "250_000", "1_950_000", "0", "300_000", 10), kaderbrief_query(sc));
  CHECK(none.recommended.kind == Recommendation::Kind::Conflict);
  CHECK(none.recommended.amount == 0);
  CHECK(kaderbrief_sentence(none).find("de ondergrens laat geen extra uitgaven toe") != std::string::npos);
}

TEST_CASE("kaderbrief: a floor no cut can reach names the first year and why", "[decision][kaderbrief]") {
  // Start 100.000 below a floor of 5.000.000: even without any lasten (a cut of all of them, the
  // largest yearly lasten 1.950.000) equity after 2025 is 2.100.000, below the floor.
  const Scenario sc = walk(2027, "100_000", "1_950_000", "0", "5_000_000", 10);
  const BothModes b = both(sc);
  for (const SpendingRoom* k : {&b.plan, &b.mc}) {
    INFO("paden " << k->paths);
    const Recommendation& a = k->recommended;
    CHECK(a.kind == Recommendation::Kind::FloorUnreachable);
    CHECK(recommendation_kind_key(a.kind) == std::string("ondergrens_onhaalbaar"));
    CHECK(std::isnan(a.amount));
    CHECK(a.largest_cut == Approx(1'950'000));
    CHECK(a.breach_year == 2025);
    CHECK(a.below_at_start);
    CHECK(a.shortfall == Approx(5'000'000 - 2'100'000).margin(1e-6));
  }
  const std::string text = kaderbrief_sentence(b.plan);
  CHECK(text.find("De ondergrens is niet te halen: zelfs met een bezuiniging ter grootte van alle lasten (€ 1.950.000 per jaar) komt het "
                  "eigen vermogen in 2025 onder de ondergrens, omdat het al bij de start (31-12-2024: € 100.000) onder de ondergrens van "
                  "€ 5.000.000 ligt") != std::string::npos);
  CHECK(kaderbrief_headline(b.plan) == "de ondergrens is niet te halen");
}

TEST_CASE("kaderbrief: the plan names the risk load it leaves out, and the other mode where it goes the other way",
          "[decision][kaderbrief]") {
  // The walk with room (minimum 50.000) and a risk of 300.000 a year with chance 1: the plan leaves
  // it out and says "spend"; with the risk the yearly result is −250.000 and the answer is a cut.
  LoadResult lr = load_text(random_walk_scenario(2027, "0", "0", 10) + R"(
[[risico]]
code = "R1"
naam = "Zeker verlies"
kans = 1.0
impact = 300_000
)", kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  SpendingRoom plan = deterministic_spending(*lr.scenario, kaderbrief_query(*lr.scenario));
  REQUIRE(plan.risk_load == std::vector<double>{300'000, 300'000, 300'000});
  CHECK(plan.recommended.kind == Recommendation::Kind::Room);
  plan.other = kaderbrief_room(*lr.scenario, McOptions{1}).recommended;
  plan.other_given = true, plan.other_paths = 10;
  // With the risk every year: 250.000 + k (−250.000 − S) >= 0 iff S <= −250.000 + 250.000 / k.
  CHECK(plan.other.kind == Recommendation::Kind::Cut);
  CHECK(plan.other.amount == Approx(-250'000 + 250'000 / 3.0).margin(1));
  const std::vector<std::string> notes = kaderbrief_notes(plan);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] == "De begroting rekent zonder de risico's: hun verwachte last is gemiddeld € 300.000 per jaar en staat niet in dit bedrag.");
  CHECK(notes[1].find("is het antwoord anders: een bezuiniging van € 166.667 per jaar") != std::string::npos);
  // With the load on the plan's risk lines (run --met-risicolast) the plan gives the cut itself.
  Scenario loaded = *lr.scenario;
  loaded.plan_risk_load = true;
  const SpendingRoom with = deterministic_spending(loaded, kaderbrief_query(loaded));
  CHECK(with.recommended.kind == Recommendation::Kind::Cut);
  CHECK(with.recommended.amount == Approx(plan.other.amount).margin(1));
  CHECK(kaderbrief_notes(with).front().find("draagt de verwachte last") != std::string::npos);
}

TEST_CASE("kaderbrief: replaying the close equals simulating the paths again with the spending", "[decision][kaderbrief][replay]") {
  // For every example scenario: equity, signaleringswaarde and floor of every path-year from the
  // recorded table at an amount, bit for bit those of run_paths with that amount as extra lasten.
  for (const char* name : {"voorbeeld-po.toml", "voorbeeld-po-streefvermogen.toml", "voorbeeld-vo.toml", "voorbeeld-po-2022.toml"}) {
    INFO(name);
    LoadResult lr = load_scenario(source_path(std::string("scenarios/") + name));
    REQUIRE(lr.scenario);
    Scenario sc = *lr.scenario;
    sc.paths = 300;
    prepare_for_monte_carlo(sc);
    FinanceTable table(sc, static_cast<size_t>(sc.paths));
    run_paths(sc, McOptions{2}, Pin{}, &table);
    const CloseReplay close(sc);
    for (double amount : {-345'678.9, 123'456.7}) {
      Scenario s = sc;
      s.extra_cost.assign(static_cast<size_t>(sc.years()), amount);
      const PathTable t = run_paths(s, McOptions{2});
      const std::vector<double> extra(static_cast<size_t>(sc.years()), amount);
      size_t differ = 0;
      YearRecord scratch;
      for (size_t p = 0; p < table.paths(); ++p)
        close.replay(table, p, extra.data(), scratch, [&](size_t y, const YearRecord& r) {
          differ += r.equity != t.at(t.equity, p, y) || r.signal != t.at(t.signal, p, y) || r.floor != t.at(t.floor, p, y);
        });
      CHECK(differ == 0);
    }
  }
}

TEST_CASE("kaderbrief: the answer equals bisection on paths simulated again for every amount", "[decision][kaderbrief][replay]") {
  // The reference is the former method, independent of the replay: each amount tried runs all
  // paths again (run_paths with extra lasten), bisected on the probabilities to 0,01 euro. The PO
  // example without its bezuiniging: every other rule (afbouw, afroming, compensation) keeps a
  // path's equity monotone in the amount, so the boundary is unique.
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 600;
  sc.policy.cut = false;
  prepare_for_monte_carlo(sc);
  const SpendingRoom room = spending_room(sc, kaderbrief_query(sc), McOptions{2});
  auto probabilities = [&](const Scenario& base, double amount) {
    Scenario s = base;
    s.extra_cost.assign(static_cast<size_t>(base.years()), amount);
    const PathTable t = run_paths(s, McOptions{2});
    return std::pair{t.excessive(t.years - 1), t.below_floor_any()};
  };
  auto bisect = [&](double lo, double hi, auto ok_at_lo) {  // ok at lo, not at hi (or the reverse for a minimum)
    for (int i = 0; i < 80 && std::fabs(hi - lo) > 0.01; ++i) {
      const double mid = 0.5 * (lo + hi);
      (ok_at_lo(mid) ? lo : hi) = mid;
    }
    return lo;
  };
  const double s_a = bisect(1e8, -1e8, [&](double a) { return probabilities(sc, a).first <= 0.1 + 1e-12; });
  const double s_b = bisect(-1e8, 1e8, [&](double a) { return probabilities(sc, a).second <= 0.05 + 1e-12; });
  REQUIRE(room.minimum.found);
  CHECK(room.minimum.amount == Approx(s_a).margin(1));
  CHECK(room.maximum.amount == Approx(s_b).margin(1));

  // With the bezuiniging a path can turn back above the norm when more spending pushes it under
  // the floor (the cut lifts later years), so the probability may dip under the limit and back;
  // the answer is then a boundary found by simulating again: it holds there and fails 1 euro on.
  Scenario full = *lr.scenario;
  full.paths = 600;
  prepare_for_monte_carlo(full);
  const SpendingRoom with_cut = spending_room(full, kaderbrief_query(full), McOptions{2});
  const double a = with_cut.minimum.amount, b = with_cut.maximum.amount;
  CHECK(probabilities(full, a).first <= 0.1 + 1e-12);
  CHECK(probabilities(full, a - 1).first > 0.1 + 1e-12);
  CHECK(probabilities(full, b).second <= 0.05 + 1e-12);
  CHECK(probabilities(full, b + 1).second > 0.05 + 1e-12);
}

TEST_CASE("kaderbrief: Monte Carlo from the run's own paths gives the amount bestedingsruimte gives", "[decision][kaderbrief]") {
  Scenario sc = walk(2027, "250_000", "1_950_000", "100_000", "0", 2'000);
  // The run records its paths' year inputs to the close (McOptions::finance) ...
  FinanceTable table(sc, kaderbrief_paths(sc.paths));
  McOptions opt{2};
  opt.finance = &table;
  run_monte_carlo(sc, {}, opt);
  const SpendingRoom k = kaderbrief_room(sc, table, McOptions{2});
  // ... and gives what simulating them again gives (samenvoegen) and what bestedingsruimte gives.
  const SpendingRoom again = kaderbrief_room(sc, McOptions{1});
  prepare_for_monte_carlo(sc);
  SpendingQuery q;
  q.target_year = 2027;  // the command's default question: doeljaar = the last year, 90% / 95%
  const SpendingRoom full = spending_room(sc, q, {2});
  CHECK(k.recommended.amount == full.recommended.amount);
  CHECK(k.recommended.kind == full.recommended.kind);
  CHECK(again.recommended.amount == k.recommended.amount);
  CHECK(k.curve.empty());
  CHECK(full.curve.size() == 11);
  CHECK(k.paths == 2'000);
  // The median at the recommended amount is that of the paths: 400.000 − 3 S minus the median cost
  // shock (0 for a normal), within the sample's spread (sd of 3 × N(0, 100.000²) / sqrt(n)).
  CHECK(k.recommended.median_target == Approx(400'000 - 3 * k.recommended.amount).margin(4 * 300'000 * 1.2533 / std::sqrt(2'000.0)));
  CHECK(kaderbrief_sentence(k).find("In de helft van de gevallen is het eigen vermogen dan hoger dan") != std::string::npos);
  // Beyond kKaderbriefMaxPaths the figure uses the first kKaderbriefMaxPaths paths.
  CHECK(kaderbrief_paths(12'000) == 12'000);
  CHECK(kaderbrief_paths(kKaderbriefMaxPaths + 1) == static_cast<size_t>(kKaderbriefMaxPaths));
}

TEST_CASE("kaderbrief: the search always ends, also where doubles are coarser than the tolerance", "[decision][kaderbrief][bounds]") {
  // Beyond 2^53 euro adjacent doubles are more than 1 apart: a bisection to 1 euro would never end.
  const auto t0 = std::chrono::steady_clock::now();
  int calls = 0;
  const auto [found, at] = find_boundary(1.0, true, 1.0, [&](double a) { return ++calls, a <= 6.1e12; });
  CHECK(found);
  CHECK(at <= 6.1e12);
  CHECK(at >= 6.1e12 * (1 - 1e-11));
  CHECK(calls <= kMaxSearchSteps);
  int never = 0;
  CHECK(!find_boundary(0.0, true, 1.0, [&](double) { return ++never, true; }).first);  // no bound within the limit
  CHECK(never <= kMaxSearchSteps);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
}
