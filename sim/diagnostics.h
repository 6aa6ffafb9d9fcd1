#pragma once
// Diagnostics: errors and warnings about input, collected (never thrown one at a time), so that a
// user sees every mistake of every file in one go. Messages are Dutch; each names file, line,
// column and key path.
#include <string>
#include <string_view>
#include <vector>

namespace swv {

// Where something was written: file, 1-based line and column (0 = unknown), and the key path
// (e.g. "post[3.1].bedrag").
struct Where {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
};

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  Where where;
  std::string message;
  // "bestand.toml:12:5: fout: post[3.1].bedrag: <message>"
  std::string format() const;
};

class Diagnostics {
 public:
  void error(Where where, std::string message);
  void warning(Where where, std::string message);
  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<std::string> warnings() const;  // formatted warnings only
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

// Edit distance (Levenshtein) for "bedoelde je ...?" suggestions.
int edit_distance(std::string_view a, std::string_view b);
// The candidate nearest to `word`, or "" when none is reasonably close.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);
// " (bedoelde je \"x\"?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// User text quoted for a message: "\"text\"", cut after kQuoteMax characters (UTF-8 aware) with
// "…" and the full length, so a megabyte key or value never becomes a megabyte message.
constexpr size_t kQuoteMax = 60;
std::string quote(std::string_view text);
// The same without quotes, cut after max_chars characters.
std::string shorten(std::string_view text, size_t max_chars);
// Control characters (C0, DEL, C1) and bidirectional overrides written as \u001B: a message
// never moves the cursor, clears a terminal or reverses text. format() applies it to every line.
std::string escape_controls(std::string_view text);

}  // namespace swv
