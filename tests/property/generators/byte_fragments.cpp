// Cut points are drawn as positions; the "awkward" mode draws them from the positions where a
// decoder that assumed whole lines or whole code points per read would go wrong.
#include "generators/byte_fragments.h"

#include <algorithm>

#include "generators/text_generators.h"

namespace chatmock::property {

namespace {
std::vector<std::size_t> awkward_positions(const std::string& bytes) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    const bool inside_code_point = (byte & 0xC0U) == 0x80U;
    const bool inside_crlf = bytes[i - 1] == '\r' && bytes[i] == '\n';
    const bool after_colon = bytes[i - 1] == ':';
    if (inside_code_point || inside_crlf || after_colon) out.push_back(i);
  }
  return out;
}

std::vector<std::string> cut(const std::string& bytes, std::vector<std::size_t> positions) {
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  std::vector<std::string> out;
  std::size_t start = 0;
  for (const auto p : positions) {
    if (p <= start || p >= bytes.size()) continue;
    out.push_back(bytes.substr(start, p - start));
    start = p;
  }
  out.push_back(bytes.substr(start));
  return out;
}
}  // namespace

rc::Gen<std::vector<std::string>> byte_fragments(const std::string& bytes) {
  if (bytes.size() < 2) return rc::gen::just(std::vector<std::string>{bytes});
  const auto anywhere =
      rc::gen::map(small_vector(rc::gen::inRange<std::size_t>(1, bytes.size()), 16),
                   [bytes](std::vector<std::size_t> p) { return cut(bytes, std::move(p)); });
  std::vector<std::pair<std::size_t, rc::Gen<std::vector<std::string>>>> modes = {
      {1, rc::gen::just(std::vector<std::string>{bytes})},
      {4, anywhere},
      {1, rc::gen::just(cut(bytes,
                            [&] {
                              std::vector<std::size_t> every(bytes.size());
                              for (std::size_t i = 0; i < every.size(); ++i) every[i] = i;
                              return every;
                            }()))},
  };
  const auto awkward = awkward_positions(bytes);
  if (!awkward.empty()) {
    modes.push_back({4, rc::gen::map(small_vector(rc::gen::elementOf(awkward), 16),
                                     [bytes](std::vector<std::size_t> p) {
                                       return cut(bytes, std::move(p));
                                     })});
  }
  return weighted(std::move(modes));
}

}  // namespace chatmock::property
