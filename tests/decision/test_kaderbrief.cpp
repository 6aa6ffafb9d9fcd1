// The kaderbrief figure on page 1 of run's report: hand-computed on the plan, and the same amount
// as `bestedingsruimte` gives on the same paths.
#include <catch2/catch.hpp>
#include <cmath>

#include "decision_report.h"
#include "deterministic.h"
#include "helpers.h"
#include "kaderbrief.h"

using namespace swv;
using namespace swv::test;

namespace {

Scenario walk(const std::string& sd, const std::string& floor, int paths) {
  LoadResult lr = load_text(random_walk_scenario(2027, sd, floor, paths), kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  return *lr.scenario;
}

}  // namespace

TEST_CASE("kaderbrief: on the plan, the bounds and the recommendation are the hand-computed amounts", "[decision][kaderbrief]") {
  // Equity 250.000 + 50.000 k after year k (2025–2027), signaleringswaarde the minimum 250.000. Spending
  // S a year up to 2027: equity 2027 = 400.000 − 3 S <= 250.000 iff S >= 50.000 (minimum); equity after
  // year k = 250.000 + k (50.000 − S) >= floor 100.000 in every year iff S <= 100.000 (year 3: 400.000
  // − 3 S >= 100.000) and S <= 200.000 (year 1), so the maximum is 100.000.
  const Scenario sc = walk("0", "100_000", 10);
  const Result plan = run_deterministic(sc);
  REQUIRE(plan.find("eigen_vermogen")->mean == std::vector<double>{300'000, 350'000, 400'000});
  REQUIRE(plan.find("signaleringswaarde")->mean.back() == 250'000);
  const SpendingRoom k = deterministic_spending(sc, kaderbrief_query(sc));
  REQUIRE(k.minimum.found);
  REQUIRE(k.maximum.found);
  CHECK(k.minimum.amount >= 50'000);
  CHECK(k.minimum.amount <= 50'000 + 100);  // the bisection's tolerance, on the side that meets the condition
  CHECK(k.maximum.amount <= 100'000);
  CHECK(k.maximum.amount >= 100'000 - 100);
  CHECK(k.maximum.binding_year == 2027);
  CHECK(k.recommended.kind == Recommendation::Kind::Minimum);
  CHECK(k.recommended.amount == k.minimum.amount);
  CHECK(k.recommended.excessive_target == 0.0);
  CHECK(k.recommended.below_floor_any == 0.0);
  CHECK(k.recommended.median_target == Approx(400'000 - 3 * k.recommended.amount).margin(1e-6));
  CHECK(k.paths == 0);
  const std::string text = kaderbrief_sentence(k);
  CHECK(text.find("tot en met 2027") != std::string::npos);
  CHECK(text.find("brengt het begrote eigen vermogen in 2027 op de signaleringswaarde") != std::string::npos);
  for (const char* word : {"kans", "paden", "mediaan", "zekerheid"}) {
    INFO(word);
    CHECK(text.find(word) == std::string::npos);
  }
  // A floor of 300.000 leaves no room: already in the plan year 1 ends at 300.000, so the largest
  // amount the floor allows is 0 (S <= 0 in year 1; years 2 and 3 allow S <= 25.000 and 33.333).
  const SpendingRoom none = deterministic_spending(walk("0", "300_000", 10), kaderbrief_query(sc));
  CHECK(none.maximum.amount <= 0);
  CHECK(none.maximum.amount >= -100);
  CHECK(none.recommended.kind == Recommendation::Kind::Conflict);
  CHECK(none.recommended.amount == 0);
  CHECK(kaderbrief_sentence(none).find("de ondergrens laat geen extra uitgaven toe") != std::string::npos);
}

TEST_CASE("kaderbrief: Monte Carlo gives the amount bestedingsruimte gives on the same paths", "[decision][kaderbrief]") {
  Scenario sc = walk("100_000", "0", 2'000);
  const SpendingRoom k = kaderbrief_room(sc, {2});
  prepare_for_monte_carlo(sc);
  SpendingQuery q;
  q.target_year = 2027;  // the command's default question: doeljaar = the last year, 90% / 95%
  const SpendingRoom full = solve_spending(sc, q, {2});
  CHECK(k.recommended.amount == full.recommended.amount);
  CHECK(k.recommended.kind == full.recommended.kind);
  CHECK(k.curve.empty());
  CHECK(full.curve.size() == 11);
  CHECK(k.paths == 2'000);
  // The median at the recommended amount is that of the paths: 400.000 − 3 S minus the median cost
  // shock (0 for a normal), within the sample's spread (sd of 3 × N(0, 100.000²) / sqrt(n)).
  CHECK(k.recommended.median_target == Approx(400'000 - 3 * k.recommended.amount).margin(4 * 300'000 * 1.2533 / std::sqrt(2'000.0)));
  const std::string text = kaderbrief_sentence(k);
  CHECK(text.find("Het mediane eigen vermogen is dan") != std::string::npos);
  // Beyond kKaderbriefMaxPaths the figure uses the first kKaderbriefMaxPaths paths.
  Scenario many = walk("100_000", "0", 12'000);
  CHECK(kaderbrief_room(many, {2}).paths == static_cast<size_t>(kKaderbriefMaxPaths));
}
