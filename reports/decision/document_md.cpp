#include "document.h"

namespace swv {

namespace {

// Markdown table cells: a pipe or line break would break the table.
std::string cell(std::string s) {
  for (size_t at = 0; (at = s.find_first_of("|\n\r", at)) != std::string::npos;) {
    if (s[at] == '|') s.replace(at, 1, "\\|"), at += 2;
    else s[at++] = ' ';
  }
  return s;
}

}  // namespace

std::string document_markdown(const Document& d) {
  std::string s = "# " + cell(d.title) + "\n\n";
  if (!d.subtitle.empty()) s += d.subtitle + "\n\n";
  for (const DocSection& sec : d.sections) {
    s += "## " + cell(sec.title) + "\n\n";
    for (const auto& p : sec.paragraphs) s += p + "\n\n";
    for (const auto& b : sec.bullets) s += "- " + b + "\n";
    if (!sec.bullets.empty()) s += "\n";
    for (const DocTable& t : sec.tables) {
      if (!t.title.empty()) s += "**" + cell(t.title) + "**\n\n";
      s += "|";
      for (const auto& h : t.header) s += " " + cell(h) + " |";
      s += "\n|";
      for (size_t i = 0; i < t.header.size(); ++i) s += i == 0 ? "---|" : "---:|";
      s += "\n";
      for (const auto& row : t.rows) {
        s += "|";
        for (const DocCell& c : row) s += " " + cell(c.display()) + (c.flag ? " ⚠" : "") + " |";
        s += "\n";
      }
      if (!t.note.empty()) s += "\n" + t.note + "\n";
      s += "\n";
    }
  }
  s += "_Gemaakt met swvsim " + d.engine_version + "._\n";
  return s;
}

}  // namespace swv
