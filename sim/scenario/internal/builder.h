#pragma once
// Internal to the scenario room: the state shared by the builders that turn the merged tree into a
// Scenario (build_scenario.cpp: period, start, flows, index, settings, and the order of it all;
// build_rules.cpp: the funding rules; build_lines.cpp: the budget lines; build_finance.cpp: risks,
// earmarked reserves, policy, own target, balance sheet; build_calibration.cpp: [kalibratie]).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "build_common.h"
#include "value_read.h"

namespace swv::detail {

struct Builder {
  const MNode& root;
  Diagnostics& d;
  Scenario& sc;
  // Values with the range they must keep in every year of the planperiode, checked at the end in
  // this order (which is the order of the messages).
  std::vector<std::pair<Value*, Range>> ranged;

  // Reads the value at `path` into `out` (which keeps its default when the key is absent) and
  // registers it for the range check. `out` must not move afterwards.
  void val(Value& out, std::string_view path, Range range) {
    if (const MNode* n = root.find(path)) {
      out = value_of(*n);
      out.where = n->where();
    }
    ranged_add(out, range);
  }
  void ranged_add(Value& v, Range r) { ranged.emplace_back(&v, r); }
  Where where(std::string_view path) const {
    const MNode* n = root.find(path);
    return n ? n->where() : Where{sc.files.back(), 0, 0, std::string(path)};
  }
};

// swv.regels (section 14.6): true when every rules file loaded without errors.
bool build_rules(Builder& b, const std::string& rules_dir);
void warn_rules_coverage(Builder& b);  // one warning per rules file whose tables miss planperiode years
void build_lines(Builder& b, bool rules_ok);  // [[post]]; rules_ok: computed lines can be checked
void build_risks(Builder& b);
void build_reserves(Builder& b);  // [[bestemmingsreserve]] (section 14.1)
void build_policy(Builder& b);    // [beleid]
void build_target(Builder& b);    // normen.streefvermogen and what refers to it (14.2); after build_policy
void build_balance(Builder& b);   // [balans] (14.8)
void build_safety_net(Builder& b);  // [vangnet] (14.7)
void build_calibration_info(Builder& b);  // [kalibratie]: where the spreads came from (build_calibration.cpp)

}  // namespace swv::detail
