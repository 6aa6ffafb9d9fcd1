#include "toml_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_map>

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

constexpr size_t kMaxFileBytes = 8u << 20;  // a scenario is a few kB; 8 MB is not a scenario

}  // namespace

namespace {

// Reads at most max_bytes + 1 bytes of a regular file. Opened non-blocking and checked with fstat
// on the open descriptor: a path that became a FIFO or device, or a /proc file that never ends,
// cannot hang or exhaust the loader. Returns "" on success, else the Dutch reason.
std::string read_bounded(const std::string& path, size_t max_bytes, std::string& text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return errno == EACCES || errno == EPERM ? "bestand kan niet worden gelezen (geen leesrechten; controleer de rechten)"
                                             : std::string("bestand kan niet worden gelezen (") + std::strerror(errno) + ")";
  }
  struct stat st {};
  std::string why;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) why = "dit is geen gewoon bestand";
  char buf[1 << 16];
  while (why.empty() && text.size() <= max_bytes) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      why = errno == EISDIR ? "dit is een map, geen bestand; geef een .toml-bestand op"
                            : std::string("bestand kan niet worden gelezen (") + std::strerror(errno) + ")";
      break;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return why;
}

}  // namespace

ParsedFile parse_toml_file(const std::string& path, Diagnostics& diags, const std::string& named_at) {
  ParsedFile out{path, nullptr};
  Where w{path, 0, 0, ""};
  // Where the file was named (basis, regels), for the errors about the file as a whole.
  const std::string named = named_at.empty() ? "" : " (genoemd bij " + named_at + ")";
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diags.error(w, "bestand niet gevonden" + named);
    return out;
  }
  if (fs::is_directory(status)) {
    diags.error(w, "dit is een map, geen bestand; geef een .toml-bestand op" + named);
    return out;
  }
  if (!fs::is_regular_file(status)) {
    diags.error(w, "dit is geen gewoon bestand" + named);
    return out;
  }
  std::string text;
  if (std::string why = read_bounded(path, kMaxFileBytes, text); !why.empty()) {
    diags.error(w, why + named);
    return out;
  }
  if (text.size() > kMaxFileBytes) {
    diags.error(w, "bestand is groter dan 8 MB; dit is geen scenario" + named);
    return out;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(w, "bestand is leeg" + named);
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
    diags.error(w, "geen geldige TOML: " + toml_error_text(e.description()));
  }
  return out;
}

std::string toml_error_text(std::string_view d) {
  auto has = [&](std::string_view part) { return d.find(part) != std::string_view::npos; };
  if (has("cannot redefine existing")) {
    size_t q = d.find('\''), e = d.rfind('\'');
    std::string name = q < e ? " " + shorten(d.substr(q, e - q + 1), kQuoteMax) : "";
    return "sleutel" + name + " is al eerder gegeven; een sleutel of tabel mag maar één keer voorkomen";
  }
  if (has("control characters"))
    return "tekst niet afgesloten op dezelfde regel (sluit af met een aanhalingsteken; voor meerdere regels \"\"\"...\"\"\") "
           "of met een stuurteken erin";
  if (has("key-value pair: expected '='")) return "verwacht '=' na de sleutel (sleutel = waarde)";
  if (has("expected value")) return "verwacht een waarde na '='";
  if (has("parsing boolean") || has("parsing value"))
    return "waarde niet herkend: tekst staat tussen aanhalingstekens (\"...\"), true en false in kleine letters";
  if (has("expected a comment or whitespace")) return "na de waarde mag op deze regel alleen nog commentaar staan (# ...)";
  if (has("table header: expected ']'")) return "tabelkop niet afgesloten met ] (schrijf [naam] of [[naam]])";
  if (has("dangling comma")) return "komma vóór } is in een inline tabel niet toegestaan";
  if (has("inline table: expected key or closing")) return "een inline tabel { ... } staat op één regel en sluit met }";
  if (has("end-of-file")) return "het bestand houdt midden in een waarde op (ontbreekt een ], } of aanhalingsteken?)";
  if (has("not representable in 64 bits")) return "geheel getal is te groot (past niet in 64 bits)";
  if (has("leading zeroes")) return "een getal begint niet met een 0 (schrijf 7, niet 07)";
  if (has("underscores may only follow digits")) return "een _ in een getal staat alleen tussen cijfers (1_000_000)";
  if (has("unknown escape sequence"))
    return "onbekende \\-code in tekst; schrijf \\\\ voor een backslash of gebruik '...' (letterlijke tekst)";
  if (has("expected decimal digit")) return "onvolledig getal (schrijf bijv. 0.5, 3.0 of 1e3)";
  if (has("expected keys, tables, whitespace or comments")) return "hier hoort een sleutel, een tabelkop [...] of commentaar (#)";
  return std::string(d);
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
    case toml::node_type::string: return "tekst " + quote(node.value<std::string>().value_or(""));
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
