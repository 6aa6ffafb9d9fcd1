// Sensitivity (gevoeligheid): the variance shares against closed forms. An input drawn once per
// path and an equal-variance input drawn every year must not look alike (the old P10/P90 method
// pinned the yearly input at P10 in every year and gave both the same swing).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "helpers.h"
#include "mc.h"
#include "sensitivity.h"
#include "svg_chart.h"

using namespace swv;
using namespace swv::test;

namespace {

// The random walk (costs A ~ N(1,950,000, 100,000²) once per path), plus costs B ~ N(100,000,
// 100,000²) drawn every year and a risk of probability exactly 0,10 with impact 300,000 a year.
// Nothing reacts to equity and the pupils do not move, so after year k
//   equity = const − k·A − (B_1 + … + B_k) − (R_1 + … + R_k),
//   Var = k²·σ² + k·σ² + k·p(1−p)·I²   with σ = 100,000, p = 0,1, I = 300,000.
Scenario three_inputs(int paths) {
  std::string text = random_walk_scenario(2029, "100_000", "0", paths);
  text.replace(text.find("bedrag = 2_000_000"), 18, "bedrag = 2_100_000");
  text += R"(
[[post]]
code = "B"
naam = "Jaarlijks wisselend"
kant = "lasten"
bedrag = { verdeling = "normaal", gemiddelde = 100_000, sd = 100_000, per_jaar = true }
indexatie = "geen"
[[risico]]
code = "R1"
naam = "Tien procent"
kans = 0.10
impact = 300_000
)";
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  return sc;
}

const InputShare& by_key(const Sensitivity& s, const std::string& key) {
  for (const InputShare& x : s.inputs)
    if (x.input.key == key) return x;
  FAIL("no input " << key);
  return s.inputs.front();
}

}  // namespace

TEST_CASE("gevoeligheid: Saltelli's estimator on hand-made triples", "[decision][sensitivity]") {
  const double a[] = {1, 2, 3, 4}, c[] = {2, 1, 4, 3}, flat[] = {5, 5, 5, 5};
  // An input without effect: b equals c on every path, so the share is exactly 0.
  CHECK(first_order_share(a, c, c, 4, 1) == 0.0);
  // b = a: a − mean(a) = (−1,5 −0,5 0,5 1,5), b − c = (−1 1 −1 1): mean of the products 0,5;
  // var(a) = var(c) = 1,25 (divided by n): share 0,5 / 1,25 = 0,4.
  CHECK(first_order_share(a, a, c, 4, 1) == Approx(0.4).margin(1e-15));
  CHECK(std::isnan(first_order_share(flat, flat, flat, 4, 1)));
  // A stride picks every second value: (1, 3), (1, 3), (3, 1): x = (−1, 1), b − c = (−2, 2), var 1.
  const double ia[] = {1, 9, 3, 9}, ic[] = {3, 9, 1, 9};
  CHECK(first_order_share(ia, ia, ic, 2, 2) == Approx(2.0).margin(1e-15));
}

TEST_CASE("gevoeligheid: once per path ranks above an equal-variance yearly input, shares match the closed form", "[decision][sensitivity]") {
  const Scenario sc = three_inputs(20'000);
  const Sensitivity s = run_sensitivity(sc, {2});
  REQUIRE(s.inputs.size() == 4);
  const InputShare &A = by_key(s, "post[4].bedrag"), &B = by_key(s, "post[B].bedrag"), &R = by_key(s, "risico[R1]");
  // The chance in the pupils' flows is an input of its own; here no money follows a pupil: exactly 0.
  const InputShare& flows = by_key(s, "stromen.toeval");
  CHECK(flows.input.label == "Toeval in verwijzingen en uitstroom");
  for (double x : flows.share) CHECK(x == 0.0);
  const double sig2 = 1e10, risk = 0.1 * 0.9 * 300'000.0 * 300'000.0;
  for (size_t y = 0; y < s.years.size(); ++y) {
    const double k = static_cast<double>(y + 1), var = k * k * sig2 + k * sig2 + k * risk;
    INFO("year " << s.years[y]);
    for (auto [x, want] : {std::pair{&A, k * k * sig2 / var}, {&B, k * sig2 / var}, {&R, k * risk / var}}) {
      INFO(x->input.key << " share " << x->share[y] << " se " << x->std_error[y] << " want " << want);
      REQUIRE(std::isfinite(x->std_error[y]));
      CHECK(x->std_error[y] < 0.02);
      CHECK(std::fabs(x->share[y] - want) < 4 * x->std_error[y] + 1e-3);
      CHECK(x->spread[y] == Approx(std::sqrt(std::max(0.0, x->share[y])) * s.equity_sd[y]).epsilon(1e-12));
    }
    CHECK(s.equity_sd[y] == Approx(std::sqrt(var)).epsilon(0.03));
    // Nothing else is random: the three shares add up to (about) everything.
    CHECK(std::fabs(s.unexplained(y)) < 0.05);
    CHECK(s.unexplained(y) > -0.05);
  }
  // From the second year on the input drawn once per path explains more (k² against k).
  for (size_t y = 1; y < s.years.size(); ++y) {
    const auto rank = s.ranking(y);
    CHECK(s.inputs[rank[0]].input.key == "post[4].bedrag");
    CHECK(s.inputs[rank[1]].input.key == "post[B].bedrag");
  }
  // The risk with probability exactly 0,10 has a share well away from 0 (the old method gave € 0).
  CHECK(R.share[4] > 0.08);
}

TEST_CASE("gevoeligheid: beyond 30 inputs the posts count per groep, with the closed-form share of the group", "[decision][sensitivity]") {
  // 40 posts of costs drawn once per path, 20 in groep "klein" (sd 10.000) and 20 in "groot" (sd
  // 20.000), nothing else random: after year k the variance is k² · 20 · (10.000² + 20.000²), so
  // the group shares are 1/5 and 4/5 in every year, and two runs per group replace one per post.
  std::string text = random_walk_scenario(2027, "0", "-10_000_000", 4'000);
  for (int i = 0; i < 40; ++i) {
    const bool small = i < 20;
    text += "[[post]]\ncode = \"P" + std::to_string(i) + "\"\nnaam = \"Post " + std::to_string(i) + "\"\nkant = \"lasten\"\ngroep = \"" +
            (small ? "klein" : "groot") + "\"\nbedrag = { verdeling = \"normaal\", gemiddelde = 1_000, sd = " + (small ? "10_000" : "20_000") +
            " }\nindexatie = \"geen\"\n";
  }
  LoadResult lr = load_text(text, kRulesPo);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  prepare_for_monte_carlo(sc);
  const std::vector<UncertainInput> in = uncertain_inputs(sc);
  // The two groups, the walk's own post 4 (a normal with sd 0, alone outside any groep: itself)
  // and the flows.
  REQUIRE(in.size() == 4);
  CHECK(in[0].key == "post[4].bedrag");
  const Sensitivity s = run_sensitivity(sc, {2});
  const InputShare &small = by_key(s, "groep[klein]"), &big = by_key(s, "groep[groot]");
  CHECK(small.input.members == 20);
  CHECK(small.input.drivers.size() == 20);
  CHECK(small.input.label == "Posten in groep klein (20 onzekere invoeren samen)");
  for (size_t y = 0; y < s.years.size(); ++y) {
    INFO("year " << s.years[y] << ": " << small.share[y] << " ± " << small.std_error[y] << ", " << big.share[y] << " ± " << big.std_error[y]);
    CHECK(std::fabs(small.share[y] - 0.2) < 4 * small.std_error[y] + 1e-3);
    CHECK(std::fabs(big.share[y] - 0.8) < 4 * big.std_error[y] + 1e-3);
  }
}

TEST_CASE("gevoeligheid: the same shares for any thread count, and bad questions get Dutch errors", "[decision][sensitivity]") {
  const Scenario sc = three_inputs(1'000);
  const Sensitivity one = run_sensitivity(sc, {1}), two = run_sensitivity(sc, {2});
  for (size_t i = 0; i < one.inputs.size(); ++i)
    for (size_t y = 0; y < one.years.size(); ++y) {
      CHECK(one.inputs[i].share[y] == two.inputs[i].share[y]);
      CHECK(one.inputs[i].std_error[y] == two.inputs[i].std_error[y]);
    }
  CHECK(one.target_year == 2029);
  CHECK(run_sensitivity(sc, {2}, 2027).target_index() == 2);
  CHECK_THROWS_WITH(run_sensitivity(sc, {2}, 2031), Catch::Contains("buiten de planperiode"));
  Scenario few = sc;
  few.paths = 30;
  CHECK_THROWS_WITH(run_sensitivity(few, {2}), Catch::Contains("minstens 40 paden"));
}

TEST_CASE("gevoeligheid: the chart wraps long labels instead of cutting them, axis ticks are distinct", "[decision][sensitivity][report]") {
  const auto lines = wrap_label("Post 4.5.2b Ambulante begeleiding en arrangementen: realisatie", 44, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "Post 4.5.2b Ambulante begeleiding en");
  CHECK(lines[1] == "arrangementen: realisatie");
  CHECK(wrap_label("kort", 44, 2) == std::vector<std::string>{"kort"});
  const auto cut = wrap_label("een twee drie vier vijf zes zeven acht", 9, 2);
  CHECK(cut == std::vector<std::string>{"een twee", "drie…"});
  const std::string svg = share_chart_svg({"t", {{"A", 0.62, 0.01}, {"B", 0.2, 0.01}}});
  // Ticks of 20%: 0%, 20%, 40%, 60%, 80% (0,62 + 2 · 0,01 rounds up to 0,8), each once.
  for (const char* tick : {">0%<", ">20%<", ">40%<", ">60%<", ">80%<"}) {
    INFO(tick);
    const size_t at = svg.find(tick);
    REQUIRE(at != std::string::npos);
    CHECK(svg.find(tick, at + 1) == std::string::npos);
  }
}
