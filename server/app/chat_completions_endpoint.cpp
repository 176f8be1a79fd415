// The request path never throws across this function: every failure is an ApiError value and
// guarded_reply() is the last net for anything unexpected (it answers 500 server_error).
#include "app/chat_completions_endpoint.h"

#include <chrono>

#include "api/api_error.h"
#include "app/authorization.h"
#include "app/request_seed.h"
#include "app/response_headers.h"
#include "app/served_event.h"
#include "scenarios/scenario_runner.h"
#include "stubbing/stub_reply_renderer.h"
#include "synthesis/id_generator.h"
#include "synthesis/usage_estimator.h"
#include "validation/request_body.h"
#include "validation/request_validator.h"

namespace chatmock::app {

namespace {
using Clock = std::chrono::steady_clock;

wire::WireReply error_reply(const api::ApiError& error) {
  return wire::json_reply(error.status, error.body_text());
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Outcome {
  wire::WireReply reply;
  std::string scenario;
  ratelimit::RateLimitDecision limits;
  bool forward = false;  ///< --record: the recorder answers (nothing here did)
};

/// A stub's reply, with the request's own scenario choice (`chosen`) layered on top.
bool serve_from_stub(ServerContext& server, const wire::HttpRequest& request,
                     const nlohmann::json& body, const scenarios::Composition* chosen,
                     scenarios::RunInput& input, Outcome& out) {
  const auto selection = server.stubs.select({body, request});
  if (!selection) return false;
  const auto& stub = *selection->stub;
  auto layers = stub.layers;
  if (chosen != nullptr) layers.insert(layers.end(), chosen->begin(), chosen->end());
  out.scenario = "stub:" + stub.id + (chosen != nullptr ? "+" + out.scenario : "");
  out.reply = stubbing::render_stub_reply(*selection->reply, layers, std::move(input));
  return true;
}

Outcome serve(ServerContext& server, const wire::HttpRequest& request, std::string_view path_scenario,
              synthesis::Rng& id_rng) {
  Outcome out;
  out.limits = server.rate_limiter.peek(std::string(api_key_of(request)), now_ms());
  if (server.recorder && server.recorder->records_everything()) {
    out.forward = true;
    return out;
  }
  if (!server.config.no_auth && !has_api_key(request)) {
    out.reply = error_reply(api::missing_api_key());
    return out;
  }
  std::string_view selection = request.header("x-chatmock-scenario");
  if (selection.empty()) selection = path_scenario;
  std::string default_scenario;
  if (selection.empty()) {
    default_scenario = server.defaults.scenario();
    selection = default_scenario;
  }
  auto parsed_expression = scenarios::parse_scenario_expression(selection, server.catalogue);
  if (auto* message = std::get_if<std::string>(&parsed_expression)) {
    out.reply = error_reply(api::invalid_request(*message, "X-Chatmock-Scenario", "unknown_scenario"));
    return out;
  }
  const auto& expression = std::get<scenarios::ScenarioExpression>(parsed_expression);
  out.scenario = expression.text;

  auto body = validation::parse_request_body(request.body, request.header("content-type"),
                                             server.config.body_limits);
  if (!body) {
    out.reply = error_reply(*body.error);
    return out;
  }
  const auto violations = validation::validate_request(body.json, server.config.validation);
  if (!violations.empty()) {
    out.reply = error_reply(validation::to_api_error(violations.front()));
    return out;
  }
  scenarios::RunInput input;
  try {
    input.request = body.json.get<api::ChatCompletionRequest>();
  } catch (const nlohmann::json::exception& e) {
    out.reply = error_reply(api::invalid_request(std::string("Invalid request body: ") + e.what(),
                                                 std::nullopt, std::nullopt));
    return out;
  }
  const auto seed = resolve_seed(server, request, input.request.seed.has_value()
                                                      ? std::optional<std::int64_t>(*input.request.seed)
                                                      : std::nullopt);
  id_rng = synthesis::Rng(seed.value).fork("request-id");
  const std::size_t step = server.sequences.next_step(std::string(request.header("x-chatmock-session")),
                                                      expression.text, expression.steps.size());
  const auto tokens = synthesis::estimate_prompt_tokens(input.request) +
                      input.request.token_limit().value_or(0);
  out.limits = server.rate_limiter.check(std::string(api_key_of(request)), tokens, now_ms());
  if (!out.limits.allowed) {
    out.reply = rate_limited_reply(out.limits, input.request.model);
    return out;
  }
  input.http = &request;
  input.synthesis = {seed.value, seed.seeded,
                     std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count()};
  input.latency = server.config.latency;
  // Stubs first; a scenario the request chose itself (header or path) layers on the stub's reply.
  const bool chosen = !request.header("x-chatmock-scenario").empty() || !path_scenario.empty();
  const auto* chosen_step = chosen ? &expression.steps[step] : nullptr;
  if (serve_from_stub(server, request, body.json, chosen_step, input, out)) return out;
  if (server.recorder) {
    out.forward = true;
    return out;
  }
  server.near_misses.record(request, now_ms());
  if (server.config.strict && !chosen) {
    out.reply =
        error_reply(stubbing::no_matching_stub(server.stubs.near_misses({body.json, request}, 3)));
    return out;
  }
  out.reply = scenarios::run_composition(expression.steps[step], std::move(input));
  return out;
}
}  // namespace

wire::SharedReply handle_chat_completion(ServerContext& server, const wire::HttpRequest& request,
                                         std::string_view path_scenario) {
  const auto started = Clock::now();
  const auto received_at = now_ms();
  synthesis::Rng id_rng(stable_hash(request.body) ^ static_cast<std::uint64_t>(received_at));
  Outcome outcome;
  try {
    outcome = serve(server, request, path_scenario, id_rng);
    if (outcome.forward) {
      outcome.reply = server.recorder->record(request);
      outcome.scenario = "record";
    }
  } catch (const std::exception&) {
    outcome.reply = error_reply(api::server_error());
  }
  const auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  const std::string request_id = synthesis::request_id(id_rng);
  add_standard_headers(outcome.reply, request_id, std::lround(elapsed), outcome.limits);
  auto reply = std::make_shared<const wire::WireReply>(std::move(outcome.reply));
  record_served(server, request, reply, request_id, outcome.scenario, received_at, elapsed);
  return reply;
}

}  // namespace chatmock::app
