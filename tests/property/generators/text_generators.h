// Generators for the primitive values every wire type is built from: valid UTF-8 text biased
// towards the bytes that break encoders (quotes, backslashes, controls, multi-byte and astral
// code points), tool-style identifiers, finite doubles and arbitrary JSON values.
#pragma once

#include <rapidcheck.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace chatmock::property {

/// Which bytes text may contain beyond printable ASCII and non-ASCII code points.
enum class TextKind {
  any,       ///< every code point, CR, LF and NUL included
  line,      ///< no CR, LF or NUL: fits on one SSE field line
  printable  ///< printable ASCII and spaces only
};

/// The UTF-8 encoding of `code_point` (which must be a scalar value, not a surrogate).
std::string encode_utf8(std::uint32_t code_point);

/// Valid UTF-8 of 0..max_code_points code points of the given kind.
rc::Gen<std::string> text(std::size_t max_code_points = 24, TextKind kind = TextKind::any);
/// Like text() but never empty.
rc::Gen<std::string> non_empty_text(std::size_t max_code_points = 24,
                                    TextKind kind = TextKind::any);
/// A name matching ^[a-zA-Z0-9_-]{1,max_length}$ (tool, function and schema names).
rc::Gen<std::string> identifier(std::size_t max_length = 16);
/// A finite double (no NaN or infinity: JSON cannot carry them).
rc::Gen<double> finite_double();
/// A double in [lo, hi] on a grid of 1/100, so bounds are hit exactly sometimes.
rc::Gen<double> double_in(double lo, double hi);
/// Any JSON value nested at most `depth` levels, never null at the top when `non_null`.
rc::Gen<nlohmann::json> json_value(int depth = 2, bool non_null = false);
/// A JSON object of 0..3 members with any values, keys avoiding `reserved`.
rc::Gen<nlohmann::json> json_object(int depth = 2, std::vector<std::string> reserved = {});

/// One of `choices`, picked with the given weights (a run-time list, unlike
/// rc::gen::weightedOneOf's initializer list); shrinks towards the first choice.
template <class T>
rc::Gen<T> weighted(std::vector<std::pair<std::size_t, rc::Gen<T>>> choices) {
  std::size_t total = 0;
  for (const auto& choice : choices) total += choice.first;
  return rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, total), [choices](std::size_t roll) {
    for (const auto& [weight, gen] : choices) {
      if (roll < weight) return gen;
      roll -= weight;
    }
    return choices.back().second;
  });
}

/// A vector of 0..max items drawn from `gen`; shrinks towards fewer, simpler items.
template <class T>
rc::Gen<std::vector<T>> small_vector(rc::Gen<T> gen, std::size_t max, std::size_t min = 0) {
  return rc::gen::mapcat(rc::gen::inRange(min, max + 1), [gen](std::size_t n) {
    return rc::gen::container<std::vector<T>>(n, gen);
  });
}

}  // namespace chatmock::property
