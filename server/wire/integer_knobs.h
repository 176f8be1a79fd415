// "key=N,key=N" — the one grammar behind --latency, --rate-limit and their per-request headers.
// Header-only so the small libraries that parse knobs need no link dependency for it.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace chatmock::wire {

/// A non-negative decimal integer spanning all of `text`, or nullopt.
inline std::optional<std::int64_t> parse_non_negative(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0)
    return std::nullopt;
  return value;
}

/// The pairs of "key=N,key=N" in order, or nullopt when any item is malformed.
inline std::optional<std::vector<std::pair<std::string_view, std::int64_t>>> parse_integer_knobs(
    std::string_view text) {
  std::vector<std::pair<std::string_view, std::int64_t>> knobs;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const auto value = parse_non_negative(item.substr(equals + 1));
    if (!value) return std::nullopt;
    knobs.emplace_back(item.substr(0, equals), *value);
  }
  return knobs;
}

}  // namespace chatmock::wire
