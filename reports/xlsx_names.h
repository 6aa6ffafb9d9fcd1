#pragma once
// Excel sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either end, not empty,
// unique in the workbook (Excel compares them without case). A name that is already valid stays as
// it is. A longer name loses its middle, not its end ("Kansen Begroting 2…ariant krimp hoog"):
// sheets of variants whose names share a long beginning ("EV Begroting 2026 variant krimp hoog",
// "EV Begroting 2026 variant krimp laag") keep the part that tells them apart. A name still taken
// gets " (2)", " (3)", ... within the 31 characters.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "xml_text.h"

namespace swv {

namespace xlsx_names_detail {

// The characters of a UTF-8 string (each a whole code point).
inline std::vector<std::string> chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// Length as Excel counts it (UTF-16 units: a character outside the BMP counts twice).
inline size_t units(const std::vector<std::string>& cs, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) n += cs[i].size() == 4 ? 2 : 1;
  return n;
}

inline std::string join(const std::vector<std::string>& cs, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) s += cs[i];
  return s;
}

// The name cut to `max` units by dropping its middle (an ellipsis in its place).
inline std::string fit(const std::string& s, size_t max) {
  const std::vector<std::string> cs = chars(s);
  if (units(cs, 0, cs.size()) <= max) return s;
  const size_t keep = max - 1;  // one for the ellipsis
  size_t head = 0, tail = cs.size();
  size_t used = 0;
  // Head and tail about equal, the tail one longer (the end of a variant name tells most).
  while (true) {
    const bool take_tail = units(cs, tail, cs.size()) <= units(cs, 0, head);
    const size_t w = take_tail ? units(cs, tail - 1, tail) : units(cs, head, head + 1);
    if (used + w > keep || head >= tail) break;
    used += w;
    take_tail ? --tail : ++head;
  }
  std::string out = join(cs, 0, head);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6" + join(cs, tail, cs.size());
}

inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace xlsx_names_detail

// Text made XML-safe and cut to `max` characters by dropping its middle (headers, footers).
inline std::string xlsx_fit(std::string_view s, size_t max) { return xlsx_names_detail::fit(xml_safe_text(s), max); }

// What tells a variant apart from its base, for a sheet name: the variant's name without the
// words it shares with the base name at its start, and without the joining punctuation.
// ("SWV Voorbeeldregio", "SWV Voorbeeldregio (streefvermogen)") -> "streefvermogen";
// ("SWV Voorbeeldregio", "SWV Voorbeeldregio — sterke krimp") -> "sterke krimp"; a name that
// shares nothing, or only part of a word, stays whole.
inline std::string xlsx_variant_label(const std::string& base, const std::string& variant) {
  size_t n = 0;
  while (n < base.size() && n < variant.size() && base[n] == variant[n]) ++n;
  if (n < variant.size() && n < base.size()) {  // back to the start of the word both differ in
    while (n > 0 && variant[n - 1] != ' ') --n;
  } else if (n == base.size() && n < variant.size() && variant[n] != ' ' && variant[n] != '(' && variant[n] != ',') {
    while (n > 0 && variant[n - 1] != ' ') --n;  // the base ends inside a word of the variant
  }
  std::string rest = variant.substr(n);
  const std::string_view lead[] = {" ", "\xE2\x80\x94", "\xE2\x80\x93", "-", ",", ":", ";", "("};
  bool paren = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view l : lead)
      if (rest.compare(0, l.size(), l) == 0) {
        paren = paren || l == "(";
        rest.erase(0, l.size()), again = true;
      }
  }
  while (!rest.empty() && (rest.back() == ' ' || (paren && rest.back() == ')'))) rest.pop_back();
  return n == 0 || rest.empty() ? variant : rest;
}

// A valid, unused sheet name for `raw`; records it in `used` (names in lower case).
inline std::string xlsx_sheet_name(std::string_view raw, std::set<std::string>& used) {
  namespace d = xlsx_names_detail;
  std::string s = xml_safe_text(raw);
  for (char& c : s)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
  if (s.empty()) s = "Blad";
  auto clean_ends = [](std::string x) {
    if (!x.empty() && x.front() == '\'') x.front() = '-';  // Excel refuses an apostrophe at either end
    if (!x.empty() && x.back() == '\'') x.back() = '-';
    return x;
  };
  constexpr size_t kMax = 31;
  std::string name = clean_ends(d::fit(s, kMax));
  for (int k = 2; used.count(d::lower(name)); ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    name = clean_ends(d::fit(s, kMax - suffix.size())) + suffix;
  }
  used.insert(d::lower(name));
  return name;
}

}  // namespace swv
