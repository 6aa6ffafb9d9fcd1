// Reading a count history (history.h): the header's columns, every cell, the years, and the flow
// columns completed from the counts where only one of a pair is given. All problems at once.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>
#include <map>

#include "format_nl.h"
#include "history.h"
#include "history_csv.h"
#include "sha256.h"
#include "validate.h"

namespace swv {

size_t HistoryFlow::known_years() const {
  size_t n = 0;
  for (size_t t = 1; t < in.size(); ++t) n += known(t);
  return n;
}

History History::head(size_t rows) const {
  History h = *this;
  rows = std::min(rows, size());
  auto cut = [rows](std::vector<double>& v) {
    if (v.size() > rows) v.resize(rows);
  };
  h.years.resize(rows);
  cut(h.regular), cut(h.special);
  for (auto& v : h.so) cut(v);
  cut(h.special_flow.in), cut(h.special_flow.out), cut(h.so_flow.in), cut(h.so_flow.out);
  return h;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class Col { Year, Regular, Special, SoTotal, SoLow, SoMid, SoHigh, InSpecial, OutSpecial, InSo, OutSo, Count };

struct ColumnName {
  Col col;
  std::string name;
};

std::vector<ColumnName> columns_of(Sector s) {
  const HistoryColumns c = history_columns(s);
  const std::string sp = c.special, so = c.so;
  return {{Col::Year, "jaar"},          {Col::Regular, "regulier"},        {Col::Special, sp},
          {Col::SoTotal, so},           {Col::SoLow, so + "_laag"},         {Col::SoMid, so + "_midden"},
          {Col::SoHigh, so + "_hoog"},  {Col::InSpecial, "instroom_" + sp}, {Col::OutSpecial, "uitstroom_" + sp},
          {Col::InSo, "instroom_" + so}, {Col::OutSo, "uitstroom_" + so}};
}

// "SO laag" and "so-laag" read as "so_laag".
std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) out += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Which sector a column name belongs to only (jaar and regulier belong to both).
std::optional<Sector> sector_only(const std::string& name) {
  for (Sector s : {Sector::Po, Sector::Vo})
    for (const auto& c : columns_of(s))
      if (c.name == name && c.col != Col::Year && c.col != Col::Regular) return s;
  return std::nullopt;
}

struct Reader {
  const std::string& file;
  Diagnostics& d;
  Where at(int line, int column, const std::string& key) const { return {file, line, column, key}; }
};

// The header: each field's column (Count = unknown), the sector, and the problems of the header.
struct Header {
  std::vector<Col> cols;
  std::vector<std::string> names;
  std::optional<Sector> sector;
  std::map<Col, size_t> index;  // column -> field position
};

Header read_header(const csv::Line& line, std::optional<Sector> given, const Reader& r) {
  Header h;
  for (const auto& f : line.fields) h.names.push_back(normalized(f.text));
  // The sector: given, else the one the columns name (both or neither: ask for --sector).
  h.sector = given;
  if (!given) {
    bool po = false, vo = false;
    for (const auto& n : h.names)
      if (auto s = sector_only(n)) (*s == Sector::Po ? po : vo) = true;
    if (po != vo) h.sector = po ? Sector::Po : Sector::Vo;
    else if (po && vo)
      r.d.error(r.at(line.number, 0, ""), "de kolommen mengen po (sbo, so) en vo (pro, vso); geef --sector po of --sector vo");
    else
      r.d.error(r.at(line.number, 0, ""), "uit de kolommen blijkt niet of dit po of vo is (geen kolom sbo of pro); geef --sector po of --sector vo");
  }
  h.cols.assign(line.fields.size(), Col::Count);
  if (!h.sector) return h;
  const auto defs = columns_of(*h.sector);
  std::vector<std::string> known;
  for (const auto& c : defs) known.push_back(c.name);
  for (size_t i = 0; i < line.fields.size(); ++i) {
    const std::string& n = h.names[i];
    const Where w = r.at(line.number, line.fields[i].column, n);
    if (n.empty()) {
      r.d.error(r.at(line.number, line.fields[i].column, ""), "kolom " + std::to_string(i + 1) + " heeft geen naam");
      continue;
    }
    auto it = std::find_if(defs.begin(), defs.end(), [&](const ColumnName& c) { return c.name == n; });
    if (it == defs.end()) {
      if (auto s = sector_only(n); s && *s != *h.sector)
        r.d.error(w, "kolom " + quote(n) + " hoort bij een " + sector_name(*s) + "-historie; deze historie is " + sector_name(*h.sector) +
                         (given ? " (--sector " + std::string(sector_name(*given)) + ")" : ""));
      else
        r.d.error(w, "onbekende kolom " + quote(n) + did_you_mean(n, known));
      continue;
    }
    if (h.index.count(it->col)) {
      r.d.error(w, "kolom " + quote(n) + " staat er twee keer (ook kolom " + std::to_string(h.index[it->col] + 1) + ")");
      continue;
    }
    h.index[it->col] = i;
    h.cols[i] = it->col;
  }
  const HistoryColumns c = history_columns(*h.sector);
  const std::string so = c.so;
  const Where head = r.at(line.number, 0, "");
  for (auto [col, name] : {std::pair{Col::Year, std::string("jaar")}, {Col::Regular, "regulier"}, {Col::Special, c.special}})
    if (!h.index.count(col)) r.d.error(head, "de verplichte kolom " + quote(name) + " ontbreekt");
  const int cats = static_cast<int>(h.index.count(Col::SoLow) + h.index.count(Col::SoMid) + h.index.count(Col::SoHigh));
  if (h.index.count(Col::SoTotal) && cats > 0)
    r.d.error(head, "geef " + so + "_laag, " + so + "_midden en " + so + "_hoog, of één kolom " + so + ", niet allebei");
  else if (!h.index.count(Col::SoTotal) && cats == 0)
    r.d.error(head, "de kolommen " + so + "_laag, " + so + "_midden en " + so + "_hoog ontbreken (of geef één kolom " + so + ")");
  else if (cats > 0 && cats < 3)
    r.d.error(head, "geef alle drie de kolommen " + so + "_laag, " + so + "_midden en " + so + "_hoog, of één kolom " + so);
  return h;
}

// One column's values, NaN where empty or wrong.
using Cells = std::array<std::vector<double>, static_cast<size_t>(Col::Count)>;
inline std::vector<double>& of(Cells& c, Col col) { return c[static_cast<size_t>(col)]; }

bool optional_col(Col c) { return c == Col::InSpecial || c == Col::OutSpecial || c == Col::InSo || c == Col::OutSo; }

void read_rows(const std::vector<csv::Line>& lines, const Header& h, bool comma_decimal, const Reader& r, Cells& cells,
               std::vector<int>& line_of) {
  for (size_t li = 1; li < lines.size(); ++li) {
    const csv::Line& line = lines[li];
    line_of.push_back(line.number);
    for (auto& v : cells) v.push_back(kNaN);
    if (line.unclosed_quote) r.d.error(r.at(line.number, 0, ""), "een aanhalingsteken (\") wordt op deze regel niet gesloten");
    if (line.fields.size() > h.cols.size())
      r.d.error(r.at(line.number, line.fields[h.cols.size()].column, ""),
                "te veel waarden: " + std::to_string(line.fields.size()) + " waarden bij " + std::to_string(h.cols.size()) + " kolommen");
    for (size_t i = 0; i < h.cols.size(); ++i) {
      const Col col = h.cols[i];
      if (col == Col::Count) continue;
      const std::string text = i < line.fields.size() ? line.fields[i].text : "";
      const Where w = r.at(line.number, i < line.fields.size() ? line.fields[i].column : 0, h.names[i]);
      if (text.empty()) {
        if (!optional_col(col)) r.d.error(w, col == Col::Year ? "het jaar ontbreekt" : "leeg; een aantal is verplicht");
        continue;
      }
      std::string why;
      std::optional<double> x = csv::parse_count(text, comma_decimal, why);
      if (col == Col::Year) {
        if (!x || *x < kMinYear || *x > kMaxYear || text.find_first_not_of("0123456789") != std::string::npos) {
          r.d.error(w, "verwacht een jaartal (" + std::to_string(kMinYear) + " tot en met " + std::to_string(kMaxYear) + "), gevonden " + quote(text));
          continue;
        }
      } else if (!x) {
        r.d.error(w, why);
        continue;
      } else if (col == Col::Regular && *x == 0) {
        r.d.error(w, "regulier moet groter dan 0 zijn (de kansen zijn delen van het aantal reguliere leerlingen)");
        continue;
      }
      of(cells, col)[li - 1] = *x;
    }
  }
}

// Years must follow each other one by one: the model steps a year at a time.
void check_years(const std::vector<double>& years, const std::vector<int>& line_of, const Reader& r) {
  const int column = 0;
  for (size_t t = 1; t < years.size(); ++t) {
    if (std::isnan(years[t]) || std::isnan(years[t - 1])) continue;
    const int a = static_cast<int>(years[t - 1]), b = static_cast<int>(years[t]);
    const Where w = r.at(line_of[t], column, "jaar");
    if (b == a) r.d.error(w, "jaar " + std::to_string(b) + " staat er twee keer (ook op regel " + std::to_string(line_of[t - 1]) + ")");
    else if (b < a) r.d.error(w, "na " + std::to_string(a) + " volgt " + std::to_string(b) + ": zet de rijen op volgorde van jaar");
    else if (b > a + 1)
      r.d.error(w, "na " + std::to_string(a) + " volgt " + std::to_string(b) + ": " +
                       (b == a + 2 ? std::to_string(a + 1) + " ontbreekt" : std::to_string(a + 1) + " tot en met " + std::to_string(b - 1) + " ontbreken") +
                       " (elke teldatum van de reeks is nodig)");
  }
}

// Completes one stock's flows: where one of instroom/uitstroom is given, the other follows from
// the counts (stand_t = stand_{t-1} + in - out); both given but not matching the counts is a
// warning (the rates come from the flow columns). Row 0's flows are not used.
HistoryFlow complete_flow(const std::vector<double>& stock, std::vector<double> in, std::vector<double> out, const std::string& in_name,
                          const std::string& out_name, const std::string& label, const std::vector<int>& years, const std::vector<int>& line_of,
                          const Reader& r) {
  std::string mismatch;
  int mismatches = 0;
  for (size_t t = 1; t < stock.size(); ++t) {
    const double change = stock[t] - stock[t - 1];
    const bool has_in = !std::isnan(in[t]), has_out = !std::isnan(out[t]);
    if (has_in && !has_out) {
      out[t] = in[t] - change;
      if (out[t] < 0)
        r.d.error(r.at(line_of[t], 0, out_name), out_name + " volgt uit de aantallen en " + in_name + ": " + num_nl(stock[t - 1]) + " + " +
                                                     num_nl(in[t]) + " − " + num_nl(stock[t]) + " = " + num_nl(out[t]) +
                                                     " is negatief; controleer de aantallen of geef " + out_name);
    } else if (has_out && !has_in) {
      in[t] = change + out[t];
      if (in[t] < 0)
        r.d.error(r.at(line_of[t], 0, in_name), in_name + " volgt uit de aantallen en " + out_name + ": " + num_nl(stock[t]) + " − " +
                                                    num_nl(stock[t - 1]) + " + " + num_nl(out[t]) + " = " + num_nl(in[t]) +
                                                    " is negatief; controleer de aantallen of geef " + in_name);
    } else if (has_in && has_out && in[t] - out[t] != change) {
      const double gap = change - (in[t] - out[t]);
      if (++mismatches <= 5) mismatch += (mismatch.empty() ? "" : ", ") + std::to_string(years[t]) + " (" + (gap > 0 ? "+" : "") + num_nl(gap) + ")";
    }
  }
  if (mismatches > 0)
    r.d.warning(r.at(0, 0, in_name),
                "instroom en uitstroom van " + label + " sluiten niet aan op de aantallen in " + mismatch + (mismatches > 5 ? " en meer" : "") +
                    " (verschil tussen de verandering van de stand en instroom − uitstroom); de kansen komen uit de stroomkolommen");
  in[0] = out[0] = kNaN;
  return {std::move(in), std::move(out)};
}

}  // namespace

std::optional<History> parse_history(std::string_view text, const std::string& file, std::optional<Sector> sector, Diagnostics& diags) {
  const Reader r{file, diags};
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diags.error(r.at(0, 0, ""), "bestand is leeg");
    return std::nullopt;
  }
  if (size_t bad = csv::invalid_utf8_at(text); bad != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
    diags.error(r.at(line, 0, ""), "bestand is geen geldige UTF-8-tekst (sla het op als UTF-8 of als CSV zonder bijzondere tekens)");
    return std::nullopt;
  }
  // The separator comes from the header: the first line that is not empty or a comment.
  const std::vector<csv::Line> probe = csv::split(text, '\x01');
  if (probe.empty()) {
    diags.error(r.at(0, 0, ""), "bestand bevat alleen commentaar; verwacht een kopregel (jaar, regulier, ...) en een rij per jaar");
    return std::nullopt;
  }
  const char sep = csv::separator_of(probe.front().fields.front().text);
  if (sep == 0) {
    diags.error(r.at(probe.front().number, 0, ""), "de kopregel " + quote(probe.front().fields.front().text) +
                                                       " heeft geen scheidingsteken; scheid de kolommen met komma's, puntkomma's of tabs");
    return std::nullopt;
  }
  const std::vector<csv::Line> lines = csv::split(text, sep);
  const Header h = read_header(lines.front(), sector, r);
  if (!h.sector) return std::nullopt;
  Cells cells;
  std::vector<int> line_of;
  read_rows(lines, h, sep != ',', r, cells, line_of);
  const size_t n = line_of.size();
  if (n < kMinHistoryRows)
    diags.error(r.at(0, 0, ""), "te weinig jaren: " + std::to_string(n) + (n == 1 ? " teldatum" : " teldata") + ", ten minste " +
                                    std::to_string(kMinHistoryRows) + " nodig (5 of meer voor spreidingen die meer zijn dan een gok)");
  if (n > kMaxHistoryRows)
    diags.error(r.at(line_of[kMaxHistoryRows], 0, ""), "meer dan " + std::to_string(kMaxHistoryRows) + " jaren; dit is geen telgeschiedenis van één SWV");
  check_years(of(cells, Col::Year), line_of, r);
  if (diags.has_errors()) return std::nullopt;

  History out;
  out.file = file;
  out.sector = *h.sector;
  for (double y : of(cells, Col::Year)) out.years.push_back(static_cast<int>(y));
  out.regular = of(cells, Col::Regular);
  out.special = of(cells, Col::Special);
  out.so_by_category = !h.index.count(Col::SoTotal);
  if (out.so_by_category) out.so = {of(cells, Col::SoLow), of(cells, Col::SoMid), of(cells, Col::SoHigh)};
  else out.so[0] = of(cells, Col::SoTotal);
  const HistoryColumns c = history_columns(out.sector);
  const std::string sp = c.special, so = c.so;
  std::vector<double> so_total(n);
  for (size_t t = 0; t < n; ++t) so_total[t] = out.so_total(t);
  out.special_flow = complete_flow(out.special, of(cells, Col::InSpecial), of(cells, Col::OutSpecial), "instroom_" + sp, "uitstroom_" + sp,
                                   out.sector == Sector::Po ? "SBO" : "PrO", out.years, line_of, r);
  out.so_flow = complete_flow(so_total, of(cells, Col::InSo), of(cells, Col::OutSo), "instroom_" + so, "uitstroom_" + so,
                              out.sector == Sector::Po ? "SO" : "VSO", out.years, line_of, r);
  if (diags.has_errors()) return std::nullopt;
  return out;
}

namespace {

std::string open_error(int e) {
  switch (e) {
    case ENOENT: return "bestand niet gevonden";
    case ENOTDIR: return "bestand niet gevonden (een deel van het pad is geen map)";
    case EACCES:
    case EPERM: return "bestand kan niet worden gelezen (geen leesrechten; controleer de rechten)";
    case EISDIR: return "dit is een map, geen bestand; geef een .csv-bestand op";
    case ENAMETOOLONG: return "het pad is te lang";
    case ELOOP: return "het pad kan niet worden gevolgd (te veel symbolische koppelingen)";
    default: return "bestand kan niet worden gelezen (systeemfout " + std::to_string(e) + ")";
  }
}

}  // namespace

std::optional<History> read_history(const std::string& path, std::optional<Sector> sector, Diagnostics& diags) {
  const Where w{path, 0, 0, ""};
  // Non-blocking, and only a regular file: a FIFO or device never hangs the reader.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    diags.error(w, open_error(errno));
    return std::nullopt;
  }
  struct stat st {};
  std::string text, why;
  if (::fstat(fd, &st) != 0) why = open_error(errno);
  else if (S_ISDIR(st.st_mode)) why = open_error(EISDIR);
  else if (!S_ISREG(st.st_mode)) why = "dit is geen gewoon bestand";
  char buf[1 << 16];
  while (why.empty() && text.size() <= kMaxHistoryBytes) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      why = open_error(errno);
      break;
    }
    text.append(buf, static_cast<size_t>(got));
  }
  ::close(fd);
  if (why.empty() && text.size() > kMaxHistoryBytes) why = "bestand is groter dan 1 MB; dit is geen telgeschiedenis";
  if (!why.empty()) {
    diags.error(w, why);
    return std::nullopt;
  }
  std::optional<History> h = parse_history(text, path, sector, diags);
  if (h) h->sha256 = sha256_hex(text);
  return h;
}

}  // namespace swv
