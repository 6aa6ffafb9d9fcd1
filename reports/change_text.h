#pragma once
// "Wat verandert dit scenario" in words. change_text: one side of a change (sim/scenario/
// scenario_diff.h) as a reader writes it ("0,012", "normaal(gemiddelde 0,01; sd 0,005)", "niet
// opgegeven (standaard)"), the raw list's form. grouped_changes: the same changes by topic, each
// key by its plain name (input_name.h), consecutive equal years as one line, values in the key's
// unit ("€ 40.000", "2,5%", "12.400") and the difference with it ("€ -150.000", "+0,5 procentpunt":
// a difference of percentages is in procentpunten, never "%").
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "format_nl.h"
#include "input_name.h"
#include "scenario.h"
#include "scenario_diff.h"
#include "validate.h"

namespace swv {

// `variant_side`: the side is the variant's (an entry reads "toegevoegd"/"verwijderd" there,
// "geen"/"aanwezig" in the base).
inline std::string change_text(const ChangeValue& c, bool variant_side) {
  switch (c.kind) {
    case ChangeValue::Kind::Absent: return "niet opgegeven (standaard)";
    case ChangeValue::Kind::Item:
      return variant_side ? (c.present ? "toegevoegd" : "verwijderd") : (c.present ? "aanwezig" : "geen");
    case ChangeValue::Kind::Literal: return c.is_text ? "\"" + c.literal + "\"" : c.literal;
    case ChangeValue::Kind::Value: break;
  }
  if (c.dist == Dist::Fixed) return num_short(c.params[0]);
  std::string s = std::string(dist_name(c.dist)) + "(";
  const auto names = dist_params(dist_name(c.dist));
  for (size_t i = 0; i < names.size() && i < c.params.size(); ++i) s += (i ? "; " : "") + names[i] + " " + num_short(c.params[i]);
  return s + (c.per_year ? "; per jaar)" : ")");
}

// Decimals (0-3) that show 100·x exactly as a percentage.
inline int percent_decimals(double x) {
  const double p = 100 * x;
  for (int d = 0; d < 3; ++d)
    if (std::fabs(std::round(p * std::pow(10.0, d)) / std::pow(10.0, d) - p) <= 1e-9 * std::max(1.0, std::fabs(p))) return d;
  return 3;
}

// A number in the unit of its key; `decimals` (rates only, -1: as needed) keeps two sides alike.
inline std::string unit_number(double x, InputUnit u, int decimals = -1) {
  switch (u) {
    case InputUnit::Euro: return std::fabs(x - std::round(x)) < 0.005 ? euro(x) : "€ " + num_nl(x, 2);
    case InputUnit::Rate: return num_nl(100 * x, decimals < 0 ? percent_decimals(x) : decimals) + "%";
    case InputUnit::Year: return std::to_string(static_cast<long long>(std::llround(x)));
    default: return num_short(x);
  }
}

// A difference in euro with its sign: "€ +40.000", "€ -150.000", "€ +12,50".
inline std::string signed_euro(double d) {
  const bool whole = std::fabs(d - std::round(d)) < 0.005;
  return std::string("€ ") + (d > 0 ? "+" : "") + num_nl(d, whole ? 0 : 2);
}

// The mean of one side's value (a number, or the mean of its distribution).
inline double change_mean(const ChangeValue& c) {
  const auto& p = c.params;
  switch (c.dist) {
    case Dist::Uniform: return (p[0] + p[1]) / 2;
    case Dist::Triangle: return (p[0] + p[1] + p[2]) / 3;
    case Dist::Pert: return (p[0] + 4 * p[1] + p[2]) / 6;
    default: return p[0];
  }
}

// One side in the key's unit: "2,5%", "normaal(gemiddelde -1,5%; sd 0,3%)", "€ 350.000".
inline std::string unit_text(const ChangeValue& c, InputUnit u, bool variant_side, int decimals = -1) {
  if (c.kind != ChangeValue::Kind::Value || u == InputUnit::Text) return change_text(c, variant_side);
  if (c.dist == Dist::Fixed) return unit_number(c.params[0], u, decimals);
  std::string s = std::string(dist_name(c.dist)) + "(";
  const auto names = dist_params(dist_name(c.dist));
  for (size_t i = 0; i < names.size() && i < c.params.size(); ++i) {
    const int d = u == InputUnit::Rate && decimals >= 0 ? std::max(decimals, percent_decimals(c.params[i])) : -1;
    s += (i ? "; " : "") + names[i] + " " + unit_number(c.params[i], u, d);
  }
  return s + (c.per_year ? "; per jaar)" : ")");
}

// One line of the grouped list: a key over a span of years.
struct ChangeLine {
  std::string key, name;
  int first = 0, last = 0;  // 0: the key has no per-year value
  std::string base, variant;
  bool has_diff = false;    // both sides are numbers (or distributions: the difference of their means)
  double diff = 0;          // variant − base in the key's unit (a rate as a fraction: 0.005 is 0,5 procentpunt)
  std::string diff_text;    // "+0,5 procentpunt", "€ -150.000", "gemiddeld +250", "" without a difference
  InputUnit unit = InputUnit::Text;
  Where where;
  std::string years() const {
    if (first == 0) return "";
    return first == last ? std::to_string(first) : std::to_string(first) + "–" + std::to_string(last);
  }
  // "Loonindexatie, 2026–2030: 2,0% → 2,5% (+0,5 procentpunt)"
  std::string sentence() const {
    return name + (first ? ", " + years() : "") + ": " + base + " → " + variant + (diff_text.empty() ? "" : " (" + diff_text + ")");
  }
};

struct ChangeGroup {
  InputTopic topic = InputTopic::Other;
  std::vector<ChangeLine> lines;
};

// A side the file does not give, as the default that then holds (input_default), when there is one.
inline bool apply_default(ChangeValue& c, const std::string& key) {
  const std::optional<double> d = input_default(key);
  if (c.kind != ChangeValue::Kind::Absent || !d) return false;
  c = ChangeValue{};
  c.kind = ChangeValue::Kind::Value, c.params[0] = *d;
  return true;
}

// Fills base, variant and the difference of `line` from one span; a side the file does not give
// reads as its default ("1 (standaard)") where it has one, so the difference can be given. False
// when the span is no change after all: a file gives the value that is the default anyway.
inline bool word_span(ChangeLine& line, ChangeSpan s, bool defaults = true) {
  const bool base_default = defaults && apply_default(s.base, line.key), variant_default = defaults && apply_default(s.variant, line.key);
  if ((base_default || variant_default) && nearly_same(s.base, s.variant)) return false;
  const InputUnit u = line.unit;
  const bool numbers = s.base.kind == ChangeValue::Kind::Value && s.variant.kind == ChangeValue::Kind::Value && u != InputUnit::Text;
  const double mb = numbers ? change_mean(s.base) : 0, mv = numbers ? change_mean(s.variant) : 0;
  int decimals = -1;
  if (u == InputUnit::Rate && numbers) {
    decimals = std::max(percent_decimals(mb), percent_decimals(mv));
    if (std::max(std::fabs(mb), std::fabs(mv)) < 0.1) decimals = std::max(decimals, 1);
  }
  line.base = unit_text(s.base, u, false, decimals) + (base_default ? " (standaard)" : "");
  line.variant = unit_text(s.variant, u, true, decimals) + (variant_default ? " (standaard)" : "");
  if (!numbers || u == InputUnit::Year) return true;
  line.has_diff = true;
  line.diff = mv - mb;
  const bool random = s.base.dist != Dist::Fixed || s.variant.dist != Dist::Fixed;
  if (std::fabs(line.diff) <= 1e-12 * std::max(1.0, std::fabs(mb))) {
    line.diff = 0;
    line.diff_text = random ? "zelfde gemiddelde, andere spreiding" : "";
    return true;
  }
  const std::string sign = line.diff > 0 ? "+" : "";
  std::string t;
  switch (u) {
    case InputUnit::Euro: t = signed_euro(line.diff); break;
    case InputUnit::Rate: t = sign + num_nl(100 * line.diff, decimals < 0 ? percent_decimals(line.diff) : decimals) + " procentpunt"; break;
    default: t = sign + num_short(line.diff); break;
  }
  line.diff_text = (random ? "gemiddeld " : "") + t;
  return true;
}

// The changes by topic (topics in report order, changes in the order given), each key named from
// the variant (from the base when only the base has the entry). The keys of an entry the variant
// adds read "—" on the base side; its naam is in the entry's own line.
inline std::vector<ChangeGroup> grouped_changes(const std::vector<Change>& changes, const Scenario& base, const Scenario& variant) {
  std::vector<ChangeGroup> groups(kInputTopics);
  for (int t = 0; t < kInputTopics; ++t) groups[static_cast<size_t>(t)].topic = static_cast<InputTopic>(t);
  std::vector<std::string> added;  // "post[X]" entries the variant adds
  for (const Change& c : changes)
    if (c.years.size() == 1 && c.years[0].variant.kind == ChangeValue::Kind::Item && c.years[0].variant.present) added.push_back(c.key);
  for (const Change& c : changes) {
    const auto owner = std::find_if(added.begin(), added.end(), [&](const std::string& a) { return c.key.rfind(a + ".", 0) == 0; });
    const bool in_added = owner != added.end();
    if (in_added && c.key == *owner + ".naam") continue;
    const Scenario& named = input_entry_known(c.key, variant) || !input_entry_known(c.key, base) ? variant : base;
    const std::vector<ChangeSpan> spans = change_spans(c);
    for (const ChangeSpan& s : spans) {
      ChangeLine line;
      line.key = c.key, line.name = plain_input_name(c.key, named), line.first = s.first, line.last = s.last;
      if (spans.size() == 1 && !input_per_year(c.key)) line.first = line.last = 0;  // one number for the whole planperiode
      line.unit = input_unit(c.key), line.where = c.where;
      if (!word_span(line, s, !in_added)) continue;
      if (in_added && s.base.kind == ChangeValue::Kind::Absent) line.base = "—";
      groups[static_cast<size_t>(input_topic(c.key))].lines.push_back(std::move(line));
    }
  }
  groups.erase(std::remove_if(groups.begin(), groups.end(), [](const ChangeGroup& g) { return g.lines.empty(); }), groups.end());
  return groups;
}

}  // namespace swv
