#pragma once
// The ranges a number of a scenario or rules file must stay in (section 1 "Valid ranges"): one enum
// for the schema (each key's range, checked per number of each file) and for the values checked per
// year after merging (check_value in value.h).
namespace swv {

enum class Range {
  Any,
  NonNegative,   // >= 0
  Rate,          // [0, 1]
  RateBelowOne,  // [0, 1)
  // A yearly index change, in (-1, 1]: at -100% or below index factors turn 0 or negative, above
  // +100% a year compounding over the planperiode overflows. Checked per year (not a schema range).
  IndexRate,
  Count,     // whole number >= 0 (schema only)
  Year,      // a year kMinYear..kMaxYear (schema only)
  Positive,  // >= 1 (schema only)
};

// Two wordings of one range, both fixed by the error catalogue (tests/catalogus), hence two:
//   range_text:   as the key reference's column "bereik" writes it ("fractie in [0, 1]"), also in
//                 the message for a single number of a file ("moet fractie in [0, 1] zijn");
//   range_phrase: as a sentence part for a value checked per year ("moet een fractie tussen 0 en 1
//                 zijn", "… buiten het bereik (moet … zijn)").
// "" for Any.
inline const char* range_text(Range r) {
  switch (r) {
    case Range::Any: return "";
    case Range::NonNegative: return ">= 0";
    case Range::Rate: return "fractie in [0, 1]";
    case Range::RateBelowOne: return "fractie in [0, 1)";
    case Range::IndexRate: return "jaarlijkse mutatie in (−1, 1]";
    case Range::Count: return "geheel aantal >= 0";
    case Range::Year: return "jaartal (4 cijfers)";
    case Range::Positive: return ">= 1";
  }
  return "";
}

inline const char* range_phrase(Range r) {
  switch (r) {
    case Range::Any: return "";
    case Range::NonNegative: return "niet-negatief (>= 0)";
    case Range::Rate: return "een fractie tussen 0 en 1";
    case Range::RateBelowOne: return "een fractie in [0, 1)";
    case Range::IndexRate: return "een jaarlijkse mutatie boven −1 (−100%) en ten hoogste 1 (+100%)";
    case Range::Count: return "een geheel aantal >= 0";
    case Range::Year: return "een jaartal";
    case Range::Positive: return "ten minste 1";
  }
  return "";
}

}  // namespace swv
