// The JSON value type of the Responses core: insertion-ordered, so objects go out in the field
// order the real API uses, and the one dump every Responses body goes through (invalid UTF-8 from
// a client's input is replaced, never thrown).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace chatmock::responses {

using Json = nlohmann::ordered_json;

/// Compact JSON text of `value`; never throws on invalid UTF-8 (replaced with U+FFFD).
inline std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// An object with `fields` reserved, for append_field.
inline Json object_with_capacity(std::size_t fields) {
  Json object = Json::object();
  object.get_ref<Json::object_t&>().reserve(fields);
  return object;
}

/// Appends `key` (absent from `object`) as its last field. A Response is built on every request:
/// appending skips the ordered map's search for an existing key and the two-element array an
/// initializer list builds per field (together a third of the builder's instructions).
inline void append_field(Json& object, std::string key, Json value) {
  auto& fields = object.get_ref<Json::object_t&>();
  fields.Json::object_t::Container::emplace_back(std::move(key), std::move(value));
}

}  // namespace chatmock::responses
