// Numbers are drawn from the name's plausible range clipped to the schema's bounds (or a
// window at the nearest bound when the two are disjoint), as whole multiples of multipleOf.
// Strings try format, then pattern, then a name-driven sample; format and pattern candidates
// are confirmed with the checker, so a lenient pattern parse costs a retry, not a bad value.
#include "synthesis/json_schema_scalars.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_format.h"
#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_pattern.h"
#include "synthesis/json_schema_samples.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

// Inside ±2^53 every integer is exact as a double and as an int64.
constexpr double kLargest = 9007199254740992.0;

json number_value(double value, bool integral) {
  if (integral && std::fabs(value) < kLargest)
    return static_cast<std::int64_t>(std::llround(value));
  return value;
}

// The smallest multiple of `step` that is a whole number, so an integer can honour multipleOf.
double integer_step(double step) {
  for (int k = 1; k <= 1000; ++k) {
    const double candidate = step * k;
    if (candidate >= 1 && std::fabs(candidate - std::round(candidate)) < 1e-9) {
      return std::round(candidate);
    }
  }
  return step;
}

json multiple_in(double lo, double hi, double step, const NumericBounds& bounds, Rng& rng,
                 bool integral) {
  double first = std::ceil(lo / step);
  double last = std::floor(hi / step);
  if (!std::isfinite(first) || !std::isfinite(last)) return nullptr;
  if (bounds.lo_exclusive && bounds.lo && first * step <= *bounds.lo) first += 1;
  if (bounds.hi_exclusive && bounds.hi && last * step >= *bounds.hi) last -= 1;
  first = std::clamp(first, -kLargest, kLargest);
  last = std::clamp(last, -kLargest, kLargest);
  if (first > last) return nullptr;
  const auto k = rng.between(static_cast<std::int64_t>(first), static_cast<std::int64_t>(last));
  const double value = static_cast<double>(k) * step;
  return number_value(value, integral || std::floor(step) == step);
}

std::string fit_length(std::string text, std::size_t min_length, std::size_t max_length, Rng& rng) {
  while (text.size() < min_length) text += (text.empty() ? "" : " ") + sample_word(rng);
  if (text.size() > max_length) {
    text.resize(max_length);
    if (!text.empty() && text.back() == ' ') text.back() = 'x';
  }
  return text;
}

}  // namespace

json generate_number(const json& schema, bool integer, std::string_view name, Rng& rng) {
  const NumericBounds bounds = numeric_bounds(schema);
  const auto hint = sample_range(name);
  double lo = hint ? hint->lo : 0;
  double hi = hint ? hint->hi : integer ? 100 : 1000;
  const int decimals = hint ? hint->decimals : 2;
  const double floor_bound = std::clamp(bounds.lo.value_or(-kLargest), -kLargest, kLargest);
  const double ceil_bound = std::clamp(bounds.hi.value_or(kLargest), -kLargest, kLargest);
  if (hi < floor_bound || lo > ceil_bound) {
    const double width = hi - lo;
    if (bounds.lo && lo < floor_bound) {
      lo = floor_bound;
      hi = std::min(ceil_bound, floor_bound + width);
    } else {
      hi = ceil_bound;
      lo = std::max(floor_bound, ceil_bound - width);
    }
  } else {
    lo = std::max(lo, floor_bound);
    hi = std::min(hi, ceil_bound);
  }
  auto step = number_keyword(schema, "multipleOf");
  if (step && *step <= 0) step.reset();
  if (integer || step) {
    const double unit = !step ? 1.0 : integer ? integer_step(*step) : *step;
    json value = multiple_in(lo, hi, unit, bounds, rng, integer);
    if (value.is_null()) value = multiple_in(floor_bound, ceil_bound, unit, bounds, rng, integer);
    return value.is_null() ? number_value(floor_bound, integer) : value;
  }
  const double raw = lo + rng.unit() * (hi - lo);
  const double scale = std::pow(10.0, decimals);
  double value = std::round(raw * scale) / scale;
  if (value < lo || value > hi) value = raw;
  // An exclusive bound must not be hit exactly; the midpoint of the range is safely inside.
  if ((bounds.lo_exclusive && value <= floor_bound) ||
      (bounds.hi_exclusive && value >= ceil_bound)) {
    value = floor_bound / 2 + ceil_bound / 2;
  }
  return value;
}

namespace {

std::string string_candidate(const json& root, const json& schema, std::string_view name, Rng& rng,
                             SchemaWork& work) {
  const auto fits = [&](const std::string& candidate) {
    return check_subschema(root, schema, json(candidate), work).empty();
  };
  // Lengths are capped, and also kept to what the instance may still take.
  const std::size_t room = std::min(kMaxStringLength, work.instance_bytes_left);
  const std::size_t min_length = count_keyword(schema, "minLength", room).value_or(0);
  const std::size_t max_length = count_keyword(schema, "maxLength", room).value_or(room);
  const json* format = keyword(schema, "format");
  const std::string format_name =
      format != nullptr && format->is_string() ? format->get<std::string>() : "";
  if (is_known_format(format_name)) {
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::string candidate = generate_format_value(format_name, rng);
      if (fits(candidate)) return candidate;
    }
  }
  if (const json* pattern = keyword(schema, "pattern");
      pattern != nullptr && pattern->is_string()) {
    const auto& text = pattern->get_ref<const std::string&>();
    for (int attempt = 0; attempt < 12; ++attempt) {
      // Later attempts allow longer repetitions, for patterns like [a-z]+ under a minLength.
      const int stretch = attempt < 4 ? 3 : static_cast<int>(min_length) + 3 * attempt;
      const auto candidate = generate_pattern_match(text, rng, stretch);
      if (!candidate) break;
      if (fits(*candidate)) return *candidate;
    }
    static const std::array<std::string, 9> kFixed = {"example", "a",  "A",   "0", "abc",
                                                      "ABC",     "a1", "x-1", ""};
    for (const auto& candidate : kFixed) {
      if (fits(candidate)) return candidate;
    }
    return "example";
  }
  if (is_known_format(format_name)) return generate_format_value(format_name, rng);
  return fit_length(sample_string(name, rng), min_length, max_length, rng);
}

}  // namespace

std::string generate_string(const json& root, const json& schema, std::string_view name, Rng& rng,
                            SchemaWork& work) {
  std::string text = string_candidate(root, schema, name, rng, work);
  if (text.size() > work.instance_bytes_left) {
    text.resize(work.instance_bytes_left);
    // Never end inside a UTF-8 sequence: json::dump() throws on one.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80U) != 0) {
      const bool lead = (static_cast<unsigned char>(text.back()) & 0xC0U) == 0xC0U;
      text.pop_back();
      if (lead) break;
    }
  }
  work.instance_bytes_left -= text.size();
  work.spend(static_cast<long>(text.size() / 64));
  return text;
}

}  // namespace chatmock::synthesis
