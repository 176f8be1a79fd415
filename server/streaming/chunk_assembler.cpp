// Folding rules follow the official SDKs' accumulators (node ChatCompletionStream.ts, python
// lib/streaming/_deltas.py): strings concatenate, ids/types/names are set once, tool calls are
// keyed by index, logprob lists concatenate, a choice's finish_reason is the last non-null one.
#include "streaming/chunk_assembler.h"

#include <map>

namespace chatmock::streaming {

namespace {
// Audio arrives in pieces (id + transcript, data slices, an expires_at-only tail), as node's
// ChatCompletionStream accumulates it: strings append, numbers and ids overwrite.
void merge_audio(api::Field<api::ChatCompletionAudio>& audio, const nlohmann::json& piece) {
  if (!audio.has_value()) audio = api::ChatCompletionAudio{};
  if (piece.contains("id") && piece["id"].is_string()) audio->id = piece["id"].get<std::string>();
  if (piece.contains("expires_at") && piece["expires_at"].is_number_integer()) {
    audio->expires_at = piece["expires_at"].get<std::int64_t>();
  }
  if (piece.contains("data") && piece["data"].is_string())
    audio->data += piece["data"].get<std::string>();
  if (piece.contains("transcript") && piece["transcript"].is_string()) {
    audio->transcript += piece["transcript"].get<std::string>();
  }
}

using api::Field;

template <class T>
void append_string(Field<std::string>& into, const Field<T>& piece) {
  if (!piece.has_value()) return;
  into = into.has_value() ? *into + *piece : *piece;
}

void append_logprobs(Field<std::vector<api::TokenLogprob>>& into,
                     const Field<std::vector<api::TokenLogprob>>& piece) {
  if (!piece.has_value()) return;
  if (!into.has_value()) into = std::vector<api::TokenLogprob>{};
  into->insert(into->end(), piece->begin(), piece->end());
}

void apply_tool_delta(std::vector<api::ToolCall>& calls, const api::ToolCallDelta& d) {
  // A negative or absurd index (a hostile or broken upstream) is dropped, not allocated.
  constexpr std::int64_t kMaxToolCalls = 1024;
  const auto raw_index = d.index.value_or(0);
  if (raw_index < 0 || raw_index >= kMaxToolCalls) return;
  const auto index = static_cast<std::size_t>(raw_index);
  if (calls.size() <= index) calls.resize(index + 1);
  api::ToolCall& call = calls[index];
  if (d.id.has_value() && call.id.empty()) call.id = *d.id;
  if (d.type.has_value()) call.type = *d.type;
  if (d.function.has_value()) {
    if (!call.function.has_value()) call.function = api::Function{};
    if (d.function->name.has_value() && call.function->name.empty())
      call.function->name = *d.function->name;
    if (d.function->arguments.has_value()) call.function->arguments += *d.function->arguments;
  }
  if (d.custom.has_value()) {
    if (!call.custom.has_value()) call.custom = api::CustomToolCall{d.custom->name, ""};
    call.custom->input += d.custom->input;
  }
}

struct ChoiceState {
  api::Choice choice;
  std::vector<api::ToolCall> tool_calls;
  bool saw_logprobs = false;
};
}  // namespace

api::ChatCompletion assemble_chunks(const std::vector<api::ChatCompletionChunk>& chunks) {
  api::ChatCompletion completion;
  std::map<std::int64_t, ChoiceState> states;
  for (const auto& chunk : chunks) {
    if (completion.id.empty()) {
      completion.id = chunk.id;
      completion.created = chunk.created;
      completion.model = chunk.model;
      completion.service_tier = chunk.service_tier;
      completion.system_fingerprint = chunk.system_fingerprint;
    }
    if (chunk.usage.has_value()) completion.usage = chunk.usage;
    for (const auto& c : chunk.choices) {
      auto [it, fresh] = states.try_emplace(c.index);
      ChoiceState& state = it->second;
      api::ChatCompletionMessage& message = state.choice.message;
      if (fresh) {
        state.choice.index = c.index;
        message.content = Field<std::string>::null();
      }
      if (c.delta.role.has_value()) message.role = *c.delta.role;
      append_string(message.content, c.delta.content);
      append_string(message.refusal, c.delta.refusal);
      if (c.delta.tool_calls.has_value()) {
        for (const auto& d : *c.delta.tool_calls) apply_tool_delta(state.tool_calls, d);
      }
      if (c.delta.function_call.has_value()) {
        if (!message.function_call.has_value()) message.function_call = api::FunctionCall{};
        if (c.delta.function_call->name.has_value())
          message.function_call->name = *c.delta.function_call->name;
        if (c.delta.function_call->arguments.has_value()) {
          message.function_call->arguments += *c.delta.function_call->arguments;
        }
      }
      if (c.delta.audio.has_value() && c.delta.audio->is_object())
        merge_audio(message.audio, *c.delta.audio);
      if (c.delta.annotations.has_value() && c.delta.annotations->is_array()) {
        if (!message.annotations.has_value()) message.annotations = std::vector<api::Annotation>{};
        for (const auto& a : *c.delta.annotations)
          message.annotations->push_back(a.get<api::Annotation>());
      }
      if (c.logprobs.has_value()) {
        if (!state.choice.logprobs.has_value()) state.choice.logprobs = api::ChoiceLogprobs{};
        append_logprobs(state.choice.logprobs->content, c.logprobs->content);
        append_logprobs(state.choice.logprobs->refusal, c.logprobs->refusal);
      }
      if (c.finish_reason.has_value()) state.choice.finish_reason = *c.finish_reason;
    }
  }
  for (auto& [index, state] : states) {
    if (!state.tool_calls.empty()) state.choice.message.tool_calls = state.tool_calls;
    completion.choices.push_back(std::move(state.choice));
  }
  return completion;
}

}  // namespace chatmock::streaming
