// One small function per stage; each returns a value or an ApiError (Expected), and the first
// error is the reply. Nothing here throws on purpose: the one library call that reports
// through an exception (nlohmann's typed conversion) is turned into a value where it is made.
#include "reply/pipeline.h"

#include <chrono>

#include "reply/chaos.h"
#include "reply/directives.h"
#include "reply/error_reply.h"
#include "reply/request_seed.h"
#include "reply/request_stages.h"
#include "reply/response_headers.h"
#include "reply/stub_reply.h"
#include "scenarios/scenario_expression.h"
#include "synthesis/usage_estimator.h"

namespace chatmock::reply {

namespace {
/// What the stages have learned about the request, in the order they learn it.
struct Admitted {
  Directives directives;
  scenarios::ScenarioExpression expression;
  nlohmann::json body;
  api::ChatCompletionRequest typed;
  std::optional<ChaosSpec> chaos;  ///< X-Chatmock-Chaos, when sent
};

Expected<nlohmann::json> read_body(const ReplyServices& services, const RequestEnvelope& request) {
  auto body = validation::parse_request_body(request.http.body, request.content_type,
                                             services.settings.body_limits);
  if (!body) return *body.error;
  const auto violations = validation::validate_request(body.json, services.settings.validation);
  if (!violations.empty()) return validation::to_api_error(violations.front());
  return std::move(body.json);
}

Expected<api::ChatCompletionRequest> typed_request(const nlohmann::json& body) {
  try {
    return body.get<api::ChatCompletionRequest>();
  } catch (const nlohmann::json::exception& e) {
    return api::invalid_request(std::string("Invalid request body: ") + e.what(), std::nullopt,
                                std::nullopt);
  }
}

/// Stages 1-4: directives, scenario expression, body and validation, typed request.
Expected<Admitted> admit(const ReplyServices& services, const RequestEnvelope& request) {
  DirectiveLimits limits;
  limits.max_reply_bytes = services.settings.budget.reply_bytes;
  auto directives = parse_directives(request.http, request.path_scenario, limits);
  if (!directives) return directives.error();
  auto expression = select_expression(services, *directives, scenarios::ScenarioApi::chat);
  if (!expression) return expression.error();
  auto body = read_body(services, request);
  if (!body) return body.error();
  auto typed = typed_request(*body);
  if (!typed) return typed.error();
  auto chaos = request_chaos(services, *directives);
  if (!chaos) return chaos.error();
  return Admitted{std::move(*directives), std::move(*expression), std::move(*body),
                  std::move(*typed), std::move(*chaos)};
}

/// Stage 5: seed, sequence step and the rendering input, under a fresh work budget.
RunInput run_input(ReplyServices& services, const RequestEnvelope& request, Admitted& admitted,
                   std::uint64_t seed, bool seeded) {
  RunInput input;
  input.request = std::move(admitted.typed);
  input.directives = std::move(admitted.directives);
  input.synthesis = {seed, seeded,
                     std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count()};
  input.latency = services.settings.latency;
  input.budget = budget::WorkBudget(services.settings.budget, request.http.cancelled);
  return input;
}

/// Stage 7: stubs first, with the request's own scenario choice layered on; then the recorder,
/// then --strict's 404, then the scenario composition.
Outcome select_and_render(ReplyServices& services, const RequestEnvelope& request,
                          const Admitted& admitted, const scenarios::Composition& step,
                          RunInput input, Outcome out) {
  const bool chosen = input.directives.chose_scenario();
  const auto stage = select_stub(services, request, admitted.body, chosen, out);
  if (const auto& selection = stage.selection) {
    auto layers = selection->stub->layers;
    if (chosen) layers.insert(layers.end(), step.begin(), step.end());
    out.scenario = "stub:" + selection->stub->id + (chosen ? "+" + out.scenario : "");
    auto reply = render_stub(*selection->reply, layers, std::move(input));
    out.reply = reply ? std::move(*reply) : error_reply(reply.error());
    return out;
  }
  if (stage.settled) return out;
  auto reply = run_composition(step, std::move(input));
  out.reply = reply ? std::move(*reply) : error_reply(reply.error());
  return out;
}
}  // namespace

Outcome serve_chat_completion(ReplyServices& services, const RequestEnvelope& request,
                              synthesis::Rng& id_rng) {
  Outcome out;
  if (settled_at_the_door(services, request, out)) return out;
  auto admitted = admit(services, request);
  if (!admitted) {
    out.reply = error_reply(admitted.error());
    return out;
  }
  out.scenario = admitted->expression.text;
  const auto& body_seed = admitted->typed.seed;
  const auto seed = resolve_seed(
      admitted->directives,
      body_seed.has_value() ? std::optional<std::int64_t>(*body_seed) : std::nullopt,
      services.settings.default_seed, services.unseeded_counter, canonical_request(admitted->body));
  id_rng = synthesis::Rng(seed.value).fork("request-id");
  const auto& expression = admitted->expression;
  const std::size_t step = services.sequences.next_step(admitted->directives.session,
                                                        expression.text, expression.steps.size());
  const auto tokens = synthesis::estimate_prompt_tokens(admitted->typed) +
                      admitted->typed.token_limit().value_or(0);
  out.limits = services.rate_limiter.check(request.api_key, tokens, request.now_ms);
  if (!out.limits.allowed) {
    out.reply = rate_limited_reply(out.limits, admitted->typed.model);
    return out;
  }
  scenarios::Composition composition = expression.steps[step];
  if (const auto* fault = draw_chaos(services, admitted->directives, admitted->chaos)) {
    composition = fault->composition;
    out.chaos = fault->name;
    out.scenario = "chaos:" + fault->name;
    admitted->directives.scenario_source = ScenarioSource::chaos;  // layers on a stub's reply too
  }
  auto input = run_input(services, request, *admitted, seed.value, seed.seeded);
  return select_and_render(services, request, *admitted, composition, std::move(input),
                           std::move(out));
}

}  // namespace chatmock::reply
