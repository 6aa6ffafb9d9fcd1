#pragma once
// "Wat verandert dit scenario" in words: one side of a change (sim/scenario/scenario_diff.h) as a
// reader writes it ("0,012", "normaal(gemiddelde 0,01; sd 0,005)", "niet opgegeven (standaard)").
#include <string>

#include "format_nl.h"
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

}  // namespace swv
