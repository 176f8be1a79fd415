// Encoding runs over whole 3-byte groups then pads the rest; decoding takes only padded text,
// since fixtures are written by chatmock itself; is_base64 is the API's looser acceptance.
#include "text/base64.h"

#include <array>
#include <cstdint>

namespace chatmock::text {

namespace {
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}
}  // namespace

std::string encode_base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v =
        (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
        static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6)
      out += kAlphabet[(v >> static_cast<unsigned>(shift)) & 0x3FU];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16U;
    if (rest == 2) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
    out += kAlphabet[(v >> 18U) & 0x3FU];
    out += kAlphabet[(v >> 12U) & 0x3FU];
    out += rest == 2 ? kAlphabet[(v >> 6U) & 0x3FU] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> decode_base64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::array<int, 4> v{};
    int padding = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      const bool last_quad = i + 4 == text.size();
      if (c == '=' && last_quad && k >= 2) {
        ++padding;
        v[k] = 0;
        continue;
      }
      if (padding > 0) return std::nullopt;  // data after '='
      v[k] = sextet(c);
      if (v[k] < 0) return std::nullopt;
    }
    const auto word = (static_cast<std::uint32_t>(v[0]) << 18U) |
                      (static_cast<std::uint32_t>(v[1]) << 12U) |
                      (static_cast<std::uint32_t>(v[2]) << 6U) | static_cast<std::uint32_t>(v[3]);
    out += static_cast<char>((word >> 16U) & 0xFFU);
    if (padding < 2) out += static_cast<char>((word >> 8U) & 0xFFU);
    if (padding < 1) out += static_cast<char>(word & 0xFFU);
  }
  return out;
}

bool is_base64(std::string_view text) {
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  const std::size_t digits = text.size() - padding;
  if (digits == 0) return false;
  for (std::size_t i = 0; i < digits; ++i) {
    if (sextet(text[i]) < 0) return false;
  }
  // Padded text fills whole quads; unpadded text may not end one digit into a quad.
  return padding > 0 ? text.size() % 4 == 0 : digits % 4 != 1;
}

}  // namespace chatmock::text
