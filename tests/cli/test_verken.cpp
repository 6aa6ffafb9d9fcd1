// swvsim verken's requests, controls and variant files (tools/cli/verken_*.h), and its computation queue.
// The HTTP server and the page in a browser: tests/cli/verken_api.py and verken_browser.py (CTest).
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

#include "helpers.h"
#include "verken_controls.h"
#include "verken_queue.h"
#include "verken_variant.h"

using namespace swv;
using namespace swv::cli;
using namespace swv::test;

namespace {

struct Example {
  LoadResult lr;
  VerkenBase base;
};

// The PO example as verken sets it up (verken_cmd.cpp), with income 10 million (steps of 10.000).
Example example() {
  Example e{load_scenario(source_path("scenarios/voorbeeld-po.toml")), {}};
  REQUIRE(e.lr.scenario);
  VerkenBase& b = e.base;
  b.scenario = source_path("scenarios/voorbeeld-po.toml");
  b.folder = source_path("scenarios");
  b.file_name = "voorbeeld-po.toml";
  b.name = e.lr.scenario->name;
  b.own_files = {"voorbeeld-po.toml"};
  b.paths = 2000;
  b.seed = 1;
  b.version = "test";
  b.controls = verken_controls(*e.lr.scenario, e.lr.tree->root, 10e6);
  return e;
}

const Control& control(const VerkenBase& b, const std::string& key) {
  for (const Control& c : b.controls)
    if (c.key == key) return c;
  FAIL("geen knop " << key);
  throw;
}

}  // namespace

TEST_CASE("verken: the controls of the PO example, their base levels and ranges", "[verken]") {
  const Example e = example();
  std::vector<std::string> keys;
  for (const Control& c : e.base.controls) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"demografie.groei", "stromen.beleid.verwijzing_sbo_factor", "stromen.beleid.verwijzing_so_factor",
                                         "post[verken-extra].bedrag", "risico[R1].kans", "risico[R2].kans", "risico[R3].kans", "risico[R4].kans",
                                         "risico[R5].kans", "normen.ondergrens", "beleid.afbouw.aandeel"});
  // Levels by hand from scenarios/voorbeeld-po.toml: groei normaal(-0,005, 0,003); no policy factors
  // (1); R4 uniform(0,10, 0,20): mean 0,15; ondergrens 400.000; afbouw 0,5.
  CHECK(control(e.base, "demografie.groei").base == Approx(-0.005));
  CHECK(control(e.base, "stromen.beleid.verwijzing_sbo_factor").base == 1.0);
  CHECK(control(e.base, "risico[R1].kans").base == Approx(0.25));
  CHECK(control(e.base, "risico[R4].kans").base == Approx(0.15));
  CHECK(control(e.base, "normen.ondergrens").base == 400000);
  CHECK(control(e.base, "beleid.afbouw.aandeel").base == 0.5);
  CHECK(control(e.base, "post[verken-extra].bedrag").base == 0);
  // What the base writes, as JSON and as TOML for the variant's comment.
  const Control& g = control(e.base, "demografie.groei");
  CHECK(g.base_value.dump() == "{\"verdeling\":\"normaal\",\"gemiddelde\":-0.005,\"sd\":0.003}");
  CHECK(g.base_text == "groei = { verdeling = \"normaal\", gemiddelde = -0.005, sd = 0.003 }");
  CHECK(g.base_where.rfind("voorbeeld-po.toml:", 0) == 0);
  CHECK(control(e.base, "stromen.beleid.verwijzing_sbo_factor").base_value.is_null());
  // Ranges: the base lies on the slider's grid; amounts in steps of 10.000 for 10 million baten:
  // extra spending from -5% to +10% of the baten.
  for (const Control& c : e.base.controls) {
    INFO(c.key);
    CHECK(c.min <= c.base);
    CHECK(c.base <= c.max);
    const double k = (c.base - c.min) / c.step;
    CHECK(std::fabs(k - std::round(k)) < 1e-6);
  }
  const Control& extra = control(e.base, "post[verken-extra].bedrag");
  CHECK(extra.min == -500000);
  CHECK(extra.max == 1000000);
  CHECK(extra.step == 10000);
  CHECK(g.min == Approx(-0.05));
  CHECK(g.max == Approx(0.03));
}

TEST_CASE("verken: a participation target replaces the factor control, and a base post code is not reused", "[verken]") {
  const LoadResult lr = load_scenario(source_path("scenarios/voorbeeld-po-2022.toml"));
  REQUIRE(lr.scenario);
  const auto cs = verken_controls(*lr.scenario, lr.tree->root, 1e6);
  std::vector<std::string> keys;
  for (const Control& c : cs) keys.push_back(c.key);
  const bool targets = lr.scenario->flows.target_given[0];
  REQUIRE(targets);  // the 2022 example sets participation targets
  CHECK(std::find(keys.begin(), keys.end(), "stromen.doel.sbo") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "stromen.beleid.verwijzing_sbo_factor") == keys.end());
  Scenario sc = *lr.scenario;
  sc.lines.push_back(sc.lines.front());
  sc.lines.back().code = "verken-extra";
  CHECK(extra_post_code(sc) == "verken-extra-2");
}

TEST_CASE("verken: a request may name only the keys of the controls, with all problems at once in Dutch", "[verken]") {
  const Example e = example();
  const VerkenRequest ok = read_request(e.base, R"({"wijzigingen": {"risico[R1].kans": 0.5, "demografie.groei": -0.01}, "naam": "Krimp 2x"})", false);
  REQUIRE(ok.changes.items.size() == 2);
  CHECK(ok.changes.items[0].first->key == "demografie.groei");  // in control order, not request order
  CHECK(ok.changes.items[1].first->key == "risico[R1].kans");
  CHECK(ok.name == "krimp-2x");
  CHECK(read_request(e.base, "{}", false).name == "verken");

  auto status_of = [&](const std::string& body, bool variant = false) {
    try {
      read_request(e.base, body, variant);
    } catch (const VerkenError& err) {
      return std::make_pair(err.status, std::string(err.what()) + (err.details.empty() ? "" : " | " + err.details.front()));
    }
    return std::make_pair(200, std::string());
  };
  auto [s1, m1] = status_of("{\"wijzigingen\": {");
  CHECK(s1 == 400);
  CHECK(m1.find("geen geldige JSON") != std::string::npos);
  auto [s2, m2] = status_of(R"({"wijzigingen": {"start.eigen_vermogen": 1}})");
  CHECK(s2 == 400);
  CHECK(m2.find("sleutel \"start.eigen_vermogen\" kan op deze pagina niet worden gewijzigd") != std::string::npos);
  CHECK(m2.find("wel: demografie.groei") != std::string::npos);
  auto [s3, m3] = status_of(R"({"wijzigingen": {"demografie.grei": 1}})");
  CHECK(m3.find("bedoel") != std::string::npos);  // did you mean demografie.groei
  auto [s4, m4] = status_of(R"({"wijzigingen": {"demografie.groei": null, "x": 1}})");
  CHECK(s4 == 400);
  CHECK(m4.find("2 fouten") != std::string::npos);
  CHECK(status_of(R"({"wijzigingen": {}, "overschrijf": true})").first == 400);  // only /api/variant
  CHECK(status_of(R"({"wijzigingen": {}, "overschrijf": true})", true).first == 200);
  CHECK(status_of(R"({"wijzingen": {}})").first == 400);
  CHECK(status_of("[1, 2]").first == 400);
  CHECK(status_of("   ").first == 400);
  CHECK(status_of(R"({"wijzigingen": {"demografie.groei": 18446744073709551615}})").first == 400);
  CHECK(status_of(R"({"wijzigingen": {"demografie.groei": {"a": {"b": {"c": {"d": {"e": 1}}}}}}})").first == 400);
}

TEST_CASE("verken: a variant's name is a file name beside the scenario, never a path or the base", "[verken]") {
  const Example e = example();
  CHECK(variant_name(e.base, "Krimp 2× sneller") == "krimp-2-sneller");
  CHECK(variant_name(e.base, "../../etc/passwd") == "etc-passwd");
  CHECK(variant_name(e.base, "/tmp/x") == "tmp-x");
  CHECK(variant_name(e.base, "mijn_variant.toml") == "mijn_variant");
  CHECK(variant_name(e.base, std::string(100, 'a')) == std::string(60, 'a'));
  CHECK_THROWS_AS(variant_name(e.base, ""), VerkenError);
  CHECK_THROWS_AS(variant_name(e.base, "../.."), VerkenError);
  try {
    variant_name(e.base, "Voorbeeld-PO");
    FAIL("de basis als naam");
  } catch (const VerkenError& err) {
    CHECK(err.status == 409);
  }
  CHECK(variant_path(e.base, "krimp") == source_path("scenarios") + "/krimp.toml");
}

TEST_CASE("verken: the variant text loads through the normal loader with exactly the changes", "[verken]") {
  const Example e = example();
  const VerkenRequest rq = read_request(
      e.base, R"({"wijzigingen": {"demografie.groei": {"verdeling": "normaal", "gemiddelde": -0.01, "sd": 0.003}, "risico[R1].kans": 0.5,
                  "post[verken-extra].bedrag": 200000, "normen.ondergrens": 500000}})",
      false);
  const std::string text = variant_text(e.base, rq.changes, "krimp");
  // The lines a person reads: the header, the base's value beside each change.
  CHECK(text.rfind("# Variant van voorbeeld-po.toml, gemaakt met swvsim verken (swvsim test).\n", 0) == 0);
  CHECK(text.find("basis  = \"voorbeeld-po.toml\"\n") != std::string::npos);
  CHECK(text.find("[simulatie]\n# de paden en het zaad van de verkenpagina: swvsim run geeft dezelfde getallen\npaden = 2000\nzaad = 1\n") !=
        std::string::npos);
  CHECK(text.find("groei = { verdeling = \"normaal\", gemiddelde = -0.01, sd = 0.003 }\n") != std::string::npos);
  CHECK(text.find("# Eigen ondergrens van het eigen vermogen; in de basis (voorbeeld-po.toml:") != std::string::npos);
  CHECK(text.find("[[post]]\ncode = \"verken-extra\"\nnaam = \"Extra besteding (swvsim verken)\"\nkant = \"lasten\"\nindexatie = \"geen\"\n") !=
        std::string::npos);
  LoadOptions o;
  o.text = text;
  const LoadResult lr = load_scenario(variant_path(e.base, "krimp"), o);
  INFO(errors(lr));
  REQUIRE(lr.scenario);
  const Scenario& sc = *lr.scenario;
  CHECK(sc.name == e.base.name + " — krimp");
  CHECK(sc.paths == 2000);
  CHECK(sc.seed == 1);
  CHECK(sc.demography.growth.mean(2025) == Approx(-0.01));
  CHECK(sc.floor.mean(2025) == 500000);
  const Risk* r1 = nullptr;
  for (const Risk& r : sc.risks)
    if (r.code == "R1") r1 = &r;
  REQUIRE(r1);
  CHECK(r1->probability.mean(2025) == 0.5);
  CHECK(r1->impact.dist == Dist::Triangle);  // merged key by key: the impact stays the base's
  const Line* extra = nullptr;
  for (const Line& l : sc.lines)
    if (l.code == "verken-extra") extra = &l;
  REQUIRE(extra);
  CHECK(extra->side == Side::Cost);
  CHECK(extra->index == IndexKind::None);
  CHECK(extra->amount.mean(2030) == 200000);
  CHECK(sc.lines.size() == e.lr.scenario->lines.size() + 1);
}

TEST_CASE("verken: an invalid value gets the loader's own message, naming the variant's line", "[verken]") {
  const Example e = example();
  const VerkenRequest rq = read_request(e.base, R"({"wijzigingen": {"risico[R1].kans": 1.5, "beleid.afbouw.aandeel": "de helft"}})", false);
  LoadOptions o;
  o.text = variant_text(e.base, rq.changes, "fout");
  const LoadResult lr = load_scenario(variant_path(e.base, "fout"), o);
  CHECK_FALSE(lr.scenario);
  const auto m = messages(lr);
  // Exactly as `swvsim controleer` on that file would say them (file order: the table, then the risk).
  REQUIRE(m.size() == 2);
  CHECK(m[0].rfind("fout.toml:", 0) == 0);
  CHECK(m[0].find("fout: beleid.afbouw.aandeel: verwacht een getal, een jaartabel of een verdeling, gevonden tekst \"de helft\"") != std::string::npos);
  CHECK(m[1].find("fout: risico[R1].kans: moet fractie in [0, 1] zijn, gevonden 1.5") != std::string::npos);
}

TEST_CASE("verken: only this server's Host and Origin are answered", "[verken]") {
  CHECK(allowed_host("127.0.0.1:8123", 8123));
  CHECK(allowed_host("localhost:8123", 8123));
  CHECK(allowed_host("LocalHost:8123", 8123));
  CHECK_FALSE(allowed_host("127.0.0.1:8124", 8123));
  CHECK_FALSE(allowed_host("127.0.0.1", 8123));
  CHECK_FALSE(allowed_host("evil.example:8123", 8123));
  CHECK_FALSE(allowed_host("", 8123));
  CHECK_FALSE(allowed_host("localhost.evil.example:8123", 8123));
  CHECK(allowed_origin("", false, 8123));
  CHECK(allowed_origin("http://127.0.0.1:8123", true, 8123));
  CHECK(allowed_origin("http://localhost:8123", true, 8123));
  CHECK_FALSE(allowed_origin("null", true, 8123));
  CHECK_FALSE(allowed_origin("http://evil.example", true, 8123));
  CHECK_FALSE(allowed_origin("https://127.0.0.1:8123", true, 8123));
}

TEST_CASE("verken: one computation at a time, and a newer request replaces the waiting one", "[verken]") {
  std::mutex m;
  std::condition_variable cv;
  bool release = false, first_started = false;
  ComputeQueue<int, int> q([&](const int& job) {
    std::unique_lock<std::mutex> l(m);
    first_started = true;
    cv.notify_all();
    cv.wait(l, [&] { return release; });
    if (job < 0) throw std::runtime_error("negatief");
    return job * 10;
  });
  auto a = std::async(std::launch::async, [&] { return *q.get("a", 1); });
  {
    std::unique_lock<std::mutex> l(m);
    cv.wait(l, [&] { return first_started; });  // "a" is running
  }
  auto b = std::async(std::launch::async, [&] { return *q.get("b", 2); });
  // "b" waits; "c" takes its place: "b" is told at once, while "a" still runs.
  while (q.started() != 1) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto c = std::async(std::launch::async, [&] { return *q.get("c", 3); });
  CHECK_THROWS_AS(b.get(), Replaced);
  auto a2 = std::async(std::launch::async, [&] { return *q.get("a", 99); });  // joins the running "a"
  {
    std::lock_guard<std::mutex> l(m);
    release = true;
  }
  cv.notify_all();
  CHECK(a.get() == 10);
  CHECK(a2.get() == 10);
  CHECK(c.get() == 30);
  CHECK(q.started() == 2);             // "a" and "c": "b" never ran
  CHECK(*q.get("c", 3) == 30);         // from the cache
  CHECK(q.started() == 2);
  CHECK_THROWS_AS(q.get("d", -1), std::runtime_error);  // an error reaches the caller, and is not cached
  CHECK_THROWS_AS(q.get("d", -1), std::runtime_error);
  CHECK(q.started() == 4);
  q.stop();
  CHECK_THROWS_AS(q.get("e", 5), Stopped);
}
