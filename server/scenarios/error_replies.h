// The HTTP error replies the real API sends (docs/openai-behaviour.md §3): bodies, types, codes and
// the headers that steer the SDKs' retry policy (§3.3). Builders only; catalogue_errors.cpp names
// them as scenarios. Mid-stream errors are the transport scenarios' business.
#pragma once

#include <string>
#include <string_view>

#include "api/api_error.h"
#include "reply/directives.h"
#include "reply/error_reply.h"
#include "scenarios/scenario.h"
#include "wire/wire_reply.h"

namespace chatmock::scenarios {

using reply::error_reply;

/// 401 invalid_api_key naming the request's key masked; the missing-key wording without one.
api::ApiError incorrect_api_key(const reply::Directives& directives);
/// 403 request_forbidden for an unsupported country, region or territory.
api::ApiError region_not_supported();
/// 503 server_error: the engine is overloaded.
api::ApiError engine_overloaded();
/// A §4 validation failure chosen by X-Chatmock-Variant, else the one called `fallback`, worded
/// for `endpoint` (on /v1/responses the conversation's param is `input`).
api::ApiError validation_error(const reply::Directives& directives, std::string_view fallback,
                               ScenarioApi endpoint = ScenarioApi::chat);

/// The numbers a 429 advertises; resets are duration strings as the API sends them ("1s").
struct RateLimitTiming {
  int retry_after_seconds = 1;
  int retry_after_ms = 10;
  std::string reset_requests = "1s";
  std::string reset_tokens = "10ms";
  bool requests_exhausted = true;  ///< x-ratelimit-remaining-requests: 0 as well as tokens
};
/// 429 rate_limit_exceeded (type `tokens`) for `model` with retry-after and x-ratelimit-*.
wire::WireReply rate_limit_reply(const std::string& model, const RateLimitTiming& timing,
                                 const reply::Directives& directives);
/// 429 insufficient_quota: not transient, though both SDKs retry it.
wire::WireReply insufficient_quota_reply(const reply::Directives& directives);

/// The HTML page a gateway (nginx, Cloudflare) sends when the upstream fails.
std::string gateway_html_page(int status, std::string_view reason);

/// Adds x-should-retry when X-Chatmock-Variant says no_retry (false) or force_retry (true).
void apply_retry_variant(wire::WireReply& reply, const reply::Directives& directives);

}  // namespace chatmock::scenarios
