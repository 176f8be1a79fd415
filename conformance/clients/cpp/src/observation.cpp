// Projections from wire bodies to the conformance observation (docs/interface.md). Every field is
// copied as the body said, with null for anything absent, so that a server's wrong type shows up
// in the comparison instead of being coerced away.
#include "chatmock/client/observation.h"

#include <algorithm>
#include <string>
#include <utility>

#include "chatmock/client/stream_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

// The first 200 bytes of a non-JSON error body, cut back to a UTF-8 character boundary.
constexpr std::size_t kMessagePrefixBytes = 200;

std::string text_prefix(std::string_view body) {
  std::size_t size = std::min(body.size(), kMessagePrefixBytes);
  if (size < body.size()) {
    // Do not end inside a multibyte character: back off over continuation bytes (10xxxxxx).
    while (size > 0 && (static_cast<unsigned char>(body[size]) & 0xC0U) == 0x80U) --size;
  }
  return std::string(body.substr(0, size));
}

json observed_tool_call(const json& tool_call) {
  // Function tools carry {name, arguments}; custom tools carry {name, input} (spec ToolCall union).
  json function = member_or_null(tool_call, "function");
  json arguments = member_or_null(function, "arguments");
  if (!function.is_object()) {
    function = member_or_null(tool_call, "custom");
    arguments = member_or_null(function, "input");
  }
  return {{"id", member_or_null(tool_call, "id")},
          {"name", member_or_null(function, "name")},
          {"arguments", std::move(arguments)}};
}

json observed_choice(const json& choice) {
  const json message = member_or_null(choice, "message");
  json tool_calls = json::array();
  if (const json calls = member_or_null(message, "tool_calls"); calls.is_array()) {
    for (const json& call : calls) tool_calls.push_back(observed_tool_call(call));
  }
  json function_call = nullptr;
  if (const json call = member_or_null(message, "function_call"); call.is_object()) {
    function_call = {{"name", member_or_null(call, "name")},
                     {"arguments", member_or_null(call, "arguments")}};
  }
  return {{"index", member_or_null(choice, "index")},
          {"finish_reason", member_or_null(choice, "finish_reason")},
          {"content", member_or_null(message, "content")},
          {"refusal", member_or_null(message, "refusal")},
          {"tool_calls", std::move(tool_calls)},
          {"function_call", std::move(function_call)}};
}

}  // namespace

json member_or_null(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? json(nullptr) : *it;
}

Observation error_observation(json status, json type, json code, json message) {
  return {{"ok", false},
          {"error",
           {{"status", std::move(status)},
            {"type", std::move(type)},
            {"code", std::move(code)},
            {"message", std::move(message)}}}};
}

Observation observation_from_error_object(json status, const json& error) {
  if (error.is_object()) {
    return error_observation(std::move(status), member_or_null(error, "type"),
                             member_or_null(error, "code"), member_or_null(error, "message"));
  }
  if (error.is_string()) return error_observation(std::move(status), nullptr, nullptr, error);
  return error_observation(std::move(status), nullptr, nullptr, error.dump());
}

Observation observation_from_completion(const json& completion) {
  if (!completion.is_object()) {
    return error_observation(nullptr, kInvalidResponse, nullptr,
                             "response body is not a JSON object");
  }
  json choices = json::array();
  if (const json listed = member_or_null(completion, "choices"); listed.is_array()) {
    for (const json& choice : listed) choices.push_back(observed_choice(choice));
  }
  json usage = nullptr;
  if (const json reported = member_or_null(completion, "usage"); reported.is_object()) {
    usage = {{"prompt_tokens", member_or_null(reported, "prompt_tokens")},
             {"completion_tokens", member_or_null(reported, "completion_tokens")},
             {"total_tokens", member_or_null(reported, "total_tokens")}};
  }
  return {{"ok", true},
          {"id", member_or_null(completion, "id")},
          {"model", member_or_null(completion, "model")},
          {"choices", std::move(choices)},
          {"usage", std::move(usage)}};
}

Observation observation_from_error_response(int status, std::string_view body) {
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) {
    // HTML from a gateway, an empty body, or JSON that is not an object (docs/scenarios.md):
    // python falls back to the raw text (_base_client.py:435-442).
    return error_observation(status, nullptr, nullptr, text_prefix(body));
  }
  // node reads body.error (error.ts:68); python body.get("error", body) (_client.py:775), so a
  // body without the wrapper is itself the error (§5 #69).
  if (const json wrapped = member_or_null(parsed, "error");
      wrapped.is_object() || wrapped.is_string()) {
    return observation_from_error_object(status, wrapped);
  }
  return observation_from_error_object(status, parsed);
}

Observation observation_from_response(int status, std::string_view body) {
  if (status < 200 || status > 299) return observation_from_error_response(status, body);
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) {
    return error_observation(status, kInvalidResponse, nullptr,
                             "Error reading response: body is not a JSON object.");
  }
  return observation_from_completion(parsed);
}

Observation observation_from_sse_body(std::string_view body) {
  StreamReader reader;
  reader.feed(body);
  return reader.finish();
}

}  // namespace chatmock::client
