#include "validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <string>

#include "format_nl.h"
#include "toml_tree.h"

namespace swv {

std::vector<std::string> dist_params(std::string_view v) {
  if (v == "normaal" || v == "lognormaal" || v == "beta") return {"gemiddelde", "sd"};
  if (v == "uniform") return {"min", "max"};
  if (v == "driehoek" || v == "pert") return {"min", "modus", "max"};
  if (v == "vast") return {"waarde"};
  return {};
}

std::vector<std::string> dist_names() {
  return {"normaal", "lognormaal", "uniform", "driehoek", "pert", "beta", "vast"};
}

namespace {

struct Ctx {
  FileKind kind;
  std::optional<Sector> sector;
  bool is_variant;
  Diagnostics& diags;
};

std::string join(const std::string& a, std::string_view b) {
  return a.empty() ? std::string(b) : a + "." + std::string(b);
}

bool is_year_key(std::string_view k) {
  return k.size() == 4 && std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The number as the user wrote it: integers exactly (a double cannot hold every int64), decimals
// by their shortest exact text, so "gevonden ..." never shows a rounded value.
std::string written(double x, const toml::node* n) {
  if (n && n->is_integer()) return std::to_string(n->as_integer()->get());
  return num_exact(x);
}

// Large numbers with thousands separators ("10.000.000.000.001").
std::string written_large(double x, const toml::node* n) {
  if (n && n->is_integer()) return int_nl(n->as_integer()->get());
  if (x == std::floor(x) && std::fabs(x) < 1e18) return int_nl(static_cast<int64_t>(x));
  return num_exact(x);
}

// A number written as text where a number belongs ("85%", "3,5%", "18950"): how to write it, or "".
// A percentage is a fraction in swvsim files (0.85), and a number in quotes is text in TOML.
std::string number_text_hint(const toml::node& n) {
  const auto s = n.value<std::string>();
  if (!s) return {};
  static const std::regex percent(R"(\s*([0-9]+)(?:[.,]([0-9]+))?\s*%\s*)"), plain(R"(\s*-?[0-9][0-9_]*(\.[0-9]+)?\s*)");
  std::smatch m;
  if (std::regex_match(*s, m, percent)) {
    const double x = std::stod(m[1].str() + (m[2].matched ? "." + m[2].str() : "")) / 100;
    return "; schrijf " + num_exact(x) + " (een percentage schrijf je als fractie: " + m[1].str() + (m[2].matched ? "," + m[2].str() : "") +
           "% = " + num_exact(x) + ", zonder aanhalingstekens)";
  }
  if (std::regex_match(*s, m, plain)) return "; schrijf het getal zonder aanhalingstekens";
  return {};
}

// Range check of one number (`n` its node, for exact echoing); returns false (and reports) when out of range.
bool check_number(double x, Range r, const Where& w, Diagnostics& diags, const toml::node* n = nullptr) {
  if (!std::isfinite(x)) {
    diags.error(w, "verwacht een eindig getal, gevonden " + num_exact(x));
    return false;
  }
  if (std::fabs(x) > kMaxMagnitude) {
    diags.error(w, "getal " + written_large(x, n) + " is onredelijk groot (ten hoogste " +
                       int_nl(static_cast<int64_t>(kMaxMagnitude)) + ")");
    return false;
  }
  // Tiny numbers are typos (1e-200 for 1e-2) and make derived quantities overflow (a beta's shape
  // parameters go as 1/sd²): 0 itself is fine.
  if (x != 0 && std::fabs(x) < kMinMagnitude) {
    diags.error(w, "getal " + written(x, n) + " is onredelijk klein (niet 0, maar dichter bij 0 dan 1e-9); schrijf 0 of een grotere waarde");
    return false;
  }
  bool ok = true;
  switch (r) {
    case Range::Any: break;
    case Range::NonNegative: ok = x >= 0; break;
    case Range::Rate: ok = x >= 0 && x <= 1; break;
    case Range::RateBelowOne: ok = x >= 0 && x < 1; break;
    case Range::Count: ok = x >= 0 && x == std::floor(x); break;
    case Range::Year: ok = x >= kMinYear && x <= kMaxYear && x == std::floor(x); break;
    case Range::Positive: ok = x >= 1; break;
    case Range::IndexRate: ok = x > -1 && x <= 1; break;
  }
  if (!ok && r == Range::Year)
    diags.error(w, "moet een jaartal van " + std::to_string(kMinYear) + " tot en met " + std::to_string(kMaxYear) + " zijn, gevonden " +
                       written(x, n));
  else if (!ok)
    diags.error(w, "moet " + std::string(range_text(r)) + " zijn, gevonden " + written(x, n));
  return ok;
}

// A number node's value; every number node has one (number_of reads big integers too).
bool check_number_node(const toml::node& v, Range r, const Where& w, Diagnostics& diags) {
  return check_number(number_of(v).value_or(0), r, w, diags, &v);
}

void check_year_table(const toml::table& t, Range r, const std::string& key, Ctx& c) {
  if (t.empty()) {
    c.diags.error(where_of(t, key), "lege jaartabel; geef ten minste één jaar, bijv. { 2025 = 0.01 }");
    return;
  }
  for (const auto& [k, v] : t) {
    std::string name(k.str());
    std::string ykey = key + "." + name;
    if (!is_year_key(name)) {
      c.diags.error(where_of(v, ykey), "sleutel " + quote(name) + " van een jaartabel moet een jaartal van 4 cijfers zijn");
      continue;
    }
    int year = std::stoi(name);
    if (year < kMinYear || year > kMaxYear) {
      c.diags.error(where_of(v, ykey), "jaartal " + name + " ligt buiten " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear));
      continue;
    }
    if (!v.is_number()) {
      c.diags.error(where_of(v, ykey), "verwacht een getal, gevonden " + found_text(v) + number_text_hint(v));
      continue;
    }
    check_number_node(v, r, where_of(v, ykey), c.diags);
  }
}

// Number or per-year table. `allow_dist` adds distributions (form Value).
void check_quantity(const toml::node& n, Range r, bool allow_dist, const std::string& key, Ctx& c);

// The parameters of a distribution table {verdeling = "...", ...} at `key` (n is the table's node).
void check_distribution(const toml::node& n, const toml::table& t, const std::string& key, Ctx& c) {
  const toml::node& vn = *t.get("verdeling");
  auto name = vn.value<std::string>();
  if (!name) {
    c.diags.error(where_of(vn, key + ".verdeling"), "verwacht de naam van een verdeling (tekst), gevonden " + found_text(vn));
    return;
  }
  auto params = dist_params(*name);
  if (params.empty()) {
    c.diags.error(where_of(vn, key + ".verdeling"),
                  "onbekende verdeling " + quote(*name) + did_you_mean(*name, dist_names()) +
                      "; kies uit normaal, lognormaal, uniform, driehoek, pert, beta, vast");
    return;
  }
  std::vector<std::string> allowed = params;
  allowed.push_back("verdeling");
  allowed.push_back("per_jaar");
  for (const auto& [k, v] : t) {
    std::string pname(k.str());
    std::string pkey = key + "." + pname;
    if (std::find(allowed.begin(), allowed.end(), pname) == allowed.end()) {
      c.diags.error(where_of(v, pkey), "onbekende parameter " + quote(pname) + " voor verdeling \"" + *name + "\"" +
                                           did_you_mean(pname, allowed) + "; verwacht: " + [&] {
                                             std::string s;
                                             for (const auto& p : params) s += (s.empty() ? "" : ", ") + p;
                                             return s;
                                           }());
      continue;
    }
    if (pname == "verdeling") continue;
    if (pname == "per_jaar") {
      if (!v.is_boolean()) c.diags.error(where_of(v, pkey), "verwacht true of false, gevonden " + found_text(v));
      continue;
    }
    if (v.is_table() && v.as_table()->contains("verdeling")) {
      c.diags.error(where_of(v, pkey), "een parameter van een verdeling is een getal of jaartabel, geen verdeling");
      continue;
    }
    // Ranges of parameters are checked per year after merging (they depend on each other).
    check_quantity(v, Range::Any, false, pkey, c);
  }
  for (const auto& p : params)
    if (!t.contains(p))
      c.diags.error(where_of(n, key), "verdeling \"" + *name + "\" mist de parameter \"" + p + "\"");
}

void check_quantity(const toml::node& n, Range r, bool allow_dist, const std::string& key, Ctx& c) {
  if (n.is_number()) {
    check_number_node(n, r, where_of(n, key), c.diags);
    return;
  }
  const char* expected = allow_dist ? "verwacht een getal, een jaartabel of een verdeling" : "verwacht een getal of een jaartabel";
  if (!n.is_table()) {
    c.diags.error(where_of(n, key), std::string(expected) + ", gevonden " + found_text(n) + number_text_hint(n));
    return;
  }
  const auto& t = *n.as_table();
  bool has_verdeling = t.contains("verdeling");
  bool all_years = !t.empty() && std::all_of(t.begin(), t.end(), [](const auto& kv) { return is_year_key(kv.first.str()); });
  if (!has_verdeling) {
    if (all_years || t.empty()) return check_year_table(t, r, key, c);
    bool looks_like_dist = t.contains("gemiddelde") || t.contains("min") || t.contains("sd") || t.contains("waarde");
    c.diags.error(where_of(n, key), std::string(expected) +
                                        (looks_like_dist && allow_dist ? "; een verdeling heeft de sleutel \"verdeling\" (bijv. verdeling = \"normaal\")"
                                                                       : "; een jaartabel heeft jaartallen als sleutels"));
    return;
  }
  if (!allow_dist) {
    c.diags.error(where_of(n, key), c.kind == FileKind::Rules
                                        ? "hier is geen verdeling toegestaan, alleen een getal of jaartabel (onzekerheid hoort in het scenario)"
                                        : "hier is geen verdeling toegestaan, alleen een getal of jaartabel (onzekere werking van beleid "
                                          "geef je met stromen.beleid.effectiviteit)");
    return;
  }
  check_distribution(n, t, key, c);
}

// Text: a non-empty string without forbidden characters, at most kMaxTextLength characters.
void check_text(const toml::node& n, const std::string& spath, const Where& w, Ctx& c) {
  if (!n.is_string()) {
    c.diags.error(w, "verwacht tekst tussen aanhalingstekens, gevonden " + found_text(n));
  } else if (n.as_string()->get().find_first_not_of(" \t") == std::string::npos) {
    c.diags.error(w, "lege tekst; geef een waarde of laat de sleutel weg");
  } else if (long bad = first_forbidden_char(n.as_string()->get(), spath == "swv.omschrijving"); bad >= 0) {
    // Names end up in terminals, files and reports, where such a character can do harm: C0
    // controls only arrive through TOML escapes or multi-line strings, the others (C1,
    // direction overrides, noncharacters) also typed or pasted.
    const auto cp = static_cast<char32_t>(bad);
    if (cp < 0x20 || cp == 0x7F)
      c.diags.error(w, "tekst bevat " + forbidden_char_text(cp) +
                           "; een \\ tussen \"...\" begint een code (\\n, \\r, \\t, \\u...): schrijf / in paden, \\\\ voor een "
                           "backslash, of gebruik '...'");
    else
      c.diags.error(w, "tekst bevat " + forbidden_char_text(cp) +
                           "; zulke tekens zijn niet toegestaan in namen en teksten (ze verstoren terminal, rapport en werkmap): verwijder het");
  } else {
    const std::string& s = n.as_string()->get();
    size_t chars = std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; });
    if (chars > kMaxTextLength)
      c.diags.error(w, "tekst is te lang (" + std::to_string(chars) + " tekens; ten hoogste " + std::to_string(kMaxTextLength) + ")");
  }
}

// Enum: one of the key's choices, and one of this sector's.
void check_choice(const toml::node& n, const KeyInfo& info, const Where& w, Ctx& c) {
  auto choices = parse_choices(info.choices);
  std::vector<std::string> names;
  for (const auto& ch : choices) names.push_back(ch.name);
  std::string all;
  for (const auto& nm : names) all += (all.empty() ? "\"" : ", \"") + nm + "\"";
  auto s = n.value<std::string>();
  if (!s) {
    c.diags.error(w, "verwacht een van " + all + ", gevonden " + found_text(n));
    return;
  }
  auto it = std::find_if(choices.begin(), choices.end(), [&](const Choice& ch) { return ch.name == *s; });
  if (it == choices.end()) {
    c.diags.error(w, "onbekende waarde " + quote(*s) + suggest(*s, names) + "; kies uit " + all);
  } else if (c.sector && !sector_allows(it->sector, *c.sector)) {
    c.diags.error(w, "\"" + *s + "\" hoort bij sector " + sector_text(it->sector) + ", dit is een " +
                         sector_name(*c.sector) + "-scenario");
  }
}

// YearList: a non-empty list of years.
void check_year_list(const toml::node& n, const std::string& key, const Where& w, Ctx& c) {
  if (!n.is_array()) {
    c.diags.error(w, "verwacht een lijst van jaren, bijv. [2025, 2026], gevonden " + found_text(n));
    return;
  }
  if (n.as_array()->empty()) c.diags.error(w, "lege lijst van jaren; laat de sleutel weg voor alle jaren");
  for (const auto& e : *n.as_array()) {
    if (!e.is_integer()) c.diags.error(where_of(e, key), "verwacht een jaartal, gevonden " + found_text(e));
    else check_number_node(e, Range::Year, where_of(e, key), c.diags);
  }
}

// Matrix: a list of lists of correlations in [-1, 1] (its shape is checked when building).
void check_matrix(const toml::node& n, const std::string& key, const Where& w, Ctx& c) {
  bool ok = n.is_array();
  if (ok)
    for (const auto& row : *n.as_array()) {
      if (!row.is_array()) { ok = false; break; }
      for (const auto& x : *row.as_array()) {
        if (!x.is_number()) { ok = false; break; }
        double v = number_of(x).value_or(0);
        if (!std::isfinite(v) || v < -1 || v > 1) {
          c.diags.error(where_of(x, key), "een correlatie ligt tussen −1 en 1, gevonden " + written(v, &x));
        }
      }
    }
  if (!ok) c.diags.error(w, "verwacht een matrix als [[1.0, 0.5], [0.5, 1.0]], gevonden " + found_text(n));
}

void check_table(const toml::table& t, const std::string& spath, const std::string& kpath, Ctx& c);

// ArrayOfTables ([[post]], [[risico]]): each entry has a code and its own keys; vervang and
// verwijder only in a variant, never both.
void check_entries(const toml::node& n, const KeyInfo& info, const std::string& spath, const std::string& key, const Where& w,
                   Ctx& c) {
  if (!n.is_array_of_tables()) {
    c.diags.error(w, "verwacht een lijst van tabellen, geschreven als [[" + std::string(info.path) + "]], gevonden " + found_text(n));
    return;
  }
  const auto& arr = *n.as_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    const auto& e = *arr[i].as_table();
    auto code = e["code"].value<std::string>();
    std::string ekey = key + "[" + (code ? *code : "#" + std::to_string(i + 1)) + "]";
    if (!e.contains("code"))
      c.diags.error(where_of(arr[i], ekey), "elke " + std::string(info.path) + " heeft een code nodig (\"code = ...\")");
    check_table(e, spath + "[]", ekey, c);
    bool remove = e["verwijder"].value<bool>().value_or(false), replace = e["vervang"].value<bool>().value_or(false);
    if ((remove || replace) && !c.is_variant)
      c.diags.error(where_of(arr[i], ekey), std::string(remove ? "verwijder" : "vervang") +
                                                " = true kan alleen in een variant (een bestand met basis = ...)");
    if (remove && replace) c.diags.error(where_of(arr[i], ekey), "vervang en verwijder tegelijk: kies er één");
    // verwijder = true removes the entry: any other key would be silently ignored.
    if (remove && !replace) {
      std::string others;
      for (const auto& [k, v] : e)
        if (k.str() != "code" && k.str() != "verwijder") others += (others.empty() ? "" : ", ") + std::string(k.str());
      if (!others.empty())
        c.diags.error(where_of(arr[i], ekey), "verwijder = true haalt " + std::string(info.path) + " " + quote(code.value_or("")) +
                                                  " weg; de andere sleutels (" + shorten(others, 2 * kQuoteMax) +
                                                  ") doen dan niets: haal ze weg, of gebruik vervang = true om het te vervangen");
    }
  }
}

// One key's node against its schema entry: its form, and for numbers its range.
void check_node(const toml::node& n, const KeyInfo& info, const std::string& spath, const std::string& key, Ctx& c) {
  Where w = where_of(n, key);
  switch (info.form) {
    case Form::Text: check_text(n, spath, w, c); break;
    case Form::TextByYear:
      if (n.is_string()) {
        check_text(n, spath, w, c);
      } else if (!n.is_table() || n.as_table()->empty()) {
        c.diags.error(w, "verwacht tekst (\"po-2025\") of een jaartabel van teksten ({ 2022 = \"po-2022\", 2023 = \"po-2023\" }), gevonden " + found_text(n));
      } else {
        for (const auto& [k, v] : *n.as_table()) {
          const std::string name(k.str()), ykey = key + "." + name;
          if (!is_year_key(name)) c.diags.error(where_of(v, ykey), "sleutel " + quote(name) + " moet een jaartal van 4 cijfers zijn");
          else check_text(v, spath, where_of(v, ykey), c);
        }
      }
      break;
    case Form::Integer:
      if (!n.is_integer()) c.diags.error(w, "verwacht een geheel getal, gevonden " + found_text(n) + number_text_hint(n));
      else check_number_node(n, info.range, w, c.diags);
      break;
    case Form::Number:
      if (!n.is_number()) c.diags.error(w, "verwacht een getal, gevonden " + found_text(n) + number_text_hint(n));
      else check_number_node(n, info.range, w, c.diags);
      break;
    case Form::Table: check_quantity(n, info.range, false, key, c); break;
    case Form::Value: check_quantity(n, info.range, true, key, c); break;
    case Form::ValueOrPost:  // "post:CODE": the code is resolved when the scenario is built
      if (!n.is_string()) check_quantity(n, info.range, true, key, c);
      else if (auto t = n.value<std::string>(); !t->starts_with("post:") || t->size() == 5)
        c.diags.error(w, "verwacht een getal, een jaartabel, een verdeling of \"post:CODE\" (de code van een lasten-post), gevonden " +
                             found_text(n));
      break;
    case Form::Bool:
      if (!n.is_boolean()) c.diags.error(w, "verwacht true of false, gevonden " + found_text(n));
      break;
    case Form::Enum: check_choice(n, info, w, c); break;
    case Form::YearList: check_year_list(n, key, w, c); break;
    case Form::Matrix: check_matrix(n, key, w, c); break;
    case Form::Section:
      if (!n.is_table()) c.diags.error(w, "verwacht een tabel (sectie), gevonden " + found_text(n));
      else check_table(*n.as_table(), spath, key, c);
      break;
    case Form::ArrayOfTables: check_entries(n, info, spath, key, w, c); break;
  }
}

void check_table(const toml::table& t, const std::string& spath, const std::string& kpath, Ctx& c) {
  for (const auto& [k, v] : t) {
    std::string name(k.str());
    std::string cpath = spath.empty() ? name : spath + "." + name;
    std::string key = join(kpath, name);
    const KeyInfo* info = find_key(c.kind, cpath);
    if (!info) {
      std::string where_txt = spath.empty()               ? ""
                              : spath.ends_with("[]") ? " in [[" + spath.substr(0, spath.size() - 2) + "]]"
                                                      : " in [" + spath + "]";
      c.diags.error(where_of(v, key), "onbekende sleutel " + quote(name) + where_txt + suggest(name, child_names(c.kind, spath, c.sector)));
      continue;
    }
    if (std::string_view(info->path).find('*') != std::string_view::npos) {
      if (long bad = first_forbidden_char(name); bad >= 0) {
        c.diags.error(where_of(v, key), "de naam " + quote(name) + " bevat " + forbidden_char_text(static_cast<char32_t>(bad)) +
                                            "; zulke tekens zijn niet toegestaan in namen: verwijder het");
        continue;
      }
    }
    if (c.sector && !sector_allows(info->sector, *c.sector)) {
      c.diags.error(where_of(v, key), "sleutel \"" + name + "\" hoort bij sector " + sector_text(info->sector) + ", dit is een " +
                                          sector_name(*c.sector) + "-scenario");
      continue;
    }
    check_node(v, *info, cpath, key, c);
  }
}

}  // namespace

void check_schema_tag(const toml::table& root, const std::string& file, const char* expected, Diagnostics& diags) {
  const toml::node* s = root.get("schema");
  if (!s) {
    diags.error({file, 1, 1, "schema"}, std::string("sleutel \"schema\" ontbreekt; zet bovenaan: schema = \"") + expected + "\"");
    return;
  }
  if (s->value<std::string>() != std::string(expected))
    diags.error(where_of(*s, "schema"), std::string("verwacht schema = \"") + expected + "\", gevonden " + found_text(*s));
}

void validate_file(const toml::table& root, FileKind kind, std::optional<Sector> sector, bool is_variant, Diagnostics& diags) {
  Ctx c{kind, sector, is_variant, diags};
  check_table(root, "", "", c);
}

}  // namespace swv
