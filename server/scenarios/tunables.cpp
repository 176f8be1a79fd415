// Malformed knobs are rejected rather than half-applied: a CI job that mistypes a latency should
// fail at startup, not run silently fast.
#include "scenarios/tunables.h"

#include "wire/integer_knobs.h"

namespace chatmock::scenarios {


std::optional<Latency> parse_latency(std::string_view text) {
  const auto knobs = wire::parse_integer_knobs(text);
  if (!knobs) return std::nullopt;
  Latency latency;
  for (const auto& [key, value] : *knobs) {
    if (key == "ttft") {
      latency.ttft = std::chrono::milliseconds(value);
    } else if (key == "itl") {
      latency.itl = std::chrono::milliseconds(value);
    } else if (key == "jitter") {
      latency.jitter = static_cast<double>(value) / 100.0;
    } else {
      return std::nullopt;
    }
  }
  return latency;
}

std::int64_t header_integer(const wire::HttpRequest& request, std::string_view name, std::int64_t fallback) {
  const auto value = wire::parse_non_negative(request.header(name));
  return value.value_or(fallback);
}

}  // namespace chatmock::scenarios
