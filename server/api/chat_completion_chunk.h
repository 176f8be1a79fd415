// The streaming wire types: ChatCompletionChunk, ChunkChoice, Delta and the tool-call delta.
// In a chunk only `index` is required inside a tool-call delta (spec
// ChatCompletionMessageToolCallChunk), so nearly everything here is a Field<T> that a scenario may
// omit, null or repeat.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/chat_completion.h"

namespace chatmock::api {

/// A fragment of a function call inside a delta (name and/or arguments).
struct FunctionDelta {
  Field<std::string> name;
  Field<std::string> arguments;
  bool operator==(const FunctionDelta&) const = default;
};

/// A fragment of one tool call; `index` says which call it extends.
struct ToolCallDelta {
  Field<std::int64_t> index;
  Field<std::string> id;
  Field<std::string> type;
  Field<FunctionDelta> function;
  Field<CustomToolCall> custom;  ///< not in the chunk spec; the node SDK accepts it
  bool operator==(const ToolCallDelta&) const = default;
};

/// What changed in one choice since the last chunk.
struct Delta {
  Field<std::string> role;
  Field<std::string> content;
  Field<std::string> refusal;
  Field<std::vector<ToolCallDelta>> tool_calls;
  Field<FunctionDelta> function_call;
  Field<nlohmann::json> audio;        ///< not in the delta spec; the SDKs handle it
  Field<nlohmann::json> annotations;  ///< not in the delta spec; url_citation pieces, appended
  bool operator==(const Delta&) const = default;
};

struct ChunkChoice {
  std::int64_t index = 0;
  Delta delta;
  Field<ChoiceLogprobs> logprobs = Field<ChoiceLogprobs>::null();
  Field<FinishReason> finish_reason = Field<FinishReason>::null();
  bool operator==(const ChunkChoice&) const = default;
};

/// One `data:` payload of a chat completion stream.
struct ChatCompletionChunk {
  std::string id;
  std::string object = "chat.completion.chunk";
  std::int64_t created = 0;
  std::string model;
  std::vector<ChunkChoice> choices;
  Field<CompletionUsage> usage;
  Field<std::string> service_tier;
  Field<std::string> system_fingerprint;
  Field<std::string> obfuscation;
  bool operator==(const ChatCompletionChunk&) const = default;
};

namespace wire {
constexpr auto field_list(Type<FunctionDelta>) {
  return std::tuple{field("name", &FunctionDelta::name),
                    field("arguments", &FunctionDelta::arguments)};
}
constexpr auto field_list(Type<ToolCallDelta>) {
  using D = ToolCallDelta;
  return std::tuple{field("index", &D::index), field("id", &D::id), field("type", &D::type),
                    field("function", &D::function), field("custom", &D::custom)};
}
constexpr auto field_list(Type<Delta>) {
  return std::tuple{field("role", &Delta::role),
                    field("content", &Delta::content),
                    field("refusal", &Delta::refusal),
                    field("tool_calls", &Delta::tool_calls),
                    field("function_call", &Delta::function_call),
                    field("audio", &Delta::audio),
                    field("annotations", &Delta::annotations)};
}
constexpr auto field_list(Type<ChunkChoice>) {
  // A chunk choice without `delta` reads as an empty one.
  return std::tuple{field("index", &ChunkChoice::index), defaulted("delta", &ChunkChoice::delta),
                    field("logprobs", &ChunkChoice::logprobs),
                    field("finish_reason", &ChunkChoice::finish_reason)};
}
constexpr auto field_list(Type<ChatCompletionChunk>) {
  using C = ChatCompletionChunk;
  return std::tuple{field("id", &C::id),
                    field("object", &C::object),
                    field("created", &C::created),
                    field("model", &C::model),
                    field("choices", &C::choices),
                    field("usage", &C::usage),
                    field("service_tier", &C::service_tier),
                    field("system_fingerprint", &C::system_fingerprint),
                    field("obfuscation", &C::obfuscation)};
}
}  // namespace wire

void to_json(nlohmann::json& j, const FunctionDelta& v);
void from_json(const nlohmann::json& j, FunctionDelta& v);
void to_json(nlohmann::json& j, const ToolCallDelta& v);
void from_json(const nlohmann::json& j, ToolCallDelta& v);
void to_json(nlohmann::json& j, const Delta& v);
void from_json(const nlohmann::json& j, Delta& v);
void to_json(nlohmann::json& j, const ChunkChoice& v);
void from_json(const nlohmann::json& j, ChunkChoice& v);
void to_json(nlohmann::json& j, const ChatCompletionChunk& v);
void from_json(const nlohmann::json& j, ChatCompletionChunk& v);

}  // namespace chatmock::api
