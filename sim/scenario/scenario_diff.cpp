#include "scenario_diff.h"

#include <sstream>
#include <unordered_map>

#include "format_nl.h"
#include "loader.h"
#include "validate.h"

namespace swv {

namespace {

constexpr const char* kAbsent = "niet opgegeven (standaard)";

bool is_value_table(const toml::table& t) {
  if (t.contains("verdeling")) return true;
  if (t.empty()) return false;
  for (const auto& [k, v] : t) {
    const auto s = k.str();
    if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  }
  return true;
}

// A number, year table or distribution: described per year.
bool is_value(const toml::node& n) {
  if (n.is_number()) return true;
  const toml::table* t = n.as_table();
  return t && is_value_table(*t);
}

std::string describe(const Value& v, int year) {
  if (v.dist == Dist::Fixed) return num_short(v.p[0].at(year));
  std::string s = std::string(dist_name(v.dist)) + "(";
  const auto names = dist_params(dist_name(v.dist));
  for (size_t i = 0; i < names.size() && i < v.p.size(); ++i)
    s += (i ? "; " : "") + names[i] + " " + num_short(v.p[i].at(year));
  return s + (v.per_year ? "; per jaar)" : ")");
}

std::string describe_plain(const toml::node& n) {
  if (auto s = n.value<std::string>()) return "\"" + *s + "\"";
  if (auto b = n.value<bool>()) return *b ? "true" : "false";
  std::ostringstream o;
  n.visit([&](const auto& x) { o << x; });  // lists and the rest as TOML
  return o.str();
}

struct Walker {
  int first, last;
  std::vector<Change> out;

  void leaf(const MNode* b, const MNode* v, const std::string& key) {
    if (b && v && same_tree(*b, *v)) return;  // the common case: nothing to describe
    const MNode& any = v ? *v : *b;
    Change c{key, any.where(), {}};
    const bool value_like = (!b || !b->node || is_value(*b->node)) && (!v || !v->node || is_value(*v->node));
    if (value_like) {
      const Value vb = b && b->node ? value_of(*b) : Value{}, vv = v && v->node ? value_of(*v) : Value{};
      for (int y = first; y <= last; ++y) {
        std::string tb = b && b->node ? describe(vb, y) : kAbsent, tv = v && v->node ? describe(vv, y) : kAbsent;
        if (tb != tv) c.years.push_back({y, tb, tv});
      }
    } else {
      std::string tb = b && b->node ? describe_plain(*b->node) : kAbsent, tv = v && v->node ? describe_plain(*v->node) : kAbsent;
      if (tb != tv) c.years.push_back({0, tb, tv});
    }
    if (!c.years.empty()) out.push_back(std::move(c));
  }

  static std::string code_of(const MNode& item) {
    const MNode* c = item.child("code");
    return c && c->node ? c->node->value<std::string>().value_or("") : "";
  }

  // [[post]] and [[risico]] items are matched by code (an index: scenarios may hold many posts).
  void array(const MNode* b, const MNode* v, const std::string& key) {
    static const std::vector<MNode> kNone;
    const auto& bi = b ? b->items : kNone;
    const auto& vi = v ? v->items : kNone;
    std::unordered_map<std::string, const MNode*> base_by_code, variant_by_code;
    for (const MNode& o : bi) base_by_code.emplace(code_of(o), &o);
    for (const MNode& o : vi) variant_by_code.emplace(code_of(o), &o);
    for (const MNode& item : vi) {
      const auto it = base_by_code.find(code_of(item));
      const MNode* match = it == base_by_code.end() ? nullptr : it->second;
      const std::string k = key + "[" + code_of(item) + "]";
      if (!match) out.push_back({k, item.where(), {{0, "geen", "toegevoegd"}}});
      node(match, &item, k);
    }
    for (const MNode& item : bi)
      if (!variant_by_code.count(code_of(item)))
        out.push_back({key + "[" + code_of(item) + "]", item.where(), {{0, "aanwezig", "verwijderd"}}});
  }

  // Table nodes recurse; a node present on one side only is compared with "niet opgegeven".
  void node(const MNode* b, const MNode* v, const std::string& key) {
    const MNode& any = v ? *v : *b;
    if (b && v && b->kind != v->kind) return leaf(b, v, key);
    switch (any.kind) {
      case MNode::Kind::Leaf: return leaf(b, v, key);
      case MNode::Kind::Array: return array(b, v, key);
      case MNode::Kind::Table: {
        auto sub = [&](const std::string& k) { return key.empty() ? k : key + "." + k; };
        auto skip = [&](const std::string& k) { return k == "basis" && key.empty(); };
        if (v)
          for (const auto& [k, child] : v->children)
            if (!skip(k) && !(k == "code" && key.back() == ']')) node(b ? b->child(k) : nullptr, &child, sub(k));
        if (b)
          for (const auto& [k, child] : b->children)
            if (!skip(k) && !(v && v->child(k)) && !(k == "code" && key.back() == ']')) node(&child, nullptr, sub(k));
        return;
      }
    }
  }
};

}  // namespace

std::vector<Change> scenario_changes(const MNode& base, const MNode& variant, int first, int last) {
  Walker w{first, last, {}};
  w.node(&base, &variant, "");
  return w.out;
}

}  // namespace swv
