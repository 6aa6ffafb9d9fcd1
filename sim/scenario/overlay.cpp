#include "overlay.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace swv {

namespace {

bool bare(const std::string& k) {
  if (k.empty()) return false;
  for (unsigned char c : k)
    if (!(std::isalnum(c) && c < 0x80) && c != '_' && c != '-') return false;
  return true;
}

// A TOML basic string: quotes, backslashes and control characters escaped (\uXXXX).
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20 || c == 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string key_text(const std::string& k) { return bare(k) ? k : quoted(k); }

std::string number_text(double x) {
  if (!std::isfinite(x)) throw std::invalid_argument("een getal dat niet eindig is (nan of oneindig) kan geen scenariowaarde zijn");
  // The shortest text that reads back as the same double; in plain decimals where that is readable
  // (200000.0 and 0.000015, not 2e+05 and 1.5e-05).
  char buf[400];
  const double a = std::fabs(x);
  const auto res = a == 0 || (a >= 1e-7 && a < 1e16) ? std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed)
                                                      : std::to_chars(buf, buf + sizeof buf, x);
  std::string s(buf, res.ptr);
  // Keep the kind: a decimal that happens to be whole is still written as a decimal.
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

// One line: line breaks, tabs and other control characters become spaces (TOML comments hold none).
std::string comment_line(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
  return out;
}

std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  for (const auto& p : parts)
    if (p.empty()) throw std::invalid_argument("sleutel \"" + s + "\" heeft een leeg deel");
  return parts;
}

std::string dotted(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) s += (i == from ? "" : ".") + key_text(parts[i]);
  return s;
}

// Where a change goes: a block (a table header or one [[array]] entry by code) and the key in it.
struct Place {
  std::string block;  // "" = the top of the file; "[demografie]"; "[[risico]] R1"
  std::string header, code_line;  // the header line, and for an array entry its code line
  std::string key;    // written as key = value inside the block
};

Place place_of(const std::string& key) {
  Place p;
  const size_t open = key.find('[');
  if (open != std::string::npos) {
    const size_t close = key.rfind(']');
    if (open == 0 || close == std::string::npos || close < open || close + 1 >= key.size() || key[close + 1] != '.' ||
        !bare(key.substr(0, open)))
      throw std::invalid_argument("sleutel \"" + key + "\" is geen tabelsleutel en geen sleutel van de vorm lijst[code].sleutel");
    const std::string array = key.substr(0, open), code = key.substr(open + 1, close - open - 1);
    const auto rest = split_dots(key.substr(close + 2));
    p.block = "[[" + array + "]] " + code;
    p.header = "[[" + array + "]]";
    p.code_line = "code = " + quoted(code);
    p.key = dotted(rest, 0, rest.size());
    if (rest.front() == "code") throw std::invalid_argument("sleutel \"" + key + "\": de code van een " + array + " staat al in de sleutel");
    return p;
  }
  const auto parts = split_dots(key);
  if (parts.size() == 1 && (key == "schema" || key == "basis"))
    throw std::invalid_argument("sleutel \"" + key + "\" schrijft de variant zelf");
  p.key = key_text(parts.back());
  if (parts.size() > 1) {
    p.header = "[" + dotted(parts, 0, parts.size() - 1) + "]";
    p.block = p.header;
  }
  return p;
}

}  // namespace

std::vector<std::string> table_key_order(const toml::table& t) {
  static const char* first[] = {"verdeling", "gemiddelde", "sd", "min", "modus", "max", "per_jaar"};
  std::vector<std::string> keys;
  for (const char* k : first)
    if (t.contains(k)) keys.push_back(k);
  for (const auto& [k, child] : t)
    if (std::find(std::begin(first), std::end(first), k.str()) == std::end(first)) keys.emplace_back(k.str());
  return keys;
}

OverlayValue overlay_value_of(const toml::node& node) {
  if (auto v = node.as_integer()) return OverlayValue::of_integer(v->get());
  if (auto v = node.as_floating_point()) {
    const double x = v->get();
    // Never a scenario value (the loader refuses them); kept readable for a comment.
    if (!std::isfinite(x)) return OverlayValue::of_text(std::isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
    return OverlayValue::of_number(x);
  }
  if (auto v = node.as_string()) return OverlayValue::of_text(v->get());
  if (auto v = node.as_boolean()) return OverlayValue::of_bool(v->get());
  if (auto t = node.as_table()) {
    OverlayValue o;
    o.kind = OverlayValue::Kind::Table;
    for (const std::string& k : table_key_order(*t)) o.table.emplace_back(k, overlay_value_of(*t->get(k)));
    return o;
  }
  if (auto a = node.as_array()) {
    OverlayValue o;
    o.kind = OverlayValue::Kind::List;
    for (const auto& child : *a) o.list.push_back(overlay_value_of(child));
    return o;
  }
  std::ostringstream s;  // a date or time
  node.visit([&](const auto& n) { s << n; });
  return OverlayValue::of_text(s.str());
}

std::string toml_value_text(const OverlayValue& v) {
  using K = OverlayValue::Kind;
  switch (v.kind) {
    case K::Integer: return std::to_string(v.integer);
    case K::Number: return number_text(v.number);
    case K::Text: return quoted(v.text);
    case K::Bool: return v.boolean ? "true" : "false";
    case K::Table: {
      if (v.table.empty()) return "{}";
      std::string s = "{ ";
      for (size_t i = 0; i < v.table.size(); ++i) {
        for (size_t j = 0; j < i; ++j)
          if (v.table[j].first == v.table[i].first) throw std::invalid_argument("sleutel \"" + v.table[i].first + "\" staat twee keer in één tabel");
        s += (i ? ", " : "") + key_text(v.table[i].first) + " = " + toml_value_text(v.table[i].second);
      }
      return s + " }";
    }
    case K::List: {
      std::string s = "[";
      for (size_t i = 0; i < v.list.size(); ++i) s += (i ? ", " : "") + toml_value_text(v.list[i]);
      return s + "]";
    }
  }
  return {};
}

std::string overlay_text(const Overlay& o) {
  struct Block {
    std::string name, header, code_line;
    std::vector<std::string> keys;
    std::string body;
  };
  std::vector<Block> blocks{{"", "", "", {}, ""}};  // the top of the file first
  for (const OverlayChange& c : o.changes) {
    const Place p = place_of(c.key);
    Block* b = nullptr;
    for (auto& x : blocks)
      if (x.name == p.block) b = &x;
    if (!b) b = &blocks.emplace_back(Block{p.block, p.header, p.code_line, {}, ""});
    for (const auto& k : b->keys)
      if (k == p.key) throw std::invalid_argument("sleutel \"" + c.key + "\" staat twee keer in de wijzigingen");
    b->keys.push_back(p.key);
    if (!c.comment.empty()) b->body += "# " + comment_line(c.comment) + "\n";
    b->body += p.key + " = " + toml_value_text(c.value) + "\n";
  }
  std::string s;
  for (const auto& h : o.header) s += "# " + comment_line(h) + "\n";
  if (!o.header.empty()) s += "\n";
  s += "schema = \"swvsim/1\"\nbasis  = " + quoted(o.basis) + "\n";
  s += blocks.front().body;
  for (size_t i = 1; i < blocks.size(); ++i)
    s += "\n" + blocks[i].header + "\n" + (blocks[i].code_line.empty() ? "" : blocks[i].code_line + "\n") + blocks[i].body;
  return s;
}

}  // namespace swv
