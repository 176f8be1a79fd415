// The non-streaming response wire types (`ChatCompletion` and everything inside it), named and
// spelled as the OpenAI API reference names them, with nlohmann ADL serialisation. Defaults
// mirror what the real API sends (content/refusal null, annotations []), not the spec minimum.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/field.h"
#include "api/wire_fields.h"

namespace chatmock::api {

/// Why a choice stopped (spec CreateChatCompletionResponse.choices[].finish_reason).
enum class FinishReason {
  stop,            ///< natural end or a stop sequence
  length,          ///< max_tokens / max_completion_tokens reached
  tool_calls,      ///< the model called tools
  content_filter,  ///< content omitted by a filter
  function_call,   ///< deprecated: the model called a legacy function
};
NLOHMANN_JSON_SERIALIZE_ENUM(FinishReason, {{FinishReason::stop, "stop"},
                                            {FinishReason::length, "length"},
                                            {FinishReason::tool_calls, "tool_calls"},
                                            {FinishReason::content_filter, "content_filter"},
                                            {FinishReason::function_call, "function_call"}})

/// A function call's name and raw JSON-text arguments (tool call `function`, legacy
/// `function_call`).
struct Function {
  std::string name;
  std::string arguments;  ///< a string, not JSON: the model may emit invalid JSON
  bool operator==(const Function&) const = default;
};
/// The deprecated `message.function_call` has the same shape as a tool call's function.
using FunctionCall = Function;

/// A custom (free-text input) tool call's payload.
struct CustomToolCall {
  std::string name;
  std::string input;
  bool operator==(const CustomToolCall&) const = default;
};

/// One tool call: `type` "function" carries `function`, "custom" carries `custom`.
struct ToolCall {
  std::string id;
  std::string type = "function";
  Field<Function> function;
  Field<CustomToolCall> custom;
  bool operator==(const ToolCall&) const = default;
};
/// The spec's name for a function tool call.
using ChatCompletionMessageToolCall = ToolCall;

/// A `url_citation` annotation; offsets index into the content.
struct UrlCitation {
  std::int64_t start_index = 0;
  std::int64_t end_index = 0;
  std::string url;
  std::string title;
  bool operator==(const UrlCitation&) const = default;
};
struct Annotation {
  std::string type = "url_citation";
  UrlCitation url_citation;
  bool operator==(const Annotation&) const = default;
};

/// Audio output of a message (modalities ["text","audio"]).
struct ChatCompletionAudio {
  std::string id;
  std::int64_t expires_at = 0;
  std::string data;  ///< base64
  std::string transcript;
  bool operator==(const ChatCompletionAudio&) const = default;
};

struct TopLogprob {
  std::string token;
  double logprob = 0;
  Field<std::vector<int>> bytes = Field<std::vector<int>>::null();
  bool operator==(const TopLogprob&) const = default;
};
struct TokenLogprob {
  std::string token;
  double logprob = 0;
  Field<std::vector<int>> bytes = Field<std::vector<int>>::null();
  std::vector<TopLogprob> top_logprobs;
  bool operator==(const TokenLogprob&) const = default;
};
/// `choice.logprobs`: both keys are required inside the object, each nullable.
struct ChoiceLogprobs {
  Field<std::vector<TokenLogprob>> content = Field<std::vector<TokenLogprob>>::null();
  Field<std::vector<TokenLogprob>> refusal = Field<std::vector<TokenLogprob>>::null();
  bool operator==(const ChoiceLogprobs&) const = default;
};

struct CompletionTokensDetails {
  Field<std::int64_t> accepted_prediction_tokens;
  Field<std::int64_t> audio_tokens;
  Field<std::int64_t> reasoning_tokens;
  Field<std::int64_t> rejected_prediction_tokens;
  Field<std::int64_t> text_tokens;
  bool operator==(const CompletionTokensDetails&) const = default;
};
struct PromptTokensDetails {
  Field<std::int64_t> audio_tokens;
  Field<std::int64_t> cached_tokens;
  Field<std::int64_t> cache_write_tokens;
  Field<std::int64_t> text_tokens;
  Field<std::int64_t> image_tokens;
  bool operator==(const PromptTokensDetails&) const = default;
};
struct CompletionUsage {
  std::int64_t prompt_tokens = 0;
  std::int64_t completion_tokens = 0;
  std::int64_t total_tokens = 0;
  Field<CompletionTokensDetails> completion_tokens_details;
  Field<PromptTokensDetails> prompt_tokens_details;
  bool operator==(const CompletionUsage&) const = default;
};
using Usage = CompletionUsage;

/// The assistant message of a choice. The minimal real message is
/// {"role":"assistant","content":"…","refusal":null,"annotations":[]} (spec example).
struct ChatCompletionMessage {
  std::string role = "assistant";
  Field<std::string> content = Field<std::string>::null();
  Field<std::string> refusal = Field<std::string>::null();
  Field<std::vector<ToolCall>> tool_calls;
  Field<std::vector<Annotation>> annotations = std::vector<Annotation>{};
  Field<ChatCompletionAudio> audio;
  Field<FunctionCall> function_call;
  bool operator==(const ChatCompletionMessage&) const = default;
};

struct Choice {
  std::int64_t index = 0;
  ChatCompletionMessage message;
  FinishReason finish_reason = FinishReason::stop;
  Field<ChoiceLogprobs> logprobs = Field<ChoiceLogprobs>::null();
  bool operator==(const Choice&) const = default;
};

/// The response body of POST /v1/chat/completions without streaming.
struct ChatCompletion {
  std::string id;
  std::string object = "chat.completion";
  std::int64_t created = 0;
  std::string model;
  std::vector<Choice> choices;
  Field<CompletionUsage> usage;
  Field<std::string> service_tier;
  Field<std::string> system_fingerprint;
  Field<nlohmann::json> moderation;
  bool operator==(const ChatCompletion&) const = default;
};

// The field lists (wire_fields.h), in the order the API reference lists the keys. Reading
// follows this order; writing sorts the keys at compile time.
namespace wire {
constexpr auto field_list(Type<Function>) {
  return std::tuple{field("name", &Function::name), field("arguments", &Function::arguments)};
}
constexpr auto field_list(Type<CustomToolCall>) {
  return std::tuple{field("name", &CustomToolCall::name), field("input", &CustomToolCall::input)};
}
constexpr auto field_list(Type<ToolCall>) {
  // The type names the payload; the other key, unchecked by the validator, is noise.
  return std::tuple{
      field("id", &ToolCall::id), field("type", &ToolCall::type),
      field("function", &ToolCall::function, checked_when(&ToolCall::type, "function")),
      field("custom", &ToolCall::custom, checked_when(&ToolCall::type, "custom"))};
}
constexpr auto field_list(Type<UrlCitation>) {
  return std::tuple{field("start_index", &UrlCitation::start_index),
                    field("end_index", &UrlCitation::end_index), field("url", &UrlCitation::url),
                    field("title", &UrlCitation::title)};
}
constexpr auto field_list(Type<Annotation>) {
  return std::tuple{field("type", &Annotation::type),
                    field("url_citation", &Annotation::url_citation)};
}
constexpr auto field_list(Type<ChatCompletionAudio>) {
  using A = ChatCompletionAudio;
  return std::tuple{field("id", &A::id), field("expires_at", &A::expires_at),
                    field("data", &A::data), field("transcript", &A::transcript)};
}
constexpr auto field_list(Type<TopLogprob>) {
  return std::tuple{field("token", &TopLogprob::token), field("logprob", &TopLogprob::logprob),
                    field("bytes", &TopLogprob::bytes)};
}
constexpr auto field_list(Type<TokenLogprob>) {
  return std::tuple{field("token", &TokenLogprob::token), field("logprob", &TokenLogprob::logprob),
                    field("bytes", &TokenLogprob::bytes),
                    field("top_logprobs", &TokenLogprob::top_logprobs)};
}
constexpr auto field_list(Type<ChoiceLogprobs>) {
  return std::tuple{field("content", &ChoiceLogprobs::content),
                    field("refusal", &ChoiceLogprobs::refusal)};
}
constexpr auto field_list(Type<CompletionTokensDetails>) {
  using D = CompletionTokensDetails;
  return std::tuple{field("accepted_prediction_tokens", &D::accepted_prediction_tokens),
                    field("audio_tokens", &D::audio_tokens),
                    field("reasoning_tokens", &D::reasoning_tokens),
                    field("rejected_prediction_tokens", &D::rejected_prediction_tokens),
                    field("text_tokens", &D::text_tokens)};
}
constexpr auto field_list(Type<PromptTokensDetails>) {
  using D = PromptTokensDetails;
  return std::tuple{field("audio_tokens", &D::audio_tokens),
                    field("cached_tokens", &D::cached_tokens),
                    field("cache_write_tokens", &D::cache_write_tokens),
                    field("text_tokens", &D::text_tokens), field("image_tokens", &D::image_tokens)};
}
constexpr auto field_list(Type<CompletionUsage>) {
  using U = CompletionUsage;
  return std::tuple{field("prompt_tokens", &U::prompt_tokens),
                    field("completion_tokens", &U::completion_tokens),
                    field("total_tokens", &U::total_tokens),
                    field("prompt_tokens_details", &U::prompt_tokens_details),
                    field("completion_tokens_details", &U::completion_tokens_details)};
}
constexpr auto field_list(Type<ChatCompletionMessage>) {
  using M = ChatCompletionMessage;
  return std::tuple{field("role", &M::role),
                    field("content", &M::content),
                    field("refusal", &M::refusal),
                    field("tool_calls", &M::tool_calls),
                    field("annotations", &M::annotations),
                    field("audio", &M::audio),
                    field("function_call", &M::function_call)};
}
constexpr auto field_list(Type<Choice>) {
  return std::tuple{field("index", &Choice::index), field("message", &Choice::message),
                    field("logprobs", &Choice::logprobs),
                    field("finish_reason", &Choice::finish_reason)};
}
constexpr auto field_list(Type<ChatCompletion>) {
  using C = ChatCompletion;
  return std::tuple{field("id", &C::id),
                    field("object", &C::object),
                    field("created", &C::created),
                    field("model", &C::model),
                    field("choices", &C::choices),
                    field("usage", &C::usage),
                    field("service_tier", &C::service_tier),
                    field("system_fingerprint", &C::system_fingerprint),
                    field("moderation", &C::moderation)};
}
}  // namespace wire

void to_json(nlohmann::json& j, const Function& v);
void from_json(const nlohmann::json& j, Function& v);
void to_json(nlohmann::json& j, const CustomToolCall& v);
void from_json(const nlohmann::json& j, CustomToolCall& v);
void to_json(nlohmann::json& j, const ToolCall& v);
void from_json(const nlohmann::json& j, ToolCall& v);
void to_json(nlohmann::json& j, const UrlCitation& v);
void from_json(const nlohmann::json& j, UrlCitation& v);
void to_json(nlohmann::json& j, const Annotation& v);
void from_json(const nlohmann::json& j, Annotation& v);
void to_json(nlohmann::json& j, const ChatCompletionAudio& v);
void from_json(const nlohmann::json& j, ChatCompletionAudio& v);
void to_json(nlohmann::json& j, const TopLogprob& v);
void from_json(const nlohmann::json& j, TopLogprob& v);
void to_json(nlohmann::json& j, const TokenLogprob& v);
void from_json(const nlohmann::json& j, TokenLogprob& v);
void to_json(nlohmann::json& j, const ChoiceLogprobs& v);
void from_json(const nlohmann::json& j, ChoiceLogprobs& v);
void to_json(nlohmann::json& j, const CompletionTokensDetails& v);
void from_json(const nlohmann::json& j, CompletionTokensDetails& v);
void to_json(nlohmann::json& j, const PromptTokensDetails& v);
void from_json(const nlohmann::json& j, PromptTokensDetails& v);
void to_json(nlohmann::json& j, const CompletionUsage& v);
void from_json(const nlohmann::json& j, CompletionUsage& v);
void to_json(nlohmann::json& j, const ChatCompletionMessage& v);
void from_json(const nlohmann::json& j, ChatCompletionMessage& v);
void to_json(nlohmann::json& j, const Choice& v);
void from_json(const nlohmann::json& j, Choice& v);
void to_json(nlohmann::json& j, const ChatCompletion& v);
void from_json(const nlohmann::json& j, ChatCompletion& v);

}  // namespace chatmock::api
