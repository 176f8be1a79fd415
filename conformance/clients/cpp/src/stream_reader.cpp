// Bytes → SseDecoder → StreamAccumulator, plus the end-of-body rules: the last event without a
// blank line is used when complete (both SDKs drop it, docs/scenarios.md), and a plain JSON
// body for a streaming request is read as a completion or error (§5 #60).
#include "chatmock/client/stream_reader.h"

#include <vector>

namespace chatmock::client {

bool StreamReader::feed(std::string_view bytes) {
  if (ended()) return false;
  if (!saw_event_) body_before_first_event_.append(bytes);
  for (const streaming::SseEvent& event : decoder_.feed(bytes)) {
    if (!saw_event_) {
      saw_event_ = true;
      body_before_first_event_ = std::string();
    }
    if (!accumulator_.add_event(event)) break;
  }
  return !ended();
}

Observation StreamReader::finish() {
  if (!ended()) {
    for (const streaming::SseEvent& event : decoder_.finish()) {
      saw_event_ = true;
      if (!accumulator_.add_unterminated_event(event)) break;
    }
  }
  if (!saw_event_) {
    // No event at all: a server that ignored `stream: true` and sent JSON. The SDKs parse SSE
    // regardless and see nothing; the body itself is the more useful observation.
    const nlohmann::json body = nlohmann::json::parse(body_before_first_event_, nullptr, false);
    if (body.is_object()) {
      auto error = body.find("error");
      if (error != body.end() && !error->is_null()) {
        return observation_from_error_object(nullptr, *error);
      }
      return observation_from_completion(body);
    }
  }
  return accumulator_.observation();
}

}  // namespace chatmock::client
