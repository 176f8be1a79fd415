// The headers every API response carries (docs/openai-behaviour.md §3.2): x-request-id,
// openai-processing-ms, openai-version and the six x-ratelimit-* headers. Headers a scenario
// already set (a 429's zero remaining) are left alone.
#pragma once

#include <string>

#include "ratelimit/rate_limiter.h"
#include "wire/wire_reply.h"

namespace chatmock::reply {

/// Adds the standard headers to `reply` where it has none of its own.
void add_standard_headers(wire::WireReply& reply, const std::string& request_id, long processing_ms,
                          const ratelimit::RateLimitDecision& limits);

/// The real API's 429 reply for an exhausted bucket (requests or tokens per minute).
wire::WireReply rate_limited_reply(const ratelimit::RateLimitDecision& limits,
                                   const std::string& model);

}  // namespace chatmock::reply
