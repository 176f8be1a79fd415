// Type errors name the expected JSON type, never nlohmann's exception text, so a fixture author
// reads "priority: expected an integer" rather than "[json.exception.type_error.302]".
#include "stubbing/fixture_reader.h"

#include <algorithm>

namespace chatmock::stubbing {

FixtureReader::FixtureReader(const nlohmann::ordered_json& json, std::string pointer)
    : json_(json), pointer_(std::move(pointer)) {
  if (!json_.is_object()) throw StubParseError(pointer_, "expected a JSON object");
}

std::string FixtureReader::at(std::string_view key) const {
  return pointer_ + "/" + pointer_token(key);
}

void FixtureReader::allow_only(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : json_.items()) {
    if (key.starts_with("_") || std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list;
    for (const auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
    fail(key, "unknown key \"" + key + "\" (expected one of: " + list + ")");
  }
}

const nlohmann::ordered_json* FixtureReader::member(const char* key) const {
  const auto it = json_.find(key);
  return it == json_.end() ? nullptr : &*it;
}

std::optional<std::string> FixtureReader::string(const char* key) const {
  const auto* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) fail(key, std::string(key) + ": expected a string");
  return value->get<std::string>();
}

std::optional<std::int64_t> FixtureReader::integer(const char* key) const {
  const auto* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) fail(key, std::string(key) + ": expected an integer");
  return value->get<std::int64_t>();
}

std::optional<bool> FixtureReader::boolean(const char* key) const {
  const auto* value = member(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) fail(key, std::string(key) + ": expected true or false");
  return value->get<bool>();
}

void FixtureReader::fail(std::string_view key, const std::string& reason) const {
  throw StubParseError(key.empty() ? pointer_ : at(key), reason);
}

std::string pointer_token(std::string_view key) {
  // RFC 6901 §3 escaping, by nlohmann's json_pointer ("/" + token).
  return (nlohmann::json::json_pointer() / std::string(key)).to_string().substr(1);
}

}  // namespace chatmock::stubbing
