// Hooks of the core scenarios that change what a message carries: url_citation annotations,
// audio output, hostile Unicode, a very large body, and structured-output JSON. Each keeps the
// JSON and stream forms in agreement. Registration is in catalogue_core.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// Inserts markdown source links into each choice's content and lists them as url_citation
/// annotations whose start/end indexes (in code points) delimit the links.
void cite_sources(api::ChatCompletion& completion, ScenarioContext& ctx);
/// Inserts one or two markdown source links into `text` and returns the url_citation
/// annotations that index them (code points), in order; Chat and Responses share it.
std::vector<api::Annotation> insert_cited_links(std::string& text, synthesis::Rng& rng);
/// Stream form of cite_sources: the annotations ride on each choice's last content delta.
void attach_streamed_annotations(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);

/// Turns each choice's content into message.audio (transcript + base64 WAV), content null.
void speak_answers(api::ChatCompletion& completion, ScenarioContext& ctx);
/// Splits each complete delta.audio into id+transcript pieces, data slices and an expires_at end.
void fragment_audio_deltas(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);

/// Prose mixing emoji (incl. ZWJ and flags), CJK, RTL scripts and combining marks.
std::string hostile_unicode_text(synthesis::Rng& rng);
/// Splits stream writes so that multi-byte characters straddle write boundaries.
void split_writes_inside_characters(wire::WireReply& reply, ScenarioContext& ctx);

/// Makes the content X-Chatmock-Size bytes of prose (default 1 MiB, capped at 16 MiB). A stream
/// carries a one-token placeholder until expand_large_deltas, so it is not planned token by token.
void shape_large(synthesis::ReplyDefinition& definition, ScenarioContext& ctx);
/// Stream only: settles the placeholder's finish_reason and usage for the real content, cut by the
/// request's stop sequences and token limit as the JSON form's content is.
void bill_large_content(api::ChatCompletion& completion, ScenarioContext& ctx);
/// Stream only: replaces the placeholder delta with 16 KiB deltas of that cut content.
void expand_large_deltas(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);

/// The schema structured_output answers with when the request names none.
const nlohmann::json& default_structured_output_schema();
/// Makes the reply JSON content for the request's json_schema, or the default schema.
void shape_structured_output(synthesis::ReplyDefinition& definition, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
