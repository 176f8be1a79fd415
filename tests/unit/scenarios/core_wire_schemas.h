// Compact JSON Schemas of ChatCompletion and ChatCompletionChunk, transcribed from the OpenAPI
// document's required/nullable/enum rules (docs/openai-behaviour.md §1), so tests can tell a
// spec-valid reply from one that breaks it with synthesis::check_instance. Unknown keys are
// allowed.
#pragma once

#include <nlohmann/json.hpp>

namespace chatmock::testing {

inline nlohmann::json nullable(nlohmann::json schema) {
  return {{"anyOf", {std::move(schema), {{"type", "null"}}}}};
}

inline nlohmann::json object_of(nlohmann::json properties, nlohmann::json required) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

inline nlohmann::json token_logprobs_schema() {
  const nlohmann::json bytes = nullable({{"type", "array"}, {"items", {{"type", "integer"}}}});
  const nlohmann::json top = object_of(
      {{"token", {{"type", "string"}}}, {"logprob", {{"type", "number"}}}, {"bytes", bytes}},
      {"token", "logprob", "bytes"});
  const nlohmann::json entry = object_of({{"token", {{"type", "string"}}},
                                          {"logprob", {{"type", "number"}}},
                                          {"bytes", bytes},
                                          {"top_logprobs", {{"type", "array"}, {"items", top}}}},
                                         {"token", "logprob", "bytes", "top_logprobs"});
  const nlohmann::json list = nullable({{"type", "array"}, {"items", entry}});
  return nullable(object_of({{"content", list}, {"refusal", list}}, {"content", "refusal"}));
}

inline nlohmann::json integers_object(std::initializer_list<const char*> keys) {
  nlohmann::json properties = nlohmann::json::object();
  for (const char* key : keys) properties[key] = {{"type", "integer"}};
  return {{"type", "object"}, {"properties", properties}};
}

inline nlohmann::json usage_schema() {
  nlohmann::json usage = integers_object({"prompt_tokens", "completion_tokens", "total_tokens"});
  usage["required"] = {"prompt_tokens", "completion_tokens", "total_tokens"};
  usage["properties"]["completion_tokens_details"] =
      integers_object({"accepted_prediction_tokens", "audio_tokens", "reasoning_tokens",
                       "rejected_prediction_tokens", "text_tokens"});
  usage["properties"]["prompt_tokens_details"] = integers_object(
      {"audio_tokens", "cached_tokens", "cache_write_tokens", "text_tokens", "image_tokens"});
  return usage;
}

inline nlohmann::json service_tier_schema() {
  return {{"enum", {"auto", "default", "flex", "scale", "priority", "fast", nullptr}}};
}

inline nlohmann::json build_completion_schema() {
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json function =
      object_of({{"name", string}, {"arguments", string}}, {"name", "arguments"});
  const nlohmann::json tool_call = object_of(
      {{"id", string}, {"type", {{"enum", {"function", "custom"}}}}, {"function", function}},
      {"id", "type"});
  const nlohmann::json citation = object_of({{"start_index", {{"type", "integer"}}},
                                             {"end_index", {{"type", "integer"}}},
                                             {"url", string},
                                             {"title", string}},
                                            {"start_index", "end_index", "url", "title"});
  const nlohmann::json annotation =
      object_of({{"type", {{"enum", {"url_citation"}}}}, {"url_citation", citation}},
                {"type", "url_citation"});
  const nlohmann::json audio = nullable(object_of({{"id", string},
                                                   {"expires_at", {{"type", "integer"}}},
                                                   {"data", string},
                                                   {"transcript", string}},
                                                  {"id", "expires_at", "data", "transcript"}));
  const nlohmann::json message =
      object_of({{"role", {{"enum", {"assistant"}}}},
                 {"content", nullable(string)},
                 {"refusal", nullable(string)},
                 {"tool_calls", {{"type", "array"}, {"items", tool_call}}},
                 {"annotations", {{"type", "array"}, {"items", annotation}}},
                 {"audio", audio},
                 {"function_call", function}},
                {"role", "content", "refusal"});
  const nlohmann::json choice =
      object_of({{"index", {{"type", "integer"}}},
                 {"message", message},
                 {"finish_reason",
                  {{"enum", {"stop", "length", "tool_calls", "content_filter", "function_call"}}}},
                 {"logprobs", token_logprobs_schema()}},
                {"index", "message", "finish_reason", "logprobs"});
  return object_of({{"id", string},
                    {"object", {{"enum", {"chat.completion"}}}},
                    {"created", {{"type", "integer"}}},
                    {"model", string},
                    {"choices", {{"type", "array"}, {"items", choice}}},
                    {"usage", usage_schema()},
                    {"service_tier", service_tier_schema()},
                    {"system_fingerprint", string}},
                   {"id", "object", "created", "model", "choices"});
}

inline nlohmann::json build_chunk_schema() {
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json function_delta =
      object_of({{"name", string}, {"arguments", string}}, nlohmann::json::array());
  const nlohmann::json tool_delta = object_of({{"index", {{"type", "integer"}}},
                                               {"id", string},
                                               {"type", {{"enum", {"function"}}}},
                                               {"function", function_delta}},
                                              {"index"});
  const nlohmann::json delta =
      object_of({{"role", {{"enum", {"developer", "system", "user", "assistant", "tool"}}}},
                 {"content", nullable(string)},
                 {"refusal", nullable(string)},
                 {"tool_calls", {{"type", "array"}, {"items", tool_delta}}},
                 {"function_call", function_delta}},
                nlohmann::json::array());
  const nlohmann::json choice = object_of(
      {{"index", {{"type", "integer"}}},
       {"delta", delta},
       {"finish_reason",
        {{"enum", {"stop", "length", "tool_calls", "content_filter", "function_call", nullptr}}}},
       {"logprobs", token_logprobs_schema()}},
      {"delta", "finish_reason", "index"});
  return object_of({{"id", string},
                    {"object", {{"enum", {"chat.completion.chunk"}}}},
                    {"created", {{"type", "integer"}}},
                    {"model", string},
                    {"choices", {{"type", "array"}, {"items", choice}}},
                    {"usage", nullable(usage_schema())},
                    {"service_tier", service_tier_schema()},
                    {"system_fingerprint", string},
                    {"obfuscation", string}},
                   {"id", "object", "created", "model", "choices"});
}

/// The ChatCompletion schema (built once).
inline const nlohmann::json& completion_schema() {
  static const nlohmann::json kSchema = build_completion_schema();
  return kSchema;
}
/// The ChatCompletionChunk schema (built once).
inline const nlohmann::json& chunk_schema() {
  static const nlohmann::json kSchema = build_chunk_schema();
  return kSchema;
}

}  // namespace chatmock::testing
