// Which keys are optional or nullable follows the OpenAPI schema (docs/openai-behaviour.md §1):
// only content, refusal, audio, service_tier, moderation, metadata, logprobs, bytes, and in chunks
// usage and finish_reason are nullable; tool_calls, annotations, function_call, usage (in a
// completion), system_fingerprint and every other delta key are optional but not nullable.
// The unknown keys are ones real providers send (Azure, DeepSeek, OpenRouter, Gemini, vLLM).
#include "scenarios/core_shape_hooks.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

struct OptionalKey {
  std::string_view name;
  bool nullable;
};

json content_filter_results() {
  const json safe = {{"filtered", false}, {"severity", "safe"}};
  return {{"hate", safe}, {"self_harm", safe}, {"sexual", safe}, {"violence", safe}};
}

/// The unknown keys added to an object found under `level` (its parent key; "" for the root).
json unknown_fields_for(std::string_view level, const json& node) {
  if (level.empty()) {
    return {{"prompt_filter_results",
             {{{"prompt_index", 0}, {"content_filter_results", content_filter_results()}}}},
            {"provider", "OpenAI"}};
  }
  if (level == "choices")
    return {{"content_filter_results", content_filter_results()}, {"stop_reason", nullptr}};
  if (level == "message")
    return {{"reasoning_details", json::array()}, {"provider_specific_fields", json::object()}};
  if (level == "delta") return {{"reasoning_content", nullptr}};
  if (level == "usage") {
    return {{"prompt_cache_hit_tokens", 0},
            {"prompt_cache_miss_tokens", node.value("prompt_tokens", 0)},
            {"cost", 0.000125}};
  }
  if (level == "tool_calls")
    return {{"extra_content", {{"google", {{"thought_signature", "c2lnbmF0dXJl"}}}}}};
  if (level == "function" || level == "function_call") return {{"parsed", nullptr}};
  if (level == "logprobs") return {{"text_offset", json::array()}};
  if (level == "content" || level == "refusal" || level == "top_logprobs")
    return {{"token_id", 1734}};
  if (level == "audio") return {{"format", "wav"}};
  if (level.ends_with("_tokens_details")) return {{"cache_creation_tokens", 0}};
  return {{"x_chatmock_unknown", true}};
}

void decorate(json& node, std::string_view level) {
  if (node.is_array()) {
    for (auto& item : node) decorate(item, level);
    return;
  }
  if (!node.is_object()) return;
  for (auto& [key, value] : node.items()) {
    // metadata is a map of strings: an object value there would break the schema.
    if (key != "metadata") decorate(value, key);
  }
  const json extra = unknown_fields_for(level, node);
  for (const auto& [key, value] : extra.items()) {
    if (!node.contains(key)) node[key] = value;
  }
}

void fill_nulls(json& object, std::initializer_list<OptionalKey> keys, bool nullable_only) {
  if (!object.is_object()) return;
  for (const auto& key : keys) {
    if (nullable_only && !key.nullable) continue;
    const std::string name(key.name);
    const auto it = object.find(name);
    if (it == object.end() || (it->is_array() && it->empty())) object[name] = nullptr;
  }
}

void erase_null_keys(json& object) {
  for (auto it = object.begin(); it != object.end();) {
    it = it->is_null() ? object.erase(it) : std::next(it);
  }
}

void erase_empty(json& object, const char* key) {
  const auto it = object.find(key);
  if (it != object.end() && (it->is_null() || (it->is_array() && it->empty()))) object.erase(it);
}

template <class Fn>
void for_each_in(json& object, const char* key, Fn&& fn) {
  if (const auto it = object.find(key); it != object.end() && it->is_array()) {
    for (auto& item : *it) fn(item);
  }
}
}  // namespace

void add_unknown_fields(nlohmann::json& root) { decorate(root, ""); }

void keep_only_required_in_body(nlohmann::json& body) {
  for (const char* key : {"usage", "service_tier", "system_fingerprint", "moderation", "metadata"})
    body.erase(key);
  for_each_in(body, "choices", [](json& choice) {
    if (!choice.contains("message")) return;
    for (const char* key : {"annotations", "tool_calls", "audio", "function_call"})
      erase_empty(choice["message"], key);
  });
}

void keep_only_required_in_chunks(std::vector<nlohmann::json>& chunks) {
  for (auto& chunk : chunks) {
    for (const char* key :
         {"usage", "service_tier", "system_fingerprint", "obfuscation", "moderation"}) {
      chunk.erase(key);
    }
    for_each_in(chunk, "choices", [](json& choice) {
      erase_empty(choice, "logprobs");
      if (choice.contains("delta")) erase_null_keys(choice["delta"]);
    });
  }
  // Without usage, the include_usage chunk (empty choices) says nothing at all.
  std::erase_if(chunks,
                [](const json& chunk) { return chunk.value("choices", json::array()).empty(); });
}

void null_absent_in_body(nlohmann::json& body, bool nullable_only) {
  fill_nulls(body,
             {{"usage", false},
              {"service_tier", true},
              {"system_fingerprint", false},
              {"moderation", true},
              {"metadata", true}},
             nullable_only);
  if (const auto usage = body.find("usage"); usage != body.end() && usage->is_object()) {
    fill_nulls(*usage, {{"completion_tokens_details", false}, {"prompt_tokens_details", false}},
               nullable_only);
    if (const auto details = usage->find("completion_tokens_details"); details != usage->end()) {
      fill_nulls(*details,
                 {{"accepted_prediction_tokens", false},
                  {"audio_tokens", false},
                  {"reasoning_tokens", false},
                  {"rejected_prediction_tokens", false},
                  {"text_tokens", false}},
                 nullable_only);
    }
    if (const auto details = usage->find("prompt_tokens_details"); details != usage->end()) {
      fill_nulls(*details,
                 {{"audio_tokens", false},
                  {"cached_tokens", false},
                  {"cache_write_tokens", false},
                  {"text_tokens", false},
                  {"image_tokens", false}},
                 nullable_only);
    }
  }
  for_each_in(body, "choices", [&](json& choice) {
    fill_nulls(choice, {{"logprobs", true}}, nullable_only);
    if (!choice.contains("message")) return;
    fill_nulls(choice["message"],
               {{"content", true},
                {"refusal", true},
                {"tool_calls", false},
                {"annotations", false},
                {"audio", true},
                {"function_call", false}},
               nullable_only);
  });
}

void null_absent_in_chunk(nlohmann::json& chunk, bool nullable_only) {
  fill_nulls(chunk,
             {{"usage", true},
              {"service_tier", true},
              {"system_fingerprint", false},
              {"moderation", true},
              {"obfuscation", false}},
             nullable_only);
  for_each_in(chunk, "choices", [&](json& choice) {
    fill_nulls(choice, {{"logprobs", true}, {"finish_reason", true}}, nullable_only);
    if (!choice.contains("delta")) return;
    json& delta = choice["delta"];
    fill_nulls(delta,
               {{"role", false},
                {"content", true},
                {"refusal", true},
                {"tool_calls", false},
                {"function_call", false}},
               nullable_only);
    for_each_in(delta, "tool_calls", [&](json& call) {
      fill_nulls(call, {{"id", false}, {"type", false}, {"function", false}}, nullable_only);
      if (const auto function = call.find("function"); function != call.end()) {
        fill_nulls(*function, {{"name", false}, {"arguments", false}}, nullable_only);
      }
    });
    if (const auto function_call = delta.find("function_call"); function_call != delta.end()) {
      fill_nulls(*function_call, {{"name", false}, {"arguments", false}}, nullable_only);
    }
  });
}

}  // namespace chatmock::scenarios
