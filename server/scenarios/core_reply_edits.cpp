// Scenarios rewrite messages after synthesis, so usage and logprobs are recomputed here with the
// same tokenizer stand-in synthesis used (token_splitter.h): a client that cross-checks
// completion_tokens against the streamed pieces must not catch the mock in a lie.
#include "scenarios/core_reply_edits.h"

#include <algorithm>

#include "synthesis/choice_builder.h"
#include "synthesis/logprob_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
bool is_punctuation(const std::string& piece) {
  return !piece.empty() && std::all_of(piece.begin(), piece.end(), [](char c) {
    return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':';
  });
}

std::int64_t tokens_in(const api::Field<std::string>& text) {
  return text.has_value() ? static_cast<std::int64_t>(synthesis::count_tokens(*text)) : 0;
}

std::int64_t message_tokens(const api::ChatCompletionMessage& message) {
  std::int64_t total = tokens_in(message.content) + tokens_in(message.refusal);
  if (message.tool_calls.has_value()) {
    for (const auto& call : *message.tool_calls) {
      if (call.function)
        total += static_cast<std::int64_t>(synthesis::count_tokens(call.function->arguments));
      if (call.custom)
        total += static_cast<std::int64_t>(synthesis::count_tokens(call.custom->input));
    }
  }
  if (message.function_call.has_value()) {
    total += static_cast<std::int64_t>(synthesis::count_tokens(message.function_call->arguments));
  }
  if (message.audio.has_value()) {
    total += static_cast<std::int64_t>(synthesis::count_tokens(message.audio->transcript));
  }
  return total;
}

void keep_first(api::Field<std::vector<api::TokenLogprob>>& entries, std::size_t count) {
  if (entries.has_value() && entries->size() > count) entries->resize(count);
}

/// True when the request's token limit already cut this text (synthesis did the truncation).
bool at_token_limit(const api::ChatCompletionRequest& request, const std::string& text) {
  const auto limit = request.token_limit();
  return limit.has_value() && static_cast<std::int64_t>(synthesis::count_tokens(text)) >= *limit;
}
}  // namespace

void prefer_text(synthesis::ReplyDefinition& definition,
                 const api::ChatCompletionRequest& request) {
  const auto kind = synthesis::plan_reply(request, definition).kind;
  if (kind == synthesis::ReplyKind::tool_calls || kind == synthesis::ReplyKind::function_call) {
    definition.kind = synthesis::ReplyKind::text;
  }
}

void recount_usage(api::ChatCompletion& completion) {
  if (!completion.usage.has_value()) return;
  std::int64_t completion_tokens = 0;
  for (const auto& choice : completion.choices) completion_tokens += message_tokens(choice.message);
  completion.usage->completion_tokens = completion_tokens;
  completion.usage->total_tokens = completion.usage->prompt_tokens + completion_tokens;
}

void refresh_logprobs(api::Choice& choice, const api::ChatCompletionRequest& request,
                      synthesis::Rng& rng) {
  if (!choice.logprobs.has_value() || !choice.logprobs->content.has_value()) return;
  if (!choice.message.content.has_value()) {
    choice.logprobs->content.set_null();
    return;
  }
  choice.logprobs->content = synthesis::generate_logprobs(
      synthesis::split_tokens(*choice.message.content), request.top_logprobs.value_or(0), rng);
}

std::size_t cut_mid_sentence(std::string& text, synthesis::Rng& rng) {
  const auto pieces = synthesis::split_tokens(text);
  if (pieces.size() < 2) return 0;
  auto keep = static_cast<std::size_t>(
      rng.between(static_cast<std::int64_t>(std::max<std::size_t>(1, pieces.size() / 2)),
                  static_cast<std::int64_t>(pieces.size() - 1)));
  // A limit or filter stops between tokens, not politely after a full stop.
  while (keep > 1 && is_punctuation(pieces[keep - 1])) --keep;
  text.clear();
  for (std::size_t i = 0; i < keep; ++i) text += pieces[i];
  return keep;
}

void truncate_answers(api::ChatCompletion& completion, api::FinishReason finish,
                      ScenarioContext& ctx) {
  for (auto& choice : completion.choices) {
    choice.finish_reason = finish;
    auto& message = choice.message;
    if (message.content.has_value() && !message.content->empty()) {
      if (at_token_limit(ctx.request, *message.content)) continue;
      const auto kept = cut_mid_sentence(*message.content, ctx.rng);
      if (kept > 0 && choice.logprobs.has_value()) keep_first(choice.logprobs->content, kept);
    } else if (message.tool_calls.has_value() && !message.tool_calls->empty() &&
               message.tool_calls->back().function.has_value()) {
      cut_mid_sentence(message.tool_calls->back().function->arguments, ctx.rng);
    } else if (message.function_call.has_value()) {
      cut_mid_sentence(message.function_call->arguments, ctx.rng);
    } else if (message.refusal.has_value()) {
      if (at_token_limit(ctx.request, *message.refusal)) continue;
      const auto kept = cut_mid_sentence(*message.refusal, ctx.rng);
      if (kept > 0 && choice.logprobs.has_value()) keep_first(choice.logprobs->refusal, kept);
    }
  }
  recount_usage(completion);
}

const api::FunctionDefinition* offered_function(const api::ChatCompletionRequest& request,
                                                std::string_view name) {
  for (const auto& tool : request.tools) {
    if (tool.function.has_value() && tool.function->name == name) return &*tool.function;
  }
  for (const auto& function : request.functions) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

}  // namespace chatmock::scenarios
