// StreamReader: bytes of a 2xx streaming response → observation. It wires SseDecoder to
// StreamAccumulator and handles end-of-body (an unterminated last event, or a plain JSON body
// sent for a `stream: true` request, docs/scenarios.md). No I/O.
#pragma once

#include <string>
#include <string_view>

#include "chatmock/client/observation.h"
#include "chatmock/client/stream_accumulator.h"
#include "chatmock/client/stream_body_reader.h"
#include "streaming/sse_decoder.h"

namespace chatmock::client {

/// Incremental reader of one streaming response body.
class StreamReader : public StreamBodyReader {
 public:
  /// Consumes body bytes in any fragmentation; returns false once the stream has ended.
  bool feed(std::string_view bytes) override;
  /// Ends the body and returns the observation.
  Observation finish() override;
  /// Whether [DONE] or an error has ended the stream (the rest of the body is irrelevant).
  bool ended() const override { return accumulator_.end() != StreamEnd::kOpen; }

 private:
  streaming::SseDecoder decoder_;
  StreamAccumulator accumulator_;
  bool saw_event_ = false;
  std::string body_before_first_event_;  ///< kept for the JSON-body fallback only
};

}  // namespace chatmock::client
