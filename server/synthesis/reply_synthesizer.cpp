// Decision order (mirrors what the real API does with the same request):
// response_format → structured JSON; legacy functions → function_call; tools per tool_choice
// (auto calls a tool unless the last message is a tool result, so agent loops terminate);
// otherwise prose. Then stop sequences, then the token limit (→ finish_reason "length").
#include "synthesis/reply_synthesizer.h"

#include "api/model_list.h"
#include "synthesis/choice_builder.h"
#include "synthesis/id_generator.h"
#include "synthesis/text_generator.h"
#include "synthesis/usage_estimator.h"

namespace chatmock::synthesis {

namespace {
// 2025-01-01T00:00:00Z; seeded `created` values fall within the following year.
constexpr std::int64_t kSeededEpoch = 1735689600;
constexpr std::int64_t kSecondsPerYear = 365LL * 24 * 3600;

std::string response_service_tier(const api::ChatCompletionRequest& request) {
  // API ref, service_tier: "fast" is answered as "priority"; "auto" resolves to "default".
  const std::string asked = request.service_tier.value_or("auto");
  if (asked == "fast") return "priority";
  if (asked == "auto") return "default";
  return asked;
}
}  // namespace

api::Tool default_weather_tool() {
  api::FunctionDefinition function;
  function.name = "get_weather";
  function.description = std::string("Get the current weather for a city");
  function.parameters =
      nlohmann::json{{"type", "object"},
                     {"properties",
                      {{"city", {{"type", "string"}, {"description", "City name"}}},
                       {"unit", {{"type", "string"}, {"enum", {"celsius", "fahrenheit"}}}}}},
                     {"required", {"city"}},
                     {"additionalProperties", false}};
  api::Tool tool;
  tool.function = function;
  return tool;
}

api::ChatCompletion synthesize_completion(const api::ChatCompletionRequest& request,
                                          const ReplyDefinition& definition,
                                          const SynthesisContext& context) {
  budget::WorkBudget unlimited;
  return synthesize_completion(request, definition, context, unlimited);
}

api::ChatCompletion synthesize_completion(const api::ChatCompletionRequest& request,
                                          const ReplyDefinition& definition,
                                          const SynthesisContext& context,
                                          budget::WorkBudget& budget) {
  const Rng root(context.seed);
  Rng id_rng = root.fork("id");
  api::ChatCompletion completion;
  completion.id = completion_id(id_rng);
  completion.created = context.seeded
                           ? kSeededEpoch + root.fork("created").between(0, kSecondsPerYear)
                           : context.now_seconds;
  completion.model = api::resolve_snapshot(request.model);
  completion.service_tier = response_service_tier(request);
  completion.system_fingerprint = system_fingerprint(completion.model);

  const auto plan = plan_reply(request, definition);
  const std::int64_t choices = definition.choice_count.value_or(request.choice_count());
  std::int64_t completion_tokens = 0;
  std::size_t content_bytes = 0;
  for (std::int64_t i = 0; i < choices && !spent_now(budget); ++i) {
    Rng choice_rng = root.fork("choice/" + std::to_string(i));
    auto built = build_choice(request, definition, plan, i, choice_rng, budget);
    completion_tokens += built.completion_tokens;
    // All choices land in one reply: their text together must fit what is left of it.
    content_bytes +=
        built.choice.message.content.has_value() ? built.choice.message.content->size() : 0;
    if (!fits_reply(budget, content_bytes)) break;
    completion.choices.push_back(std::move(built.choice));
  }
  completion.usage = make_usage(estimate_prompt_tokens(request), completion_tokens);
  return completion;
}

}  // namespace chatmock::synthesis
