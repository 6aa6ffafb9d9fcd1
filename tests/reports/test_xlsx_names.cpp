// Excel sheet names (reports/xlsx_names.h): valid (at most 31 characters, none of []:*?/ or a
// backslash, no apostrophe at either end), unique without case, cut in the middle so that variants
// whose names share a long beginning stay apart, and the label that tells a variant from its base.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "xlsx_names.h"

using namespace swv;

TEST_CASE("xlsx layout: sheet names stay valid and keep variants apart", "[xlsx][layout]") {
  std::set<std::string> used;
  CHECK(xlsx_sheet_name("Samenvatting", used) == "Samenvatting");
  CHECK(xlsx_sheet_name("MJB", used) == "MJB");
  CHECK(xlsx_sheet_name("mjb", used) == "mjb (2)");  // Excel compares without case
  CHECK(xlsx_sheet_name("a[b]:c*d?e/f\\g", used) == "a-b--c-d-e-f-g");
  CHECK(xlsx_sheet_name("'citaat'", used) == "-citaat-");
  CHECK(xlsx_sheet_name("", used) == "Blad");
  // Two variants whose names share their first 31 characters: the ends tell them apart.
  const std::string hoog = xlsx_sheet_name("EV Begroting 2026 variant krimp scenario hoog", used);
  const std::string laag = xlsx_sheet_name("EV Begroting 2026 variant krimp scenario laag", used);
  CHECK(hoog != laag);
  CHECK(hoog.rfind("EV ", 0) == 0);
  CHECK(hoog.size() >= 4);
  CHECK(hoog.substr(hoog.size() - 4) == "hoog");
  CHECK(laag.substr(laag.size() - 4) == "laag");
  // At most 31 characters (UTF-16 units), never a split UTF-8 character, unique even when cut.
  for (const std::string& raw : std::vector<std::string>{std::string(40, 'x'), std::string(40, 'x'), "Ééééééééééééééééééééééééééééééééééé",
                                                          "Kansen 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"}) {
    const std::string name = xlsx_sheet_name(raw, used);
    INFO(name);
    size_t units = 0;
    for (size_t i = 0; i < name.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(name[i]);
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
    CHECK(units <= 31);
    CHECK(xml_safe_text(name) == name);
  }
  CHECK(used.size() == 12);

  // A variant's sheet names can carry what tells it apart from its base (the vergelijk workbook).
  const std::string base = "Samenwerkingsverband Passend Primair Onderwijs Voorbeeldregio";
  CHECK(xlsx_variant_label(base, base + " (streefvermogen)") == "streefvermogen");
  CHECK(xlsx_variant_label(base, base + " \u2014 sterke krimp, afbouw SBO") == "sterke krimp, afbouw SBO");
  CHECK(xlsx_variant_label(base, "Begroting 2026") == "Begroting 2026");
  CHECK(xlsx_variant_label(base, base) == base);
  CHECK(xlsx_variant_label(base, "Samenwerkingsverband PO Voorbeeldregio") == "PO Voorbeeldregio");
  std::set<std::string> book;
  CHECK(xlsx_sheet_name("EV " + xlsx_variant_label(base, base + " (streefvermogen)"), book) == "EV streefvermogen");
}
