// Observation: what a conformance client adapter reports about one request, in the exact shape
// of docs/interface.md "Conformance observation". This file owns the projections from wire bodies
// (a ChatCompletion, an error body, a recorded SSE body) to that shape; it does no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace chatmock::client {

/// `{"ok":true,"id","model","choices","usage"}` or
/// `{"ok":false,"error":{status,type,code,message}}`.
using Observation = nlohmann::json;

/// `error.type` for a body or stream event that is not the JSON it must be.
inline constexpr std::string_view kInvalidResponse = "invalid_response";
/// `error.type` when the transport failed (no response, or the body was cut off).
inline constexpr std::string_view kConnectionError = "connection_error";

/// `object[key]`, or null when `object` is not an object or has no such key: every projection
/// copies fields this way, so an absent field and a null one read the same.
nlohmann::json member_or_null(const nlohmann::json& object, const char* key);

/// An ok:false observation from its four fields (status is null for a mid-stream error).
Observation error_observation(nlohmann::json status, nlohmann::json type, nlohmann::json code,
                              nlohmann::json message);

/// An ok:false observation from an API `error` object: type/code/message as it said, null when
/// absent; a string error becomes the message.
Observation observation_from_error_object(nlohmann::json status, const nlohmann::json& error);

/// The observation for a parsed non-stream ChatCompletion (also a stream snapshot).
Observation observation_from_completion(const nlohmann::json& completion);

/// The observation for a non-2xx response body: its `error` object, the body itself when there
/// is no `error` wrapper, or (non-JSON) the first 200 bytes as the message.
Observation observation_from_error_response(int status, std::string_view body);

/// The observation for a complete non-stream HTTP response.
Observation observation_from_response(int status, std::string_view body);

/// The observation for a recorded 2xx `text/event-stream` body (decode + accumulate).
Observation observation_from_sse_body(std::string_view body);

}  // namespace chatmock::client
