// The request wire types of POST /v1/chat/completions: messages of every role, content parts,
// tools (function and custom), tool_choice, response_format and stream_options. Parsing assumes
// the body already passed validation/; unknown fields are kept in `extra` for matching.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/chat_completion.h"

namespace chatmock::api {

/// One part of an array-form message content (text, image_url, input_audio, file, refusal).
struct ContentPart {
  std::string type = "text";
  Field<std::string> text;     ///< for "text" parts
  Field<std::string> refusal;  ///< for "refusal" parts (assistant)
  nlohmann::json payload;  ///< the part's other keys (image_url, input_audio, file), kept verbatim
  bool operator==(const ContentPart&) const = default;
};

/// A request message; `content` is a string or parts, and may be null for assistant tool calls.
struct Message {
  std::string role;
  Field<std::string> content_text;                ///< set when content is a string (or null)
  Field<std::vector<ContentPart>> content_parts;  ///< set when content is an array
  Field<std::string> name;
  Field<std::string> tool_call_id;
  Field<std::vector<ToolCall>> tool_calls;
  Field<FunctionCall> function_call;
  Field<std::string> refusal;
  bool operator==(const Message&) const = default;

  /// The message's text: the string content, or its text parts joined with "\n".
  std::string text() const;
};

/// A function the model may call (tools[].function, and legacy functions[]).
struct FunctionDefinition {
  std::string name;
  Field<std::string> description;
  Field<nlohmann::json> parameters;  ///< JSON Schema
  Field<bool> strict;
  bool operator==(const FunctionDefinition&) const = default;
};

/// A custom tool: free-text input, optionally constrained by a grammar `format`.
struct CustomToolDefinition {
  std::string name;
  Field<std::string> description;
  Field<nlohmann::json> format;
  bool operator==(const CustomToolDefinition&) const = default;
};

struct Tool {
  std::string type = "function";
  Field<FunctionDefinition> function;
  Field<CustomToolDefinition> custom;
  bool operator==(const Tool&) const = default;
  /// The tool's name whichever its type.
  const std::string& name() const;
};

/// tool_choice: a mode ("none" | "auto" | "required") or a named tool.
struct ToolChoice {
  std::string mode = "auto";  ///< "none" | "auto" | "required" | "named"
  std::string name;           ///< the forced tool when mode == "named"
  bool operator==(const ToolChoice&) const = default;
};

struct JsonSchemaFormat {
  std::string name;
  Field<std::string> description;
  Field<nlohmann::json> schema;
  Field<bool> strict;
  bool operator==(const JsonSchemaFormat&) const = default;
};
/// response_format: {"type":"text"|"json_object"|"json_schema", json_schema?}.
struct ResponseFormat {
  std::string type = "text";
  Field<JsonSchemaFormat> json_schema;
  bool operator==(const ResponseFormat&) const = default;
};

struct StreamOptions {
  Field<bool> include_usage;
  Field<bool> include_obfuscation;
  bool operator==(const StreamOptions&) const = default;
};

/// The request body. Fields the synthesizer does not act on stay in `extra`.
struct ChatCompletionRequest {
  std::string model;
  std::vector<Message> messages;
  Field<std::int64_t> n;
  Field<std::int64_t> max_tokens;
  Field<std::int64_t> max_completion_tokens;
  std::vector<std::string> stop;  ///< normalised: a string becomes one entry
  bool stream = false;
  Field<StreamOptions> stream_options;
  std::vector<Tool> tools;
  Field<ToolChoice> tool_choice;
  Field<bool> parallel_tool_calls;
  std::vector<FunctionDefinition> functions;
  Field<nlohmann::json> function_call;  ///< "none" | "auto" | {"name":…}
  Field<ResponseFormat> response_format;
  bool logprobs = false;
  Field<std::int64_t> top_logprobs;
  Field<std::int64_t> seed;
  Field<std::string> service_tier;
  Field<std::vector<std::string>> modalities;
  nlohmann::json extra = nlohmann::json::object();  ///< every other top-level key, verbatim
  bool operator==(const ChatCompletionRequest&) const = default;

  /// The effective completion-token limit (max_completion_tokens, else max_tokens), if any.
  Field<std::int64_t> token_limit() const;
  /// n, defaulting to 1.
  std::int64_t choice_count() const { return n.value_or(1); }
};

// The field lists (wire_fields.h); ToolChoice, a string or an object, keeps its own to_json.
namespace wire {
constexpr auto field_list(Type<ContentPart>) {
  using P = ContentPart;
  // A key left unread (mistyped noise) stays in the payload, so it is written back as it came.
  return std::tuple{
      defaulted("type", &P::type), field("text", &P::text, checked_when(&P::type, "text")),
      field("refusal", &P::refusal, checked_when(&P::type, "refusal")), passthrough(&P::payload)};
}
constexpr auto field_list(Type<Message>) {
  using M = Message;
  return std::tuple{field("role", &M::role),
                    either("content", &M::content_parts, &M::content_text),
                    field("name", &M::name),
                    field("tool_call_id", &M::tool_call_id, checked_when(&M::role, "tool")),
                    field("tool_calls", &M::tool_calls, checked_when(&M::role, "assistant")),
                    field("function_call", &M::function_call, checked_when(&M::role, "assistant")),
                    field("refusal", &M::refusal, checked_when(&M::role, "assistant"))};
}
constexpr auto field_list(Type<FunctionDefinition>) {
  using F = FunctionDefinition;
  return std::tuple{field("name", &F::name), field("description", &F::description),
                    field("parameters", &F::parameters), field("strict", &F::strict)};
}
constexpr auto field_list(Type<CustomToolDefinition>) {
  using C = CustomToolDefinition;
  return std::tuple{field("name", &C::name), field("description", &C::description),
                    field("format", &C::format)};
}
constexpr auto field_list(Type<Tool>) {
  return std::tuple{defaulted("type", &Tool::type),
                    field("function", &Tool::function, checked_when(&Tool::type, "function")),
                    field("custom", &Tool::custom, checked_when(&Tool::type, "custom"))};
}
constexpr auto field_list(Type<JsonSchemaFormat>) {
  using J = JsonSchemaFormat;
  return std::tuple{defaulted("name", &J::name), field("description", &J::description),
                    field("schema", &J::schema), field("strict", &J::strict)};
}
constexpr auto field_list(Type<ResponseFormat>) {
  using R = ResponseFormat;
  return std::tuple{field("type", &R::type),
                    field("json_schema", &R::json_schema, checked_when(&R::type, "json_schema"))};
}
constexpr auto field_list(Type<StreamOptions>) {
  return std::tuple{field("include_usage", &StreamOptions::include_usage),
                    field("include_obfuscation", &StreamOptions::include_obfuscation)};
}
constexpr auto field_list(Type<ChatCompletionRequest>) {
  using R = ChatCompletionRequest;
  return std::tuple{field("model", &R::model),
                    field("messages", &R::messages),
                    field("n", &R::n),
                    field("max_tokens", &R::max_tokens),
                    field("max_completion_tokens", &R::max_completion_tokens),
                    string_or_list("stop", &R::stop),
                    flag("stream", &R::stream),
                    field("stream_options", &R::stream_options),
                    non_empty("tools", &R::tools),
                    field("tool_choice", &R::tool_choice),
                    field("parallel_tool_calls", &R::parallel_tool_calls),
                    non_empty("functions", &R::functions),
                    field("function_call", &R::function_call),
                    field("response_format", &R::response_format),
                    flag("logprobs", &R::logprobs),
                    field("top_logprobs", &R::top_logprobs),
                    field("seed", &R::seed),
                    field("service_tier", &R::service_tier),
                    field("modalities", &R::modalities),
                    passthrough(&R::extra)};
}
}  // namespace wire

void to_json(nlohmann::json& j, const ContentPart& v);
void from_json(const nlohmann::json& j, ContentPart& v);
void to_json(nlohmann::json& j, const Message& v);
void from_json(const nlohmann::json& j, Message& v);
void to_json(nlohmann::json& j, const FunctionDefinition& v);
void from_json(const nlohmann::json& j, FunctionDefinition& v);
void to_json(nlohmann::json& j, const CustomToolDefinition& v);
void from_json(const nlohmann::json& j, CustomToolDefinition& v);
void to_json(nlohmann::json& j, const Tool& v);
void from_json(const nlohmann::json& j, Tool& v);
void to_json(nlohmann::json& j, const ToolChoice& v);
void from_json(const nlohmann::json& j, ToolChoice& v);
void to_json(nlohmann::json& j, const JsonSchemaFormat& v);
void from_json(const nlohmann::json& j, JsonSchemaFormat& v);
void to_json(nlohmann::json& j, const ResponseFormat& v);
void from_json(const nlohmann::json& j, ResponseFormat& v);
void to_json(nlohmann::json& j, const StreamOptions& v);
void from_json(const nlohmann::json& j, StreamOptions& v);
void to_json(nlohmann::json& j, const ChatCompletionRequest& v);
void from_json(const nlohmann::json& j, ChatCompletionRequest& v);

}  // namespace chatmock::api
