// The key reference in docs/ is generated from the loader's schema table: they must not drift.
#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.h"
#include "schema.h"

TEST_CASE("docs/sleutels.md equals the schema table (regenerate: build/swvsim sleutels > docs/sleutels.md)", "[docs]") {
  const std::string doc = swv::test::slurp(swv::test::source_path("docs/sleutels.md"));
  REQUIRE_FALSE(doc.empty());
  CHECK(doc == swv::schema_markdown());
}

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `t` occurs in `text` as a whole token: not inside a longer name or key path ("laag" does not
// count inside "laagste" or "so.laag_x", "sbo_so.laag" not inside "x.sbo_so.laag").
bool has_token(const std::string& text, const std::string& t) {
  for (size_t at = text.find(t); at != std::string::npos; at = text.find(t, at + 1)) {
    const bool before = at == 0 || (!ident_char(text[at - 1]) && text[at - 1] != '.');
    const bool after = at + t.size() >= text.size() || !ident_char(text[at + t.size()]);
    if (before && after) return true;
  }
  return false;
}

// `name` written as a key (in tables and TOML examples).
bool has_key(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    if (end < text.size() && ident_char(text[end])) continue;
    if (at > 0 && (ident_char(text[at - 1]) || text[at - 1] == '.')) continue;
    size_t b = at;
    while (b > 0 && text[b - 1] == ' ') --b;
    const char before = b == 0 ? '\n' : text[b - 1];  // a key at the start of a line counts by its =
    size_t e = end;
    while (e < text.size() && text[e] == ' ') ++e;
    const char after = e < text.size() ? text[e] : '\n';
    // `name`, `name.child` (a table documented by its keys), name = ..., { name, , name
    if ((before == '`' && (after == '`' || after == '.')) || after == '=' || before == '{' || before == ',') return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every key of the contract is documented in the scenario format, where its table is", "[docs]") {
  // A key counts as documented when the format names it: its full path (or the last two or more
  // components, "doorstroom.sbo_so.laag") as a token anywhere; a top-level key as `key`, key = or
  // [key]; or its last component written as a key in a section of the format (from one heading to
  // the next) that is about its top-level table ([post], [[post]], [post. or `post.). A bare
  // substring is not enough: "laag" or "naam" occur in many places.
  const std::string doc = swv::test::slurp(swv::test::source_path("docs/scenario-formaat.md"));
  REQUIRE_FALSE(doc.empty());
  std::vector<std::pair<std::string, std::string>> sections;  // heading, body
  {
    std::istringstream in(doc);
    bool fenced = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("```", 0) == 0) fenced = !fenced;
      if (!fenced && line.rfind("#", 0) == 0) sections.push_back({line, ""});
      else if (!sections.empty()) sections.back().second += line + "\n";
    }
  }
  REQUIRE(sections.size() > 10);
  size_t keys = 0;
  for (const auto& k : swv::schema(swv::FileKind::Scenario)) {
    std::string p(k.path);
    swv::test::replace_all(p, "[]", "");
    std::vector<std::string> parts;
    for (size_t from = 0;;) {
      const size_t dot = p.find('.', from);
      parts.push_back(p.substr(from, dot - from));
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
    const std::string& top = parts.front();
    const std::string& last = parts.back();
    if (last == "omschrijving") continue;  // documented extension (docs/keuzes.md)
    ++keys;
    bool found = false;
    for (size_t i = 0; i + 1 < parts.size() && !found; ++i) {
      std::string suffix = parts[i];
      for (size_t j = i + 1; j < parts.size(); ++j) suffix += "." + parts[j];
      found = has_token(doc, suffix);
    }
    if (parts.size() == 1) found = has_key(doc, top) || doc.find("[" + top + "]") != std::string::npos;
    for (const auto& [heading, body] : sections) {
      if (found) break;
      const std::string all = heading + "\n" + body;
      const bool about = all.find("[" + top + "]") != std::string::npos || all.find("[" + top + ".") != std::string::npos ||
                         all.find("`" + top + ".") != std::string::npos;
      found = about && has_key(body, last);
    }
    INFO(k.path);
    CHECK(found);
  }
  CHECK(keys > 100);
}
