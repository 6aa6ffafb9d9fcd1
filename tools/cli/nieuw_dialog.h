#pragma once
// The terminal dialogue of `swvsim nieuw`: the questions of answers.h one at a time, each with an
// example answer; 'terug' goes back a question, '?' explains, 'stop' ends without writing anything;
// Enter skips an optional question. Each answer is checked at once against the answers schema (the
// same checks as an answers file), and forgiving where a controller types Dutch: "18.950" is
// 18950, "2,0%" is 0.020, "€ 2.400.000" is 2400000 (the interpretation is echoed).
// The result is an answers file's text: the one reader (read_answers) checks both paths.
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace swv::cli {

// Checks a complete answers text: returns "" when it is complete and consistent (read_answers and
// the derivation), else the message and the key of the first problem, so the dialogue can return
// to that question.
struct AnswersProblem {
  std::string key, message;
};
using AnswersCheck = std::function<std::optional<AnswersProblem>(const std::string& answers_text)>;

// Runs the dialogue on `in`/`out`; nullopt when the user stops (or the input ends).
std::optional<std::string> ask_answers(std::istream& in, std::ostream& out, const AnswersCheck& check);

// The typed text of one answer as a TOML value for `key` (Dutch notation made TOML), or the text
// unchanged when no reading applies; exposed for tests.
std::string toml_value_of(const std::string& key, const std::string& typed);

}  // namespace swv::cli
