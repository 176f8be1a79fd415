// Per-request knobs of the error and transport scenarios: X-Chatmock-Variant picks a documented
// alternative of a scenario (a comma list, e.g. "no_retry,keepalive"), X-Chatmock-Latency tunes
// its delays. A malformed value falls back to the defaults rather than failing the request, so
// a typo still yields the scenario the client asked for.
#pragma once

#include <optional>
#include <string_view>

#include "scenarios/scenario_runner.h"
#include "wire/http_request.h"

namespace chatmock::scenarios {

/// True when the request's X-Chatmock-Variant list names `variant`.
bool has_variant(const wire::HttpRequest& http, std::string_view variant);

/// X-Chatmock-Latency laid over `defaults` (only the keys it names replace them); nullopt when
/// the header is absent or malformed, so callers can keep their default caps.
std::optional<Latency> requested_latency(const wire::HttpRequest& http, const Latency& defaults);

}  // namespace chatmock::scenarios
