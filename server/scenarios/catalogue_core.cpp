// The core scenarios named in the contract (docs/interface.md "Built-in scenarios"). Each entry
// says what it changes at which stage; the longer hooks live in core_*.cpp. Spec-valid unless
// flagged: explicit_nulls_everywhere nulls keys the schema does not let be null (explicit_nulls
// keeps to the nullable ones), and fuzz is malformed.
#include <algorithm>

#include "scenarios/core_content_hooks.h"
#include "scenarios/core_fuzz.h"
#include "scenarios/core_reply_edits.h"
#include "scenarios/core_shape_hooks.h"
#include "scenarios/core_tool_hooks.h"
#include "scenarios/scenario_catalogue.h"

namespace chatmock::scenarios {

namespace {
using api::FinishReason;
using synthesis::ReplyDefinition;
using synthesis::ReplyKind;

void register_message_content_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "null_content",
                 .description =
                     "An empty answer: content null and refusal null with finish_reason stop, "
                     "no tool calls.",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       d.kind = ReplyKind::text;
                       d.content = "";
                       d.finish_reason = FinishReason::stop;
                     },
                 .edit_completion =
                     [](api::ChatCompletion& completion, ScenarioContext&) {
                       for (auto& choice : completion.choices) {
                         choice.message.content.set_null();
                         choice.message.refusal.set_null();
                         choice.message.tool_calls.set_absent();
                         choice.message.function_call.set_absent();
                         choice.message.audio.set_absent();
                         choice.logprobs.set_null();
                       }
                       recount_usage(completion);
                     }});
  catalogue.add(
      {.name = "empty_content",
       .description = "content is the empty string \"\" with finish_reason stop (not null).",
       .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
         d.kind = ReplyKind::text;
         d.content = "";
         d.finish_reason = FinishReason::stop;
       }});
  catalogue.add(
      {.name = "refusal",
       .description =
           "content null and a refusal text; streams refusal deltas, finish_reason stop.",
       .shape_reply = [](ReplyDefinition& d, ScenarioContext&) { d.kind = ReplyKind::refusal; }});
  catalogue.add({.name = "length",
                 .description =
                     "The answer is cut mid-sentence with finish_reason length (at max_tokens "
                     "when the request sets one).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       d.finish_reason = FinishReason::length;
                       d.min_words = std::max(d.min_words, 30);
                       d.max_words = std::max(d.max_words, 60);
                     },
                 .edit_completion =
                     [](api::ChatCompletion& completion, ScenarioContext& ctx) {
                       truncate_answers(completion, FinishReason::length, ctx);
                     }});
  catalogue.add({.name = "content_filter",
                 .description =
                     "Partial content then finish_reason content_filter (X-Chatmock-Variant: null "
                     "sends content null).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext& ctx) {
                       prefer_text(d, ctx.request);
                       d.finish_reason = FinishReason::content_filter;
                       d.min_words = std::max(d.min_words, 20);
                     },
                 .edit_completion =
                     [](api::ChatCompletion& completion, ScenarioContext& ctx) {
                       truncate_answers(completion, FinishReason::content_filter, ctx);
                       if (!ctx.directives.has_variant("null")) return;
                       for (auto& choice : completion.choices) {
                         choice.message.content.set_null();
                         choice.logprobs.set_null();
                       }
                       recount_usage(completion);
                     }});
}

void register_tool_call_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "function_call",
                 .description =
                     "Deprecated message.function_call with finish_reason function_call and no "
                     "tool_calls.",
                 .shape_reply = [](ReplyDefinition& d,
                                   ScenarioContext&) { d.kind = ReplyKind::function_call; },
                 .edit_completion = aim_function_call_at_offered_tool});
  catalogue.add({.name = "tool_calls",
                 .description =
                     "One tool call (an offered tool, or get_weather) with content null, "
                     "finish_reason tool_calls.",
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext&) {
                   d.kind = ReplyKind::tool_calls;
                 }});
  catalogue.add({.name = "parallel_tool_calls",
                 .description =
                     "Three tool calls streamed index 0, 1, 2 in turn (X-Chatmock-Variant: "
                     "interleaved mixes their fragments).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       d.kind = ReplyKind::tool_calls;
                       d.tool_call_count = 3;
                     },
                 .edit_chunks =
                     [](std::vector<nlohmann::json>& chunks, ScenarioContext& ctx) {
                       if (ctx.directives.has_variant("interleaved"))
                         interleave_tool_call_chunks(chunks);
                     }});
  catalogue.add({.name = "malformed_tool_arguments",
                 .description =
                     "Tool-call arguments that a JSON parser rejects (trailing comma, single "
                     "quotes, markdown fence, unquoted keys, cut short).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       if (d.kind != ReplyKind::function_call) d.kind = ReplyKind::tool_calls;
                     },
                 .edit_completion = break_tool_arguments});
  catalogue.add({.name = "schema_violating_tool_arguments",
                 .description =
                     "Tool-call arguments that are valid JSON but break the tool's schema "
                     "(missing required key, wrong type, extra key...).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext&) {
                       if (d.kind != ReplyKind::function_call) d.kind = ReplyKind::tool_calls;
                     },
                 .edit_completion = violate_tool_schemas});
  catalogue.add({.name = "unknown_tool",
                 .description = "A tool call naming a function the request did not offer.",
                 .shape_reply = call_unoffered_tool});
}

void register_choice_and_content_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "multiple_choices",
                 .description = "n choices (the request's n if at least 2, else 2); stream chunks "
                                "interleave the choice indexes.",
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext& ctx) {
                   d.choice_count = std::max<std::int64_t>(2, ctx.request.choice_count());
                 }});
  catalogue.add({.name = "logprobs",
                 .description =
                     "logprobs.content on every choice whose tokens join to the content, even "
                     "unrequested.",
                 .shape_reply = [](ReplyDefinition& d, ScenarioContext& ctx) {
                   prefer_text(d, ctx.request);
                   d.force_logprobs = true;
                 }});
  catalogue.add({.name = "annotations",
                 .description =
                     "Content with markdown source links and url_citation annotations indexing "
                     "them (code points).",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext& ctx) {
                       prefer_text(d, ctx.request);
                       d.min_words = std::max(d.min_words, 30);
                     },
                 .edit_completion = cite_sources,
                 .edit_chunks = attach_streamed_annotations});
  catalogue.add(
      {.name = "audio",
       .description =
           "content null and message.audio {id, expires_at, base64 WAV data, transcript}; "
           "streams audio deltas.",
       .shape_reply = [](ReplyDefinition& d, ScenarioContext&) { d.kind = ReplyKind::text; },
       .edit_completion = speak_answers,
       .edit_chunks = fragment_audio_deltas});
  catalogue.add({.name = "unicode",
                 .description =
                     "Content with emoji, CJK, RTL text and combining marks; stream writes split "
                     "inside multi-byte characters.",
                 .shape_reply =
                     [](ReplyDefinition& d, ScenarioContext& ctx) {
                       d.kind = ReplyKind::text;
                       d.content = hostile_unicode_text(ctx.rng);
                     },
                 .edit_wire = split_writes_inside_characters});
  catalogue.add({.name = "large",
                 .description =
                     "Content of 1 MiB, streamed in 16 KiB deltas (X-Chatmock-Size: BYTES sets the "
                     "size, up to 16 MiB).",
                 .shape_reply = shape_large,
                 .edit_completion = bill_large_content,
                 .edit_chunks = expand_large_deltas});
  catalogue.add({.name = "structured_output",
                 .description =
                     "JSON content valid against the request's response_format json_schema, or a "
                     "default schema.",
                 .shape_reply = shape_structured_output});
}

void register_key_shape_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add(
      {.name = "extra_fields",
       .description =
           "Unknown provider fields at every level of the body and chunks (schema-valid).",
       .edit_body = [](nlohmann::json& body, ScenarioContext&) { add_unknown_fields(body); },
       .edit_chunks =
           [](std::vector<nlohmann::json>& chunks, ScenarioContext&) {
             for (auto& chunk : chunks) add_unknown_fields(chunk);
           }});
  catalogue.add({.name = "minimal",
                 .description =
                     "Only required keys plus the answer itself: no usage, service_tier, "
                     "system_fingerprint, obfuscation, empty annotations or null deltas.",
                 .edit_body = [](nlohmann::json& body,
                                 ScenarioContext&) { keep_only_required_in_body(body); },
                 .edit_chunks = [](std::vector<nlohmann::json>& chunks,
                                   ScenarioContext&) { keep_only_required_in_chunks(chunks); }});
  catalogue.add(
      {.name = "explicit_nulls",
       .description = "Absent optional keys the schema lets be null sent as null (metadata, "
                      "moderation, message.audio, logprobs; in chunks usage and delta content, "
                      "refusal): at least one null on the completion, each choice and message.",
       .edit_body = [](nlohmann::json& body, ScenarioContext&) { null_absent_in_body(body, true); },
       .edit_chunks =
           [](std::vector<nlohmann::json>& chunks, ScenarioContext&) {
             for (auto& chunk : chunks) null_absent_in_chunk(chunk, true);
           }});
  catalogue.add({.name = "explicit_nulls_everywhere",
                 .description = "Every absent or empty optional key sent as null, nullable or not "
                                "(tool_calls, annotations, function_call, usage details...).",
                 .breaks_spec = true,
                 .edit_body = [](nlohmann::json& body,
                                 ScenarioContext&) { null_absent_in_body(body, false); },
                 .edit_chunks =
                     [](std::vector<nlohmann::json>& chunks, ScenarioContext&) {
                       for (auto& chunk : chunks) null_absent_in_chunk(chunk, false);
                     }});
  catalogue.add({.name = "fuzz",
                 .description =
                     "Seeded malformed replies: wrong types, missing keys, nulls, unknown enums, "
                     "invalid UTF-8, broken SSE (X-Chatmock-Fuzz-Level 1-3).",
                 .breaks_spec = true,
                 .edit_body = fuzz_body,
                 .edit_chunks = fuzz_chunks,
                 .edit_wire = fuzz_wire});
}
}  // namespace

void register_core_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "default",
                 .description = "A reply synthesized to honour the request: n, token limits, stop, "
                                "tools, response_format, logprobs, streaming options.",
                 .breaks_spec = false});
  register_message_content_scenarios(catalogue);
  register_tool_call_scenarios(catalogue);
  register_choice_and_content_scenarios(catalogue);
  register_key_shape_scenarios(catalogue);
}

}  // namespace chatmock::scenarios
