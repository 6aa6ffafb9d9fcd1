// Writing a history as CSV (history.h): the inverse of parse_history.
#include <cmath>

#include "history.h"

namespace swv {

namespace {

std::string cell(double x) {
  if (std::isnan(x)) return "";
  return std::to_string(static_cast<long long>(std::llround(x)));
}

bool any_known(const std::vector<double>& v) {
  for (size_t t = 1; t < v.size(); ++t)
    if (!std::isnan(v[t])) return true;
  return false;
}

}  // namespace

std::string history_to_csv(const History& h) {
  const HistoryColumns c = history_columns(h.sector);
  const std::string sp = c.special, so = c.so;
  const bool sf = any_known(h.special_flow.in) || any_known(h.special_flow.out), of = any_known(h.so_flow.in) || any_known(h.so_flow.out);
  std::string s = "jaar,regulier," + sp + (h.so_by_category ? "," + so + "_laag," + so + "_midden," + so + "_hoog" : "," + so);
  if (sf) s += ",instroom_" + sp + ",uitstroom_" + sp;
  if (of) s += ",instroom_" + so + ",uitstroom_" + so;
  s += "\n";
  for (size_t t = 0; t < h.size(); ++t) {
    s += std::to_string(h.years[t]) + "," + cell(h.regular[t]) + "," + cell(h.special[t]);
    for (size_t k = 0; k < (h.so_by_category ? 3u : 1u); ++k) s += "," + cell(h.so[k][t]);
    auto flow = [&](const HistoryFlow& f) { s += "," + (t == 0 ? std::string() : cell(f.in[t])) + "," + (t == 0 ? std::string() : cell(f.out[t])); };
    if (sf) flow(h.special_flow);
    if (of) flow(h.so_flow);
    s += "\n";
  }
  return s;
}

}  // namespace swv
