#pragma once
// The common room (sim/common): what every other room uses and nothing else depends on:
// diagnostics (this header), Dutch number formatting (format_nl.h), hashing (sha256.h, stream ids in
// stream_id.h) and the engine version (engine_version.h). It depends on no other room.
//
// Diagnostics: errors and warnings about input, collected (never thrown one at a time), so that a
// user sees every mistake of every file in one go. Messages are Dutch; each names file, line,
// column and key path.
#include <cstdint>
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
// Characters that must not reach a terminal, report or workbook from user text: C0 controls, DEL,
// C1 controls (U+0080..U+009F), bidirectional formatting (U+061C, U+200E/F, U+202A..U+202E,
// U+2066..U+2069), line and paragraph separators (U+2028/9) and Unicode noncharacters
// (U+FDD0..U+FDEF, U+xxFFFE/F, invalid in XML). Tab is not one.
bool is_forbidden_char(char32_t cp);
// The first such character in `text` (tab allowed; \n and \r too when allow_line_breaks), or -1.
// Invalid UTF-8 bytes are skipped (files are checked for UTF-8 before this).
long first_forbidden_char(std::string_view text, bool allow_line_breaks = false);
// What kind of character it is, for a message: "het stuurteken U+009B", "het richtingsteken U+202E".
std::string forbidden_char_text(char32_t cp);
// Forbidden characters written as \u001B (\U0001FFFE above U+FFFF), and bytes that are no UTF-8 as
// \x9B: a message never moves the cursor, clears a terminal or reverses text. format() applies it to
// every line; the CLI to every file or folder name it prints (names come from the user's system).
std::string escape_controls(std::string_view text);

}  // namespace swv
