// Compares field by field in the order a reader of the report cares about (ok, then finish
// reason and content before ids), so the reason printed is the most telling difference.
#include "runner/observation_diff.h"

#include <vector>

namespace chatmock::conform {
namespace {

using nlohmann::json;

json member_of(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? json(nullptr) : *it;
}

json listed(const json& object, const char* key) {
  json value = member_of(object, key);
  return value.is_array() ? value : json::array();
}

std::optional<std::string> tool_call_difference(const std::string& path, const json& served,
                                                const json& observed) {
  const json want = listed(served, "tool_calls"), got = listed(observed, "tool_calls");
  if (want.size() != got.size()) {
    return path + ".tool_calls: served " + std::to_string(want.size()) +
           " call(s), client reported " + std::to_string(got.size()) +
           (got.empty() ? "" : " " + brief_json(got));
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string at = path + ".tool_calls[" + std::to_string(i) + "]";
    if (auto d = first_difference(
            {field_difference(at + ".name", member_of(want[i], "name"), member_of(got[i], "name")),
             field_difference(at + ".arguments", member_of(want[i], "arguments"),
                              member_of(got[i], "arguments")),
             field_difference(at + ".id", member_of(want[i], "id"), member_of(got[i], "id"))})) {
      return d;
    }
  }
  return std::nullopt;
}

std::optional<std::string> function_call_difference(const std::string& path, const json& served,
                                                    const json& observed) {
  const json want = member_of(served, "function_call"), got = member_of(observed, "function_call");
  if (want.is_null() || got.is_null()) return field_difference(path + ".function_call", want, got);
  return first_difference(
      {field_difference(path + ".function_call.name", member_of(want, "name"),
                        member_of(got, "name")),
       field_difference(path + ".function_call.arguments", member_of(want, "arguments"),
                        member_of(got, "arguments"))});
}

std::optional<std::string> choice_difference(std::size_t i, const json& served,
                                             const json& observed) {
  const std::string path = "choices[" + std::to_string(i) + "]";
  return first_difference(
      {field_difference(path + ".index", member_of(served, "index"), member_of(observed, "index")),
       field_difference(path + ".finish_reason", member_of(served, "finish_reason"),
                        member_of(observed, "finish_reason")),
       field_difference(path + ".refusal", member_of(served, "refusal"),
                        member_of(observed, "refusal")),
       field_difference(path + ".content", member_of(served, "content"),
                        member_of(observed, "content")),
       tool_call_difference(path, served, observed),
       function_call_difference(path, served, observed)});
}

std::optional<std::string> usage_difference(const json& served, const json& observed) {
  const json want = member_of(served, "usage"), got = member_of(observed, "usage");
  if (want.is_null() || got.is_null()) return field_difference("usage", want, got);
  for (const char* key : {"prompt_tokens", "completion_tokens", "total_tokens"}) {
    if (auto d = field_difference(std::string("usage.") + key, member_of(want, key),
                                  member_of(got, key)))
      return d;
  }
  return std::nullopt;
}

std::string error_summary(const json& observation) {
  const json error = member_of(observation, "error");
  return "status " + brief_json(member_of(error, "status")) + ", type " +
         brief_json(member_of(error, "type")) + ", message " +
         brief_json(member_of(error, "message"));
}

}  // namespace

std::optional<std::string> field_difference(const std::string& path, const json& served,
                                            const json& observed) {
  if (served == observed) return std::nullopt;
  return path + ": served " + brief_json(served) + ", client reported " + brief_json(observed);
}

std::optional<std::string> first_difference(const std::vector<std::optional<std::string>>& checks) {
  for (const auto& check : checks) {
    if (check) return check;
  }
  return std::nullopt;
}

std::string brief_json(const json& value, std::size_t limit) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return text.substr(0, cut) + "…";
}

std::optional<std::string> observation_difference(const json& served, const json& observed) {
  const bool want_ok = member_of(served, "ok") == true, got_ok = member_of(observed, "ok") == true;
  if (want_ok && !got_ok) {
    return "served a completion, client reported an error (" + error_summary(observed) + ")";
  }
  if (!want_ok && got_ok) {
    return "served an error (" + error_summary(served) + "), client reported success";
  }
  if (!want_ok) {
    const json want = member_of(served, "error"), got = member_of(observed, "error");
    return first_difference(
        {field_difference("error.status", member_of(want, "status"), member_of(got, "status")),
         field_difference("error.type", member_of(want, "type"), member_of(got, "type")),
         field_difference("error.code", member_of(want, "code"), member_of(got, "code"))});
  }
  // A Responses observation has `output` where a Chat one has `choices`.
  if (member_of(served, "output").is_array()) return response_success_difference(served, observed);
  const json want_choices = listed(served, "choices"), got_choices = listed(observed, "choices");
  if (want_choices.size() != got_choices.size()) {
    return "choices: served " + std::to_string(want_choices.size()) + ", client reported " +
           std::to_string(got_choices.size());
  }
  for (std::size_t i = 0; i < want_choices.size(); ++i) {
    if (auto d = choice_difference(i, want_choices[i], got_choices[i])) return d;
  }
  return first_difference(
      {usage_difference(served, observed),
       field_difference("id", member_of(served, "id"), member_of(observed, "id")),
       field_difference("model", member_of(served, "model"), member_of(observed, "model"))});
}

std::optional<std::string> malformed_observation(const json& observation) {
  if (!observation.is_object()) return "the observation is not a JSON object";
  const json ok = member_of(observation, "ok");
  if (!ok.is_boolean()) return "the observation has no boolean \"ok\"";
  if (ok == true) {
    if (member_of(observation, "output").is_array()) return std::nullopt;  // Responses
    if (!member_of(observation, "choices").is_array())
      return "ok:true without a \"choices\" (Chat) or \"output\" (Responses) array";
    for (const json& choice : member_of(observation, "choices")) {
      if (!choice.is_object()) return "a choice is not an object";
    }
    return std::nullopt;
  }
  if (!member_of(observation, "error").is_object()) return "ok:false without an \"error\" object";
  return std::nullopt;
}

}  // namespace chatmock::conform
