// Malformed knobs are rejected rather than half-applied: a CI job that mistypes a latency should
// fail at startup, not run silently fast.
#include "scenarios/tunables.h"

#include <charconv>

namespace chatmock::scenarios {

namespace {
std::optional<std::int64_t> to_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}
}  // namespace

std::optional<Latency> parse_latency(std::string_view text) {
  Latency latency;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const auto key = item.substr(0, equals);
    const auto value = to_integer(item.substr(equals + 1));
    if (!value) return std::nullopt;
    if (key == "ttft") {
      latency.ttft = std::chrono::milliseconds(*value);
    } else if (key == "itl") {
      latency.itl = std::chrono::milliseconds(*value);
    } else if (key == "jitter") {
      latency.jitter = static_cast<double>(*value) / 100.0;
    } else {
      return std::nullopt;
    }
  }
  return latency;
}

std::int64_t header_integer(const wire::HttpRequest& request, std::string_view name, std::int64_t fallback) {
  const auto value = to_integer(request.header(name));
  return value.value_or(fallback);
}

}  // namespace chatmock::scenarios
