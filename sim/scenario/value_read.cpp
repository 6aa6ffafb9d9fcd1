#include "value_read.h"

#include <algorithm>
#include <map>
#include <string>

#include "stream_id.h"
#include "validate.h"

namespace swv {

YearTable year_table_of(const toml::node& node) {
  YearTable t;
  if (node.is_number()) return YearTable::fixed(number_of(node).value_or(0));
  if (const auto* tab = node.as_table())
    for (const auto& [k, v] : *tab) t.points.emplace_back(std::stoi(std::string(k.str())), number_of(v).value_or(0));
  std::sort(t.points.begin(), t.points.end());
  return t;
}

Value value_of(const MNode& node) {
  Value v;
  v.where = node.where();
  v.driver = stream_id(node.key);
  const toml::node& n = *node.node;
  const toml::table* t = n.as_table();
  if (!t || !t->contains("verdeling")) {
    v.p[0] = year_table_of(n);
    return v;
  }
  std::string name = (*t)["verdeling"].value<std::string>().value_or("vast");
  static const std::map<std::string, Dist> kinds = {
      {"vast", Dist::Fixed},       {"normaal", Dist::Normal},  {"lognormaal", Dist::LogNormal}, {"uniform", Dist::Uniform},
      {"driehoek", Dist::Triangle}, {"pert", Dist::Pert},      {"beta", Dist::Beta}};
  v.dist = kinds.at(name);
  v.per_year = (*t)["per_jaar"].value<bool>().value_or(false);
  auto params = dist_params(name);
  for (size_t i = 0; i < params.size(); ++i)
    if (const toml::node* p = t->get(params[i])) v.p[i] = year_table_of(*p);
  return v;
}

}  // namespace swv
