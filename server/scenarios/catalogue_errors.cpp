// The "errors" group: HTTP errors as the real API sends them (docs/openai-behaviour.md §3, §5 G
// #63–69). Each answers before any stream starts, so JSON and stream requests get the same reply,
// and wire scenarios still apply after it (`error_429+slow`). X-Chatmock-Variant picks the variants
// named in the descriptions; no_retry / force_retry add x-should-retry to any of them.
#include "scenarios/error_content_filter.h"
#include "scenarios/error_replies.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

namespace {
/// A replace_reply hook answering `build(ctx)` with the retry variant applied.
template <typename Build>
ReplaceReply answer_with(Build build) {
  return [build](ScenarioContext& ctx) -> std::optional<wire::WireReply> {
    wire::WireReply reply = build(ctx);
    apply_retry_variant(reply, ctx.directives);
    return reply;
  };
}

ReplaceReply answer_error(api::ApiError (*error)()) {
  return answer_with([error](ScenarioContext&) { return error_reply(error()); });
}

wire::WireReply html_bad_gateway() {
  auto reply = wire::json_reply(502, gateway_html_page(502, "Bad Gateway"));
  reply.content_type = "text/html";
  return reply;
}

void add_status_errors(ScenarioCatalogue& catalogue) {
  catalogue.add(
      {.name = "error_400",
       .description = "400 invalid_request_error context_length_exceeded (param messages; input on "
                      "/v1/responses); "
                      "X-Chatmock-Variant picks another §4 case as http_400_validation does.",
       .group = "errors",
       .replace_reply = answer_with([](ScenarioContext& ctx) {
         return error_reply(validation_error(ctx.directives, "context_length", ctx.endpoint));
       })});
  catalogue.add({.name = "error_401",
                 .description = "401 invalid_request_error invalid_api_key: \"Incorrect API key "
                                "provided: sk-…\" with the sent key masked.",
                 .group = "errors",
                 .replace_reply = answer_with([](ScenarioContext& ctx) {
                   return error_reply(incorrect_api_key(ctx.directives));
                 })});
  catalogue.add({.name = "error_403",
                 .description = "403 request_forbidden unsupported_country_region_territory: "
                                "\"Country, region, or territory not supported\".",
                 .group = "errors",
                 .replace_reply = answer_error(region_not_supported)});
  catalogue.add(
      {.name = "error_404",
       .description = "404 invalid_request_error model_not_found for the requested model.",
       .group = "errors",
       .replace_reply = answer_with([](ScenarioContext& ctx) {
         return error_reply(api::model_not_found(ctx.request.model));
       })});
  catalogue.add({.name = "error_429",
                 .description = "429 rate_limit_exceeded (type tokens) with retry-after: 1, "
                                "retry-after-ms: 10, zero remaining, resets 1s/10ms; variants "
                                "no_retry, retry_after_300, insufficient_quota.",
                 .group = "errors",
                 .replace_reply = [](ScenarioContext& ctx) -> std::optional<wire::WireReply> {
                   return rate_limit_reply(ctx.request.model, RateLimitTiming{}, ctx.directives);
                 }});
  catalogue.add({.name = "error_500",
                 .description = "500 server_error: \"The server had an error while processing your "
                                "request. Sorry about that!\"",
                 .group = "errors",
                 .replace_reply = answer_error(api::server_error)});
  catalogue.add({.name = "error_503",
                 .description =
                     "503 server_error: \"The engine is currently overloaded, please try "
                     "again later\".",
                 .group = "errors",
                 .replace_reply = answer_error(engine_overloaded)});
  catalogue.add(
      {.name = "error_html_502",
       .description = "502 from a gateway: an HTML page as text/html, not a JSON error body.",
       .group = "errors",
       .replace_reply = answer_with([](ScenarioContext&) { return html_bad_gateway(); })});
}

void add_catalogue_errors(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "http_429_rate_limit",
                 .description = "429 type tokens, code rate_limit_exceeded, retry-after: 1, "
                                "retry-after-ms: 644, reset-tokens 644ms; variants no_retry, "
                                "retry_after_300.",
                 .group = "errors",
                 .replace_reply = [](ScenarioContext& ctx) -> std::optional<wire::WireReply> {
                   const RateLimitTiming timing{1, 644, "1s", "644ms", false};
                   return rate_limit_reply(ctx.request.model, timing, ctx.directives);
                 }});
  catalogue.add({.name = "http_429_insufficient_quota",
                 .description = "429 insufficient_quota (type and code), not transient though SDKs "
                                "retry it; variants no_retry, legacy_code (code null).",
                 .group = "errors",
                 .replace_reply = [](ScenarioContext& ctx) -> std::optional<wire::WireReply> {
                   return insufficient_quota_reply(ctx.directives);
                 }});
  catalogue.add({.name = "http_500_503_then_success",
                 .description = "A sequence: 500, then 503, then the default reply; probes the "
                                "retry count and X-Stainless-Retry-Count.",
                 .group = "errors",
                 .expands_to = "error_500,error_503,default"});
  catalogue.add({.name = "http_400_validation",
                 .description = "400 for a tool message without tool_call_id, param "
                                "messages[2].tool_call_id, code null; X-Chatmock-Variant: "
                                "legacy_path, tool_role, temperature, temperature_legacy, "
                                "max_tokens, stream_options, json_mode, context_length.",
                 .group = "errors",
                 .replace_reply = answer_with([](ScenarioContext& ctx) {
                   return error_reply(
                       validation_error(ctx.directives, "tool_call_id", ctx.endpoint));
                 })});
  catalogue.add({.name = "http_error_non_json_body",
                 .description = "502 with an empty body (node: \"502 status code (no body)\"); "
                                "X-Chatmock-Variant: html sends a gateway HTML page.",
                 .group = "errors",
                 .replace_reply = answer_with([](ScenarioContext& ctx) {
                   if (ctx.directives.has_variant("html")) return html_bad_gateway();
                   auto reply = wire::json_reply(502, "");
                   reply.content_type = "text/plain";
                   return reply;
                 })});
  catalogue.add({.name = "http_error_no_wrapper",
                 .description = "400 whose body is the error object without the \"error\" key "
                                "(python reads body.get(\"error\", body)).",
                 .breaks_spec = true,
                 .group = "errors",
                 .replace_reply = answer_with([](ScenarioContext& ctx) {
                   const auto error =
                       validation_error(ctx.directives, "context_length", ctx.endpoint);
                   return wire::json_reply(error.status, error.body()["error"].dump());
                 })});
  catalogue.add(
      {.name = "azure_prompt_filter_first_chunk",
       .description = "Azure content-filter annotations: a first chunk with empty "
                      "id/object/model and no choices, filter results on every choice, "
                      "a trailing choice without delta.",
       .breaks_spec = true,
       .group = "errors",
       .edit_body = [](nlohmann::json& body, ScenarioContext&) { add_azure_filter_results(body); },
       .edit_chunks = [](std::vector<nlohmann::json>& chunks,
                         ScenarioContext&) { add_azure_filter_chunks(chunks); }});
}
}  // namespace

void register_error_scenarios(ScenarioCatalogue& catalogue) {
  add_status_errors(catalogue);
  add_catalogue_errors(catalogue);
}

}  // namespace chatmock::scenarios
