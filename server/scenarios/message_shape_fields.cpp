// Field-level message shapes: several finish reasons across choices, vendor fields nobody
// declared, and explicit nulls where the API normally leaves a key out. They probe how a client
// deserializes (closed structs, Option vs default), not what the answer says.
#include <algorithm>
#include <string_view>

#include "scenarios/message_shape_hooks.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

// DeepSeek's reasoning field; clients that map it to content show it twice.
constexpr const char* kReasoning = "The user asks about the weather in Paris; answer briefly.";

/// Keeps the first `keep` token pieces of a text choice and its logprobs; returns pieces cut.
std::int64_t cut_content(api::Choice& choice, std::size_t keep) {
  auto& content = choice.message.content;
  if (!content) return 0;
  auto pieces = synthesis::split_tokens(*content);
  if (pieces.size() <= keep) return 0;
  const auto cut = static_cast<std::int64_t>(pieces.size() - keep);
  pieces.resize(keep);
  std::string kept;
  for (const auto& piece : pieces) kept += piece;
  *content = kept;
  if (choice.logprobs && choice.logprobs->content && choice.logprobs->content->size() > keep) {
    choice.logprobs->content->resize(keep);
  }
  return cut;
}

/// Azure OpenAI's per-prompt/per-choice filter verdicts.
json filter_results() {
  json results = json::object();
  for (const char* category : {"hate", "self_harm", "sexual", "violence"}) {
    results[category] = {{"filtered", false}, {"severity", "safe"}};
  }
  return results;
}

/// DeepSeek's cache counters beside the OpenAI ones.
void add_unknown_usage_fields(json& usage) {
  if (!usage.is_object()) return;
  const auto prompt = usage.value("prompt_tokens", std::int64_t{0});
  std::int64_t cached = 0;
  if (usage.contains("prompt_tokens_details") && usage["prompt_tokens_details"].is_object()) {
    cached = usage["prompt_tokens_details"].value("cached_tokens", std::int64_t{0});
  }
  usage["prompt_cache_hit_tokens"] = cached;
  usage["prompt_cache_miss_tokens"] = prompt - cached;
}

template <class T>
void null_if_absent(api::Field<T>& field) {
  if (field.absent()) field.set_null();
}

void null_if_missing(json& object, const char* key) {
  if (!object.contains(key)) object[key] = nullptr;
}
}  // namespace

void diversify_finish_reasons(api::ChatCompletion& completion) {
  std::int64_t removed = 0;
  if (completion.choices.size() > 1) {
    auto& choice = completion.choices[1];
    const auto size = choice.message.content ? synthesis::count_tokens(*choice.message.content) : 0;
    removed += cut_content(choice, std::max<std::size_t>(1, size / 2));
    choice.finish_reason = api::FinishReason::length;
  }
  if (completion.choices.size() > 2) {
    auto& choice = completion.choices[2];
    const auto size = choice.message.content ? synthesis::count_tokens(*choice.message.content) : 0;
    removed += cut_content(choice, std::max<std::size_t>(1, size / 3));
    choice.finish_reason = api::FinishReason::content_filter;
  }
  if (completion.usage) {
    completion.usage->completion_tokens -= removed;
    completion.usage->total_tokens -= removed;
  }
}

void add_unknown_fields_to_body(json& body) {
  body["prompt_filter_results"] =
      json::array({{{"prompt_index", 0}, {"content_filter_results", filter_results()}}});
  for (auto& choice : body["choices"]) {
    choice["content_filter_results"] = filter_results();
    auto& message = choice["message"];
    message["reasoning_content"] = kReasoning;
    if (message.contains("tool_calls") && message["tool_calls"].is_array()) {
      // vLLM and some gateways keep the stream's `index` in non-stream tool calls.
      std::int64_t index = 0;
      for (auto& call : message["tool_calls"]) call["index"] = index++;
    }
  }
  if (body.contains("usage")) add_unknown_usage_fields(body["usage"]);
}

void add_unknown_fields_to_chunks(std::vector<json>& chunks) {
  if (chunks.empty()) return;
  chunks.front()["prompt_filter_results"] =
      json::array({{{"prompt_index", 0}, {"content_filter_results", filter_results()}}});
  std::vector<std::int64_t> opened;
  for (auto& chunk : chunks) {
    if (chunk.contains("usage")) add_unknown_usage_fields(chunk["usage"]);
    for (auto& choice : chunk["choices"]) {
      choice["content_filter_results"] = filter_results();
      const auto index = choice.value("index", std::int64_t{0});
      const bool first = std::ranges::find(opened, index) == opened.end();
      if (first) opened.push_back(index);
      // The reasoning arrives once, then every later delta says "reasoning_content": null.
      choice["delta"]["reasoning_content"] = first ? json(kReasoning) : json(nullptr);
    }
  }
}

void null_absent_fields(api::ChatCompletion& completion) {
  for (auto& choice : completion.choices) {
    auto& message = choice.message;
    null_if_absent(message.tool_calls);
    null_if_absent(message.function_call);
    null_if_absent(message.audio);
    if (message.annotations.absent() || (message.annotations && message.annotations->empty())) {
      message.annotations.set_null();
    }
    null_if_absent(choice.logprobs);
  }
  completion.usage.set_null();
  completion.service_tier.set_null();
  completion.system_fingerprint.set_null();
  null_if_absent(completion.moderation);
}

void null_absent_chunk_fields(std::vector<json>& chunks) {
  for (auto& chunk : chunks) {
    for (const char* key : {"usage", "service_tier", "system_fingerprint"})
      null_if_missing(chunk, key);
    for (auto& choice : chunk["choices"]) {
      null_if_missing(choice, "logprobs");
      auto& delta = choice["delta"];
      for (const char* key : {"content", "refusal", "tool_calls", "function_call"})
        null_if_missing(delta, key);
      if (!delta["tool_calls"].is_array()) continue;
      // foundry-local #273: continuation tool-call deltas with "name": null.
      for (auto& call : delta["tool_calls"]) {
        if (call.contains("function") && call["function"].is_object())
          null_if_missing(call["function"], "name");
      }
    }
  }
}

}  // namespace chatmock::scenarios
