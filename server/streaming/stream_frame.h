// StreamFrame: one unit of an SSE body before framing — an event to encode, or raw bytes that
// are written as they are (comments, a BOM, deliberately broken lines). Scenarios edit the list.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "streaming/sse_event.h"

namespace chatmock::streaming {

struct StreamFrame {
  std::optional<SseEvent> event;  ///< encoded with the stream's framing
  std::string raw;                ///< written verbatim when `event` is empty

  static StreamFrame of_event(SseEvent e) { return {std::move(e), {}}; }
  static StreamFrame of_raw(std::string bytes) { return {std::nullopt, std::move(bytes)}; }
  /// True for the `data: [DONE]` event.
  bool is_done() const { return event && event->data == "[DONE]"; }
};

}  // namespace chatmock::streaming
