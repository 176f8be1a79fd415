// UTF-8 well-formedness follows RFC 3629 §4 (no overlongs, no surrogates, at most U+10FFFF),
// the same rule nlohmann applies when it refuses to dump a string.
#include "stubbing/fixture_bytes.h"

#include <array>
#include <cstdint>

namespace chatmock::stubbing {

namespace {
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }
}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80U) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t min = 0;
    if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      min = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      min = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + length > bytes.size()) return false;
    std::uint32_t code = lead & (0x7FU >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(bytes[i + k]);
      if (!continuation(c)) return false;
      code = (code << 6U) | (c & 0x3FU);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::string encode_base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16U) |
                            (static_cast<unsigned char>(bytes[i + 1]) << 8U) |
                            static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6)
      out += kAlphabet[(v >> static_cast<unsigned>(shift)) & 0x3FU];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16U;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8U;
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

}  // namespace chatmock::stubbing
