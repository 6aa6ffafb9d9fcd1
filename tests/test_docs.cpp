// The key reference in docs/ is generated from the loader's schema table: they must not drift.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "helpers.h"
#include "schema.h"

TEST_CASE("docs/sleutels.md equals the schema table (regenerate: build/swvsim sleutels > docs/sleutels.md)", "[docs]") {
  std::ifstream in(swv::test::source_path("docs/sleutels.md"));
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == swv::schema_markdown());
}

TEST_CASE("every key of the contract is documented in the scenario format", "[docs]") {
  std::ifstream in(swv::test::source_path("docs/scenario-formaat.md"));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  for (const auto& k : swv::schema(swv::FileKind::Scenario)) {
    std::string p(k.path);
    std::string last = p.substr(p.rfind('.') == std::string::npos ? 0 : p.rfind('.') + 1);
    if (last == "omschrijving") continue;  // documented extension (docs/keuzes.md)
    INFO(p);
    CHECK(doc.find(last) != std::string::npos);
  }
}
