// Byte-level edits of an SSE reply's writes for the sse_framing scenarios (docs/scenarios.md
// (sse_framing)): where write boundaries fall and which line endings the bytes use. Each edit
// tracks state across write boundaries, so it composes in either order with the others; it never
// looks at events, which is what edit_frames (sse_framing_frames.h) is for.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "scenarios/scenario.h"

namespace chatmock::scenarios::sse_framing {

using Writes = std::vector<wire::WireWrite>;

/// True when `reply` is the SSE body of a stream request, the only thing framing edits touch.
bool is_sse_reply(const wire::WireReply& reply, const ScenarioContext& ctx);

/// Every write becomes one-byte writes; the first byte keeps the write's delay.
void split_every_byte(Writes& writes);
/// A write boundary after every `\r` that a `\n` follows in the same write.
void split_inside_crlf(Writes& writes);
/// A write boundary inside every multi-byte UTF-8 sequence that lies within one write.
void split_inside_utf8(Writes& writes, synthesis::Rng& rng);
/// Every line ending (`\n`, `\r`, `\r\n`, even split across writes) becomes `ending`, in place.
void rewrite_line_endings(Writes& writes, std::string_view ending);
/// Removes the blank line that terminates the body's last event.
void drop_trailing_blank_line(Writes& writes);
/// Merges writes so each carries about `per_write` of the old ones and ends mid-way through
/// the next old write (mid-event when each old write was one event).
void coalesce_writes(Writes& writes, std::size_t per_write);
/// Prepends `bytes` to the body.
void prepend(Writes& writes, std::string_view bytes);
/// Replaces the SSE body with the completion its chunks assemble to, as one JSON write;
/// false (reply untouched) when the chunks do not assemble.
bool replace_with_json_body(wire::WireReply& reply);

/// The first value of the comma-separated X-Chatmock-Variant header that is in `variants`;
/// otherwise one of the first `random_pool` variants, drawn from ctx.rng.
std::string_view pick_variant(ScenarioContext& ctx, const std::vector<std::string_view>& variants,
                              std::size_t random_pool);

}  // namespace chatmock::scenarios::sse_framing
