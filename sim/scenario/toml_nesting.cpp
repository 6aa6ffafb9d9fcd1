// The nesting scan (toml_nesting.h): a small state machine over the TOML text, strings and comments
// skipped, that finds the first place deeper than kMaxNesting before toml++ recurses into it.
#include "toml_nesting.h"

#include <optional>
#include <vector>

#include "toml_tree.h"

namespace swv {

namespace {

// The scan behind nesting_problem: a small state machine over the text, one member per kind of
// place (a table header, a key, a value).
class NestingScanner {
 public:
  explicit NestingScanner(std::string_view t) : t_(t), n_(t.size()), limit_(std::to_string(kMaxNesting)) {}
  NestingProblem run();

 private:
  enum class Ctx { LineStart, Key, Value, AfterHeader };
  struct Frame {
    char kind;  // '{' or '['
    int depth;  // depth of its keys ({) or elements ([)
  };

  size_t skip_string(size_t i) const;
  std::optional<NestingProblem> table_header(size_t& i);
  std::optional<NestingProblem> key_char(size_t& i);
  std::optional<NestingProblem> value_char(size_t& i);
  void start_key(int base) {
    ctx_ = Ctx::Key;
    key_base_ = base;
    key_parts_ = 1;
  }
  NestingProblem too_deep_key(size_t at) const {
    return NestingProblem{at, "te diep genest: deze sleutel ligt meer dan " + limit_ +
                                  " niveaus diep (delen tussen punten, samen met de tabelkop en omringende { } of [ ]); "
                                  "een scenario heeft er hoogstens 8 nodig"};
  }
  NestingProblem too_deep_value(size_t at) const {
    return NestingProblem{at, "te diep genest: meer dan " + limit_ +
                                  " niveaus van lijsten [ ] en tabellen { } in elkaar (samen met de sleutel ervoor); "
                                  "een scenario heeft er hoogstens 8 nodig"};
  }

  std::string_view t_;
  size_t n_;
  std::string limit_;
  std::vector<Frame> stack_;
  Ctx ctx_ = Ctx::LineStart;
  int header_ = 0;  // depth of the current [table]
  int key_base_ = 0, key_parts_ = 0, value_depth_ = 0;
};

// Skips a string starting at i (a quote); returns the offset after it.
size_t NestingScanner::skip_string(size_t i) const {
  const char q = t_[i];
  const bool basic = q == '"';
  if (i + 2 < n_ && t_[i + 1] == q && t_[i + 2] == q) {  // multi-line
    for (i += 3; i < n_; ++i) {
      if (basic && t_[i] == '\\') {
        ++i;
        continue;
      }
      if (t_[i] == q && i + 2 < n_ && t_[i + 1] == q && t_[i + 2] == q) {
        i += 3;
        while (i < n_ && t_[i] == q) ++i;  // up to two quotes may end the content
        return i;
      }
    }
    return n_;
  }
  for (++i; i < n_ && t_[i] != '\n'; ++i) {
    if (basic && t_[i] == '\\') {
      ++i;
      continue;
    }
    if (t_[i] == q) return i + 1;
  }
  return i;  // unterminated: toml++ reports it
}

// A table header at i: [a.b] or [[a.b]].
std::optional<NestingProblem> NestingScanner::table_header(size_t& i) {
  const bool array = i + 1 < n_ && t_[i + 1] == '[';
  i += array ? 2 : 1;
  int parts = 1 + (array ? 1 : 0);
  while (i < n_ && t_[i] != ']' && t_[i] != '\n') {
    if (t_[i] == '"' || t_[i] == '\'') {
      i = skip_string(i);
      continue;
    }
    if (t_[i] == '.' && ++parts > kMaxNesting)
      return NestingProblem{i, "te diep genest: deze tabelkop heeft meer dan " + limit_ +
                                   " niveaus (delen tussen punten); een scenario heeft er hoogstens 3 nodig"};
    ++i;
  }
  header_ = parts;
  ctx_ = Ctx::AfterHeader;
  while (i < n_ && t_[i] == ']') ++i;
  return std::nullopt;
}

std::optional<NestingProblem> NestingScanner::key_char(size_t& i) {
  const char ch = t_[i];
  if (ch == '"' || ch == '\'') {
    i = skip_string(i);
    return std::nullopt;
  }
  if (ch == '.') {
    if (key_base_ + ++key_parts_ > kMaxNesting) return too_deep_key(i);
  } else if (ch == '=') {
    ctx_ = Ctx::Value;
    value_depth_ = key_base_ + key_parts_;
    if (value_depth_ > kMaxNesting) return too_deep_key(i);  // a one-part key inside deep { }
  } else if (ch == '}' && !stack_.empty() && stack_.back().kind == '{') {  // empty inline table
    stack_.pop_back();
    ctx_ = Ctx::Value;
  }
  ++i;
  return std::nullopt;
}

std::optional<NestingProblem> NestingScanner::value_char(size_t& i) {
  const char ch = t_[i];
  if (ch == '"' || ch == '\'') {
    i = skip_string(i);
    return std::nullopt;
  }
  if (ch == '[' || ch == '{') {
    const int depth = value_depth_ + (ch == '[' ? 1 : 0);
    if (depth > kMaxNesting || static_cast<int>(stack_.size()) >= kMaxNesting) return too_deep_value(i);
    stack_.push_back({ch, depth});
    if (ch == '{') start_key(depth);
    else value_depth_ = depth;
  } else if (ch == ',' && !stack_.empty()) {
    if (stack_.back().kind == '{') start_key(stack_.back().depth);
    else value_depth_ = stack_.back().depth;
  } else if ((ch == ']' || ch == '}') && !stack_.empty()) {
    stack_.pop_back();
  }
  ++i;
  return std::nullopt;
}

NestingProblem NestingScanner::run() {
  for (size_t i = 0; i < n_;) {
    const char ch = t_[i];
    if (ch == '#') {  // comment
      while (i < n_ && t_[i] != '\n') ++i;
      continue;
    }
    if (ch == '\n') {
      if (stack_.empty()) ctx_ = Ctx::LineStart;
      ++i;
      continue;
    }
    if (ch == ' ' || ch == '\t' || ch == '\r') {
      ++i;
      continue;
    }
    std::optional<NestingProblem> problem;
    switch (ctx_) {
      case Ctx::LineStart:
        if (ch == '[') {
          problem = table_header(i);
          break;
        }
        start_key(header_);
        if (key_base_ + key_parts_ > kMaxNesting) return too_deep_key(i);
        continue;  // re-read this character as part of the key
      case Ctx::AfterHeader: ++i; continue;  // only a comment may follow (toml++ checks)
      case Ctx::Key: problem = key_char(i); break;
      case Ctx::Value: problem = value_char(i); break;
    }
    if (problem) return *problem;
  }
  return {};
}

}  // namespace

NestingProblem nesting_problem(std::string_view t) { return NestingScanner(t).run(); }

}  // namespace swv
