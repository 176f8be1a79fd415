// A piece is: an optional single leading space, then a run of ASCII alphanumerics, or one
// non-ASCII code point (kept whole), or one other byte. Long alphanumeric runs are cut every
// 8 bytes so identifiers in tool arguments stream in several fragments, as they do for real.
#include "synthesis/token_splitter.h"

namespace chatmock::synthesis {

namespace {
constexpr std::size_t kMaxRun = 8;

bool is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// Length of the piece starting at `pos`.
std::size_t piece_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  if (text[end] == ' ' && end + 1 < text.size() && text[end + 1] != ' ') ++end;
  const auto c = static_cast<unsigned char>(text[end]);
  if (is_alnum(c)) {
    const std::size_t start = end;
    while (end < text.size() && is_alnum(static_cast<unsigned char>(text[end])) &&
           end - start < kMaxRun) {
      ++end;
    }
  } else {
    end += c >= 0x80 ? utf8_length(c) : 1;
  }
  return std::min(end, text.size()) - pos;
}
}  // namespace

std::vector<std::string> split_tokens(std::string_view text) {
  std::vector<std::string> pieces;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t length = piece_length(text, pos);
    pieces.emplace_back(text.substr(pos, length));
    pos += length;
  }
  return pieces;
}

std::size_t count_tokens(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += piece_length(text, pos)) ++count;
  return count;
}

}  // namespace chatmock::synthesis
