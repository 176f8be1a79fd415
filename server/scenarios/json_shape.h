// Tolerant reads of chunks and bodies for scenario hooks. A hook composed after fuzz, minimal or
// explicit_nulls sees keys dropped, nulls where objects were and types swapped; these accessors
// answer "absent" instead of asserting (nlohmann's const operator[]) or throwing on a bad type.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace chatmock::scenarios {

/// The value under `key` when `object` is an object holding it, else nullptr.
inline const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

inline nlohmann::json* member(nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

/// The object under `key`, or nullptr when absent or not an object.
inline nlohmann::json* object_member(nlohmann::json& object, std::string_view key) {
  auto* value = member(object, key);
  return value != nullptr && value->is_object() ? value : nullptr;
}

/// The array under `key`, or nullptr when absent or not an array ("choices", "tool_calls").
inline nlohmann::json* array_member(nlohmann::json& object, std::string_view key) {
  auto* value = member(object, key);
  return value != nullptr && value->is_array() ? value : nullptr;
}

inline std::string string_member(const nlohmann::json& object, std::string_view key,
                                 std::string fallback = {}) {
  const auto* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::move(fallback);
}

inline std::int64_t integer_member(const nlohmann::json& object, std::string_view key,
                                   std::int64_t fallback = 0) {
  const auto* value = member(object, key);
  return value != nullptr && value->is_number_integer() ? value->get<std::int64_t>() : fallback;
}

/// A copy of the value under `key`, or null when absent.
inline nlohmann::json member_or_null(const nlohmann::json& object, std::string_view key) {
  const auto* value = member(object, key);
  return value != nullptr ? *value : nlohmann::json();
}

}  // namespace chatmock::scenarios
