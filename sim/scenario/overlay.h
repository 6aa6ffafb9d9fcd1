#pragma once
// A variant file written by the program (swvsim verken): a scenario file with `basis = "..."` that
// names only the keys that change, each with a comment, so a person can read what the variant does
// and `swvsim run` loads it like a hand-written variant (the normal merge of toml_tree.h and the
// normal validation: nothing here checks a value, the loader does).
//
// Contract:
// - The text is valid TOML whatever the values hold: texts and codes are escaped, comments are one
//   line (line breaks and control characters become spaces), keys that are not bare are quoted.
// - Keys are written as the loader names them in its messages: "demografie.groei" (a table key),
//   "risico[R1].kans" (a key of the [[risico]] with code R1: an existing code is merged key by
//   key, a new one added). Changes to one table or one code form one block, in the order in which
//   they first appear; the same input gives the same text, byte for byte.
// - A number keeps its kind: an integer is written as an integer, a decimal with a point or an
//   exponent (the shortest text that reads back as the same double, in plain decimals from 1e-7 to
//   1e16: 200000.0, 0.000015). Non-finite numbers are refused
//   (std::invalid_argument): TOML's nan/inf are never a scenario value.
#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace swv {

// A TOML value: number, text, true/false, a table ({ 2026 = 0.5 }, { verdeling = "normaal", ... })
// or a list.
struct OverlayValue {
  enum class Kind { Integer, Number, Text, Bool, Table, List };
  Kind kind = Kind::Integer;
  int64_t integer = 0;
  double number = 0;
  std::string text;
  bool boolean = false;
  std::vector<std::pair<std::string, OverlayValue>> table;  // Table, in order
  std::vector<OverlayValue> list;                           // List

  // Constructor and factories are defined below the struct: the type holds vectors of itself, and
  // clang (libstdc++'s pair traits) cannot decide inside the body whether it is default constructible.
  OverlayValue();
  static OverlayValue of_integer(int64_t v);
  static OverlayValue of_number(double v);
  static OverlayValue of_text(std::string v);
  static OverlayValue of_bool(bool v);
};
inline OverlayValue::OverlayValue() = default;
inline OverlayValue OverlayValue::of_integer(int64_t v) { OverlayValue o; o.kind = Kind::Integer, o.integer = v; return o; }
inline OverlayValue OverlayValue::of_number(double v) { OverlayValue o; o.kind = Kind::Number, o.number = v; return o; }
inline OverlayValue OverlayValue::of_text(std::string v) { OverlayValue o; o.kind = Kind::Text, o.text = std::move(v); return o; }
inline OverlayValue OverlayValue::of_bool(bool v) { OverlayValue o; o.kind = Kind::Bool, o.boolean = v; return o; }

// The value of a parsed TOML node (dates and times, never scenario values, become their text).
// A table's keys come in the order of table_key_order.
OverlayValue overlay_value_of(const toml::node& node);

// The keys of a parsed table in the order a person writes them: toml++ keeps tables sorted and
// forgets the file's order, so a distribution's own keys come first (verdeling, gemiddelde, sd, min,
// modus, max, per_jaar), then the others as sorted (years ascending).
std::vector<std::string> table_key_order(const toml::table& t);

// One line of TOML for a value: 0.25, -1.5e-05, "po", { verdeling = "normaal", gemiddelde = -0.01 }.
std::string toml_value_text(const OverlayValue& v);

struct OverlayChange {
  std::string key;      // "demografie.groei", "beleid.afbouw.aandeel", "risico[R1].kans"
  OverlayValue value;
  std::string comment;  // written on the line above the key; empty: none
};

struct Overlay {
  std::vector<std::string> header;  // comment lines at the top of the file
  std::string basis;                // as written in basis = "..." (relative to the variant's folder)
  std::vector<OverlayChange> changes;
};

// The text of the variant file. std::invalid_argument for a key that is not a table key or an
// array key of the forms above, a key given twice, or a non-finite number.
std::string overlay_text(const Overlay& o);

}  // namespace swv
