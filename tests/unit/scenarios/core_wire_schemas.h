// Compact JSON Schemas of ChatCompletion and ChatCompletionChunk, transcribed from the OpenAPI
// document's required/nullable/enum rules (edge-cases.md §1), so tests can tell a spec-valid
// reply from one that breaks the spec with synthesis::check_instance. Unknown keys are allowed,
// as in the spec.
#pragma once

#include <nlohmann/json.hpp>

namespace chatmock::testing {

inline nlohmann::json nullable(nlohmann::json schema) {
  return {{"anyOf", {std::move(schema), {{"type", "null"}}}}};
}

inline nlohmann::json object_of(nlohmann::json properties, nlohmann::json required) {
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

inline nlohmann::json token_logprobs_schema() {
  const nlohmann::json bytes = nullable({{"type", "array"}, {"items", {{"type", "integer"}}}});
  const nlohmann::json top = object_of({{"token", {{"type", "string"}}}, {"logprob", {{"type", "number"}}}, {"bytes", bytes}},
                                       {"token", "logprob", "bytes"});
  const nlohmann::json entry =
      object_of({{"token", {{"type", "string"}}}, {"logprob", {{"type", "number"}}}, {"bytes", bytes},
                 {"top_logprobs", {{"type", "array"}, {"items", top}}}},
                {"token", "logprob", "bytes", "top_logprobs"});
  const nlohmann::json list = nullable({{"type", "array"}, {"items", entry}});
  return nullable(object_of({{"content", list}, {"refusal", list}}, {"content", "refusal"}));
}

inline nlohmann::json usage_schema() {
  const nlohmann::json integer = {{"type", "integer"}};
  const nlohmann::json completion_details = {
      {"type", "object"},
      {"properties", {{"accepted_prediction_tokens", integer}, {"audio_tokens", integer}, {"reasoning_tokens", integer},
                      {"rejected_prediction_tokens", integer}, {"text_tokens", integer}}}};
  const nlohmann::json prompt_details = {
      {"type", "object"},
      {"properties", {{"audio_tokens", integer}, {"cached_tokens", integer}, {"cache_write_tokens", integer},
                      {"text_tokens", integer}, {"image_tokens", integer}}}};
  return object_of({{"prompt_tokens", {{"type", "integer"}}}, {"completion_tokens", {{"type", "integer"}}},
                    {"total_tokens", {{"type", "integer"}}}, {"completion_tokens_details", completion_details},
                    {"prompt_tokens_details", prompt_details}},
                   {"prompt_tokens", "completion_tokens", "total_tokens"});
}

inline nlohmann::json service_tier_schema() {
  return {{"enum", {"auto", "default", "flex", "scale", "priority", "fast", nullptr}}};
}

inline nlohmann::json completion_schema() {
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json function = object_of({{"name", string}, {"arguments", string}}, {"name", "arguments"});
  const nlohmann::json tool_call = object_of(
      {{"id", string}, {"type", {{"enum", {"function", "custom"}}}}, {"function", function}}, {"id", "type"});
  const nlohmann::json citation = object_of(
      {{"start_index", {{"type", "integer"}}}, {"end_index", {{"type", "integer"}}}, {"url", string}, {"title", string}},
      {"start_index", "end_index", "url", "title"});
  const nlohmann::json annotation =
      object_of({{"type", {{"enum", {"url_citation"}}}}, {"url_citation", citation}}, {"type", "url_citation"});
  const nlohmann::json audio = nullable(object_of(
      {{"id", string}, {"expires_at", {{"type", "integer"}}}, {"data", string}, {"transcript", string}},
      {"id", "expires_at", "data", "transcript"}));
  const nlohmann::json message = object_of(
      {{"role", {{"enum", {"assistant"}}}}, {"content", nullable(string)}, {"refusal", nullable(string)},
       {"tool_calls", {{"type", "array"}, {"items", tool_call}}},
       {"annotations", {{"type", "array"}, {"items", annotation}}}, {"audio", audio}, {"function_call", function}},
      {"role", "content", "refusal"});
  const nlohmann::json choice = object_of(
      {{"index", {{"type", "integer"}}}, {"message", message},
       {"finish_reason", {{"enum", {"stop", "length", "tool_calls", "content_filter", "function_call"}}}},
       {"logprobs", token_logprobs_schema()}},
      {"index", "message", "finish_reason", "logprobs"});
  return object_of({{"id", string}, {"object", {{"enum", {"chat.completion"}}}}, {"created", {{"type", "integer"}}},
                    {"model", string}, {"choices", {{"type", "array"}, {"items", choice}}}, {"usage", usage_schema()},
                    {"service_tier", service_tier_schema()}, {"system_fingerprint", string}},
                   {"id", "object", "created", "model", "choices"});
}

inline nlohmann::json chunk_schema() {
  const nlohmann::json string = {{"type", "string"}};
  const nlohmann::json function_delta = object_of({{"name", string}, {"arguments", string}}, nlohmann::json::array());
  const nlohmann::json tool_delta = object_of(
      {{"index", {{"type", "integer"}}}, {"id", string}, {"type", {{"enum", {"function"}}}}, {"function", function_delta}},
      {"index"});
  const nlohmann::json delta = object_of(
      {{"role", {{"enum", {"developer", "system", "user", "assistant", "tool"}}}}, {"content", nullable(string)},
       {"refusal", nullable(string)}, {"tool_calls", {{"type", "array"}, {"items", tool_delta}}},
       {"function_call", function_delta}},
      nlohmann::json::array());
  const nlohmann::json choice = object_of(
      {{"index", {{"type", "integer"}}}, {"delta", delta},
       {"finish_reason", {{"enum", {"stop", "length", "tool_calls", "content_filter", "function_call", nullptr}}}},
       {"logprobs", token_logprobs_schema()}},
      {"delta", "finish_reason", "index"});
  return object_of({{"id", string}, {"object", {{"enum", {"chat.completion.chunk"}}}},
                    {"created", {{"type", "integer"}}}, {"model", string},
                    {"choices", {{"type", "array"}, {"items", choice}}}, {"usage", nullable(usage_schema())},
                    {"service_tier", service_tier_schema()}, {"system_fingerprint", string}, {"obfuscation", string}},
                   {"id", "object", "created", "model", "choices"});
}

}  // namespace chatmock::testing
