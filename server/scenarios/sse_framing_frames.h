// Event-level edits of an SSE stream for the sse_framing scenarios (docs/scenarios.md
// (sse_framing)): extra comment, retry and empty-data blocks, event ids and names, multi-line data,
// [DONE] variants. Raw frames are written with "\n"; sse_crlf / sse_cr_only rewrite them on the
// wire.
#pragma once

#include <string_view>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios::sse_framing {

using Frames = std::vector<streaming::StreamFrame>;

/// `: OPENROUTER PROCESSING` before the first frame and a bare `:` comment between events.
void insert_keepalive_comments(Frames& frames);
/// `retry: 3000` as its own block first, `id: N` on each event, `: ping` between events.
void add_id_retry_and_pings(Frames& frames);
/// Each JSON object's data is spread over two `data:` lines (a "\n" after its first member).
void spread_data_over_two_lines(Frames& frames);
/// `data: ` (empty data) keep-alive events before the first and the middle event.
void insert_empty_data_events(Frames& frames);
/// Keeps the first half of the chunks, then `event: error` with the API's 500 body (wrapped in
/// {"error":…} or bare) instead of the rest and [DONE].
void end_with_named_error(Frames& frames, bool wrapped);
/// The [DONE] event as `data: [DONE] ` ("trailing_space"), `data:[DONE]` ("no_space") or gone.
void apply_done_variant(Frames& frames, std::string_view variant);
/// Removes the [DONE] event, leaving the last chunk as the final event.
void drop_done(Frames& frames);

/// Appends a 4-byte emoji to every text answer (content, else refusal, else the first string
/// member of each tool call's arguments) so a stream has a UTF-8 sequence to cut.
void add_multibyte_character(api::ChatCompletion& completion);

}  // namespace chatmock::scenarios::sse_framing
