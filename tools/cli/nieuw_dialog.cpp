// The dialogue of `swvsim nieuw` on a terminal (nieuw_dialog.h).
#include "nieuw_dialog.h"

#include <toml++/toml.h>

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <regex>
#include <vector>

#include "answers.h"
#include "toml_tree.h"
#include "validate.h"

namespace swv::cli {

namespace {

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

const KeyInfo* info_of(const std::string& key) { return find_key(FileKind::Answers, key); }

// The optional groups asked only after a yes: their key prefix and the question that opens them.
struct Gate {
  const char* prefix;
  const char* question;
};
constexpr Gate kGates[] = {
    {"begroting.", "Wilt u bedragen uit uw eigen begroting opgeven (schoolbesturen, personeel, ondergrens)? (ja/nee, standaard nee)"},
    {"beschikking.", "Heeft u uw DUO-beschikking bij de hand, om de eigen bedragen in te vullen? (ja/nee, standaard nee)"},
};

const Gate* gate_of(std::string_view key) {
  for (const Gate& g : kGates)
    if (key.rfind(g.prefix, 0) == 0) return &g;
  return nullptr;
}

// One step of the dialogue: a question (index into questions()) or the gate before a group.
struct Step {
  const Question* question = nullptr;
  const Gate* gate = nullptr;
  std::string id() const { return question ? std::string(question->key) : std::string("?") + gate->prefix; }
};

struct State {
  std::map<std::string, std::string> answers;  // key -> TOML value
  std::map<std::string, bool> open;            // gate prefix -> yes
  std::optional<Sector> sector() const {
    auto it = answers.find("sector");
    if (it == answers.end()) return std::nullopt;
    return it->second == "\"vo\"" ? Sector::Vo : Sector::Po;
  }
  // The steps as the answers so far make them: the sector decides which questions apply, a gate
  // whether its group is asked.
  std::vector<Step> steps() const {
    std::vector<Step> out;
    const std::optional<Sector> s = sector();
    const Gate* last_gate = nullptr;
    for (const Question& q : questions()) {
      if (q.key != "sector" && (!s || !sector_allows(q.sector, *s))) continue;
      if (const Gate* g = gate_of(q.key)) {
        if (g != last_gate) out.push_back({nullptr, g}), last_gate = g;
        auto it = open.find(g->prefix);
        if (it == open.end() || !it->second) continue;
      }
      out.push_back({&q, nullptr});
    }
    return out;
  }
};

// The answers as the text of an answers file: top-level keys, then one table per section, with the
// third level (so.laag) as an inline table.
std::string answers_text(const State& st) {
  std::string top, out;
  std::vector<std::string> sections;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> body;  // section -> (name, value)
  std::map<std::string, std::map<std::string, std::vector<std::pair<std::string, std::string>>>> inline_tables;
  std::vector<std::string> done;  // a key asked per sector (leerlingen.regulier) is written once
  for (const Question& q : questions()) {
    auto it = st.answers.find(std::string(q.key));
    if (it == st.answers.end() || std::find(done.begin(), done.end(), it->first) != done.end()) continue;
    done.push_back(it->first);
    const std::string key(q.key);
    const size_t d1 = key.find('.');
    if (d1 == std::string::npos) {
      top += key + " = " + it->second + "\n";
      continue;
    }
    const std::string sec = key.substr(0, d1), rest = key.substr(d1 + 1);
    if (std::find(sections.begin(), sections.end(), sec) == sections.end()) sections.push_back(sec);
    const size_t d2 = rest.find('.');
    if (d2 == std::string::npos) {
      body[sec].push_back({rest, it->second});
    } else {
      const std::string sub = rest.substr(0, d2);
      if (!inline_tables[sec].count(sub)) body[sec].push_back({sub, ""});  // its place in the order
      inline_tables[sec][sub].push_back({rest.substr(d2 + 1), it->second});
    }
  }
  out = "# Antwoorden van swvsim nieuw (de dialoog); opnieuw: swvsim nieuw --antwoorden DIT_BESTAND\n" + top;
  for (const auto& sec : sections) {
    out += "\n[" + sec + "]\n";
    for (const auto& [name, value] : body[sec]) {
      if (!value.empty()) {
        out += name + " = " + value + "\n";
        continue;
      }
      std::string t;
      for (const auto& [n, v] : inline_tables[sec][name]) t += (t.empty() ? "" : ", ") + n + " = " + v;
      out += name + " = { " + t + " }\n";
    }
  }
  return out;
}

// Checks one answer on its own (form and range of its key), as validate_file checks a file.
std::vector<std::string> check_answer(const std::string& key, const std::string& value, std::optional<Sector> sector) {
  const size_t dot = key.rfind('.');
  const std::string doc = dot == std::string::npos ? key + " = " + value + "\n" : "[" + key.substr(0, dot) + "]\n" + key.substr(dot + 1) + " = " + value + "\n";
  std::vector<std::string> out;
  toml::table t;
  try {
    t = toml::parse(doc);
  } catch (const toml::parse_error& e) {
    // A word where a number belongs ("veel") is no TOML at all: say what was expected.
    const KeyInfo* info = info_of(key);
    if (info && (info->form == Form::Number || info->form == Form::Integer))
      return {"verwacht een getal, gevonden " + quote(value)};
    if (info && info->form == Form::Table) return {"verwacht een getal of een jaartabel ({ 2026 = 0.02, 2030 = 0.018 }), gevonden " + quote(value)};
    return {"geen geldige waarde: " + toml_error_text(e.description())};
  }
  Diagnostics d;
  validate_file(t, FileKind::Answers, sector, false, d);
  for (const auto& m : d.items()) out.push_back(m.message);
  return out;
}

bool yes(const std::string& s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "j" || l == "ja" || l == "y" || l == "yes";
}
bool no(const std::string& s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l.empty() || l == "n" || l == "nee" || l == "no";
}

}  // namespace

std::string toml_value_of(const std::string& key, const std::string& typed) {
  const KeyInfo* info = info_of(key);
  std::string t = trim(typed);
  if (!info || t.empty()) return t;
  if (info->form == Form::Text || info->form == Form::Enum) {
    if (t.front() == '"' || t.front() == '\'') return t;
    if (info->form == Form::Enum)
      for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string q = "\"";
    for (char c : t) q += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return q + "\"";
  }
  if (t.front() == '{') return t;  // a year table, as in the file
  // Dutch notation: "€ 2.400.000", "18.950", "2,0%", "0,02".
  std::string s;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 3, "€") == 0) {
      i += 2;
      continue;
    }
    if (t[i] != ' ') s += t[i];
  }
  static const std::regex thousands(R"(-?\d{1,3}(\.\d{3})+(,\d+)?)"), percent(R"((-?\d+)(?:[.,](\d+))?%)"), comma(R"(-?\d+,\d+)");
  std::smatch m;
  if (std::regex_match(s, m, percent)) {
    const double x = std::stod(m[1].str() + (m[2].matched ? "." + m[2].str() : "")) / 100;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", x);
    std::string r = buf;
    if (r.find('.') == std::string::npos && r.find('e') == std::string::npos) r += ".0";
    return r;
  }
  if (std::regex_match(s, thousands)) {
    std::string r;
    for (char c : s)
      if (c != '.') r += c == ',' ? '.' : c;
    return r;
  }
  if (std::regex_match(s, comma)) {
    std::replace(s.begin(), s.end(), ',', '.');
    return s;
  }
  return s;
}

std::optional<std::string> ask_answers(std::istream& in, std::ostream& out, const AnswersCheck& check) {
  out << "swvsim nieuw: een scenario uit wat u weet. De vragen komen één voor één, elk met een voorbeeld.\n"
         "Typ 'terug' voor de vorige vraag, '?' voor uitleg, 'stop' om te stoppen; Enter slaat een vraag over\n"
         "die niet verplicht is (dan geldt de standaard uit docs/starten.md). Percentages mogen als 2,0% of 0.020.\n";
  State st;
  size_t pos = 0;
  std::string line;
  while (true) {
    const std::vector<Step> steps = st.steps();
    if (pos >= steps.size()) {
      const std::string text = answers_text(st);
      out << "\nUw antwoorden:\n" << text << "\nKlopt dit? Enter of 'ja' schrijft het scenario; 'terug' gaat naar de vorige vraag, 'stop' stopt.\n> " << std::flush;
      if (!std::getline(in, line)) return std::nullopt;
      const std::string t = trim(line);
      if (t == "stop") return std::nullopt;
      if (t == "terug") {
        pos = steps.size() - 1;
        continue;
      }
      if (!t.empty() && !yes(t)) {
        out << "Typ Enter of 'ja', 'terug' of 'stop'.\n";
        continue;
      }
      const std::optional<AnswersProblem> problem = check(text);
      if (!problem) return text;
      out << "Dat gaat niet: " << problem->message << "\n";
      pos = steps.size() - 1;
      for (size_t i = 0; i < steps.size(); ++i) {
        const std::string id = steps[i].id();
        if (id == problem->key || id.rfind(problem->key + ".", 0) == 0) {
          pos = i;
          break;
        }
      }
      continue;
    }
    const Step& step = steps[pos];
    const std::string counter = "[" + std::to_string(pos + 1) + "/" + std::to_string(steps.size()) + "] ";
    if (step.gate) {
      out << "\n" << counter << step.gate->question << "\n> " << std::flush;
    } else {
      const Question& q = *step.question;
      auto it = st.answers.find(std::string(q.key));
      out << "\n" << counter << q.question << (q.required ? "" : " (mag leeg)") << "\n  bijvoorbeeld: " << q.example
          << (it != st.answers.end() ? "   (nu: " + it->second + ")" : "") << "\n> " << std::flush;
    }
    if (!std::getline(in, line)) return std::nullopt;
    const std::string t = trim(line);
    if (t == "stop") return std::nullopt;
    if (t == "terug") {
      if (pos == 0) out << "Dit is de eerste vraag.\n";
      else --pos;
      continue;
    }
    if (t == "?") {
      out << "  " << (step.gate ? "Zonder deze bedragen gebruikt swvsim de standaarden uit docs/starten.md." : std::string(step.question->help)) << "\n";
      continue;
    }
    if (step.gate) {
      if (!yes(t) && !no(t)) {
        out << "Typ ja of nee.\n";
        continue;
      }
      st.open[step.gate->prefix] = yes(t);
      if (!yes(t))
        for (auto it = st.answers.begin(); it != st.answers.end();) it = it->first.rfind(step.gate->prefix, 0) == 0 ? st.answers.erase(it) : std::next(it);
      ++pos;
      continue;
    }
    const Question& q = *step.question;
    const std::string key(q.key);
    if (t.empty()) {
      if (q.required) {
        out << "Dit antwoord is nodig (bijvoorbeeld " << q.example << ").\n";
        continue;
      }
      st.answers.erase(key);
      ++pos;
      continue;
    }
    const std::string value = toml_value_of(key, t);
    const std::vector<std::string> problems = check_answer(key, value, key == "sector" ? std::nullopt : st.sector());
    if (!problems.empty()) {
      for (const auto& p : problems) out << "Dat gaat niet: " << p << "\n";
      continue;
    }
    if (value != t) out << "  gelezen als " << value << "\n";
    // Another sector drops the answers that belong to the other one.
    if (key == "sector" && st.answers.count("sector") && st.answers["sector"] != value)
      for (auto it = st.answers.begin(); it != st.answers.end();) {
        const KeyInfo* i = info_of(it->first);
        it = i && i->sector != SectorOnly::Both ? st.answers.erase(it) : std::next(it);
      }
    st.answers[key] = value;
    ++pos;
  }
}

}  // namespace swv::cli
