// Every reply here, error or not, gets the standard headers and one journal entry, like chat.
// The order of checks follows chat's: key, directives, scenario, body, fields, then
// previous_response_id and the input's references (item_reference, function_call_output).
// Scenarios apply as on chat (reply/compose_response.h); stubs, --record and chaos do not apply
// to the Responses API yet (docs/interface.md).
#include "app/responses_endpoint.h"

#include <chrono>
#include <cmath>

#include "api/api_error.h"
#include "app/authorization.h"
#include "app/served_event.h"
#include "reply/budget_errors.h"
#include "reply/compose_response.h"
#include "reply/directives.h"
#include "reply/error_reply.h"
#include "reply/latency.h"
#include "reply/reply_estimate.h"
#include "reply/request_seed.h"
#include "reply/response_headers.h"
#include "responses/input_item_list.h"
#include "responses/input_references.h"
#include "responses/response_builder.h"
#include "responses/response_errors.h"
#include "responses/response_events.h"
#include "scenarios/scenario_expression.h"
#include "synthesis/id_generator.h"
#include "validation/request_body.h"

namespace chatmock::app {

namespace {
using Clock = std::chrono::steady_clock;
using reply::Expected;

std::int64_t response_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

wire::WireReply json_ok(const responses::Json& body) {
  return wire::json_reply(200, responses::dump(body));
}

/// The request's scenario expression (header, path or --scenario) for /v1/responses.
Expected<scenarios::ScenarioExpression> select_expression(ServerContext& server,
                                                          const reply::Directives& directives) {
  const std::string text =
      directives.chose_scenario() ? directives.scenario : server.defaults.scenario();
  auto parsed = scenarios::select_scenario_expression(text, server.catalogue,
                                                      scenarios::ScenarioApi::responses);
  if (auto* rejection = std::get_if<scenarios::ScenarioRejection>(&parsed)) {
    return api::invalid_request(rejection->message, reply::scenario_param(directives),
                                rejection->code);
  }
  return std::move(std::get<scenarios::ScenarioExpression>(parsed));
}

Expected<wire::WireReply> create(ServerContext& server, const wire::HttpRequest& request,
                                 std::string_view path_scenario, std::uint64_t& id_seed,
                                 std::string& scenario) {
  const auto& config = server.config;
  if (!config.no_auth && !has_api_key(request)) return api::missing_api_key();
  reply::DirectiveLimits limits;
  limits.max_reply_bytes = config.budget.reply_bytes;
  auto directives = reply::parse_directives(request, path_scenario, limits);
  if (!directives) return directives.error();
  auto expression = select_expression(server, *directives);
  if (!expression) return expression.error();
  scenario = expression->text;
  auto body = validation::parse_request_body(request.body, request.header("content-type"),
                                             config.body_limits);
  if (!body) return *body.error;
  auto parsed = responses::parse_create_response(
      body.json, {.lenient_params = config.validation.lenient_params});
  if (!parsed) return parsed.error();
  const std::string& session = directives->session;
  responses::BuildContext context;
  std::shared_ptr<const responses::StoredResponse> previous;
  if (parsed->previous_response_id) {
    previous = server.responses.find(session, *parsed->previous_response_id);
    if (!previous) return responses::previous_response_not_found(*parsed->previous_response_id);
    context.carried_tokens = previous->carried_tokens;
  }
  auto input = responses::resolve_input_references(std::move(parsed->input), server.responses,
                                                   session, previous.get());
  if (!input) return input.error();
  parsed->input = std::move(*input);
  const auto seed =
      reply::resolve_seed(*directives, std::nullopt, server.defaults.seed(),
                          server.unseeded_counter, reply::canonical_request(body.json));
  id_seed = seed.value;
  context.seed = seed.value;
  context.seeded = seed.seeded;
  context.now_seconds = response_clock_ms() / 1000;
  budget::WorkBudget budget(config.budget, request.cancelled);
  context.budget = &budget;
  context.words = directives->words.value_or(0);
  if (auto too_large = reply::check_response_words_estimate(
          context.words, parsed->max_output_tokens, parsed->stream, budget)) {
    return *too_large;
  }
  auto built = responses::build_response(*parsed, context);
  if (budget.spent()) {
    return reply::budget_error(budget, parsed->tools.empty() ? "text.format" : "tools");
  }
  // Keyed apart from chat's: the same expression text on both APIs keeps two positions.
  const std::size_t step = server.sequences.next_step(session, "\x02responses:" + expression->text,
                                                      expression->steps.size());
  auto rendered = reply::render_response(
      expression->steps[step],
      {*parsed, *directives, std::move(built.response), seed.value, config.latency});
  if (parsed->store && rendered.response) {
    const auto& response = *rendered.response;
    server.responses.put(
        session, response.value("id", std::string()), response,
        {std::move(rendered.response_json), std::move(built.input_items), built.carried_tokens});
  }
  return std::move(rendered.reply);
}

Expected<wire::WireReply> resource(ServerContext& server, const wire::HttpRequest& request,
                                   std::string_view rest) {
  if (!server.config.no_auth && !has_api_key(request)) return api::missing_api_key();
  auto session = reply::read_session(request);
  if (!session) return session.error();
  constexpr std::string_view kItems = "/input_items";
  const bool items = request.method == "GET" && rest.ends_with(kItems);
  const std::string_view id = items ? rest.substr(0, rest.size() - kItems.size()) : rest;
  if (id.empty() || id.find('/') != std::string_view::npos) {
    return api::unknown_route(request.method, request.path);
  }
  if (request.method == "DELETE") {
    if (!server.responses.erase(*session, id)) return responses::response_not_found(id);
    return json_ok({{"id", id}, {"object", "response"}, {"deleted", true}});
  }
  const auto stored = server.responses.find(*session, id);
  if (!stored) return responses::response_not_found(id);
  if (!items) return wire::json_reply(200, stored->response_json);
  auto query = responses::parse_item_list_query(
      request.query_value("limit"), request.query_value("order"), request.query_value("after"));
  if (!query) return query.error();
  return json_ok(responses::list_input_items(stored->input_items, *query));
}

wire::SharedReply finish(ServerContext& server, const wire::HttpRequest& request,
                         Expected<wire::WireReply> outcome, std::uint64_t id_seed,
                         std::int64_t received_at, Clock::time_point started,
                         std::string_view scenario = "default") {
  auto reply = outcome ? std::move(*outcome) : reply::error_reply(outcome.error());
  synthesis::Rng id_rng = synthesis::Rng(id_seed).fork("request-id");
  const std::string request_id = synthesis::request_id(id_rng);
  const auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  reply::add_standard_headers(
      reply, request_id, std::lround(elapsed),
      server.rate_limiter.peek(std::string(api_key_of(request)), received_at));
  auto shared = std::make_shared<const wire::WireReply>(std::move(reply));
  record_served(server, request, shared, request_id, {scenario, false, {}}, received_at, elapsed);
  return shared;
}

std::uint64_t unseeded(ServerContext& server, const wire::HttpRequest& request,
                       std::int64_t received_at) {
  return reply::stable_hash(request.body) ^ static_cast<std::uint64_t>(received_at) ^
         (server.unseeded_counter.fetch_add(1) * 0x9E3779B97F4A7C15ULL);
}
}  // namespace

wire::SharedReply handle_create_response(ServerContext& server, const wire::HttpRequest& request,
                                         std::string_view path_scenario) {
  const auto started = Clock::now();
  const auto received_at = response_clock_ms();
  std::uint64_t id_seed = unseeded(server, request, received_at);
  std::string scenario = "default";
  auto outcome = create(server, request, path_scenario, id_seed, scenario);
  return finish(server, request, std::move(outcome), id_seed, received_at, started, scenario);
}

wire::SharedReply handle_response_resource(ServerContext& server, const wire::HttpRequest& request,
                                           std::string_view rest) {
  const auto started = Clock::now();
  const auto received_at = response_clock_ms();
  auto outcome = resource(server, request, rest);
  return finish(server, request, std::move(outcome), unseeded(server, request, received_at),
                received_at, started);
}

}  // namespace chatmock::app
