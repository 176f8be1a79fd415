// Named generators for every OpenAI wire type chatmock models (requests, completions, chunks)
// and for SSE events; arbitrary.h turns them into rc::Arbitrary. "Arbitrary" here means any
// value the JSON can carry, every Field<T> drawn absent, null or present; generators with a
// narrower contract (streamable_completion, valid_request) say what they leave out and why.
#pragma once

#include <rapidcheck.h>

#include "api/api_error.h"
#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "api/chat_completion_request.h"
#include "api/model_list.h"
#include "generators/text_generators.h"
#include "streaming/sse_encoder.h"
#include "streaming/sse_event.h"

namespace chatmock::property {

/// A Field<T> that is absent, null or holds a value from `value`, with the given weights.
template <class T>
rc::Gen<api::Field<T>> field(rc::Gen<T> value, std::size_t absent = 2, std::size_t null = 1,
                             std::size_t present = 3) {
  std::vector<std::pair<std::size_t, rc::Gen<api::Field<T>>>> choices;
  if (absent > 0) choices.push_back({absent, rc::gen::just(api::Field<T>())});
  if (null > 0) choices.push_back({null, rc::gen::just(api::Field<T>::null())});
  choices.push_back(
      {present, rc::gen::map(value, [](T v) { return api::Field<T>(std::move(v)); })});
  return weighted(std::move(choices));
}

// Response side (chat_completion.h).
rc::Gen<api::Function> function_call();
rc::Gen<api::CustomToolCall> custom_tool_call();
/// A tool call whose `function` and `custom` are each absent, null or set, independently.
rc::Gen<api::ToolCall> tool_call();
rc::Gen<api::UrlCitation> url_citation();
rc::Gen<api::Annotation> annotation();
rc::Gen<api::ChatCompletionAudio> completion_audio();
rc::Gen<api::TopLogprob> top_logprob();
rc::Gen<api::TokenLogprob> token_logprob();
rc::Gen<api::ChoiceLogprobs> choice_logprobs();
rc::Gen<api::CompletionTokensDetails> completion_tokens_details();
rc::Gen<api::PromptTokensDetails> prompt_tokens_details();
rc::Gen<api::CompletionUsage> completion_usage();
rc::Gen<api::ChatCompletionMessage> completion_message();
rc::Gen<api::FinishReason> finish_reason();
rc::Gen<api::Choice> choice();
rc::Gen<api::ChatCompletion> chat_completion();

/// A completion inside the chunk planner's contract, so streaming it loses nothing: 1..4
/// choices indexed 0..n-1; content and refusal null or text; tool calls absent or non-empty,
/// each carrying exactly one of function/custom; annotations [] (deltas have no annotations);
/// logprobs null or one entry per token piece of the text they describe; moderation absent.
/// Usage, service_tier and system_fingerprint stay arbitrary.
rc::Gen<api::ChatCompletion> streamable_completion();

// Streaming side (chat_completion_chunk.h).
rc::Gen<api::FunctionDelta> function_delta();
rc::Gen<api::ToolCallDelta> tool_call_delta();
rc::Gen<api::Delta> delta();
rc::Gen<api::ChunkChoice> chunk_choice();
rc::Gen<api::ChatCompletionChunk> chat_completion_chunk();

// Request side (chat_completion_request.h). These are wire-shaped, not necessarily valid:
// valid_request.h generates what the validator accepts.
/// A part whose payload is an object without the modelled keys (type, text, refusal).
rc::Gen<api::ContentPart> content_part();
/// A message whose content is absent, null, a string or parts (never both forms at once).
rc::Gen<api::Message> message();
rc::Gen<api::FunctionDefinition> function_definition();
rc::Gen<api::CustomToolDefinition> custom_tool_definition();
rc::Gen<api::Tool> tool();
/// A mode ("none", "auto", "required", or any string) with no name, or "named" with a name.
rc::Gen<api::ToolChoice> tool_choice();
rc::Gen<api::JsonSchemaFormat> json_schema_format();
rc::Gen<api::ResponseFormat> response_format();
rc::Gen<api::StreamOptions> stream_options();
/// Any request body: every modelled field in every state, plus unmodelled keys in `extra`.
rc::Gen<api::ChatCompletionRequest> chat_completion_request();

// Models and errors (model_list.h, api_error.h).
rc::Gen<api::Model> model();
rc::Gen<api::ModelList> model_list();
/// Any status, message and type; param and code each absent (null on the wire) or text.
rc::Gen<api::ApiError> api_error();

// SSE (streaming/sse_event.h).
/// An event the encoder can carry: data with no CR; event and id on one line (id without NUL);
/// retry non-negative. Values may start with spaces and contain any other code point.
rc::Gen<streaming::SseEvent> sse_event();
/// Any framing: LF, CRLF or CR line endings, with or without a space after the colon.
rc::Gen<streaming::SseFraming> sse_framing();

}  // namespace chatmock::property
