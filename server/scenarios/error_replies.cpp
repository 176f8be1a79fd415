// Wording, types and codes are the real API's as quoted in docs/openai-behaviour.md §3.1 and §4;
// the evidence for each sits next to it. The SDKs branch on status, `type`, `code` and headers, so
// those are exact; messages are the observed ones so that string-matching clients behave too.
#include "scenarios/error_replies.h"

#include <array>

namespace chatmock::scenarios {

namespace {
struct ValidationCase {
  std::string_view variant;
  std::string_view message;
  std::string_view param;  ///< empty: null
  std::string_view code;   ///< empty: null
};

// docs/openai-behaviour.md §4 "Observed error messages"; both `param` path styles (new
// `messages[2].x`, legacy `messages.[2].x`) and both range-message styles are real.
constexpr std::array<ValidationCase, 9> kValidationCases{{
    {"tool_call_id",
     "Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.",
     "messages[2].tool_call_id", ""},
    {"legacy_path",
     "Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.",
     "messages.[2].tool_call_id", ""},
    {"tool_role",
     "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with "
     "'tool_calls'.",
     "messages.[2].role", ""},
    {"temperature",
     "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 "
     "instead.",
     "temperature", "decimal_above_max_value"},
    {"temperature_legacy", "2.5 is greater than the maximum of 2 - 'temperature'", "temperature",
     ""},
    {"max_tokens",
     "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
     "'max_completion_tokens' instead.",
     "max_tokens", "unsupported_parameter"},
    {"stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
     "stream_options", ""},
    {"json_mode",
     "'messages' must contain the word 'json' in some form, to use 'response_format' of type "
     "'json_object'.",
     "messages", ""},
    {"context_length",
     "This model's maximum context length is 128000 tokens. However, your messages resulted in "
     "202868 tokens. Please reduce the length of the messages.",
     "messages", "context_length_exceeded"},
}};

// The same cases as /v1/responses words them: the conversation is `input`, not `messages`
// (docs/interface.md, "Responses API"). Cases without an entry here read the same on both APIs.
constexpr std::array<ValidationCase, 5> kResponsesValidationCases{{
    {"tool_call_id", "Missing required parameter: 'input[2].call_id'.", "input[2].call_id",
     "missing_required_parameter"},
    {"legacy_path", "Missing required parameter: 'input[2].call_id'.", "input[2].call_id",
     "missing_required_parameter"},
    {"tool_role", "No tool call found for function call output with call_id call_x.", "input", ""},
    {"json_mode",
     "Response input messages must contain the word 'json' in some form to use 'text.format' of "
     "type 'json_object'.",
     "input", ""},
    {"context_length",
     "Your input exceeds the context window of this model. Please adjust your input and try "
     "again.",
     "input", "context_length_exceeded"},
}};

/// `chosen` as `endpoint` words it.
const ValidationCase& worded_for(const ValidationCase& chosen, ScenarioApi endpoint) {
  if (endpoint != ScenarioApi::responses) return chosen;
  for (const auto& candidate : kResponsesValidationCases) {
    if (candidate.variant == chosen.variant) return candidate;
  }
  return chosen;
}

std::optional<std::string> optional_text(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::string masked_key(std::string_view key) {
  // The API echoes the key with all but a short prefix and the last four characters starred.
  if (key.size() <= 8) return std::string(key.size(), '*');
  return std::string(key.substr(0, 3)) + std::string(key.size() - 7, '*') +
         std::string(key.substr(key.size() - 4));
}
}  // namespace

api::ApiError incorrect_api_key(const reply::Directives& directives) {
  const std::string_view authorization = directives.api_key;
  if (authorization.empty()) return api::missing_api_key();
  // developers.openai.com/docs/guides/error-codes: "Incorrect API key provided".
  return {401,
          "Incorrect API key provided: " + masked_key(authorization) +
              ". You can find your API key at https://platform.openai.com/account/api-keys.",
          "invalid_request_error", std::nullopt, "invalid_api_key"};
}

api::ApiError region_not_supported() {
  return {403, "Country, region, or territory not supported", "request_forbidden", std::nullopt,
          "unsupported_country_region_territory"};
}

api::ApiError engine_overloaded() {
  return {503, "The engine is currently overloaded, please try again later", "server_error",
          std::nullopt, std::nullopt};
}

api::ApiError validation_error(const reply::Directives& directives, std::string_view fallback,
                               ScenarioApi endpoint) {
  const ValidationCase* chosen = nullptr;
  for (const auto& candidate : kValidationCases) {
    if (directives.has_variant(candidate.variant)) chosen = &candidate;
    if (!chosen && candidate.variant == fallback) chosen = &candidate;
  }
  if (!chosen) chosen = &kValidationCases.front();
  chosen = &worded_for(*chosen, endpoint);
  return api::invalid_request(std::string(chosen->message), optional_text(chosen->param),
                              optional_text(chosen->code));
}

wire::WireReply rate_limit_reply(const std::string& model, const RateLimitTiming& timing,
                                 const reply::Directives& directives) {
  if (directives.has_variant("insufficient_quota")) return insufficient_quota_reply(directives);
  // BuilderIO/micro-agent #86: type `tokens`, code rate_limit_exceeded, "Please try again in …".
  const api::ApiError error{
      429,
      "Rate limit reached for " + model +
          " in organization org-chatmock on tokens per min (TPM): Limit 30000, "
          "Used 29937, Requested 385. Please try again in " +
          timing.reset_tokens + ".",
      "tokens", std::nullopt, "rate_limit_exceeded"};
  auto reply = error_reply(error);
  reply.set_header("x-ratelimit-limit-requests", "500");
  reply.set_header("x-ratelimit-limit-tokens", "30000");
  reply.set_header("x-ratelimit-remaining-requests", timing.requests_exhausted ? "0" : "499");
  reply.set_header("x-ratelimit-remaining-tokens", "0");
  reply.set_header("x-ratelimit-reset-requests", timing.reset_requests);
  reply.set_header("x-ratelimit-reset-tokens", timing.reset_tokens);
  if (directives.has_variant("retry_after_300")) {
    // Over python's 120 s ceiling: py gives up, node falls back to its own backoff (§3.3).
    reply.set_header("retry-after", "300");
  } else {
    reply.set_header("retry-after", std::to_string(timing.retry_after_seconds));
    reply.set_header("retry-after-ms", std::to_string(timing.retry_after_ms));
  }
  apply_retry_variant(reply, directives);
  return reply;
}

wire::WireReply insufficient_quota_reply(const reply::Directives& directives) {
  // NextChat #3123: type and code insufficient_quota; older bodies had code null.
  const api::ApiError error{429,
                            "You exceeded your current quota, please check your plan and billing "
                            "details.",
                            "insufficient_quota", std::nullopt,
                            directives.has_variant("legacy_code")
                                ? std::nullopt
                                : std::optional<std::string>("insufficient_quota")};
  auto reply = error_reply(error);
  apply_retry_variant(reply, directives);
  return reply;
}

std::string gateway_html_page(int status, std::string_view reason) {
  const std::string title = std::to_string(status) + " " + std::string(reason);
  return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
         "</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";
}

void apply_retry_variant(wire::WireReply& reply, const reply::Directives& directives) {
  // x-should-retry overrides the status-based retry decision in both SDKs (§3.3).
  if (directives.has_variant("no_retry")) reply.set_header("x-should-retry", "false");
  if (directives.has_variant("force_retry")) reply.set_header("x-should-retry", "true");
}

}  // namespace chatmock::scenarios
