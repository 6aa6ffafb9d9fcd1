#pragma once
// The controls of swvsim verken's page: the assumptions a board discusses (krimp, referrals or
// participation targets, extra spending, each risk's chance, the floor, the spend-down share), each
// bound to one scenario key, with the level the base scenario gives and the slider's range.
//
// These keys are also the API's whitelist: POST /api/bereken and /api/variant change only these.
// A control's level is what the page moves; the value written is the base's value moved to that
// level (the page keeps a distribution's spread: verken.js, waardeVoor), or the level itself when the
// base writes a plain number or nothing.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "loader.h"
#include "overlay.h"

namespace swv::cli {

enum class ControlUnit { Percent, Euro, Factor };  // shown as "−0,5%", "€ 200.000", "× 0,85"

struct Control {
  std::string key;    // the scenario key as the loader names it: "demografie.groei", "risico[R1].kans"
  std::string label;  // Dutch, for the page and the variant's comment
  std::string group;  // the heading it sits under
  ControlUnit unit = ControlUnit::Percent;
  double base = 0;    // the base's level: the mean in eerste_jaar (for a table: its value then)
  double min = 0, max = 0, step = 0;  // the slider (the base level always lies within)
  // The page never moves a spread below this (0 for chances and shares): a spread that would cross
  // it is scaled to the level instead of shifted. Unset: no such bound.
  std::optional<double> lowest;
  nlohmann::ordered_json base_value;  // as the base writes it (null: not written, the level is a default)
  std::string base_text;   // the base's value as TOML ("" when not written)
  std::string base_where;  // "voorbeeld-po.toml:63" ("" when not written)
  // Written with the key when its [[post]] is new (the extra spending: naam, kant, indexatie).
  std::vector<std::pair<std::string, OverlayValue>> companions;
};

// The controls for the loaded base scenario, in page order. `income` is the first year's total
// baten of the plan (the range of the extra spending scales with it).
std::vector<Control> verken_controls(const Scenario& sc, const MNode& tree, double income);

// The code of the extra-spending post: "verken-extra", or with a number when the base has that code.
std::string extra_post_code(const Scenario& sc);

// A TOML value as JSON (what the page receives as a control's base value).
nlohmann::ordered_json json_of(const toml::node& node);

}  // namespace swv::cli
