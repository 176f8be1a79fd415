// Code points are drawn by class with weights, not uniformly: a uniform draw over U+0000..U+10FFFF
// is almost always an astral letter and would rarely produce the quote or the control byte that
// breaks an encoder.
#include "generators/text_generators.h"

#include <algorithm>
#include <cmath>

namespace chatmock::property {

namespace {

rc::Gen<std::uint32_t> code_point(TextKind kind) {
  using rc::gen::element;
  using rc::gen::inRange;
  using rc::gen::just;
  using Cp = std::uint32_t;
  if (kind == TextKind::printable) return inRange<Cp>(0x20, 0x7F);
  const auto bmp =
      rc::gen::suchThat(inRange<Cp>(0x800, 0x10000), [](Cp c) { return c < 0xD800 || c > 0xDFFF; });
  const auto controls = kind == TextKind::any
                            ? element<Cp>('\n', '\r', '\t', 0x00, 0x01, 0x1F, 0x7F)
                            : element<Cp>('\t', 0x01, 0x1F, 0x7F);
  return rc::gen::weightedOneOf<Cp>({
      {40, inRange<Cp>(0x20, 0x7F)},               // printable ASCII
      {8, just<Cp>(' ')},                          // token splits hinge on spaces
      {6, element<Cp>('"', '\\', '/', ':', '{')},  // JSON and SSE syntax
      {4, controls},                               // escapes and line endings
      {6, inRange<Cp>(0x80, 0x800)},               // two bytes: é, ß, Ω
      {6, bmp},                                    // three bytes: 中, €
      {2, element<Cp>(0x2028, 0x2029, 0xFEFF)},    // separators JavaScript mishandles, BOM
      {4, inRange<Cp>(0x10000, 0x110000)},         // four bytes: emoji, astral planes
  });
}

std::string encode_all(const std::vector<std::uint32_t>& code_points) {
  std::string out;
  for (const auto c : code_points) out += encode_utf8(c);
  return out;
}

}  // namespace

std::string encode_utf8(std::uint32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0U | (c >> 6U));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0U | (c >> 12U));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (c >> 18U));
    out += static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  }
  return out;
}

rc::Gen<std::string> text(std::size_t max_code_points, TextKind kind) {
  return rc::gen::map(small_vector(code_point(kind), max_code_points), encode_all);
}

rc::Gen<std::string> non_empty_text(std::size_t max_code_points, TextKind kind) {
  return rc::gen::map(small_vector(code_point(kind), std::max<std::size_t>(max_code_points, 1), 1),
                      encode_all);
}

rc::Gen<std::string> identifier(std::size_t max_length) {
  static const std::string kAlphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
  return rc::gen::map(
      small_vector(rc::gen::elementOf(kAlphabet), max_length, 1),
      [](const std::vector<char>& chars) { return std::string(chars.begin(), chars.end()); });
}

rc::Gen<double> finite_double() {
  return rc::gen::weightedOneOf<double>({
      {3,
       rc::gen::suchThat(rc::gen::arbitrary<double>(), [](double d) { return std::isfinite(d); })},
      {1, rc::gen::element(0.0, -0.0, 1.0, -1.0, 0.1, 1e-300, 1.7976931348623157e308, -2.5e-7)},
  });
}

rc::Gen<double> double_in(double lo, double hi) {
  const auto steps = static_cast<std::int64_t>(std::llround((hi - lo) * 100));
  return rc::gen::map(rc::gen::inRange<std::int64_t>(0, steps + 1), [lo, hi](std::int64_t k) {
    return std::clamp(lo + static_cast<double>(k) / 100.0, lo, hi);
  });
}

rc::Gen<nlohmann::json> json_value(int depth, bool non_null) {
  using nlohmann::json;
  std::vector<std::pair<std::size_t, rc::Gen<json>>> choices = {
      {2, rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return json(b); })},
      {3, rc::gen::map(rc::gen::arbitrary<std::int64_t>(), [](std::int64_t i) { return json(i); })},
      {2, rc::gen::map(finite_double(), [](double d) { return json(d); })},
      {4, rc::gen::map(text(12), [](std::string s) { return json(std::move(s)); })},
  };
  if (!non_null) choices.push_back({1, rc::gen::just(json(nullptr))});
  if (depth > 0) {
    choices.push_back(
        {2, rc::gen::map(small_vector(json_value(depth - 1), 3),
                         [](std::vector<json> items) { return json(std::move(items)); })});
    choices.push_back({2, json_object(depth - 1)});
  }
  return weighted(choices);
}

rc::Gen<nlohmann::json> json_object(int depth, std::vector<std::string> reserved) {
  using nlohmann::json;
  const auto key = rc::gen::suchThat(text(8), [reserved](const std::string& k) {
    return std::find(reserved.begin(), reserved.end(), k) == reserved.end();
  });
  const auto member = rc::gen::pair(key, json_value(depth));
  return rc::gen::map(small_vector(member, 3),
                      [](const std::vector<std::pair<std::string, json>>& members) {
                        json object = json::object();
                        for (const auto& [k, v] : members) object[k] = v;
                        return object;
                      });
}

}  // namespace chatmock::property
