#include "scenario_diff.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "validate.h"
#include "value_read.h"

namespace swv {

namespace {

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

ChangeValue value_in(const Value& v, int year) {
  ChangeValue c;
  c.kind = ChangeValue::Kind::Value;
  c.dist = v.dist;
  c.per_year = v.dist != Dist::Fixed && v.per_year;
  const size_t n = v.dist == Dist::Fixed ? 1 : dist_params(dist_name(v.dist)).size();
  for (size_t i = 0; i < n && i < v.p.size(); ++i) c.params[i] = v.p[i].at(year);
  return c;
}

ChangeValue literal_of(const toml::node& n) {
  ChangeValue c;
  c.kind = ChangeValue::Kind::Literal;
  if (auto s = n.value<std::string>()) {
    c.literal = *s;
    c.is_text = true;
  } else if (auto b = n.value<bool>()) {
    c.literal = *b ? "true" : "false";
  } else {
    std::ostringstream o;
    n.visit([&](const auto& x) { o << x; });  // lists and the rest as TOML
    c.literal = o.str();
  }
  return c;
}

ChangeValue entry(bool present) {
  ChangeValue c;
  c.kind = ChangeValue::Kind::Item;
  c.present = present;
  return c;
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
      // A beleidsfactor holds 1.0 before its first given year (as the builder reads it), not its first value.
      const bool factor = key.rfind("stromen.beleid.", 0) == 0 && key.size() > 7 && key.compare(key.size() - 7, 7, "_factor") == 0;
      auto read = [&](const MNode& n) {
        Value x = value_of(n);
        if (factor) x.p[0].before_first = 1.0;
        return x;
      };
      const Value vb = b && b->node ? read(*b) : Value{}, vv = v && v->node ? read(*v) : Value{};
      for (int y = first; y <= last; ++y) {
        ChangeValue tb = b && b->node ? value_in(vb, y) : ChangeValue{}, tv = v && v->node ? value_in(vv, y) : ChangeValue{};
        if (!(tb == tv)) c.years.push_back({y, tb, tv});
      }
    } else {
      ChangeValue tb = b && b->node ? literal_of(*b->node) : ChangeValue{}, tv = v && v->node ? literal_of(*v->node) : ChangeValue{};
      if (!(tb == tv)) c.years.push_back({0, tb, tv});
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
      if (!match) out.push_back({k, item.where(), {{0, entry(false), entry(true)}}});
      node(match, &item, k);
    }
    for (const MNode& item : bi)
      if (!variant_by_code.count(code_of(item)))
        out.push_back({key + "[" + code_of(item) + "]", item.where(), {{0, entry(true), entry(false)}}});
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

bool nearly_same(const ChangeValue& a, const ChangeValue& b) {
  if (a.kind != b.kind || a.dist != b.dist || a.per_year != b.per_year || a.literal != b.literal || a.is_text != b.is_text ||
      a.present != b.present)
    return false;
  for (size_t i = 0; i < a.params.size(); ++i)
    if (std::fabs(a.params[i] - b.params[i]) > 1e-9 * std::max(std::fabs(a.params[i]), std::fabs(b.params[i]))) return false;
  return true;
}

std::vector<ChangeSpan> change_spans(const Change& c) {
  std::vector<ChangeSpan> out;
  for (const ChangeYear& y : c.years) {
    ChangeSpan* last = out.empty() ? nullptr : &out.back();
    if (last && y.year != 0 && last->last != 0 && y.year == last->last + 1 && nearly_same(last->base, y.base) &&
        nearly_same(last->variant, y.variant))
      last->last = y.year;
    else
      out.push_back({y.year, y.year, y.base, y.variant});
  }
  return out;
}

std::vector<Change> scenario_changes(const MNode& base, const MNode& variant, int first, int last) {
  Walker w{first, last, {}};
  w.node(&base, &variant, "");
  return w.out;
}

namespace {

// The mean funding index of a year (the model's mean_index_rate for bekostiging).
double mean_funding_rate(const Scenario& sc, int year) {
  if (sc.index.funding_given) return sc.index.funding.mean(year);
  return sc.rules.wage_share * sc.index.wage.mean(year) + (1 - sc.rules.wage_share) * sc.index.price.mean(year);
}

// The amount of a rules table in `year` as the plan uses it, carried with the mean funding index of `sc`.
double plan_amount(const Scenario& sc, const YearTable& t, int year) {
  if (!t.is_table() || year <= t.last_year()) return t.at(year);
  double a = t.at(t.last_year());
  for (int k = t.last_year() + 1; k <= year; ++k) a *= 1 + mean_funding_rate(sc, k);
  return a;
}

ChangeValue number_value(double x) {
  ChangeValue c;
  c.kind = ChangeValue::Kind::Value;
  c.params[0] = x;
  return c;
}

}  // namespace

std::vector<Change> rules_changes(const Scenario& base, const Scenario& variant, int first, int last) {
  // Every amount of a year's rules, by key: the value as the plan uses it, or nothing when absent.
  using Amounts = std::vector<std::pair<std::string, std::optional<double>>>;
  // Both sides are carried with the variant's index: a different index alone is indexatie.*, not a
  // difference of the rules.
  const Scenario& sc = variant;
  auto amounts = [&](const Scenario& side, int y) {
    const Rules& r = side.rules_for(y);
    Amounts out;
    for (const auto& c : r.support) {
      out.push_back({"ondersteuning." + c.name + ".normbedrag", plan_amount(sc, c.amount, y)});
      out.push_back({"ondersteuning." + c.name + ".factor", c.factor});
    }
    const char* cats[] = {"laag", "midden", "hoog"};
    for (int c = 0; c < 3; ++c)
      out.push_back({std::string("afdracht.so.") + cats[c], r.has_deduct_so ? std::optional(plan_amount(sc, r.deduct_so[c], y)) : std::nullopt});
    out.push_back({"afdracht.sbo.bedrag", r.has_deduct_sbo ? std::optional(plan_amount(sc, r.deduct_sbo, y)) : std::nullopt});
    out.push_back({"afdracht.sbo.drempel", r.has_deduct_sbo ? std::optional(r.sbo_threshold) : std::nullopt});
    out.push_back({"afdracht.lwoo_pro.bedrag", r.has_deduct_lwoo_pro ? std::optional(plan_amount(sc, r.deduct_lwoo_pro, y)) : std::nullopt});
    out.push_back({"indexatie.loon_aandeel", r.wage_share});
    return out;
  };
  std::vector<Change> out;
  auto change_of = [&](const std::string& key) -> Change& {
    for (Change& c : out)
      if (c.key == key) return c;
    out.push_back({key, {variant.rules.file, 0, 0, key}, {}});
    return out.back();
  };
  for (int y = first; y <= last; ++y) {
    const Amounts b = amounts(base, y), v = amounts(variant, y);
    std::vector<std::string> keys;
    for (const auto& [k, x] : v) keys.push_back(k);
    for (const auto& [k, x] : b)
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    for (const std::string& k : keys) {
      auto find = [&](const Amounts& a) -> std::optional<double> {
        for (const auto& [key, x] : a)
          if (key == k) return x;
        return std::nullopt;
      };
      const std::optional<double> xb = find(b), xv = find(v);
      const ChangeValue cb = xb ? number_value(*xb) : ChangeValue{}, cv = xv ? number_value(*xv) : ChangeValue{};
      if (!nearly_same(cb, cv)) change_of(k).years.push_back({y, cb, cv});
    }
  }
  return out;
}

}  // namespace swv
