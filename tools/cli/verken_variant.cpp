#include "verken_variant.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>

#include "diagnostics.h"
#include "format_nl.h"

namespace swv::cli {

namespace {

using json = nlohmann::ordered_json;

constexpr int kMaxDepth = 4;  // { verdeling = ..., gemiddelde = { 2026 = ... } } needs 2
constexpr size_t kMaxName = 60;

const char* kExpected = "verwacht {\"wijzigingen\": {\"sleutel\": waarde, ...}}";

std::string listed(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

OverlayValue overlay_value_of_json(const json& j, const std::string& key, int depth) {
  if (depth > kMaxDepth) throw VerkenError(400, key + ": de waarde is te diep genest (ten hoogste " + std::to_string(kMaxDepth) + " niveaus)");
  switch (j.type()) {
    case json::value_t::number_integer: return OverlayValue::of_integer(j.get<int64_t>());
    case json::value_t::number_unsigned: {
      const uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        throw VerkenError(400, key + ": het getal " + std::to_string(u) + " is te groot (een scenario kent gehele getallen tot 2^63 − 1)");
      return OverlayValue::of_integer(static_cast<int64_t>(u));
    }
    case json::value_t::number_float: return OverlayValue::of_number(j.get<double>());
    case json::value_t::string: return OverlayValue::of_text(j.get<std::string>());
    case json::value_t::boolean: return OverlayValue::of_bool(j.get<bool>());
    case json::value_t::object: {
      OverlayValue o;
      o.kind = OverlayValue::Kind::Table;
      for (const auto& [k, v] : j.items()) o.table.emplace_back(k, overlay_value_of_json(v, key + "." + k, depth + 1));
      return o;
    }
    case json::value_t::array: {
      OverlayValue o;
      o.kind = OverlayValue::Kind::List;
      for (const auto& v : j) o.list.push_back(overlay_value_of_json(v, key, depth + 1));
      return o;
    }
    default:
      throw VerkenError(400, key + ": geen waarde (null); laat de sleutel weg om de waarde van de basis te houden");
  }
}

Changes read_changes(const VerkenBase& base, const json& changes) {
  if (!changes.is_object()) throw VerkenError(400, "\"wijzigingen\" is geen object; " + std::string(kExpected));
  std::vector<std::string> keys, problems;
  for (const Control& c : base.controls) keys.push_back(c.key);
  Changes out;
  for (const Control& c : base.controls) {
    auto it = changes.find(c.key);
    if (it == changes.end()) continue;
    try {
      out.items.emplace_back(&c, overlay_value_of_json(*it, c.key));
    } catch (const VerkenError& e) {
      problems.push_back(e.what());
    }
  }
  for (const auto& [k, v] : changes.items())
    if (std::find(keys.begin(), keys.end(), k) == keys.end())
      problems.push_back("sleutel \"" + k + "\" kan op deze pagina niet worden gewijzigd" + did_you_mean(k, keys) + "; wel: " + listed(keys));
  if (problems.size() == 1) throw VerkenError(400, problems.front());
  if (!problems.empty()) throw VerkenError(400, std::to_string(problems.size()) + " fouten in de wijzigingen", problems);
  return out;
}

VerkenRequest read_request(const VerkenBase& base, const std::string& body, bool variant) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) throw VerkenError(400, "het verzoek is leeg; " + std::string(kExpected));
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    throw VerkenError(400, "het verzoek is geen geldige JSON (fout bij teken " + std::to_string(e.byte) + "); " + kExpected);
  }
  if (!j.is_object()) throw VerkenError(400, "het verzoek is geen JSON-object; " + std::string(kExpected));
  std::vector<std::string> fields = {"wijzigingen", "naam"};
  if (variant) fields.push_back("overschrijf");
  for (const auto& [k, v] : j.items())
    if (std::find(fields.begin(), fields.end(), k) == fields.end())
      throw VerkenError(400, "onbekend veld \"" + k + "\" in het verzoek" + did_you_mean(k, fields) + "; bekend: " + listed(fields));
  VerkenRequest r;
  r.name = base.default_name;
  if (j.contains("wijzigingen")) r.changes = read_changes(base, j["wijzigingen"]);
  if (j.contains("naam")) {
    if (!j["naam"].is_string()) throw VerkenError(400, "\"naam\" is geen tekst");
    r.name = variant_name(base, j["naam"].get<std::string>());
  }
  if (j.contains("overschrijf")) {
    if (!j["overschrijf"].is_boolean()) throw VerkenError(400, "\"overschrijf\" is geen true of false");
    r.overwrite = j["overschrijf"].get<bool>();
  }
  return r;
}

std::string variant_name(const VerkenBase& base, const std::string& typed) {
  std::string t = typed;
  if (t.size() >= 5 && t.compare(t.size() - 5, 5, ".toml") == 0) t.resize(t.size() - 5);
  std::string s;
  for (unsigned char c : t) {
    if (c < 0x80 && (std::isalnum(c) || c == '_')) s += static_cast<char>(std::tolower(c));
    else if (!s.empty() && s.back() != '-') s += '-';  // spaces, '/', '.', and every non-ASCII byte
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  if (s.size() > kMaxName) s.resize(kMaxName);
  while (!s.empty() && s.back() == '-') s.pop_back();
  if (s.empty())
    throw VerkenError(400, "de naam \"" + shorten(typed, 60) + "\" geeft geen bestandsnaam; gebruik letters, cijfers, - of _");
  for (const std::string& own : base.own_files)
    if (own == s + ".toml")
      throw VerkenError(409, "de naam \"" + s + "\" is die van het basisscenario (" + own + "); kies een andere naam");
  return s;
}

std::string variant_path(const VerkenBase& base, const std::string& name) {
  return (std::filesystem::path(base.folder) / (name + ".toml")).string();
}

std::string variant_text(const VerkenBase& base, const Changes& changes, const std::string& name) {
  Overlay o;
  o.basis = base.file_name;
  o.header = {"Variant van " + base.file_name + ", gemaakt met swvsim verken (swvsim " + base.version + ").",
              "Alleen wat hier staat wijkt af van de basis. Doorrekenen: swvsim run " + name + ".toml (in deze map)."};
  if (base.precision)
    o.header.push_back("De basis vraagt precisie op verzoek (simulatie.precisie): geef --paden " + std::to_string(base.paths) +
                       " voor de getallen van de verkenpagina.");
  o.changes.push_back({"swv.naam", OverlayValue::of_text(base.name + " — " + name), "een eigen naam: swvsim run schrijft in een eigen uitvoermap"});
  o.changes.push_back({"simulatie.paden", OverlayValue::of_integer(base.paths),
                       "de paden en het zaad van de verkenpagina: swvsim run geeft dezelfde getallen"});
  o.changes.push_back({"simulatie.zaad", OverlayValue::of_integer(static_cast<int64_t>(base.seed)), ""});
  for (const auto& [c, value] : changes.items) {
    const std::string entry = c->key.substr(0, c->key.rfind('.') + 1);  // "post[verken-extra]." for a companion
    for (const auto& [k, v] : c->companions) o.changes.push_back({entry + k, v, ""});
    const std::string was = c->base_text.empty() ? "niet in de basis (daar " + num_plain(c->base) + ")"
                                                 : "in de basis (" + c->base_where + "): " + c->base_text;
    o.changes.push_back({c->key, value, c->label + "; " + was});
  }
  try {
    return overlay_text(o);
  } catch (const std::invalid_argument& e) {
    throw VerkenError(400, e.what());
  }
}

namespace {
std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

bool allowed_host(const std::string& host, int port) {
  const std::string h = lower(host), p = ":" + std::to_string(port);
  return h == "127.0.0.1" + p || h == "localhost" + p;
}

bool allowed_origin(const std::string& origin, bool present, int port) {
  if (!present) return true;
  const std::string o = lower(origin), p = ":" + std::to_string(port);
  return o == "http://127.0.0.1" + p || o == "http://localhost" + p;
}

}  // namespace swv::cli
