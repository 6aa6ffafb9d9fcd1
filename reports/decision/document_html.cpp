#include "document.h"
#include "format_nl.h"
#include "html_escape.h"
#include "html_style.h"

namespace swv {

namespace {

std::string table_html(const DocTable& t) {
  std::string s = "<table>";
  if (!t.title.empty()) s += "<caption>" + html_escape(t.title) + "</caption>";
  s += "<thead><tr>";
  for (const auto& h : t.header) s += "<th>" + html_escape(h) + "</th>";
  s += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    s += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      const DocCell& c = row[i];
      std::string cls = c.kind == DocCell::Kind::Text || i == 0 ? "label" : "num";
      if (c.flag) cls += " rood";
      s += "<td class=\"" + cls + "\"" + (c.flag ? " data-vlag=\"1\"" : "") + ">" + html_escape(c.display()) + "</td>";
    }
    s += "</tr>";
  }
  s += "</tbody></table>";
  if (!t.note.empty()) s += "<p class=\"note\">" + html_escape(t.note) + "</p>";
  return s;
}

}  // namespace

std::string document_html(const Document& d) {
  std::string s = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                  "content=\"width=device-width, initial-scale=1\"><title>" + html_escape(d.title) + " — swvsim</title><style>" +
                  std::string(kReportCss) + "caption { text-align: left; font-weight: 600; padding: 6px 0; }</style></head><body>";
  s += "<header><h1>" + html_escape(d.title) + "</h1>";
  if (!d.subtitle.empty()) s += "<p class=\"sub\">" + html_escape(d.subtitle) + "</p>";
  s += "</header>";
  for (const DocSection& sec : d.sections) {
    s += "<section id=\"" + html_escape(sec.id) + "\"><h2>" + html_escape(sec.title) + "</h2>";
    for (const auto& p : sec.paragraphs) s += "<p>" + html_escape(p) + "</p>";
    if (!sec.bullets.empty()) {
      s += "<ul class=\"headline\">";
      for (const auto& b : sec.bullets) s += "<li>" + html_escape(b) + "</li>";
      s += "</ul>";
    }
    if (sec.grid && sec.svgs.size() > 1) s += "<div class=\"small-multiples\">";
    for (const auto& svg : sec.svgs) s += svg;  // built by svg_chart, which escapes its text
    if (sec.grid && sec.svgs.size() > 1) s += "</div>";
    for (const auto& t : sec.tables) s += table_html(t);
    s += "</section>";
  }
  s += "<footer>Gemaakt met swvsim " + html_escape(d.engine_version) + ". Bedragen in euro, nominaal.</footer></body></html>\n";
  return s;
}

}  // namespace swv
