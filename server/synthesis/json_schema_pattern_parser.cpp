// A recursive-descent parser for the pattern subset. Strict mode refuses anything outside the
// subset; relaxed mode drops lookarounds, \b and backreferences instead, which is safe only
// because every generated candidate is confirmed with RE2 before it is used.
#include "synthesis/json_schema_pattern_parser.h"

#include <cstddef>
#include <utility>

#include "synthesis/json_schema_keywords.h"

namespace chatmock::synthesis {

namespace {

constexpr int kMaxRepeat = 1000;

const std::string kDigits = "0123456789";
const std::string kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const std::string kWordChars = kLetters + kDigits + "_";

bool in_set(const std::string& set, char c) { return set.find(c) != std::string::npos; }

// Characters a negated class may produce: alphanumerics first so the result looks plausible.
std::string complement(const std::string& excluded) {
  std::string out;
  for (const char c : kLetters + kDigits) {
    if (!in_set(excluded, c)) out += c;
  }
  for (char c = ' '; c <= '~'; ++c) {
    if (!in_set(excluded, c) && !in_set(out, c)) out += c;
  }
  return out;
}

class PatternParser {
 public:
  PatternParser(std::string_view pattern, bool relaxed) : pattern_(pattern), relaxed_(relaxed) {}

  std::optional<PatternNode> parse() {
    auto root = alternation(0);
    if (!root || pos_ != pattern_.size()) return std::nullopt;
    return root;
  }

 private:
  [[nodiscard]] bool at_end() const { return pos_ >= pattern_.size(); }
  [[nodiscard]] char peek() const { return pattern_[pos_]; }

  std::optional<PatternNode> alternation(int depth) {
    if (depth > kMaxSchemaDepth) return std::nullopt;
    PatternNode node{PatternNode::Kind::kAlternation, {}, {}, 1, 1};
    while (true) {
      auto branch = sequence(depth);
      if (!branch) return std::nullopt;
      node.children.push_back(std::move(*branch));
      if (at_end() || peek() != '|') break;
      ++pos_;
    }
    return node;
  }

  std::optional<PatternNode> sequence(int depth) {
    PatternNode node{PatternNode::Kind::kSequence, {}, {}, 1, 1};
    while (!at_end() && peek() != '|' && peek() != ')') {
      const bool anchor = peek() == '^' || peek() == '$';
      auto item = atom(depth);
      if (!item) return std::nullopt;
      if (quantifier(*item) && anchor) return std::nullopt;
      node.children.push_back(std::move(*item));
    }
    return node;
  }

  std::optional<PatternNode> atom(int depth) {
    const char c = pattern_[pos_++];
    const auto literal = [](std::string text) {
      return PatternNode{PatternNode::Kind::kLiteral, std::move(text), {}, 1, 1};
    };
    const auto one_of = [](std::string set) -> std::optional<PatternNode> {
      if (set.empty()) return std::nullopt;
      return PatternNode{PatternNode::Kind::kClass, std::move(set), {}, 1, 1};
    };
    switch (c) {
      case '(': {
        bool zero_width = false;
        if (!at_end() && peek() == '?') {
          const auto head = pattern_.substr(pos_, 3);
          if (head.starts_with("?:")) {
            pos_ += 2;
          } else if (relaxed_ && (head.starts_with("?=") || head.starts_with("?!"))) {
            pos_ += 2;
            zero_width = true;
          } else if (relaxed_ && (head == "?<=" || head == "?<!")) {
            pos_ += 3;
            zero_width = true;
          } else if (relaxed_ && head.starts_with("?<") &&
                     pattern_.find('>', pos_) != std::string_view::npos) {
            pos_ = pattern_.find('>', pos_) + 1;  // named group: an ordinary group here
          } else {
            return std::nullopt;  // lookaround or named group: outside the strict subset
          }
        }
        auto group = alternation(depth + 1);
        if (!group || at_end() || peek() != ')') return std::nullopt;
        ++pos_;
        return zero_width ? literal("") : std::move(*group);
      }
      case '[':
        return one_of(class_body().value_or(""));
      case '.':
        return one_of(kLetters + kDigits);
      case '^':
      case '$':
        return literal("");
      case '\\': {
        auto set = escape();
        if (!set) return std::nullopt;
        return set->size() <= 1 ? literal(*set) : one_of(*set);
      }
      case '*':
      case '+':
      case '?':
        return std::nullopt;  // nothing to repeat
      case '{': {
        --pos_;
        PatternNode probe;
        if (quantifier(probe)) return std::nullopt;
        ++pos_;
        return literal("{");
      }
      default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x80) return literal(std::string(1, c));
    // Keep a UTF-8 code point together so a quantifier repeats all of its bytes.
    std::string code_point(1, c);
    while (!at_end() && (static_cast<unsigned char>(peek()) & 0xC0U) == 0x80U) {
      code_point += pattern_[pos_++];
    }
    return literal(code_point);
  }

  // After a backslash: the characters the escape stands for (one character for a literal, none
  // for an assertion or backreference the relaxed parse drops).
  std::optional<std::string> escape() {
    if (at_end()) return std::nullopt;
    const char c = pattern_[pos_++];
    switch (c) {
      case 'd':
        return kDigits;
      case 'w':
        return kWordChars;
      case 's':
        return std::string(" ");
      case 'D':
        return kLetters;
      case 'W':
        return std::string(" -.,!");
      case 'S':
        return kLetters + kDigits;
      case 'n':
        return std::string("\n");
      case 't':
        return std::string("\t");
      case 'r':
        return std::string("\r");
      default:
        break;
    }
    if (c == 'x' || c == 'u') return hex_escape(c == 'x' ? 2 : 4);
    if (relaxed_ && (c == 'b' || c == 'B')) return std::string();
    if (relaxed_ && c >= '1' && c <= '9') {
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
      return std::string();
    }
    if (relaxed_ && c == 'k' && !at_end() && peek() == '<') {
      const auto close = pattern_.find('>', pos_);
      if (close == std::string_view::npos) return std::nullopt;
      pos_ = close + 1;
      return std::string();
    }
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || static_cast<unsigned char>(c) >= 0x80) return std::nullopt;  // \b \1 \p...
    return std::string(1, c);
  }

  // \xHH or \uHHHH naming a printable ASCII character; others leave the subset.
  std::optional<std::string> hex_escape(std::size_t digits) {
    if (pos_ + digits > pattern_.size()) return std::nullopt;
    int code = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const char h = pattern_[pos_ + i];
      const int nibble = h >= '0' && h <= '9'   ? h - '0'
                         : h >= 'a' && h <= 'f' ? h - 'a' + 10
                         : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                : -1;
      if (nibble < 0) return std::nullopt;
      code = code * 16 + nibble;
    }
    pos_ += digits;
    if (code < 0x20 || code > 0x7E) return std::nullopt;
    return std::string(1, static_cast<char>(code));
  }

  // After '[': the member characters, complemented for [^...].
  std::optional<std::string> class_body() {
    const bool negated = !at_end() && peek() == '^';
    if (negated) ++pos_;
    std::string set;
    while (!at_end() && peek() != ']') {
      std::string item;
      if (peek() == '\\') {
        ++pos_;
        auto escaped = escape();
        if (!escaped || escaped->empty()) return std::nullopt;
        item = *escaped;
      } else {
        item = std::string(1, pattern_[pos_++]);
      }
      if (static_cast<unsigned char>(item[0]) >= 0x80) return std::nullopt;
      const bool range = item.size() == 1 && pos_ + 1 < pattern_.size() && peek() == '-' &&
                         pattern_[pos_ + 1] != ']';
      if (range) {
        ++pos_;
        const char high = pattern_[pos_++];
        if (high == '\\' || high < item[0] || static_cast<unsigned char>(high) >= 0x80) {
          return std::nullopt;
        }
        const auto low = static_cast<unsigned char>(item[0]);
        for (unsigned ch = low; ch <= static_cast<unsigned char>(high); ++ch) {
          set += static_cast<char>(ch);
        }
      } else {
        set += item;
      }
    }
    if (at_end()) return std::nullopt;
    ++pos_;
    return negated ? complement(set) : set;
  }

  std::optional<int> number() {
    int value = 0;
    const std::size_t start = pos_;
    while (!at_end() && peek() >= '0' && peek() <= '9' && value <= kMaxRepeat) {
      value = value * 10 + (peek() - '0');
      ++pos_;
    }
    if (pos_ == start) return std::nullopt;
    return value;
  }

  // Reads a quantifier into `node` if one follows; a lone '{' is left for the caller.
  bool quantifier(PatternNode& node) {
    if (at_end()) return false;
    const std::size_t start = pos_;
    const char c = pattern_[pos_++];
    if (c == '?') {
      node.min = 0;
    } else if (c == '*') {
      node.min = 0;
      node.max = -1;
    } else if (c == '+') {
      node.max = -1;
    } else if (c == '{') {
      const auto low = number();
      std::optional<int> high = low;
      if (low && !at_end() && peek() == ',') {
        ++pos_;
        high = at_end() || peek() == '}' ? std::optional<int>(-1) : number();
      }
      if (!low || !high || at_end() || peek() != '}' || *low > kMaxRepeat || *high > kMaxRepeat ||
          (*high >= 0 && *high < *low)) {
        pos_ = start;
        return false;
      }
      ++pos_;
      node.min = *low;
      node.max = *high;
    } else {
      pos_ = start;
      return false;
    }
    if (!at_end() && peek() == '?') ++pos_;  // lazy: same language
    return true;
  }

  std::string_view pattern_;
  bool relaxed_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<PatternNode> parse_pattern(std::string_view pattern, bool relaxed) {
  return PatternParser(pattern, relaxed).parse();
}

}  // namespace chatmock::synthesis
