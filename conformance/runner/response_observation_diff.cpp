// Responses observations compare in the order a report reader cares about: the outcome (status,
// incomplete reason, failure code), then each output item's kind and payload, then the joined
// text, usage and stream event count, ids last. Shares its wording with observation_diff.cpp.
#include <string>

#include "chatmock/client/observation.h"
#include "runner/observation_diff.h"

namespace chatmock::conform {
namespace {

using client::member_or_null;
using nlohmann::json;

json array_member(const json& object, const char* key) {
  json value = member_or_null(object, key);
  return value.is_array() ? value : json::array();
}

std::optional<std::string> keyed_difference(const std::string& path, const json& served,
                                            const json& observed,
                                            std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto d = field_difference(path + "." + key, member_or_null(served, key),
                                  member_or_null(observed, key)))
      return d;
  }
  return std::nullopt;
}

std::optional<std::string> content_difference(const std::string& path, const json& served,
                                              const json& observed) {
  const json want = array_member(served, "content"), got = array_member(observed, "content");
  if (want.size() != got.size()) {
    return path + ".content: served " + std::to_string(want.size()) + " part(s), client reported " +
           std::to_string(got.size()) + (got.empty() ? "" : " " + brief_json(got));
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string at = path + ".content[" + std::to_string(i) + "]";
    if (auto d = first_difference(
            {keyed_difference(at, want[i], got[i], {"type", "refusal", "text"}),
             field_difference(at + ".annotations", array_member(want[i], "annotations"),
                              array_member(got[i], "annotations"))}))
      return d;
  }
  return std::nullopt;
}

std::optional<std::string> output_item_difference(std::size_t index, const json& served,
                                                  const json& observed) {
  const std::string path = "output[" + std::to_string(index) + "]";
  return first_difference(
      {field_difference(path + ".type", member_or_null(served, "type"),
                        member_or_null(observed, "type")),
       content_difference(path, served, observed),
       keyed_difference(path, served, observed, {"name", "arguments", "call_id", "id", "status"}),
       field_difference(path + ".summary", array_member(served, "summary"),
                        array_member(observed, "summary"))});
}

std::optional<std::string> response_usage_difference(const json& served, const json& observed) {
  const json want = member_or_null(served, "usage"), got = member_or_null(observed, "usage");
  if (want.is_null() || got.is_null()) return field_difference("usage", want, got);
  return keyed_difference("usage", want, got, {"input_tokens", "output_tokens", "total_tokens"});
}

}  // namespace

std::optional<std::string> response_success_difference(const json& served, const json& observed) {
  if (auto d = first_difference(
          {field_difference("status", member_or_null(served, "status"),
                            member_or_null(observed, "status")),
           field_difference("incomplete_reason", member_or_null(served, "incomplete_reason"),
                            member_or_null(observed, "incomplete_reason")),
           field_difference("response_error.code",
                            member_or_null(member_or_null(served, "response_error"), "code"),
                            member_or_null(member_or_null(observed, "response_error"), "code"))}))
    return d;
  const json want = array_member(served, "output"), got = array_member(observed, "output");
  if (want.size() != got.size()) {
    return "output: served " + std::to_string(want.size()) + " item(s), client reported " +
           std::to_string(got.size()) + (got.empty() ? "" : " " + brief_json(got));
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (auto d = output_item_difference(i, want[i], got[i])) return d;
  }
  const json observed_events = member_or_null(observed, "events");
  return first_difference(
      {field_difference("output_text", member_or_null(served, "output_text"),
                        member_or_null(observed, "output_text")),
       response_usage_difference(served, observed),
       observed_events.is_null()
           ? std::nullopt
           : field_difference("events", member_or_null(served, "events"), observed_events),
       field_difference("id", member_or_null(served, "id"), member_or_null(observed, "id")),
       field_difference("model", member_or_null(served, "model"),
                        member_or_null(observed, "model"))});
}

}  // namespace chatmock::conform
