// ResponseStreamReader: bytes of a 2xx POST /v1/responses stream → observation. The terminal
// event (response.completed, .incomplete or .failed) carries the whole Response, so the reader
// needs no delta accumulation: it counts events, stops at the terminal event or an error, and
// calls a stream that ends without either incomplete (docs/interface.md). No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chatmock/client/stream_body_reader.h"
#include "streaming/sse_decoder.h"

namespace chatmock::client {

class ResponseStreamReader : public StreamBodyReader {
 public:
  bool feed(std::string_view bytes) override;
  Observation finish() override;
  bool ended() const override { return result_.has_value(); }

 private:
  /// Folds one event; false once it ended the stream.
  bool add_event(const streaming::SseEvent& event);

  streaming::SseDecoder decoder_;
  std::optional<Observation> result_;  ///< set by the terminal event or an error
  std::size_t event_count_ = 0;
  bool saw_event_ = false;
  std::string body_before_first_event_;  ///< kept for the JSON-body fallback only
};

}  // namespace chatmock::client
