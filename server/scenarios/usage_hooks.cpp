// Usage placement and metadata values. Counts stay consistent (totals add up, cached ≤ prompt)
// because the probes are about summing and placement logic, not about noticing nonsense numbers.
#include "scenarios/usage_hooks.h"

#include <algorithm>
#include <array>

namespace chatmock::scenarios {

namespace {
using nlohmann::json;

bool is_usage_chunk(const json& chunk) {
  return chunk.value("choices", json::array()).empty() && chunk.contains("usage") &&
         chunk["usage"].is_object();
}

/// Token pieces a chunk delivers: each content/refusal/argument fragment is one piece.
std::int64_t pieces_in(const json& chunk) {
  std::int64_t pieces = 0;
  auto non_empty = [](const json& object, const char* key) {
    return object.is_object() && object.contains(key) && object[key].is_string() &&
           !object[key].get_ref<const std::string&>().empty();
  };
  for (const auto& choice : chunk["choices"]) {
    const auto& delta = choice["delta"];
    pieces += non_empty(delta, "content") + non_empty(delta, "refusal");
    if (delta.contains("function_call")) pieces += non_empty(delta["function_call"], "arguments");
    if (!delta.contains("tool_calls") || !delta["tool_calls"].is_array()) continue;
    for (const auto& call : delta["tool_calls"]) {
      if (call.contains("function")) pieces += non_empty(call["function"], "arguments");
    }
  }
  return pieces;
}

json category_map(const json& value) {
  json map = json::object();
  for (const char* category :
       {"harassment", "harassment/threatening", "hate", "hate/threatening", "illicit",
        "illicit/violent", "self-harm", "self-harm/instructions", "self-harm/intent", "sexual",
        "sexual/minors", "violence", "violence/graphic"}) {
    map[category] = value;
  }
  return map;
}
}  // namespace

void force_include_usage(api::ChatCompletionRequest& request) {
  api::StreamOptions options = request.stream_options.value_or(api::StreamOptions{});
  options.include_usage = true;
  request.stream_options = options;
}

void move_usage_into_choice_chunks(std::vector<json>& chunks, bool running_totals) {
  const auto found = std::find_if(chunks.rbegin(), chunks.rend(), is_usage_chunk);
  if (found == chunks.rend()) return;
  const json usage = (*found)["usage"];
  chunks.erase(std::next(found).base());
  // Gemini-compatible servers send no usage key at all until they have numbers.
  for (auto& chunk : chunks) chunk.erase("usage");
  const auto last = std::find_if(chunks.rbegin(), chunks.rend(),
                                 [](const json& c) { return !c["choices"].empty(); });
  if (last == chunks.rend()) return;
  if (running_totals) {
    const auto prompt = usage.value("prompt_tokens", std::int64_t{0});
    const auto completion = usage.value("completion_tokens", std::int64_t{0});
    std::int64_t so_far = 0;
    for (auto& chunk : chunks) {
      if (chunk["choices"].empty()) continue;
      so_far = std::min(completion, so_far + pieces_in(chunk));
      chunk["usage"] = {{"prompt_tokens", prompt},
                        {"completion_tokens", so_far},
                        {"total_tokens", prompt + so_far}};
    }
  }
  (*last)["usage"] = usage;
}

void fill_usage_details(api::ChatCompletion& completion, ScenarioContext& ctx) {
  if (ctx.directives.has_variant("no_usage")) {
    completion.usage.set_absent();
    return;
  }
  if (!completion.usage) return;
  auto& usage = *completion.usage;
  if (ctx.directives.has_variant("no_details")) {
    usage.prompt_tokens_details.set_absent();
    usage.completion_tokens_details.set_absent();
    return;
  }
  // Prompt: text + image (85 base + 170 per tile) + audio; half of it served from the cache in
  // 128-token blocks, the rest written to it.
  const std::int64_t text_in = usage.prompt_tokens;
  const std::int64_t image_in = 85 + 170 * ctx.rng.between(4, 8);
  const std::int64_t audio_in = ctx.rng.between(20, 80);
  const std::int64_t prompt = text_in + image_in + audio_in;
  const std::int64_t cached = prompt / 2 / 128 * 128;
  api::PromptTokensDetails in;
  in.text_tokens = text_in;
  in.image_tokens = image_in;
  in.audio_tokens = audio_in;
  in.cached_tokens = cached;
  in.cache_write_tokens = prompt - cached;
  // Completion: reasoning and rejected prediction tokens count toward completion_tokens
  // (API ref, CompletionUsage); accepted prediction tokens are part of the text.
  const std::int64_t text_out = usage.completion_tokens;
  const std::int64_t reasoning = ctx.rng.between(64, 448);
  const std::int64_t audio_out = ctx.rng.between(10, 60);
  const std::int64_t rejected = ctx.rng.between(2, 12);
  api::CompletionTokensDetails out;
  out.text_tokens = text_out;
  out.reasoning_tokens = reasoning;
  out.audio_tokens = audio_out;
  out.accepted_prediction_tokens = std::min<std::int64_t>(text_out, ctx.rng.between(1, 6));
  out.rejected_prediction_tokens = rejected;
  usage.prompt_tokens = prompt;
  usage.completion_tokens = text_out + reasoning + audio_out + rejected;
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  usage.prompt_tokens_details = in;
  usage.completion_tokens_details = out;
}

void pick_service_tier(api::ChatCompletion& completion, ScenarioContext& ctx) {
  static constexpr std::array<const char*, 7> kTiers = {"default",  "auto", "flex",     "scale",
                                                        "priority", "null", "ultrafast"};
  std::string tier = ctx.directives.service_tier;
  if (tier.empty() && ctx.request.service_tier.value_or("") == "fast") tier = "priority";
  if (tier.empty())
    tier = kTiers[static_cast<std::size_t>(
        ctx.rng.between(0, static_cast<std::int64_t>(kTiers.size()) - 1))];
  if (tier == "null") {
    completion.service_tier.set_null();
  } else {
    completion.service_tier = tier;
  }
}

void drop_system_fingerprint(api::ChatCompletion& completion, ScenarioContext& ctx) {
  const auto& wanted = ctx.directives;
  const bool as_null =
      wanted.has_variant("null") || (!wanted.has_variant("absent") && ctx.rng.chance(0.5));
  if (as_null) {
    completion.system_fingerprint.set_null();
  } else {
    completion.system_fingerprint.set_absent();
  }
}

json moderation_object(const ScenarioContext& ctx) {
  // Forked, not drawn, so the JSON body and the stream's last chunk get the same scores.
  synthesis::Rng rng = ctx.rng.fork("moderation");
  json scores = category_map(0.0);
  for (auto& score : scores) {
    score = static_cast<double>(rng.between(1, 9000)) * 1e-7;
  }
  const char* model = "omni-moderation-2024-09-26";
  json result = {{"type", "moderation_result"},
                 {"model", model},
                 {"flagged", false},
                 {"categories", category_map(false)},
                 {"category_scores", scores},
                 {"category_applied_input_types", category_map(json::array({"text"}))}};
  return {{"input",
           {{"type", "moderation_results"}, {"model", model}, {"results", json::array({result})}}},
          {"output",
           {{"type", "error"},
            {"code", "moderation_unavailable"},
            {"message", "Output moderation could not be completed for this response."}}}};
}

}  // namespace chatmock::scenarios
