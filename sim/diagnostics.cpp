#include "diagnostics.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace swv {

std::string Diagnostic::format() const {
  std::string out = where.file.empty() ? std::string("(invoer)") : where.file;
  if (where.line > 0) {
    out += ":" + std::to_string(where.line);
    if (where.column > 0) out += ":" + std::to_string(where.column);
  }
  out += severity == Severity::Error ? ": fout: " : ": waarschuwing: ";
  if (!where.key.empty()) out += where.key + ": ";
  out += message;
  return out;
}

void Diagnostics::error(Where where, std::string message) {
  items_.push_back({Severity::Error, std::move(where), std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Where where, std::string message) {
  // The same warning (same place and text) once only: variants re-read their bases.
  for (const auto& d : items_)
    if (d.severity == Severity::Warning && d.message == message && d.where.file == where.file &&
        d.where.line == where.line && d.where.key == where.key)
      return;
  items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

std::vector<std::string> Diagnostics::warnings() const {
  std::vector<std::string> out;
  for (const auto& d : items_)
    if (d.severity == Severity::Warning) out.push_back(d.format());
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::Error) ++errors_;
  }
}

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      int cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                         std::tolower(static_cast<unsigned char>(b[j - 1]))
                     ? 0
                     : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  int best_d = 1 << 30;
  for (const auto& c : candidates) {
    int d = edit_distance(word, c);
    // A prefix/containment match counts as close too ("verwijzing_sbo" -> "verwijzing_sbo_factor").
    if (c.find(word) != std::string::npos || word.find(c) != std::string_view::npos)
      d = std::min<int>(d, 2);
    if (d < best_d) best_d = d, best = c;
  }
  int limit = std::max<int>(2, static_cast<int>(word.size()) / 2);
  return best_d <= limit ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string n = nearest(word, candidates);
  return n.empty() ? std::string() : " (bedoelde je \"" + n + "\"?)";
}

}  // namespace swv
