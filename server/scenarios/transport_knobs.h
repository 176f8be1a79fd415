// Per-request pacing of the transport scenarios: X-Chatmock-Latency (already parsed and capped
// into Directives) laid over a scenario's own defaults, so "ttft=120" on slow_first_byte moves
// only the first byte and keeps the scenario's other delays.
#pragma once

#include <optional>

#include "reply/directives.h"

namespace chatmock::scenarios {

using reply::apply_latency;
using reply::Latency;

/// The request's latency keys laid over `defaults`; nullopt when the request named none, so
/// callers can keep their default caps.
std::optional<Latency> requested_latency(const reply::Directives& directives,
                                         const Latency& defaults);

}  // namespace chatmock::scenarios
