// SseEvent: one server-sent event as the WHATWG "event stream interpretation" defines it
// (html.spec.whatwg.org, §9.2.6). Encoding lives in sse_encoder.h, decoding in sse_decoder.h;
// this header owns only the value type.
#pragma once

#include <optional>
#include <string>

namespace chatmock::streaming {

/// A dispatched event: the joined `data:` lines plus the optional fields that came with it.
struct SseEvent {
  std::string data;                  ///< `data:` lines joined with "\n"
  std::optional<std::string> event;  ///< `event:` field, absent when not sent
  std::optional<std::string> id;     ///< `id:` field
  std::optional<int> retry;          ///< `retry:` field in milliseconds

  bool operator==(const SseEvent&) const = default;
};

}  // namespace chatmock::streaming
