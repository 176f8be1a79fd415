// The non-trivial hooks of the message_shapes group (docs/scenarios.md (message_shapes)), kept out
// of the registration file so each scenario there reads as one entry. Every pair of functions edits
// the typed completion (JSON and stream) or the JSON body, and then the chunks so both forms agree.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/chat_completion.h"
#include "scenarios/scenario.h"

namespace chatmock::scenarios {

/// The ~200-character cited answer; `non_ascii` picks the French text with emoji and accents.
std::string citation_text(bool non_ascii);
/// Adds a url_citation to every text choice; indexes count Unicode code points.
void add_url_citations(api::ChatCompletion& completion, bool non_ascii);
/// Puts the same annotations into the delta of each choice's last content chunk.
void add_url_citations_to_chunks(std::vector<nlohmann::json>& chunks, bool non_ascii);

/// Replaces each choice's content by `message.audio` (base64 PCM, transcript = old content).
void attach_audio(api::ChatCompletion& completion, ScenarioContext& ctx);
/// Streams each audio message as transcript pieces, data pieces and an expires_at-only tail.
void stream_audio_pieces(std::vector<nlohmann::json>& chunks, ScenarioContext& ctx);

/// Turns every function tool call into a custom one carrying free-text SQL input.
void make_tool_calls_custom(api::ChatCompletion& completion,
                            const api::ChatCompletionRequest& request);
/// Rewrites tool calls (body) to `type:"web_search"` with a `web_search` payload.
void retype_tool_calls_in_body(nlohmann::json& body);
/// Rewrites tool-call deltas the same way: opener type + query fragments.
void retype_tool_calls_in_chunks(std::vector<nlohmann::json>& chunks);

/// Choices 1 and 2 stop with length and content_filter (content cut, usage recounted).
void diversify_finish_reasons(api::ChatCompletion& completion);

/// Vendor fields at every level of the body (Azure, DeepSeek, vLLM spellings).
void add_unknown_fields_to_body(nlohmann::json& body);
/// The same vendor fields in the stream, so a strict decoder fails on the first chunk.
void add_unknown_fields_to_chunks(std::vector<nlohmann::json>& chunks);

/// Every optional response field that is absent becomes an explicit null.
void null_absent_fields(api::ChatCompletion& completion);
/// The stream counterpart: usage, delta fields and tool-call delta members become null.
void null_absent_chunk_fields(std::vector<nlohmann::json>& chunks);

/// Fresh obfuscation padding for a chunk copied from another one (keeps padding unique).
void refresh_obfuscation(nlohmann::json& chunk, ScenarioContext& ctx);

}  // namespace chatmock::scenarios
