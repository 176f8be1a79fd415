// Streaming-delta pathologies (docs/scenarios.md (stream_deltas), entries 28–40): streams whose
// chunks parse but whose deltas fold wrongly in real clients' accumulators. All are stream only:
// the JSON body of the same request is the ordinary reply, so the two forms agree on what was
// answered. The tool-delta cases force tool calls (two where the index matters) so the pathology
// shows.
#include <algorithm>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/stream_delta_hooks.h"
#include "synthesis/id_generator.h"

namespace chatmock::scenarios {

namespace {
constexpr const char* kStreamDeltasGroup = "stream_deltas";

/// Tool calls whether or not the request offered tools (the synthesizer then invents
/// get_weather), at least `calls` of them.
ShapeReply tool_call_reply(std::size_t calls) {
  return [calls](synthesis::ReplyDefinition& definition, ScenarioContext&) {
    definition.kind = synthesis::ReplyKind::tool_calls;
    definition.tool_call_count = std::max(definition.tool_call_count, calls);
  };
}

/// An edit_chunks hook for a pathology that needs no randomness.
EditChunks fixed(void (*edit)(Chunks&)) {
  return [edit](Chunks& chunks, ScenarioContext&) { edit(chunks); };
}

void register_tool_delta_scenarios(ScenarioCatalogue& catalogue) {
  // Spec ChatCompletionMessageToolCallChunk: `index` is the one required key.
  catalogue.add({.name = "stream_tool_index_missing",
                 .description = "Two parallel tool calls whose stream deltas carry no index "
                                "(stream only).",
                 .breaks_spec = true,
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(2),
                 .edit_chunks = fixed(drop_tool_indexes)});
  catalogue.add({.name = "stream_tool_index_sparse_or_one_based",
                 .description = "Two parallel tool calls streamed with indexes 1,2 or 0,2; the "
                                "seed picks which (stream only).",
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(2),
                 .edit_chunks = [](Chunks& chunks, ScenarioContext& ctx) {
                   renumber_tool_indexes(chunks, ctx.rng.chance(0.5) ? ToolIndexing::one_based
                                                                     : ToolIndexing::sparse);
                 }});
  catalogue.add({.name = "stream_tool_id_name_repeated",
                 .description = "Every tool-call delta repeats the call's id, type and function "
                                "name (stream only).",
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(1),
                 .edit_chunks = fixed(repeat_tool_identity)});
  // Spec: function.name in a chunk is an optional string, not nullable.
  catalogue.add({.name = "stream_tool_name_null_in_continuation",
                 .description = "Tool-call argument deltas carry \"function\":{\"name\":null} "
                                "(stream only).",
                 .breaks_spec = true,
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(1),
                 .edit_chunks = fixed(null_name_in_tool_continuations)});
  // Spec: a chunk's tool-call `type` is the enum ["function"]; "" is outside it.
  catalogue.add({.name = "stream_tool_type_empty_string",
                 .description = "Tool-call argument deltas carry \"type\":\"\" (stream only).",
                 .breaks_spec = true,
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(1),
                 .edit_chunks = fixed(empty_type_in_tool_continuations)});
  catalogue.add({.name = "stream_tool_first_delta_no_id",
                 .description = "A tool call's first delta has no id or type; they arrive on its "
                                "next delta or never, the seed picks which (stream only).",
                 .group = kStreamDeltasGroup,
                 .shape_reply = tool_call_reply(1),
                 .edit_chunks = [](Chunks& chunks, ScenarioContext& ctx) {
                   delay_tool_identity(chunks, /*never_sent=*/ctx.rng.chance(0.5));
                 }});
}

void register_choice_delta_scenarios(ScenarioCatalogue& catalogue) {
  catalogue.add({.name = "stream_role_every_chunk",
                 .description = "Every delta carries \"role\":\"assistant\" (stream only).",
                 .group = kStreamDeltasGroup,
                 .edit_chunks = fixed(put_role_in_every_delta)});
  catalogue.add({.name = "stream_role_missing",
                 .description = "No delta ever carries a role (stream only).",
                 .group = kStreamDeltasGroup,
                 .edit_chunks = fixed(drop_roles)});
  catalogue.add({.name = "stream_no_finish_reason",
                 .description = "Content chunks then [DONE] with no finish_reason chunk "
                                "(stream only).",
                 .group = kStreamDeltasGroup,
                 .edit_chunks = fixed(drop_finish_reasons)});
  catalogue.add({.name = "stream_finish_with_content",
                 .description = "The last content delta and the finish_reason arrive in the same "
                                "chunk (stream only).",
                 .group = kStreamDeltasGroup,
                 .edit_chunks = fixed(merge_finish_into_last_delta)});
  catalogue.add({.name = "stream_choice_index_nonzero_first",
                 .description = "Two choices (n=2) whose stream opens with a chunk carrying only "
                                "choice index 1 (stream only).",
                 .group = kStreamDeltasGroup,
                 .shape_reply =
                     [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
                       const auto asked =
                           definition.choice_count.value_or(ctx.request.choice_count());
                       definition.choice_count = std::max<std::int64_t>(asked, 2);
                     },
                 .edit_chunks = fixed(lead_with_second_choice)});
  // Spec CreateChatCompletionStreamResponse.id: "Each chunk has the same ID."
  catalogue.add({.name = "stream_id_changes_midway",
                 .description = "The chunk id changes to a new chatcmpl id halfway through the "
                                "stream (stream only).",
                 .breaks_spec = true,
                 .group = kStreamDeltasGroup,
                 .edit_chunks = [](Chunks& chunks, ScenarioContext& ctx) {
                   switch_id_midway(chunks, synthesis::completion_id(ctx.rng));
                 }});
  // Spec: `choices` is required and not nullable on every chunk.
  catalogue.add({.name = "stream_choices_missing_or_null",
                 .description = "Extra chunks arrive mid-stream, one without a choices key and "
                                "one with \"choices\":null (stream only).",
                 .breaks_spec = true,
                 .group = kStreamDeltasGroup,
                 .edit_chunks = fixed(insert_choiceless_chunks)});
}
}  // namespace

void register_stream_delta_scenarios(ScenarioCatalogue& catalogue) {
  register_tool_delta_scenarios(catalogue);
  register_choice_delta_scenarios(catalogue);
}

}  // namespace chatmock::scenarios
