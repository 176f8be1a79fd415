// The Responses API's conformance observation (docs/interface.md, "Conformance observation"):
// projections of a Response object, of a non-stream reply and of a recorded event stream to
// what a client exposes — status, output items, output_text, usage. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "chatmock/client/observation.h"

namespace chatmock::client {

/// `error.type` when a Responses stream ended without response.completed, .incomplete or .failed.
inline constexpr std::string_view kIncompleteStream = "incomplete_stream";

/// `{"ok":true,"id","model","status","incomplete_reason","response_error","output",
/// "output_text","usage","events"}` for a Response object; `events` is the stream's event count
/// (null for a JSON reply).
Observation responses_observation_from_object(const nlohmann::json& response,
                                              nlohmann::json events = nullptr);

/// The observation for a complete non-stream reply of POST /v1/responses.
Observation responses_observation_from_body(int status, std::string_view body);

/// The observation for a recorded 2xx `text/event-stream` body of POST /v1/responses.
Observation responses_observation_from_sse_body(std::string_view body);

}  // namespace chatmock::client
