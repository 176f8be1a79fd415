// StreamBodyReader: what the client needs from a streaming body's reader, whichever API it
// speaks — feed bytes, know when the stream has ended, get the observation. Chat Completions
// (StreamReader) and the Responses API (ResponseStreamReader) each implement it.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "chatmock/client/observation.h"

namespace chatmock::client {

class StreamBodyReader {
 public:
  virtual ~StreamBodyReader() = default;
  /// Consumes body bytes in any fragmentation; returns false once the stream has ended.
  virtual bool feed(std::string_view bytes) = 0;
  /// Ends the body and returns the observation.
  virtual Observation finish() = 0;
  /// Whether the stream has ended (the rest of the body is irrelevant).
  virtual bool ended() const = 0;
};

/// JavaScript truthiness, as node's `if (data && data.error)` (streaming.ts:126) applies it.
bool is_truthy(const nlohmann::json& value);

/// An event's data without surrounding spaces and line breaks ("" for a keepalive).
std::string_view trim_event_payload(std::string_view text);

/// The ok:false observation for an `event: error` event (or a payload that is an error): node
/// throws APIError(data.error ?? data) (streaming.ts:122-124); data that is not JSON becomes the
/// message. The status is null: the error arrived inside a 200 stream.
Observation observation_from_error_event(std::string_view data_text, const nlohmann::json& data);

}  // namespace chatmock::client
