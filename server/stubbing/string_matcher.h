// StringMatcher: how a stub compares one text of a request (model, a message, a header) —
// equals, contains or regex — and how far off a text is, for near-miss ranking (0 = match,
// 1 = nothing alike). Reading matchers from fixture JSON is stub_parser's job, not this file's.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <string_view>

namespace chatmock::stubbing {

/// The comparison a StringMatcher makes.
enum class StringOperator {
  equals,    ///< the whole text, byte for byte
  contains,  ///< the operand appears anywhere in the text
  regex,     ///< RE2 regex found anywhere in the text (anchor with ^…$ for a full match)
};

/// A regex operand RE2 cannot compile; what() says why. A std::regex_error, which is what
/// fixture loading has always caught.
class InvalidRegex : public std::regex_error {
 public:
  explicit InvalidRegex(std::string reason);
  const char* what() const noexcept override { return reason_.c_str(); }

 private:
  std::string reason_;
};

class StringMatcher {
 public:
  /// A matcher; throws InvalidRegex when `op` is regex and `operand` does not compile.
  StringMatcher(StringOperator op, std::string operand);

  /// True when `text` satisfies the matcher.
  bool matches(std::string_view text) const;
  /// 0 when `text` matches, else in (0, 1]; closer texts score lower.
  double distance(std::string_view text) const;
  /// The matcher as near-miss messages show it: `equals "x"`, `contains "x"`, `regex /x/`.
  std::string describe() const;
  StringOperator op() const { return op_; }
  const std::string& operand() const { return operand_; }

 private:
  struct CompiledRegex;
  StringOperator op_;
  std::string operand_;
  std::shared_ptr<const CompiledRegex> regex_;
};

/// Normalised edit distance of two texts in [0, 1]; long texts use a prefix/suffix estimate.
double text_distance(std::string_view a, std::string_view b);
/// `text` as a quoted string for messages, cut to about 80 characters.
std::string quote_for_message(std::string_view text);

}  // namespace chatmock::stubbing
