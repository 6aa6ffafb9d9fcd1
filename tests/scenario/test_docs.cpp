// The key reference in docs/ is generated from the loader's schema table: they must not drift.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "schema.h"

TEST_CASE("docs/sleutels.md equals the schema table (regenerate: build/swvsim sleutels > docs/sleutels.md)", "[docs]") {
  const std::string doc = swv::test::slurp(swv::test::source_path("docs/sleutels.md"));
  REQUIRE_FALSE(doc.empty());
  CHECK(doc == swv::schema_markdown());
}

TEST_CASE("every key of the contract is documented in the scenario format", "[docs]") {
  const std::string doc = swv::test::slurp(swv::test::source_path("docs/scenario-formaat.md"));
  for (const auto& k : swv::schema(swv::FileKind::Scenario)) {
    std::string p(k.path);
    std::string last = p.substr(p.rfind('.') == std::string::npos ? 0 : p.rfind('.') + 1);
    if (last == "omschrijving") continue;  // documented extension (docs/keuzes.md)
    INFO(p);
    CHECK(doc.find(last) != std::string::npos);
  }
}
