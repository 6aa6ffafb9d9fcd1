#pragma once
// A decision-support document (vergelijking, gevoeligheid, bestedingsruimte, weerstandsvermogen):
// sections of Dutch sentences, inline SVG charts and typed tables. One content model, three views:
// HTML (self-contained, print CSS), Excel (one sheet per table, numbers as numbers with € and %
// formats) and Markdown. The builders in decision_*.cpp compute nothing; they arrange results.
#include <string>
#include <vector>

namespace swv {

struct DocCell {
  enum class Kind { Text, Money, Percent, Number, Year, Empty, Ratio };
  Kind kind = Kind::Empty;
  double value = 0;
  std::string text;
  bool flag = false;  // shown as a breach (red in HTML)
  static DocCell t(std::string s) { return {Kind::Text, 0, std::move(s), false}; }
  static DocCell money(double v) { return {Kind::Money, v, {}, false}; }
  static DocCell percent(double v) { return {Kind::Percent, v, {}, false}; }
  static DocCell number(double v) { return {Kind::Number, v, {}, false}; }
  static DocCell ratio(double v) { return {Kind::Ratio, v, {}, false}; }  // two decimals: "1,71"
  static DocCell year(int y) { return {Kind::Year, static_cast<double>(y), {}, false}; }
  static DocCell empty() { return {}; }
  DocCell flagged(bool f = true) && { flag = f; return std::move(*this); }
  // As shown in HTML and Markdown: "€ 1.234.567", "3,5%", "12.400", "1,71", "2026".
  std::string display() const;
};

struct DocTable {
  std::string title;   // caption in HTML/Markdown
  std::string sheet;   // Excel sheet name (≤ 31 characters, unique in the document)
  std::vector<std::string> header;
  std::vector<std::vector<DocCell>> rows;
  std::string note;    // below the table
};

struct DocSection {
  std::string id, title;
  std::vector<std::string> paragraphs;  // plain text, escaped when rendered
  std::vector<std::string> bullets;
  std::vector<std::string> svgs;        // inline SVG, built by svg_chart (HTML only)
  std::vector<DocTable> tables;
  bool grid = true;  // several charts side by side (else one per row, full width)
};

struct Document {
  std::string title, subtitle, engine_version;
  std::vector<DocSection> sections;
};

std::string document_html(const Document& d);
std::string document_markdown(const Document& d);
// Throws std::runtime_error (Dutch) when the file cannot be written; written completely or not at all.
void write_document_xlsx(const Document& d, const std::string& path);

}  // namespace swv
