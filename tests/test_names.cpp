// Every test runs: catch_discover_tests splits a test name at ';' into two CTest tests whose filters
// match nothing, and Catch2 v2 exits 0 on "no tests ran" — such a test passes without running (ten
// did, until issue 30). So no TEST_CASE name may hold a ';'. Nor an unbalanced '[' or ']': CMake's
// lists do not split inside brackets, so one lone ']' glued the names after it into one CTest test
// that ran nothing (issue 31: "p in (0, 0.5]").
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "helpers.h"

using namespace swv::test;

TEST_CASE("test names hold no semicolon and no unbalanced bracket (CTest would split or glue them and run nothing)", "[docs]") {
  const std::regex name(R"re(TEST_CASE\("([^"]*)")re");
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(source_path("tests"))) {
    if (e.path().extension() != ".cpp") continue;
    ++files;
    const std::string text = slurp(e.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) {
      INFO(e.path().string() << ": " << (*it)[1].str());
      const std::string n = (*it)[1].str();
      CHECK(n.find(';') == std::string::npos);
      int depth = 0;
      bool balanced = true;
      for (char c : n) {
        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        balanced = balanced && depth >= 0;
      }
      CHECK((balanced && depth == 0));
    }
  }
  CHECK(files > 50);
}
