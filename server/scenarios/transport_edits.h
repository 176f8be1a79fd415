// Edits on a reply's frames and wire writes that the transport scenarios share: stalls (with
// optional SSE keep-alive comments), cuts after N bytes, and finding where a stream's content
// ends. Values in, values out: http/ only executes what these produce.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "streaming/stream_frame.h"
#include "wire/wire_reply.h"

namespace chatmock::scenarios {

/// Adds `silence` before write `index` (appending an empty write past the end); with
/// `keepalive_every`, `: keepalive` comments fill the silence at that interval.
void stall_before(wire::WireReply& reply, std::size_t index, std::chrono::milliseconds silence,
                  std::optional<std::chrono::milliseconds> keepalive_every = std::nullopt);
/// Keeps the first `bytes` bytes of the body and closes the socket there; a Content-Length
/// body keeps declaring its full length, so the client sees a short body.
void cut_after(wire::WireReply& reply, std::size_t bytes);
/// Splits the body into two writes at its middle; returns the index of the second write.
std::size_t split_in_half(wire::WireReply& reply);
/// The total size of the body's writes.
std::size_t body_size(const wire::WireReply& reply);

/// Index of the first frame past the content: a finish_reason, the usage chunk or [DONE].
std::size_t content_end(const std::vector<streaming::StreamFrame>& frames);
/// Removes every `data: [DONE]` frame.
void drop_done(std::vector<streaming::StreamFrame>& frames);

}  // namespace chatmock::scenarios
