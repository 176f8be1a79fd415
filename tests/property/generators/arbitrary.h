// rc::Arbitrary for every wire type chatmock models, so a property can take any of them as a
// parameter, plus showValue overloads that print counterexamples as their JSON (RapidCheck
// finds them by ADL). The generators themselves live in wire_generators.h.
#pragma once

#include <rapidcheck.h>

#include <ostream>

#include "generators/wire_generators.h"

namespace chatmock::property {
/// Prints `value` as the JSON it serialises to.
template <class T>
void show_as_json(const T& value, std::ostream& os) {
  os << nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace chatmock::property

#define CHATMOCK_ARBITRARY(Type, generator)                                  \
  template <>                                                                \
  struct rc::Arbitrary<Type> {                                               \
    static Gen<Type> arbitrary() { return chatmock::property::generator(); } \
  }
#define CHATMOCK_SHOW_AS_JSON(Type)                            \
  inline void showValue(const Type& value, std::ostream& os) { \
    chatmock::property::show_as_json(value, os);               \
  }

CHATMOCK_ARBITRARY(chatmock::api::Function, function_call);
CHATMOCK_ARBITRARY(chatmock::api::CustomToolCall, custom_tool_call);
CHATMOCK_ARBITRARY(chatmock::api::ToolCall, tool_call);
CHATMOCK_ARBITRARY(chatmock::api::UrlCitation, url_citation);
CHATMOCK_ARBITRARY(chatmock::api::Annotation, annotation);
CHATMOCK_ARBITRARY(chatmock::api::ChatCompletionAudio, completion_audio);
CHATMOCK_ARBITRARY(chatmock::api::TopLogprob, top_logprob);
CHATMOCK_ARBITRARY(chatmock::api::TokenLogprob, token_logprob);
CHATMOCK_ARBITRARY(chatmock::api::ChoiceLogprobs, choice_logprobs);
CHATMOCK_ARBITRARY(chatmock::api::CompletionTokensDetails, completion_tokens_details);
CHATMOCK_ARBITRARY(chatmock::api::PromptTokensDetails, prompt_tokens_details);
CHATMOCK_ARBITRARY(chatmock::api::CompletionUsage, completion_usage);
CHATMOCK_ARBITRARY(chatmock::api::ChatCompletionMessage, completion_message);
CHATMOCK_ARBITRARY(chatmock::api::FinishReason, finish_reason);
CHATMOCK_ARBITRARY(chatmock::api::Choice, choice);
CHATMOCK_ARBITRARY(chatmock::api::ChatCompletion, chat_completion);
CHATMOCK_ARBITRARY(chatmock::api::FunctionDelta, function_delta);
CHATMOCK_ARBITRARY(chatmock::api::ToolCallDelta, tool_call_delta);
CHATMOCK_ARBITRARY(chatmock::api::Delta, delta);
CHATMOCK_ARBITRARY(chatmock::api::ChunkChoice, chunk_choice);
CHATMOCK_ARBITRARY(chatmock::api::ChatCompletionChunk, chat_completion_chunk);
CHATMOCK_ARBITRARY(chatmock::api::ContentPart, content_part);
CHATMOCK_ARBITRARY(chatmock::api::Message, message);
CHATMOCK_ARBITRARY(chatmock::api::FunctionDefinition, function_definition);
CHATMOCK_ARBITRARY(chatmock::api::CustomToolDefinition, custom_tool_definition);
CHATMOCK_ARBITRARY(chatmock::api::Tool, tool);
CHATMOCK_ARBITRARY(chatmock::api::ToolChoice, tool_choice);
CHATMOCK_ARBITRARY(chatmock::api::JsonSchemaFormat, json_schema_format);
CHATMOCK_ARBITRARY(chatmock::api::ResponseFormat, response_format);
CHATMOCK_ARBITRARY(chatmock::api::StreamOptions, stream_options);
CHATMOCK_ARBITRARY(chatmock::api::ChatCompletionRequest, chat_completion_request);
CHATMOCK_ARBITRARY(chatmock::api::Model, model);
CHATMOCK_ARBITRARY(chatmock::api::ModelList, model_list);
CHATMOCK_ARBITRARY(chatmock::api::ApiError, api_error);
CHATMOCK_ARBITRARY(chatmock::streaming::SseEvent, sse_event);
CHATMOCK_ARBITRARY(chatmock::streaming::SseFraming, sse_framing);

// Counterexamples print as JSON rather than RapidCheck's "<???>".
namespace chatmock::api {
CHATMOCK_SHOW_AS_JSON(Function)
CHATMOCK_SHOW_AS_JSON(CustomToolCall)
CHATMOCK_SHOW_AS_JSON(ToolCall)
CHATMOCK_SHOW_AS_JSON(UrlCitation)
CHATMOCK_SHOW_AS_JSON(Annotation)
CHATMOCK_SHOW_AS_JSON(ChatCompletionAudio)
CHATMOCK_SHOW_AS_JSON(TopLogprob)
CHATMOCK_SHOW_AS_JSON(TokenLogprob)
CHATMOCK_SHOW_AS_JSON(ChoiceLogprobs)
CHATMOCK_SHOW_AS_JSON(CompletionTokensDetails)
CHATMOCK_SHOW_AS_JSON(PromptTokensDetails)
CHATMOCK_SHOW_AS_JSON(CompletionUsage)
CHATMOCK_SHOW_AS_JSON(ChatCompletionMessage)
CHATMOCK_SHOW_AS_JSON(FinishReason)
CHATMOCK_SHOW_AS_JSON(Choice)
CHATMOCK_SHOW_AS_JSON(ChatCompletion)
CHATMOCK_SHOW_AS_JSON(FunctionDelta)
CHATMOCK_SHOW_AS_JSON(ToolCallDelta)
CHATMOCK_SHOW_AS_JSON(Delta)
CHATMOCK_SHOW_AS_JSON(ChunkChoice)
CHATMOCK_SHOW_AS_JSON(ChatCompletionChunk)
CHATMOCK_SHOW_AS_JSON(ContentPart)
CHATMOCK_SHOW_AS_JSON(Message)
CHATMOCK_SHOW_AS_JSON(FunctionDefinition)
CHATMOCK_SHOW_AS_JSON(CustomToolDefinition)
CHATMOCK_SHOW_AS_JSON(Tool)
CHATMOCK_SHOW_AS_JSON(ToolChoice)
CHATMOCK_SHOW_AS_JSON(JsonSchemaFormat)
CHATMOCK_SHOW_AS_JSON(ResponseFormat)
CHATMOCK_SHOW_AS_JSON(StreamOptions)
CHATMOCK_SHOW_AS_JSON(ChatCompletionRequest)
CHATMOCK_SHOW_AS_JSON(Model)
CHATMOCK_SHOW_AS_JSON(ModelList)
/// An error as its status and body.
inline void showValue(const ApiError& error, std::ostream& os) {
  os << error.status << " "
     << error.body().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace chatmock::api

namespace chatmock::streaming {
/// An event as the bytes the default framing writes for it.
inline void showValue(const SseEvent& event, std::ostream& os) {
  os << nlohmann::json(encode_event(event))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
/// A framing as {line_ending, space_after_colon}.
inline void showValue(const SseFraming& framing, std::ostream& os) {
  os << nlohmann::json(
      {{"line_ending", framing.line_ending}, {"space_after_colon", framing.space_after_colon}});
}
}  // namespace chatmock::streaming
