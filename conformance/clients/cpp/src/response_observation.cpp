// Projections of a Response to the conformance observation. Items are reduced to what a client
// hands its caller (type, text, refusal, call name/arguments/ids, reasoning summary), copied as
// the server sent them with null for anything absent, so a wrong type shows up in the diff.
#include "chatmock/client/response_observation.h"

#include <string>
#include <utility>

#include "chatmock/client/response_stream_reader.h"

namespace chatmock::client {
namespace {

using nlohmann::json;

json listed_members(const json& object, const char* key) {
  json value = member_or_null(object, key);
  return value.is_array() ? value : json::array();
}

json observed_annotation(const json& annotation) {
  return {{"type", member_or_null(annotation, "type")},
          {"url", member_or_null(annotation, "url")},
          {"title", member_or_null(annotation, "title")},
          {"start_index", member_or_null(annotation, "start_index")},
          {"end_index", member_or_null(annotation, "end_index")}};
}

json observed_content_part(const json& part) {
  const json type = member_or_null(part, "type");
  if (type == "refusal") return {{"type", type}, {"refusal", member_or_null(part, "refusal")}};
  json annotations = json::array();
  for (const json& annotation : listed_members(part, "annotations"))
    annotations.push_back(observed_annotation(annotation));
  return {{"type", type},
          {"text", member_or_null(part, "text")},
          {"annotations", std::move(annotations)}};
}

json observed_output_item(const json& item) {
  const json type = member_or_null(item, "type");
  json observed = {{"type", type}, {"id", member_or_null(item, "id")}};
  if (type == "message") {
    json content = json::array();
    for (const json& part : listed_members(item, "content"))
      content.push_back(observed_content_part(part));
    observed["content"] = std::move(content);
  } else if (type == "function_call") {
    for (const char* key : {"call_id", "name", "arguments"})
      observed[key] = member_or_null(item, key);
  } else if (type == "reasoning") {
    json summary = json::array();
    for (const json& part : listed_members(item, "summary"))
      summary.push_back(member_or_null(part, "text"));
    observed["summary"] = std::move(summary);
  } else {
    observed["status"] = member_or_null(item, "status");
  }
  return observed;
}

// The SDKs' `output_text`: every output_text part of every message item, joined
// (node lib/ResponsesParser.ts addOutputText, python Response.output_text).
json joined_output_text(const json& output) {
  std::string text;
  for (const json& item : output) {
    if (member_or_null(item, "type") != "message") continue;
    for (const json& part : listed_members(item, "content")) {
      const json piece = member_or_null(part, "text");
      if (member_or_null(part, "type") == "output_text" && piece.is_string())
        text += piece.get_ref<const std::string&>();
    }
  }
  return text;
}

}  // namespace

Observation responses_observation_from_object(const json& response, json events) {
  if (!response.is_object()) {
    return error_observation(nullptr, kInvalidResponse, nullptr,
                             "response body is not a JSON object");
  }
  json output = json::array();
  for (const json& item : listed_members(response, "output"))
    output.push_back(observed_output_item(item));
  json usage = nullptr;
  if (const json reported = member_or_null(response, "usage"); reported.is_object()) {
    usage = {{"input_tokens", member_or_null(reported, "input_tokens")},
             {"output_tokens", member_or_null(reported, "output_tokens")},
             {"total_tokens", member_or_null(reported, "total_tokens")}};
  }
  json failure = nullptr;
  if (const json error = member_or_null(response, "error"); error.is_object()) {
    failure = {{"code", member_or_null(error, "code")},
               {"message", member_or_null(error, "message")}};
  }
  return {{"ok", true},
          {"id", member_or_null(response, "id")},
          {"model", member_or_null(response, "model")},
          {"status", member_or_null(response, "status")},
          {"incomplete_reason",
           member_or_null(member_or_null(response, "incomplete_details"), "reason")},
          {"response_error", std::move(failure)},
          {"output_text", joined_output_text(listed_members(response, "output"))},
          {"output", std::move(output)},
          {"usage", std::move(usage)},
          {"events", std::move(events)}};
}

Observation responses_observation_from_body(int status, std::string_view body) {
  if (status < 200 || status > 299) return observation_from_error_response(status, body);
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) {
    return error_observation(status, kInvalidResponse, nullptr,
                             "Error reading response: body is not a JSON object.");
  }
  return responses_observation_from_object(parsed);
}

Observation responses_observation_from_sse_body(std::string_view body) {
  ResponseStreamReader reader;
  reader.feed(body);
  return reader.finish();
}

}  // namespace chatmock::client
