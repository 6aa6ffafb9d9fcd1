// The sentences of page 1 (board_text.h): each kind on hand-set figures (a deficit, a bovenmatig
// SWV with a bestedingsplan, negative equity, floors that change per year, targets) with the
// expected text worked out by hand, and on every example and the deficit fixture in both modes:
// every sentence states what the figures say (years, direction, largest cause, buffer against the
// excess) and no sentence carries an engine word.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "board_figures.h"
#include "board_text.h"
#include "deterministic.h"
#include "format_nl.h"
#include "helpers.h"
#include "mc.h"

using namespace swv;
using namespace swv::test;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string sentence(const std::vector<BoardSentence>& all, BoardKind k) {
  std::string out;
  for (const auto& b : all)
    if (b.kind == k) out += (out.empty() ? "" : "\n") + b.text;
  return out;
}

const char* const kEngineWords[] = {"paden", " pad ", "zaad", "standaardfout", "thread", "--", "Monte", "deterministisch", "P5", "P95", "mediaan"};

void no_engine_words(const std::vector<BoardSentence>& all) {
  for (const auto& b : all)
    for (const char* w : kEngineWords) {
      INFO(b.text);
      CHECK_FALSE(has(b.text, w));
    }
}

// Three years, 2025–2027, start equity 1.000.000; the deficit case: saldo −300.000 a year from the
// ordinary lines, signaleringswaarde 350.000, ondergrens 400.000, risk load 50.000 a year.
BoardFigures deficit() {
  BoardFigures f;
  f.years = {2025, 2026, 2027};
  f.start_equity = f.start_general_reserve = 1'000'000;
  f.income = {5'000'000, 5'000'000, 5'000'000};
  f.reductions = {0, 0, 0};
  f.costs = {5'300'000, 5'300'000, 5'300'000};
  f.result = {-300'000, -300'000, -300'000};
  f.equity = f.general_reserve = {700'000, 400'000, 100'000};
  f.signal = {350'000, 350'000, 350'000};
  f.floor = {400'000, 400'000, 400'000};
  f.excessive_plan = {1, 1, 0};
  f.below_floor_plan = {0, 0, 1};
  f.negative_plan = {0, 0, 0};
  f.structural = -900'000;
  f.risk_load = {50'000, 50'000, 50'000};
  return f;
}

// A bovenmatig SWV that spends down: start 3.000.000, the ordinary lines +100.000 a year, the
// bestedingsplan 500.000 a year, signaleringswaarde 400.000; with chances, band and a buffer.
BoardFigures excessive_mc(double buffer) {
  BoardFigures f;
  f.chances = true;
  f.years = {2025, 2026, 2027};
  f.start_equity = f.start_general_reserve = 3'000'000;
  f.income = {11'000'000, 11'000'000, 11'000'000};
  f.reductions = {0, 0, 0};
  f.costs = {11'400'000, 11'400'000, 11'400'000};
  f.result = {-400'000, -400'000, -400'000};
  f.equity = f.general_reserve = {2'600'000, 2'200'000, 1'800'000};
  f.signal = {400'000, 400'000, 400'000};
  f.floor = {0, 0, 0};
  f.excessive_plan = {1, 1, 1};
  f.below_floor_plan = f.negative_plan = {0, 0, 0};
  f.excessive_chance = {0.99, 0.97, 0.90};
  f.below_floor_chance = f.negative_chance = {0, 0, 0};
  f.band_low = {2'000'000, 1'500'000, 1'000'000};
  f.band_high = {2'500'000, 2'000'000, 1'600'000};
  f.structural = 300'000;
  f.spending_plan = 1'500'000;
  f.risk_load = {200'000, 200'000, 200'000};
  f.buffer = buffer;
  f.largest_risk = "R1 Groei SO";
  f.largest_risk_total = 450'000;
  f.largest_risk_chance = 0.3;
  return f;
}

}  // namespace

TEST_CASE("page 1 words: years as a board reads them", "[reports][bestuur][zinnen]") {
  const std::vector<int> p{2025, 2026, 2027, 2028, 2029, 2030};
  CHECK(board_years_phrase({2025}, p) == "alleen in 2025");  // not "vanaf 2025" when only 2025 is
  CHECK(board_years_phrase({2028, 2029, 2030}, p) == "vanaf 2028");
  CHECK(board_years_phrase(p, p) == "in elk jaar van 2025–2030");
  CHECK(board_years_phrase({2025, 2026, 2027}, p) == "in 2025–2027");
  CHECK(board_years_phrase({2025, 2026}, p) == "in 2025 en 2026");
  CHECK(board_years_phrase({2025, 2027, 2029}, p) == "in 2025, 2027 en 2029");
  CHECK(board_years_phrase({}, p) == "in geen enkel jaar");
  CHECK(board_years_phrase({2030}, {2030}) == "in 2030");
  CHECK(euro_k(1'234'567) == "€ 1.235.000");
  CHECK(euro_k(-400'400) == "€ -400.000");
}

TEST_CASE("page 1 sentences: a structural deficit is named as the cause, the floor year with its own floor", "[reports][bestuur][zinnen]") {
  const auto all = board_sentences(deficit());
  no_engine_words(all);
  CHECK(sentence(all, BoardKind::Excessive) ==
        "Volgens de begroting is het eigen vermogen bovenmatig (boven de signaleringswaarde) in 2025 en 2026, het meest in 2025: € 350.000 erboven.");
  const std::string move = sentence(all, BoardKind::Movement);
  CHECK(has(move, "daalt het eigen vermogen van € 1.000.000 op 31-12-2024 naar € 100.000 op 31-12-2027"));
  CHECK(has(move, "De grootste oorzaak is een structureel tekort"));
  CHECK(has(move, "€ 900.000 hoger dan de baten"));
  CHECK_FALSE(has(move, "bestedingsplan:"));
  CHECK(sentence(all, BoardKind::Floor) ==
        "Volgens de begroting komt het eigen vermogen onder de eigen ondergrens alleen in 2027 (in 2027: € 100.000 tegen een ondergrens van € 400.000).");
  CHECK(sentence(all, BoardKind::Negative).empty());
  CHECK(has(sentence(all, BoardKind::RiskLoad), "De begroting rekent zonder de risico's: hun verwachte last is gemiddeld € 50.000 per jaar."));
  for (BoardKind k : {BoardKind::Band, BoardKind::Buffer, BoardKind::BufferExcess, BoardKind::LargestRisk}) CHECK(sentence(all, k).empty());
  for (const auto& b : all) CHECK_FALSE(has(b.text, "kans"));  // the plan alone: no chance words
}

TEST_CASE("page 1 sentences: bovenmatig with a bestedingsplan — the buffer against the excess", "[reports][bestuur][zinnen]") {
  SECTION("a buffer larger than the signaleringswaarde: part of the excess is needed") {
    const auto all = board_sentences(excessive_mc(1'000'000));
    no_engine_words(all);
    CHECK(sentence(all, BoardKind::Excessive) ==
          "Volgens de begroting is het eigen vermogen bovenmatig (boven de signaleringswaarde) in elk jaar van 2025–2027, het meest in 2025: "
          "€ 2.200.000 erboven; de kans daarop is in die jaren 90% tot 99%.");
    const std::string move = sentence(all, BoardKind::Movement);
    CHECK(has(move, "De grootste oorzaak is het bestedingsplan: € 1.500.000 over 2025–2027"));
    CHECK_FALSE(has(move, "structureel tekort"));  // the ordinary lines run a surplus
    // 1.000.000 needed, the norm is 400.000: 600.000 of the 2.600.000 above it is needed, 2.000.000 not.
    CHECK(sentence(all, BoardKind::BufferExcess) ==
          "De buffer is groter dan de signaleringswaarde van 2025 (€ 400.000): van het vermogen boven de signaleringswaarde (€ 2.600.000 op "
          "31-12-2024) is € 600.000 nodig als buffer; € 2.000.000 niet.");
    // 3.000.000 / 1.000.000 = 3,00: class A.
    CHECK(sentence(all, BoardKind::Buffer) ==
          "Voor tegenvallers is bij 90% zekerheid een buffer van € 1.000.000 nodig (het benodigde weerstandsvermogen); de algemene reserve van "
          "€ 3.000.000 dekt die: ratio 3,00, klasse A (uitstekend).");
    // The plan (1.800.000) above P90 (1.600.000) in 2027.
    CHECK(sentence(all, BoardKind::Band) ==
          "Met onzekerheid en risico's ligt het eigen vermogen eind 2027 met 80% kans tussen € 1.000.000 en € 1.600.000; het plan (€ 1.800.000) "
          "ligt daarboven: in ten minste 9 van de 10 doorrekeningen komt het lager uit. De begroting rekent zonder de risico's; hun verwachte last "
          "is gemiddeld € 200.000 per jaar.");
    CHECK(sentence(all, BoardKind::LargestRisk) ==
          "Het grootste risico is R1 Groei SO: naar verwachting € 450.000 over 2025–2027; de kans dat het zich in een jaar voordoet is gemiddeld 30%.");
    CHECK(sentence(all, BoardKind::Floor).empty());  // no floor set
    CHECK(sentence(all, BoardKind::RiskLoad).empty());
  }
  SECTION("a buffer within the signaleringswaarde: the excess is not needed") {
    const auto all = board_sentences(excessive_mc(300'000));
    CHECK(sentence(all, BoardKind::BufferExcess) ==
          "De buffer past binnen de signaleringswaarde van 2025 (€ 400.000): het vermogen boven de signaleringswaarde (€ 2.600.000 op "
          "31-12-2024) is niet nodig als buffer.");
  }
  SECTION("a buffer larger than the excess: all of it is needed, and the reserve does not cover it") {
    BoardFigures f = excessive_mc(4'000'000);
    const auto all = board_sentences(f);
    CHECK(has(sentence(all, BoardKind::BufferExcess), "is € 2.600.000 nodig als buffer, dus alles."));
    CHECK(has(sentence(all, BoardKind::Buffer), "dekt die niet: ratio 0,75, klasse E (onvoldoende)."));
  }
  SECTION("only the first year bovenmatig: 'alleen in', never 'vanaf'") {
    BoardFigures f = excessive_mc(1'000'000);
    f.excessive_plan = {1, 0, 0};
    const std::string s = sentence(board_sentences(f), BoardKind::Excessive);
    CHECK(has(s, "alleen in 2025, € 2.200.000 erboven; de kans daarop is 99%."));
    CHECK_FALSE(has(s, "vanaf"));
  }
}

TEST_CASE("page 1 sentences: negative equity is named, with the lowest year", "[reports][bestuur][zinnen]") {
  BoardFigures f = deficit();
  f.equity = f.general_reserve = {200'000, -100'000, -400'000};
  f.structural = -1'400'000;
  f.negative_plan = {0, 1, 1};
  f.below_floor_plan = {1, 1, 1};
  f.excessive_plan = {0, 0, 0};
  auto all = board_sentences(f);
  no_engine_words(all);
  CHECK(sentence(all, BoardKind::Negative) == "Volgens de begroting wordt het eigen vermogen negatief vanaf 2026, het laagst in 2027: € -400.000.");
  CHECK(has(sentence(all, BoardKind::Floor), "onder de eigen ondergrens in elk jaar van 2025–2027 (in 2025: € 200.000 tegen een ondergrens van € 400.000)"));
  CHECK(has(sentence(all, BoardKind::Excessive), "in geen enkel jaar boven de signaleringswaarde (niet bovenmatig)."));
  // With chances: the largest chance and its year.
  f.chances = true;
  f.negative_chance = {0.10, 0.60, 0.90};
  f.below_floor_chance = {0.55, 0.80, 0.95};
  f.excessive_chance = {0.2, 0, 0};
  f.band_low = {100'000, -300'000, -700'000};
  f.band_high = {300'000, 100'000, -100'000};
  all = board_sentences(f);
  CHECK(has(sentence(all, BoardKind::Negative), "het laagst in 2027: € -400.000; de kans op een negatief eigen vermogen is het grootst in 2027: 90%."));
  CHECK(has(sentence(all, BoardKind::Excessive), "; de kans op bovenmatig is het grootst in 2025: 20%."));
  // The plan stays positive but some outcomes do not.
  f.negative_plan = {0, 0, 0};
  f.equity = {600'000, 300'000, 50'000};
  CHECK(sentence(board_sentences(f), BoardKind::Negative) ==
        "Volgens de begroting blijft het eigen vermogen positief; de kans op een negatief eigen vermogen is het grootst in 2027: 90%.");
}

TEST_CASE("page 1 sentences: the floor of the year named — targets with whether they are met", "[reports][bestuur][zinnen]") {
  BoardFigures f = excessive_mc(1'000'000);
  f.floor = {300'000, 400'000, 500'000};
  f.below_floor_chance = {0.05, 0.20, 0.10};
  CHECK(sentence(board_sentences(f), BoardKind::Floor) ==
        "Volgens de begroting blijft het eigen vermogen in elk jaar boven de eigen ondergrens (€ 500.000 in 2027); de kans om eronder te komen is "
        "het grootst in 2026: 20% (ondergrens € 400.000).");
  f.target = {500'000, 500'000, 500'000};
  f.general_reserve = {600'000, 450'000, 450'000};
  f.below_target_plan = {0, 1, 1};
  f.below_target_chance = {0.3, 0.6, 0.7};
  CHECK(sentence(board_sentences(f), BoardKind::Target) ==
        "Volgens de begroting komt de algemene reserve onder het streefvermogen vanaf 2026 (in 2026: € 450.000 tegen € 500.000); de kans daarop "
        "is het grootst in 2027: 70%.");
  f.below_target_plan = {0, 0, 0};
  f.general_reserve = {600'000, 550'000, 520'000};
  f.below_target_chance = {0, 0, 0};
  CHECK(sentence(board_sentences(f), BoardKind::Target) ==
        "Volgens de begroting blijft de algemene reserve in elk jaar op of boven het streefvermogen (in 2027: € 520.000 tegen € 500.000).");
  f.shares = {{"Deelname SBO", {0.028, 0.025, 0.021}, {0.027, 0.024, 0.020}}, {"Deelname SO", {0.015, 0.0152, 0.0155}, {0.015, 0.015, 0.0155}}};
  const std::string s = sentence(board_sentences(f), BoardKind::Participation);
  CHECK(has(s, "Doel deelname SBO in 2027: 2,00%; volgens de begroting 2,10%, dus niet gehaald."));  // a lower goal, not reached
  CHECK(has(s, "Doel deelname SO in 2027: 1,55%; volgens de begroting 1,55%, dus gehaald."));
}

namespace {

struct Case {
  std::string file;
  bool monte_carlo;
};

// The checks that hold for every scenario: each sentence says what the figures say.
void check_true(const BoardFigures& f, const std::vector<BoardSentence>& all) {
  no_engine_words(all);
  const size_t L = f.size() - 1;
  std::vector<int> excessive, below, negative;
  for (size_t y = 0; y < f.size(); ++y) {
    if (f.excessive_plan[y] > 0.5) excessive.push_back(f.years[y]);
    if (f.below_floor_plan[y] > 0.5) below.push_back(f.years[y]);
    if (f.negative_plan[y] > 0.5) negative.push_back(f.years[y]);
  }
  // The plan's equity moves by its results: the causes add up to the change (every euro on a line).
  const double delta = f.equity[L] - f.start_equity;
  CHECK(f.structural - f.spending_plan - f.risks_in_plan - f.ocw + f.cuts == Approx(delta).margin(1.0 * static_cast<double>(f.size())));
  const std::string exc = sentence(all, BoardKind::Excessive);
  REQUIRE(!exc.empty());
  if (excessive.empty()) CHECK(has(exc, "in geen enkel jaar boven de signaleringswaarde"));
  else CHECK(has(exc, "bovenmatig (boven de signaleringswaarde) " + board_years_phrase(excessive, f.years)));
  const std::string move = sentence(all, BoardKind::Movement);
  REQUIRE(!move.empty());
  if (std::fabs(delta) >= std::max(1000.0, 0.005 * std::fabs(f.start_equity))) {
    CHECK(has(move, delta < 0 ? " daalt " : " stijgt "));
    CHECK(has(move, euro_k(f.equity[L])));
    if (delta < 0 && has(move, "De grootste oorzaak is een structureel tekort")) {
      CHECK(-f.structural >= f.spending_plan);
      CHECK(-f.structural >= f.risks_in_plan);
      CHECK(-f.structural >= f.ocw);
    }
    if (delta < 0 && has(move, "De grootste oorzaak is het bestedingsplan")) CHECK(f.spending_plan >= -f.structural);
  }
  const std::string fl = sentence(all, BoardKind::Floor);
  if (!below.empty()) CHECK(has(fl, "onder de eigen ondergrens " + board_years_phrase(below, f.years)));
  const std::string neg = sentence(all, BoardKind::Negative);
  if (!negative.empty()) CHECK(has(neg, "wordt het eigen vermogen negatief " + board_years_phrase(negative, f.years)));
  else if (!f.chances) CHECK(neg.empty());
  CHECK(sentence(all, BoardKind::Target).empty() == f.target.empty());
  if (f.chances) {
    CHECK(!sentence(all, BoardKind::Band).empty());
    CHECK(!sentence(all, BoardKind::Buffer).empty());
    CHECK(sentence(all, BoardKind::RiskLoad).empty());
    const std::string bx = sentence(all, BoardKind::BufferExcess);
    if (f.start_equity > f.signal[0]) {
      REQUIRE(!bx.empty());
      const double excess = f.start_equity - f.signal[0];
      if (f.buffer <= f.signal[0]) CHECK(has(bx, "is niet nodig als buffer"));
      else CHECK(has(bx, "is " + euro_k(std::min(excess, f.buffer - f.signal[0])) + " nodig als buffer"));
    }
  } else {
    CHECK(!sentence(all, BoardKind::RiskLoad).empty());
    for (BoardKind k : {BoardKind::Band, BoardKind::Buffer, BoardKind::BufferExcess, BoardKind::LargestRisk}) CHECK(sentence(all, k).empty());
  }
}

}  // namespace

TEST_CASE("page 1 sentences are true on every example and the deficit plan, in both modes", "[reports][bestuur][zinnen][examples]") {
  std::vector<std::string> files;
  for (const char* n : {"voorbeeld-po", "voorbeeld-po-krimp", "voorbeeld-vo", "voorbeeld-po-streefvermogen", "voorbeeld-po-2022"})
    files.push_back(source_path(std::string("scenarios/") + n + ".toml"));
  files.push_back(source_path("tests/reports/scenarios/tekort-po.toml"));
  for (const std::string& file : files)
    for (bool mc : {false, true}) {
      INFO(file << (mc ? " (Monte Carlo)" : " (plan)"));
      LoadResult lr = load_scenario(file);
      INFO(errors(lr));
      REQUIRE(lr.scenario);
      Scenario sc = *lr.scenario;
      sc.paths = 300;
      const Result det = run_deterministic(sc);
      const Result run = mc ? run_monte_carlo(sc, {}, {2}) : det;
      const BoardFigures f = board_figures({run, mc ? &det : nullptr, &sc});
      CHECK(f.has_plan);
      CHECK(f.equity == det.find("eigen_vermogen")->mean);
      const auto all = board_sentences(f);
      for (const auto& b : all) UNSCOPED_INFO(b.text);
      check_true(f, all);
      if (file.find("tekort-po") != std::string::npos) {
        CHECK(has(sentence(all, BoardKind::Movement), "De grootste oorzaak is een structureel tekort"));
        CHECK(has(sentence(all, BoardKind::Negative), "negatief"));
      }
    }
}

TEST_CASE("page 1 sentences without the plan: the middle outcome stands in and says so", "[reports][bestuur][zinnen]") {
  LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po.toml"));
  REQUIRE(lr.scenario);
  Scenario sc = *lr.scenario;
  sc.paths = 300;
  const Result mc = run_monte_carlo(sc, {}, {2});
  const BoardFigures f = board_figures({mc, nullptr, &sc});
  CHECK_FALSE(f.has_plan);
  CHECK(f.equity == mc.find("eigen_vermogen")->p50);
  const auto all = board_sentences(f);
  no_engine_words(all);
  for (const auto& b : all) CHECK_FALSE(has(b.text, "Volgens de begroting"));
  CHECK(has(sentence(all, BoardKind::Movement), "In de middelste uitkomst"));
  CHECK(has(sentence(all, BoardKind::Band), "; de middelste uitkomst is " + euro_k(f.equity.back()) + "."));
}
