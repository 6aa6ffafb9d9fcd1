#pragma once
// "Wat verandert dit scenario": every key and year whose resolved value differs between a base and
// a variant, read from the merged trees (after each file's chain of bases is applied), each change
// with the file and line where the variant's value is written. Plain data: values compare exactly
// (a year is listed when its values differ at all); the reports word them (reports/change_text.h).
#include <array>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "scenario.h"
#include "toml_tree.h"
#include "value.h"

namespace swv {

// What one side (base or variant) of a change holds in one year: data, formatted by the reports.
struct ChangeValue {
  enum class Kind {
    Absent,   // the key is not given on this side (its default applies)
    Value,    // a number (dist Fixed, params[0]) or a distribution with its parameters in this year
    Literal,  // anything else: a text (is_text), or a switch or list as TOML text ("true", "[2025, 2026]")
    Item,     // a [[post]]/[[risico]] entry as a whole: present on this side or not
  };
  Kind kind = Kind::Absent;
  Dist dist = Dist::Fixed;
  std::array<double, 3> params{};  // in the order of dist_params(dist_name(dist)); unused ones 0
  bool per_year = false;
  std::string literal;
  bool is_text = false;
  bool present = false;
  bool operator==(const ChangeValue&) const = default;
};

struct ChangeYear {
  int year = 0;  // 0: the key has no per-year value (text, switch, list, an entry as a whole)
  ChangeValue base, variant;
};

struct Change {
  std::string key;  // canonical key path ("post[3.1].bedrag", "krimp.groei")
  Where where;      // where the variant's value is written (the base's when the variant removes it)
  std::vector<ChangeYear> years;
};

// Consecutive years of one change in which each side holds the same value (within a relative
// 1e-9), as one span: "2026–2030: 2,0% → 2,5%" instead of five lines. A change without per-year
// values (year 0) is one span with first = last = 0. Years that do not differ break a span.
struct ChangeSpan {
  int first = 0, last = 0;
  ChangeValue base, variant;  // the values of the span's first year
};
std::vector<ChangeSpan> change_spans(const Change& c);
// Whether two sides hold the same value up to a relative 1e-9 (spans, and so the lines of a report).
bool nearly_same(const ChangeValue& a, const ChangeValue& b);

// The differences from `base` to `variant` for the years [first, last], in the variant's key order
// (then keys only the base has). Keys that only point to a
// file's base (basis) are no change.
std::vector<Change> scenario_changes(const MNode& base, const MNode& variant, int first, int last);

// What differs between the funding rules two scenarios use (their own beschikking, another year's
// rules), amount by amount for the years [first, last], each year's amount as the plan uses it (a
// table carried past its last year with the mean funding index, the variant's for both sides, so a
// different index alone is not a difference of the rules). Keys as in a rules file
// ("afdracht.sbo.bedrag", "ondersteuning.licht.normbedrag"), where = the variant's rules file; a
// component only one side has is listed with the other side absent. The rules files' names
// themselves (swv.regels) are scenario_changes'.
std::vector<Change> rules_changes(const Scenario& base, const Scenario& variant, int first, int last);

}  // namespace swv
