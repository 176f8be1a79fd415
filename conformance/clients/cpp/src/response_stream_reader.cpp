// Reading a Responses event stream the way a robust client should: an `error` event (named, or
// data whose type is "error") is the result; so is the terminal event's Response. Unknown event
// types and out-of-order lifecycle events are counted and passed by; a chat-style [DONE] or the
// end of the body before a terminal event is an incomplete stream, never a silent success.
#include "chatmock/client/response_stream_reader.h"

#include <set>

#include "chatmock/client/response_observation.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

bool is_terminal_type(const json& type) {
  static const std::set<std::string, std::less<>> kTerminalTypes = {
      "response.completed", "response.incomplete", "response.failed"};
  return type.is_string() && kTerminalTypes.contains(type.get_ref<const std::string&>());
}

Observation incomplete_stream(std::string_view why) {
  return error_observation(nullptr, kIncompleteStream, nullptr,
                           "the stream ended without a terminal event (response.completed, "
                           "response.incomplete or response.failed): " +
                               std::string(why));
}

}  // namespace

bool ResponseStreamReader::feed(std::string_view bytes) {
  if (ended()) return false;
  if (!saw_event_) body_before_first_event_.append(bytes);
  for (const streaming::SseEvent& event : decoder_.feed(bytes)) {
    if (!saw_event_) {
      saw_event_ = true;
      body_before_first_event_ = std::string();
    }
    if (!add_event(event)) break;
  }
  return !ended();
}

bool ResponseStreamReader::add_event(const streaming::SseEvent& event) {
  const json data = json::parse(event.data, nullptr, false);
  if (event.event == "error") {
    result_ = observation_from_error_event(event.data, data);
    return false;
  }
  const std::string_view payload = trim_event_payload(event.data);
  if (payload.empty()) return true;  // a keepalive carries nothing
  if (payload == "[DONE]") {
    result_ = incomplete_stream("a chat-style [DONE] arrived first");
    return false;
  }
  if (data.is_discarded() || !data.is_object()) {
    result_ = error_observation(nullptr, kInvalidResponse, nullptr,
                                "Error reading response: server-sent event data is not a JSON "
                                "object.");
    return false;
  }
  // The spec's error event has type "error"; with or without the `event: error` line it ends
  // the stream, as does any payload with a top-level `error` (node streaming.ts:126-128).
  const auto nested = data.find("error");
  if (data.value("type", json()) == "error" || (nested != data.end() && is_truthy(*nested))) {
    result_ = observation_from_error_event(event.data, data);
    return false;
  }
  ++event_count_;
  const json type = data.value("type", json());
  if (!is_terminal_type(type)) return true;
  const auto response = data.find("response");
  result_ = response != data.end() && response->is_object()
                ? responses_observation_from_object(*response, event_count_)
                : error_observation(nullptr, kInvalidResponse, nullptr,
                                    "Error reading response: " + type.get<std::string>() +
                                        " carries no response object.");
  return false;
}

Observation ResponseStreamReader::finish() {
  if (!ended()) {
    for (const streaming::SseEvent& event : decoder_.finish()) {
      saw_event_ = true;
      // A body cut inside its last event leaves a fragment: the stream is merely truncated.
      if (event.event == "error" || json::accept(event.data)) {
        if (!add_event(event)) break;
      }
    }
  }
  if (result_) return *result_;
  if (!saw_event_) {
    // A server that ignored `stream: true` and sent JSON: the body is the better observation.
    const json body = json::parse(body_before_first_event_, nullptr, false);
    if (body.is_object()) {
      const auto error = body.find("error");
      if (error != body.end() && !error->is_null() && !body.contains("output")) {
        return observation_from_error_object(nullptr, *error);
      }
      return responses_observation_from_object(body);
    }
    return incomplete_stream("the body held no event");
  }
  return incomplete_stream("the body ended after " + std::to_string(event_count_) + " events");
}

}  // namespace chatmock::client
