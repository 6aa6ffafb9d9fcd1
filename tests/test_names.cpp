// Every test runs: catch_discover_tests splits a test name at ';' into two CTest tests whose filters
// match nothing, and Catch2 v2 exits 0 on "no tests ran" — such a test passes without running (ten
// did, until issue 30). So no TEST_CASE name may hold a ';'.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "helpers.h"

using namespace swv::test;

TEST_CASE("test names hold no semicolon (CTest would split them and run nothing)", "[docs]") {
  const std::regex name(R"re(TEST_CASE\("([^"]*)")re");
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(source_path("tests"))) {
    if (e.path().extension() != ".cpp") continue;
    ++files;
    const std::string text = slurp(e.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) {
      INFO(e.path().string() << ": " << (*it)[1].str());
      CHECK((*it)[1].str().find(';') == std::string::npos);
    }
  }
  CHECK(files > 50);
}
