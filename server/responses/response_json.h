// The JSON value type of the Responses core: insertion-ordered, so objects go out in the field
// order the real API uses, and the one dump every Responses body goes through (invalid UTF-8 from
// a client's input is replaced, never thrown).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace chatmock::responses {

using Json = nlohmann::ordered_json;

/// Compact JSON text of `value`; never throws on invalid UTF-8 (replaced with U+FFFD).
inline std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace chatmock::responses
