// Edge-cases.md §5 B: finish_reason values and truncation as clients meet them. Truncation is
// shaped before synthesis so usage, logprobs and the streamed pieces all count the cut text;
// values outside the enum (or null) are written into the JSON body and the stream's finish
// chunk directly, because the typed FinishReason cannot hold them.
#include <algorithm>
#include <array>
#include <string_view>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/tool_argument_calls.h"
#include "synthesis/text_generator.h"
#include "synthesis/token_splitter.h"

namespace chatmock::scenarios {

namespace {
using api::FinishReason;
using nlohmann::json;

constexpr std::string_view kFinishReasonsGroup = "finish_reasons";
// A limit beyond any model's output budget is honoured only up to here, to bound the body.
constexpr std::int64_t kMaxTruncatedTokens = 131072;

/// Prose cut after exactly `pieces` tokens, never at the end of a sentence.
std::string truncated_sentence(synthesis::Rng& rng, std::int64_t pieces) {
  const int words = static_cast<int>(pieces);
  auto tokens = synthesis::split_tokens(synthesis::generate_text(rng, words, words));
  tokens.resize(std::min(tokens.size(), static_cast<std::size_t>(pieces)));
  std::string text;
  for (const auto& token : tokens) text += token;
  if (const char last = text.empty() ? ' ' : text.back();
      last == '.' || last == '!' || last == '?') {
    // Swap the closing mark for a word: still one piece, and the sentence stays open.
    text.pop_back();
    text += (text.empty() ? "" : " ") + synthesis::generate_word(rng);
  }
  return text;
}

/// The completion budget to spend: the request's limit, else a plausible one from the Rng.
std::int64_t budget_for(ScenarioContext& ctx, std::int64_t lo, std::int64_t hi) {
  const auto limit = ctx.request.token_limit();
  if (limit && *limit > 0) return std::min(*limit, kMaxTruncatedTokens);
  return ctx.rng.between(lo, hi);
}

/// Cuts serialized arguments inside the first string value, as a token limit does
/// ({"city":"Paris"} → {"city":"Par); any proper prefix of an object is invalid JSON.
std::string cut_mid_value(const std::string& text) {
  if (text.size() < 2) return "{";
  std::size_t cut = std::max<std::size_t>(1, text.size() / 2);
  if (const auto colon = text.find(":\""); colon != std::string::npos) {
    const std::size_t start = colon + 2;
    std::size_t end = start;
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    cut = start + (std::min(end, text.size()) - start + 1) / 2;
  }
  cut = std::min(cut, text.size() - 1);
  // Never split a UTF-8 sequence: the body must stay valid UTF-8 even when the JSON is not.
  while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return text.substr(0, cut);
}

std::optional<FinishReason> parse_finish_reason(std::string_view text) {
  static const std::array<std::pair<std::string_view, FinishReason>, 5> kNames = {{
      {"stop", FinishReason::stop},
      {"length", FinishReason::length},
      {"tool_calls", FinishReason::tool_calls},
      {"content_filter", FinishReason::content_filter},
      {"function_call", FinishReason::function_call},
  }};
  for (const auto& [name, reason] : kNames) {
    if (name == text) return reason;
  }
  return std::nullopt;
}

/// The header's value verbatim, else one of the values non-OpenAI backends are seen sending
/// (OpenRouter "error", Anthropic-style "end_turn", llama-style "eos").
std::string unknown_finish_reason(ScenarioContext& ctx) {
  if (const auto& wanted = ctx.directives.finish_reason; !wanted.empty()) {
    return wanted;
  }
  static const std::array<const char*, 3> kValues = {"error", "end_turn", "eos"};
  return kValues[static_cast<std::size_t>(
      ctx.rng.between(0, static_cast<std::int64_t>(kValues.size()) - 1))];
}

void set_body_finish_reasons(json& body, const json& value) {
  if (!body.contains("choices") || !body["choices"].is_array()) return;
  for (auto& choice : body["choices"]) choice["finish_reason"] = value;
}

/// Rewrites the finish chunk of every choice; chunks still streaming keep their null.
void set_chunk_finish_reasons(std::vector<json>& chunks, const json& value) {
  for (auto& chunk : chunks) {
    if (!chunk.contains("choices") || !chunk["choices"].is_array()) continue;
    for (auto& choice : chunk["choices"]) {
      const auto reason = choice.find("finish_reason");
      if (reason != choice.end() && !reason->is_null()) *reason = value;
    }
  }
}

void force_finish_reason(api::ChatCompletion& completion, FinishReason reason) {
  for (auto& choice : completion.choices) choice.finish_reason = reason;
}

void add_completion_tokens(api::ChatCompletion& completion, std::int64_t tokens) {
  if (!completion.usage) return;
  completion.usage->completion_tokens += tokens;
  completion.usage->total_tokens += tokens;
}

Scenario finish_scenario(std::string name, std::string description, bool breaks_spec = false) {
  return {.name = std::move(name),
          .description = std::move(description),
          .breaks_spec = breaks_spec,
          .group = std::string(kFinishReasonsGroup)};
}
}  // namespace

void register_finish_reason_scenarios(ScenarioCatalogue& catalogue) {
  auto length_text = finish_scenario(
      "finish_length_text",
      "Prose cut mid-sentence with finish_reason \"length\"; completion_tokens equals "
      "max_completion_tokens/max_tokens when the request sets one.");
  length_text.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
    definition.kind = synthesis::ReplyKind::text;
    definition.content = truncated_sentence(ctx.rng, budget_for(ctx, 6, 18));
    definition.finish_reason = FinishReason::length;
  };
  // A stop sequence found in the text would otherwise turn the reason back into "stop".
  length_text.edit_completion = [](api::ChatCompletion& completion, ScenarioContext&) {
    force_finish_reason(completion, FinishReason::length);
  };
  catalogue.add(std::move(length_text));

  auto mid_tool_args = finish_scenario(
      "finish_length_mid_tool_args",
      "A tool call cut by the token limit: finish_reason \"length\" and arguments that stop "
      "mid-value (invalid JSON).");
  mid_tool_args.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
    force_damaged_tool_calls(definition, ctx, [](const json& valid, const json&, synthesis::Rng&) {
      return valid.dump();
    });
    // Generation stops once: only the call being written when the budget ran out is cut.
    auto& last = definition.tool_calls.back();
    last.arguments = cut_mid_value(last.arguments.value_or(""));
    definition.finish_reason = FinishReason::length;
  };
  catalogue.add(std::move(mid_tool_args));

  auto reasoning_only = finish_scenario(
      "finish_length_reasoning_only",
      "The o-series \"all budget spent thinking\" reply: content \"\", finish_reason \"length\", "
      "reasoning_tokens == completion_tokens.");
  reasoning_only.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext&) {
    definition.kind = synthesis::ReplyKind::text;
    definition.content = "";
    definition.finish_reason = FinishReason::length;
  };
  reasoning_only.edit_completion = [](api::ChatCompletion& completion, ScenarioContext& ctx) {
    const auto per_choice = budget_for(ctx, 256, 4096);
    if (!completion.usage) return;
    auto& usage = *completion.usage;
    usage.completion_tokens = per_choice * static_cast<std::int64_t>(completion.choices.size());
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    if (!usage.completion_tokens_details)
      usage.completion_tokens_details = api::CompletionTokensDetails{};
    usage.completion_tokens_details->reasoning_tokens = usage.completion_tokens;
  };
  catalogue.add(std::move(reasoning_only));

  auto content_filter = finish_scenario(
      "finish_content_filter",
      "finish_reason \"content_filter\" after partial text, or with content null (seed picks).");
  content_filter.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
    definition.kind = synthesis::ReplyKind::text;
    definition.content = truncated_sentence(ctx.rng, ctx.rng.between(4, 12));
    definition.finish_reason = FinishReason::content_filter;
  };
  content_filter.edit_completion = [](api::ChatCompletion& completion, ScenarioContext& ctx) {
    if (!ctx.rng.chance(1.0 / 3.0)) return;
    for (auto& choice : completion.choices) {
      choice.message.content.set_null();
      choice.logprobs.set_null();
    }
  };
  catalogue.add(std::move(content_filter));

  auto forced_stop = finish_scenario(
      "finish_tool_calls_vs_stop_forced",
      "A tool call finishing with \"stop\", as the real API answers a named tool_choice "
      "(required/auto give \"tool_calls\").");
  forced_stop.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext&) {
    definition.kind = synthesis::ReplyKind::tool_calls;
    definition.finish_reason = FinishReason::stop;
  };
  catalogue.add(std::move(forced_stop));

  auto unknown_value = finish_scenario(
      "finish_reason_unknown_value",
      "finish_reason outside the enum: \"error\", \"end_turn\" or \"eos\" (seed picks), or the "
      "X-Chatmock-Finish-Reason header's value.",
      true);
  unknown_value.edit_body = [](json& body, ScenarioContext& ctx) {
    set_body_finish_reasons(body, unknown_finish_reason(ctx));
  };
  unknown_value.edit_chunks = [](std::vector<json>& chunks, ScenarioContext& ctx) {
    set_chunk_finish_reasons(chunks, unknown_finish_reason(ctx));
  };
  catalogue.add(std::move(unknown_value));

  auto null_nonstream = finish_scenario(
      "finish_reason_null_nonstream",
      "finish_reason null in the JSON body, as some proxies send; a stream's final chunk "
      "carries null too, so no finish reason ever arrives.",
      true);
  null_nonstream.edit_body = [](json& body, ScenarioContext&) {
    set_body_finish_reasons(body, nullptr);
  };
  null_nonstream.edit_chunks = [](std::vector<json>& chunks, ScenarioContext&) {
    set_chunk_finish_reasons(chunks, nullptr);
  };
  catalogue.add(std::move(null_nonstream));

  auto with_content = finish_scenario(
      "tool_calls_with_finish_stop_and_content",
      "Content (\"Let me check that for you.\") and tool_calls in one message, finish_reason "
      "\"tool_calls\" (X-Chatmock-Finish-Reason: stop gives \"stop\").");
  with_content.shape_reply = [](synthesis::ReplyDefinition& definition, ScenarioContext& ctx) {
    definition.kind = synthesis::ReplyKind::tool_calls;
    definition.finish_reason =
        parse_finish_reason(ctx.directives.finish_reason).value_or(FinishReason::tool_calls);
  };
  with_content.edit_completion = [](api::ChatCompletion& completion, ScenarioContext&) {
    static const std::string kPreamble = "Let me check that for you.";
    for (auto& choice : completion.choices) {
      if (!choice.message.tool_calls) continue;
      choice.message.content = kPreamble;
      add_completion_tokens(completion,
                            static_cast<std::int64_t>(synthesis::count_tokens(kPreamble)));
    }
  };
  catalogue.add(std::move(with_content));
}

}  // namespace chatmock::scenarios
