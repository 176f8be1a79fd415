// Parsers for the knobs users turn per server (--latency) or per request (X-Chatmock-Latency,
// X-Chatmock-Size, X-Chatmock-Disconnect-After): small "key=value,key=value" grammars.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "scenarios/scenario_runner.h"

namespace chatmock::scenarios {

/// "ttft=MS,itl=MS[,jitter=PCT]" (any subset, any order); nullopt on a malformed value.
std::optional<Latency> parse_latency(std::string_view text);
/// A non-negative integer header value, or `fallback` when absent or malformed.
std::int64_t header_integer(const wire::HttpRequest& request, std::string_view name, std::int64_t fallback);

}  // namespace chatmock::scenarios
