// Regexes are RE2: matching is linear in the text whatever the pattern (std::regex backtracked,
// and recursed per character), and compiling is bounded by RE2's memory budget, so a stub POSTed
// to the admin API cannot make matching hang or exhaust a stack. RE2 has no backreferences or
// lookaround; a pattern using them is refused when the stub is loaded. Edit distance is exact up to
// kMaxExactDistance bytes per side and estimated above, so ranking near misses for a large request
// stays cheap.
#include "stubbing/string_matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <vector>

namespace chatmock::stubbing {

namespace {
// The documented contract (fixtures/README.md): a regex sees the first 8 KiB of a text. RE2
// would cope with more; the cap keeps matching cost per stub independent of the request.
constexpr std::size_t kMaxRegexInput = 8 * 1024;
constexpr std::size_t kMaxExactDistance = 256;
constexpr double kMinimumMiss = 0.01;  // a miss is never scored as a match
}  // namespace

struct StringMatcher::CompiledRegex {
  explicit CompiledRegex(const std::string& pattern) : regex(pattern, options()) {}
  static RE2::Options options() {
    RE2::Options options;
    options.set_log_errors(false);
    return options;
  }
  RE2 regex;
};

InvalidRegex::InvalidRegex(std::string reason)
    : std::regex_error(std::regex_constants::error_complexity), reason_(std::move(reason)) {}

StringMatcher::StringMatcher(StringOperator op, std::string operand)
    : op_(op), operand_(std::move(operand)) {
  if (op_ == StringOperator::regex) {
    auto compiled = std::make_shared<const CompiledRegex>(operand_);
    if (!compiled->regex.ok()) throw InvalidRegex(compiled->regex.error());
    regex_ = std::move(compiled);
  }
}

bool StringMatcher::matches(std::string_view text) const {
  switch (op_) {
    case StringOperator::equals:
      return text == operand_;
    case StringOperator::contains:
      return text.find(operand_) != std::string_view::npos;
    case StringOperator::regex:
      return RE2::PartialMatch(re2::StringPiece(text.data(), std::min(text.size(), kMaxRegexInput)),
                               regex_->regex);
  }
  return false;
}

double StringMatcher::distance(std::string_view text) const {
  if (matches(text)) return 0;
  switch (op_) {
    case StringOperator::equals:
      return std::max(kMinimumMiss, text_distance(operand_, text));
    case StringOperator::contains: {
      // How much of the operand is missing from the best-aligned window of the text.
      if (text.size() <= operand_.size())
        return std::max(kMinimumMiss, text_distance(operand_, text));
      return std::max(kMinimumMiss,
                      0.5 + 0.5 * text_distance(operand_, text.substr(0, operand_.size())));
    }
    case StringOperator::regex:
      return 1;
  }
  return 1;
}

std::string StringMatcher::describe() const {
  switch (op_) {
    case StringOperator::equals:
      return "equals " + quote_for_message(operand_);
    case StringOperator::contains:
      return "contains " + quote_for_message(operand_);
    case StringOperator::regex:
      return "regex /" + operand_ + "/";
  }
  return operand_;
}

double text_distance(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  const std::size_t longest = std::max(a.size(), b.size());
  if (a.size() > kMaxExactDistance || b.size() > kMaxExactDistance) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
      ++suffix;
    }
    return 1.0 - static_cast<double>(prefix + suffix) / static_cast<double>(longest);
  }
  // Levenshtein with two rows.
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return static_cast<double>(previous[b.size()]) / static_cast<double>(longest);
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t kLimit = 80;
  std::string out = "\"";
  for (const char c : text.substr(0, std::min(text.size(), kLimit))) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  if (text.size() > kLimit) out += "…";
  return out + "\"";
}

}  // namespace chatmock::stubbing
