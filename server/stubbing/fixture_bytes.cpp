// UTF-8 well-formedness follows RFC 3629 §4 (no overlongs, no surrogates, at most U+10FFFF),
// the same rule nlohmann applies when it refuses to dump a string.
#include "stubbing/fixture_bytes.h"

#include <cstdint>

namespace chatmock::stubbing {

namespace {
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

}  // namespace chatmock::stubbing
