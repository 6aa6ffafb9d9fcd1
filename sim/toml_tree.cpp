#include "toml_tree.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "format_nl.h"

namespace swv {

namespace fs = std::filesystem;

namespace {

// Returns the offset of the first invalid UTF-8 byte, or npos.
size_t invalid_utf8_at(const std::string& s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    i += len;
  }
  return std::string::npos;
}

void line_col_of(const std::string& s, size_t offset, int& line, int& col) {
  line = 1, col = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') ++line, col = 1;
    else ++col;
  }
}

constexpr std::uintmax_t kMaxFileBytes = 8u << 20;  // a scenario is a few kB; 8 MB is not a scenario

}  // namespace

ParsedFile parse_toml_file(const std::string& path, Diagnostics& diags) {
  ParsedFile out{path, nullptr};
  Where w{path, 0, 0, ""};
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diags.error(w, "bestand niet gevonden");
    return out;
  }
  if (fs::is_directory(status)) {
    diags.error(w, "dit is een map, geen bestand; geef een .toml-bestand op");
    return out;
  }
  if (!fs::is_regular_file(status)) {
    diags.error(w, "dit is geen gewoon bestand");
    return out;
  }
  if (fs::file_size(path, ec) > kMaxFileBytes) {
    diags.error(w, "bestand is groter dan 8 MB; dit is geen scenario");
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(w, "bestand kan niet worden gelezen (rechten?)");
    return out;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (in.bad()) {
    diags.error(w, "bestand kan niet worden gelezen");
    return out;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(w, "bestand is leeg");
    return out;
  }
  if (size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
    line_col_of(text, bad, w.line, w.column);
    diags.error(w, "bestand is geen geldige UTF-8-tekst (sla het op als UTF-8)");
    return out;
  }
  try {
    out.root = std::make_shared<toml::table>(toml::parse(text, path));
  } catch (const toml::parse_error& e) {
    w.line = static_cast<int>(e.source().begin.line);
    w.column = static_cast<int>(e.source().begin.column);
    diags.error(w, "geen geldige TOML: " + std::string(e.description()));
  }
  return out;
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
  for (const MNode& entry : over.items) {
    std::string code = code_of(entry);
    auto it = std::find_if(base.items.begin(), base.items.end(),
                           [&](const MNode& b) { return !code.empty() && code_of(b) == code; });
    bool remove = flag(entry, "verwijder"), replace = flag(entry, "vervang");
    if (remove) {
      if (it == base.items.end())
        diags.error(entry.where(), "verwijder = true, maar de basis heeft geen " + schema_path + " met code \"" + code + "\"");
      else
        base.items.erase(it);
      continue;
    }
    MNode clean = entry;
    drop_child(clean, "vervang");
    if (it == base.items.end()) {
      if (replace)
        diags.error(entry.where(), "vervang = true, maar de basis heeft geen " + schema_path + " met code \"" + code + "\"");
      base.items.push_back(std::move(clean));
    } else if (replace) {
      *it = std::move(clean);
    } else {
      merge_table(*it, clean, kind, schema_path + "[]", diags);
    }
  }
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
    if (a.is_number() && b.is_number()) return a.value<double>() == b.value<double>();
    return false;
  }
  switch (a.type()) {
    case toml::node_type::table: return *a.as_table() == *b.as_table();
    case toml::node_type::array: return *a.as_array() == *b.as_array();
    case toml::node_type::string: return a.value<std::string>() == b.value<std::string>();
    case toml::node_type::integer: return a.value<int64_t>() == b.value<int64_t>();
    case toml::node_type::floating_point: return a.value<double>() == b.value<double>();
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
    case toml::node_type::string: return "tekst \"" + node.value<std::string>().value_or("") + "\"";
    case toml::node_type::integer: return "getal " + std::to_string(node.value<int64_t>().value_or(0));
    case toml::node_type::floating_point: {
      double x = node.value<double>().value_or(0);
      // "2025.0" is a decimal number in TOML; say so, or "gevonden getal 2025" reads as correct.
      if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) return "kommagetal " + num_plain(x) + ".0";
      return "getal " + num_plain(x);
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
