// Message shapes (docs/scenarios.md (message_shapes)): what the assistant message can look like
// besides a string of prose. Each entry shapes the reply before synthesis and, where the planner
// cannot derive the stream by itself, edits the chunks so the JSON and stream forms agree.
// `refusal` and `parallel_tool_calls` live with the core catalogue.
#include "scenarios/message_shape_hooks.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

namespace {
using synthesis::ReplyDefinition;
using synthesis::ReplyKind;

constexpr const char* kMessageShapesGroup = "message_shapes";

/// X-Chatmock-Variant: non_ascii switches annotations_url_citation to the accented/emoji text.
bool wants_non_ascii(const ScenarioContext& ctx) { return ctx.directives.has_variant("non_ascii"); }

void register_plain_shapes(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "content_null_tool_calls",
                 .description =
                     "Tool calls only: message.content is null, finish_reason tool_calls; "
                     "the stream opens with content null plus the first call.",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
                   d.kind = ReplyKind::tool_calls;
                   d.finish_reason = api::FinishReason::tool_calls;
                 }});
  catalogue.add({.name = "content_empty_string",
                 .description =
                     "content is \"\" (not null) with finish_reason stop; the stream has "
                     "only the opener and the finish chunk.",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
                   d.kind = ReplyKind::text;
                   d.content = std::string();
                   d.finish_reason = api::FinishReason::stop;
                 }});
  catalogue.add({.name = "refusal_and_logprobs",
                 .description = "A refusal with logprobs: logprobs.content is null and "
                                "logprobs.refusal holds the entries (per chunk when streaming).",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
                   d.kind = ReplyKind::refusal;
                   d.force_logprobs = true;
                 }});
  catalogue.add({.name = "deprecated_function_call",
                 .description = "Legacy message.function_call (tool_calls absent), content null, "
                                "finish_reason function_call; arguments stream in fragments.",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
                   d.kind = ReplyKind::function_call;
                   d.finish_reason = api::FinishReason::function_call;
                 }});
  catalogue.add({.name = "multi_choice_n3",
                 .description = "Three choices finishing with stop, length and content_filter; "
                                "the stream interleaves their chunks.",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       d.kind = ReplyKind::text;
                       d.choice_count = 3;
                     },
                 .edit_completion = [](api::ChatCompletion& c,
                                       ScenarioContext&) { diversify_finish_reasons(c); }});
}

void register_rich_shapes(ScenarioCatalogue& catalogue) {
  catalogue.add(
      {.name = "annotations_url_citation",
       .description = "About 200 chars of content with a url_citation annotation (indexes "
                      "in code points); X-Chatmock-Variant: non_ascii for emoji/accents.",
       .breaks_spec = false,
       .group = kMessageShapesGroup,
       .shape_reply =
           [](ReplyDefinition& d, ScenarioContext& ctx) {
             d.kind = ReplyKind::text;
             d.content = citation_text(wants_non_ascii(ctx));
           },
       .edit_completion = [](api::ChatCompletion& c,
                             ScenarioContext& ctx) { add_url_citations(c, wants_non_ascii(ctx)); },
       .edit_chunks =
           [](std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
             add_url_citations_to_chunks(chunks, wants_non_ascii(ctx));
           }});
  catalogue.add(
      {.name = "audio_message",
       .description = "content null and message.audio with a base64 WAV (X-Chatmock-Size "
                      "PCM bytes); streamed as audio pieces ending in an expires_at delta.",
       .breaks_spec = false,
       .group = kMessageShapesGroup,
       .shape_reply = [](ReplyDefinition& d, ScenarioContext&) { d.kind = ReplyKind::text; },
       .edit_completion = attach_audio,
       .edit_chunks = stream_audio_pieces});
  catalogue.add(
      {.name = "custom_tool_call",
       .description = "A type \"custom\" tool call with free-text input; in the stream "
                      "the chunks carry type custom, which the chunk schema lacks.",
       .breaks_spec = true,
       .group = kMessageShapesGroup,
       .shape_reply =
           [](ReplyDefinition& d, ScenarioContext&) {
             d.kind = ReplyKind::tool_calls;
             d.finish_reason = api::FinishReason::tool_calls;
           },
       .edit_completion = [](api::ChatCompletion& c,
                             ScenarioContext& ctx) { make_tool_calls_custom(c, ctx.request); }});
  catalogue.add(
      {.name = "unknown_tool_call_type",
       .description = "A tool call of type \"web_search\" with a web_search payload, "
                      "outside the function|custom union.",
       .breaks_spec = true,
       .group = kMessageShapesGroup,
       .shape_reply =
           [](ReplyDefinition& d, ScenarioContext&) {
             d.kind = ReplyKind::tool_calls;
             d.tool_calls = {{"web_search", std::string("weather in Paris today")}};
             d.finish_reason = api::FinishReason::tool_calls;
           },
       .edit_body = [](nlohmann::json& body, ScenarioContext&) { retype_tool_calls_in_body(body); },
       .edit_chunks = [](std::vector<nlohmann::json>& chunks,
                         ScenarioContext&) { retype_tool_calls_in_chunks(chunks); }});
  catalogue.add({.name = "extra_unknown_fields",
                 .description = "Undeclared vendor fields at every level (prompt_filter_results, "
                                "content_filter_results, reasoning_content, usage cache counters).",
                 .breaks_spec = false,
                 .group = kMessageShapesGroup,
                 .edit_body = [](nlohmann::json& body,
                                 ScenarioContext&) { add_unknown_fields_to_body(body); },
                 .edit_chunks = [](std::vector<nlohmann::json>& chunks,
                                   ScenarioContext&) { add_unknown_fields_to_chunks(chunks); }});
  catalogue.add(
      {.name = "nulls_instead_of_absent",
       .description = "Optional fields sent as explicit null (tool_calls, function_call, "
                      "audio, annotations, usage, service_tier, system_fingerprint).",
       .breaks_spec = true,
       .group = kMessageShapesGroup,
       .edit_completion = [](api::ChatCompletion& c, ScenarioContext&) { null_absent_fields(c); },
       .edit_chunks = [](std::vector<nlohmann::json>& chunks,
                         ScenarioContext&) { null_absent_chunk_fields(chunks); }});
}
}  // namespace

void register_message_shape_scenarios(ScenarioCatalogue& catalogue) {
  register_plain_shapes(catalogue);
  register_rich_shapes(catalogue);
}

}  // namespace chatmock::scenarios
