// A tiny recursive-descent walk over valid JSON that follows one pointer token at a time and
// skips every other value; object keys are compared after undoing the common escapes.
#include "stubbing/json_locator.h"

#include <string>
#include <vector>

namespace chatmock::stubbing {

namespace {
class Walker {
 public:
  explicit Walker(std::string_view text) : text_(text) {}

  /// Offset of the value reached by following `tokens` from the value at pos_.
  std::size_t follow(const std::vector<std::string>& tokens) {
    skip_space();
    for (const auto& token : tokens) {
      const std::size_t here = pos_;
      if (!enter(token)) return here;
      skip_space();
    }
    return pos_;
  }

 private:
  bool enter(const std::string& token) {
    if (pos_ >= text_.size()) return false;
    if (text_[pos_] == '{') {
      ++pos_;
      while (true) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '"') return false;
        const std::string key = read_string();
        skip_space();
        ++pos_;  // ':'
        skip_space();
        if (key == token) return true;
        skip_value();
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ',') return false;
        ++pos_;
      }
    }
    if (text_[pos_] == '[') {
      std::size_t wanted = 0;
      for (const char c : token) {
        if (c < '0' || c > '9') return false;
        wanted = wanted * 10 + static_cast<std::size_t>(c - '0');
      }
      ++pos_;
      for (std::size_t i = 0;; ++i) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] == ']') return false;
        if (i == wanted) return true;
        skip_value();
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ',') return false;
        ++pos_;
      }
    }
    return false;
  }

  std::string read_string() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        const char e = text_[pos_++];
        c = e == 'n'   ? '\n'
            : e == 't' ? '\t'
            : e == 'r' ? '\r'
            : e == 'b' ? '\b'
            : e == 'f' ? '\f'
                       : e;
        if (e == 'u') {
          out += "\\u";  // rare in keys; compared literally
          continue;
        }
      }
      out += c;
    }
    ++pos_;  // closing quote
    return out;
  }

  void skip_value() {
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    if (c == '"') {
      read_string();
      return;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < text_.size()) {
        const char d = text_[pos_];
        if (d == '"') {
          read_string();
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') ++depth;
        if ((d == '}' || d == ']') && --depth == 0) return;
      }
      return;
    }
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
           text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' &&
           text_[pos_] != '\t') {
      ++pos_;
    }
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  pointer.remove_prefix(1);  // leading '/'
  while (true) {
    const auto slash = pointer.find('/');
    std::string token;
    const auto raw = pointer.substr(0, slash);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        token += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pointer.remove_prefix(slash + 1);
  }
  return tokens;
}
}  // namespace

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

std::size_t line_of_pointer(std::string_view text, std::string_view pointer) {
  return line_of_offset(text, Walker(text).follow(split_pointer(pointer)));
}

}  // namespace chatmock::stubbing
