// The 429 wording is the real API's (BuilderIO/micro-agent #86, docs/openai-behaviour.md §3.1 (a)).
#include "reply/response_headers.h"

#include <cmath>

#include "api/api_error.h"
#include "reply/error_reply.h"

namespace chatmock::reply {

namespace {
void add_if_missing(wire::WireReply& reply, const char* name, std::string value) {
  if (!reply.header(name)) reply.headers.emplace_back(name, std::move(value));
}
}  // namespace

void add_standard_headers(wire::WireReply& reply, const std::string& request_id, long processing_ms,
                          const ratelimit::RateLimitDecision& limits) {
  add_if_missing(reply, "x-request-id", request_id);
  add_if_missing(reply, "openai-processing-ms", std::to_string(processing_ms));
  add_if_missing(reply, "openai-version", "2020-10-01");
  add_if_missing(reply, "x-ratelimit-limit-requests", std::to_string(limits.limit_requests));
  add_if_missing(reply, "x-ratelimit-limit-tokens", std::to_string(limits.limit_tokens));
  add_if_missing(reply, "x-ratelimit-remaining-requests",
                 std::to_string(limits.remaining_requests));
  add_if_missing(reply, "x-ratelimit-remaining-tokens", std::to_string(limits.remaining_tokens));
  add_if_missing(reply, "x-ratelimit-reset-requests",
                 ratelimit::format_reset(limits.reset_requests_ms));
  add_if_missing(reply, "x-ratelimit-reset-tokens",
                 ratelimit::format_reset(limits.reset_tokens_ms));
}

wire::WireReply rate_limited_reply(const ratelimit::RateLimitDecision& limits,
                                   const std::string& model) {
  const bool tokens = limits.tokens_exhausted;
  const std::string unit = tokens ? "tokens per min (TPM)" : "requests per min (RPM)";
  const auto limit = tokens ? limits.limit_tokens : limits.limit_requests;
  const auto used = limit - (tokens ? limits.remaining_tokens : limits.remaining_requests);
  api::ApiError error{429,
                      "Rate limit reached for " + model + " in organization org-chatmock on " +
                          unit + ": Limit " + std::to_string(limit) + ", Used " +
                          std::to_string(used) + ". Please try again in " +
                          ratelimit::format_reset(limits.retry_after_ms) + ".",
                      tokens ? "tokens" : "requests", std::nullopt, "rate_limit_exceeded"};
  auto reply = error_reply(error);
  const auto seconds = std::max<std::int64_t>(1, (limits.retry_after_ms + 999) / 1000);
  reply.headers.emplace_back("retry-after", std::to_string(seconds));
  reply.headers.emplace_back("retry-after-ms", std::to_string(limits.retry_after_ms));
  reply.headers.emplace_back(
      tokens ? "x-ratelimit-remaining-tokens" : "x-ratelimit-remaining-requests", "0");
  return reply;
}

}  // namespace chatmock::reply
