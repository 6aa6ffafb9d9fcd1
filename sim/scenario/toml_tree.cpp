// The merged tree of a variant chain (toml_tree.h): numbers and positions of nodes, building the
// tree from a parsed file, merging a variant onto its base, and describing a found value.
#include "toml_tree.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "format_nl.h"

namespace swv {

std::optional<double> number_of(const toml::node& node) {
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) return f->get();
  return std::nullopt;
}

Where where_of(const toml::node& node, std::string key) {
  const auto& src = node.source();
  Where w;
  w.file = src.path ? *src.path : std::string();
  w.line = static_cast<int>(src.begin.line);
  w.column = static_cast<int>(src.begin.column);
  w.key = std::move(key);
  return w;
}

MNode::MNode() = default;
MNode::MNode(const MNode&) = default;
MNode::MNode(MNode&&) noexcept = default;
MNode& MNode::operator=(const MNode&) = default;
MNode& MNode::operator=(MNode&&) noexcept = default;
MNode::~MNode() = default;

const MNode* MNode::child(std::string_view name) const {
  for (const auto& [k, v] : children)
    if (k == name) return &v;
  return nullptr;
}

const MNode* MNode::find(std::string_view dotted) const {
  const MNode* cur = this;
  while (cur && !dotted.empty()) {
    size_t dot = dotted.find('.');
    cur = cur->child(dotted.substr(0, dot));
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return cur;
}

namespace {

std::string join(const std::string& parent, std::string_view name) {
  return parent.empty() ? std::string(name) : parent + "." + std::string(name);
}

std::string entry_label(const toml::table& t, size_t index) {
  if (auto c = t["code"].value<std::string>()) return *c;
  return "#" + std::to_string(index + 1);
}

MNode build(const toml::node& node, FileKind kind, const std::string& schema_path, const std::string& key) {
  MNode m;
  m.node = &node;
  m.key = key;
  const KeyInfo* info = schema_path.empty() ? nullptr : find_key(kind, schema_path);
  Form form = schema_path.empty() ? Form::Section : info ? info->form : Form::Text;
  if (form == Form::Section && node.is_table()) {
    m.kind = MNode::Kind::Table;
    for (const auto& [k, v] : *node.as_table()) {
      std::string name(k.str());
      m.children.emplace_back(name, build(v, kind, join(schema_path, name), join(key, name)));
    }
  } else if (form == Form::ArrayOfTables && node.is_array_of_tables()) {
    m.kind = MNode::Kind::Array;
    const auto& arr = *node.as_array();
    for (size_t i = 0; i < arr.size(); ++i) {
      const auto& t = *arr[i].as_table();
      std::string ekey = key + "[" + entry_label(t, i) + "]";
      MNode e;
      e.kind = MNode::Kind::Table;
      e.node = &arr[i];
      e.key = ekey;
      for (const auto& [k, v] : t) {
        std::string name(k.str());
        e.children.emplace_back(name, build(v, kind, schema_path + "[]." + name, ekey + "." + name));
      }
      m.items.push_back(std::move(e));
    }
  }
  return m;
}

std::string code_of(const MNode& entry) {
  const MNode* c = entry.child("code");
  if (!c || !c->node) return {};
  return c->node->value<std::string>().value_or("");
}

bool flag(const MNode& entry, std::string_view name) {
  const MNode* f = entry.child(name);
  return f && f->node && f->node->value<bool>().value_or(false);
}

void drop_child(MNode& t, std::string_view name) {
  std::erase_if(t.children, [&](const auto& kv) { return kv.first == name; });
}

void merge_table(MNode& base, const MNode& over, FileKind kind, const std::string& schema_path, Diagnostics& diags);

void merge_array(MNode& base, const MNode& over, FileKind kind, const std::string& schema_path, Diagnostics& diags) {
  // Entries are found by code through an index (a variant of a base with many entries stays linear);
  // removed entries are dropped at the end, so positions stay valid meanwhile.
  std::unordered_map<std::string, size_t> index;  // code -> first live entry with it
  for (size_t i = 0; i < base.items.size(); ++i)
    if (std::string c = code_of(base.items[i]); !c.empty()) index.emplace(std::move(c), i);
  std::vector<bool> removed(base.items.size(), false);
  for (const MNode& entry : over.items) {
    std::string code = code_of(entry);
    auto it = code.empty() ? index.end() : index.find(code);
    bool remove = flag(entry, "verwijder"), replace = flag(entry, "vervang");
    if (remove) {
      if (it == index.end()) {
        diags.error(entry.where(), "verwijder = true, maar de basis heeft geen " + schema_path + " met code " + quote(code));
      } else {
        removed[it->second] = true;
        index.erase(it);
      }
      continue;
    }
    MNode clean = entry;
    drop_child(clean, "vervang");
    if (it == index.end()) {
      if (replace)
        diags.error(entry.where(), "vervang = true, maar de basis heeft geen " + schema_path + " met code " + quote(code));
      if (!code.empty()) index.emplace(code, base.items.size());
      base.items.push_back(std::move(clean));
      removed.push_back(false);
    } else if (replace) {
      base.items[it->second] = std::move(clean);
    } else {
      merge_table(base.items[it->second], clean, kind, schema_path + "[]", diags);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < base.items.size(); ++i)
    if (!removed[i]) {
      if (kept != i) base.items[kept] = std::move(base.items[i]);  // never move onto itself
      ++kept;
    }
  base.items.resize(kept);
  base.node = over.node;
}

void merge_table(MNode& base, const MNode& over, FileKind kind, const std::string& schema_path, Diagnostics& diags) {
  for (const auto& [name, child] : over.children) {
    std::string cpath = schema_path.empty() ? name : schema_path + "." + name;
    MNode* target = nullptr;
    for (auto& [k, v] : base.children)
      if (k == name) target = &v;
    if (!target) {
      base.children.emplace_back(name, child);
      continue;
    }
    if (target->kind == MNode::Kind::Table && child.kind == MNode::Kind::Table)
      merge_table(*target, child, kind, cpath, diags);
    else if (target->kind == MNode::Kind::Array && child.kind == MNode::Kind::Array)
      merge_array(*target, child, kind, cpath, diags);
    else
      *target = child;  // values of section 1 and plain arrays replace as a whole
  }
  base.node = over.node;
}

bool same_node(const toml::node& a, const toml::node& b) {
  if (a.type() != b.type()) {
    // 2 and 2.0 are the same amount.
    if (a.is_number() && b.is_number()) return number_of(a) == number_of(b);
    return false;
  }
  switch (a.type()) {
    case toml::node_type::table: return *a.as_table() == *b.as_table();
    case toml::node_type::array: return *a.as_array() == *b.as_array();
    case toml::node_type::string: return a.value<std::string>() == b.value<std::string>();
    case toml::node_type::integer: return a.value<int64_t>() == b.value<int64_t>();
    case toml::node_type::floating_point: return number_of(a) == number_of(b);
    case toml::node_type::boolean: return a.value<bool>() == b.value<bool>();
    default: return false;
  }
}

}  // namespace

MNode tree_of(const toml::table& root, FileKind kind) { return build(root, kind, "", ""); }

void merge_into(MNode& base, const MNode& over, FileKind kind, Diagnostics& diags) {
  merge_table(base, over, kind, "", diags);
}

bool same_tree(const MNode& a, const MNode& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case MNode::Kind::Leaf: return a.node && b.node && same_node(*a.node, *b.node);
    case MNode::Kind::Table: {
      // The variant's pointer to its base (`basis`) is not a change.
      auto count = [](const MNode& t) {
        return std::count_if(t.children.begin(), t.children.end(), [](const auto& kv) { return kv.first != "basis"; });
      };
      if (count(a) != count(b)) return false;
      for (const auto& [k, v] : a.children) {
        if (k == "basis") continue;
        const MNode* o = b.child(k);
        if (!o || !same_tree(v, *o)) return false;
      }
      return true;
    }
    case MNode::Kind::Array: {
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!same_tree(a.items[i], b.items[i])) return false;
      return true;
    }
  }
  return false;
}

std::string found_text(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "tekst " + quote(node.value<std::string>().value_or(""));
    case toml::node_type::integer: return "getal " + std::to_string(node.value<int64_t>().value_or(0));
    case toml::node_type::floating_point: {
      double x = node.value<double>().value_or(0);
      // "2025.0" is a decimal number in TOML; say so, or "gevonden getal 2025" reads as correct.
      if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) return "kommagetal " + std::to_string(static_cast<int64_t>(x)) + ".0";
      return "getal " + num_exact(x);
    }
    case toml::node_type::boolean: return node.value<bool>().value_or(false) ? "true" : "false";
    case toml::node_type::table: return "een tabel";
    case toml::node_type::array: return "een lijst";
    case toml::node_type::date: return "een datum";
    case toml::node_type::time: return "een tijd";
    case toml::node_type::date_time: return "een datum-tijd";
    default: return "niets";
  }
}

}  // namespace swv
