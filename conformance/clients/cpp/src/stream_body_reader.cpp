// Payload rules shared by the Chat and Responses stream readers: what counts as a keepalive, how
// JavaScript decides an `error` member is set, and what an `event: error` event reports. One
// home, so both APIs treat a mid-stream error the same way.
#include "chatmock/client/stream_body_reader.h"

namespace chatmock::client {

using nlohmann::json;

bool is_truthy(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
    case json::value_t::discarded:
      return false;
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return value.get<double>() != 0.0;
    case json::value_t::string:
      return !value.get_ref<const std::string&>().empty();
    case json::value_t::object:
    case json::value_t::array:
    case json::value_t::binary:
      return true;
  }
  return false;
}

std::string_view trim_event_payload(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

Observation observation_from_error_event(std::string_view data_text, const json& data) {
  if (data.is_discarded()) return error_observation(nullptr, nullptr, nullptr, data_text);
  const auto nested = data.is_object() ? data.find("error") : data.end();
  if (nested != data.end() && is_truthy(*nested)) {
    return observation_from_error_object(nullptr, *nested);
  }
  return observation_from_error_object(nullptr, data);
}

}  // namespace chatmock::client
