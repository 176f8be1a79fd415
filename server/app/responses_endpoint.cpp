// Every reply here, error or not, gets the standard headers and one journal entry, like chat.
// The order of checks follows chat's: key, directives, body, fields, then previous_response_id.
// Scenarios, stubs, --record and chaos do not apply to the Responses API yet (docs/interface.md).
#include "app/responses_endpoint.h"

#include <chrono>
#include <cmath>

#include "api/api_error.h"
#include "app/authorization.h"
#include "app/served_event.h"
#include "reply/directives.h"
#include "reply/error_reply.h"
#include "reply/latency.h"
#include "reply/request_seed.h"
#include "reply/response_headers.h"
#include "responses/input_item_list.h"
#include "responses/response_builder.h"
#include "responses/response_errors.h"
#include "responses/response_events.h"
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

/// A reply plus the seed its request id is drawn from.
struct Served {
  wire::WireReply reply;
  std::uint64_t id_seed = 0;
};

wire::WireReply json_ok(const responses::Json& body) {
  return wire::json_reply(200, responses::dump(body));
}

wire::WireReply stream_reply(const responses::Json& response, const reply::Latency& latency,
                             std::uint64_t seed) {
  const synthesis::Rng stream_rng = synthesis::Rng(seed).fork("stream");
  wire::WireReply reply;
  reply.content_type = "text/event-stream; charset=utf-8";
  reply.chunked = true;
  for (const auto& event : responses::response_events(response, stream_rng)) {
    reply.writes.push_back({responses::encode_response_event(event), std::chrono::milliseconds(0)});
  }
  synthesis::Rng pace_rng = stream_rng.fork("pace");
  reply::apply_latency(reply, latency, pace_rng);
  return reply;
}

Expected<wire::WireReply> create(ServerContext& server, const wire::HttpRequest& request,
                                 std::string_view path_scenario, std::uint64_t& id_seed) {
  const auto& config = server.config;
  if (!config.no_auth && !has_api_key(request)) return api::missing_api_key();
  reply::DirectiveLimits limits;
  limits.max_reply_bytes = config.budget.reply_bytes;
  auto directives = reply::parse_directives(request, path_scenario, limits);
  if (!directives) return directives.error();
  auto body = validation::parse_request_body(request.body, request.header("content-type"),
                                             config.body_limits);
  if (!body) return *body.error;
  auto parsed = responses::parse_create_response(
      body.json, {.lenient_params = config.validation.lenient_params});
  if (!parsed) return parsed.error();
  const std::string& session = directives->session;
  responses::BuildContext context;
  if (parsed->previous_response_id) {
    const auto previous = server.responses.find(session, *parsed->previous_response_id);
    if (!previous) return responses::previous_response_not_found(*parsed->previous_response_id);
    context.carried_tokens = previous->carried_tokens;
  }
  const auto seed =
      reply::resolve_seed(*directives, std::nullopt, server.defaults.seed(),
                          server.unseeded_counter, reply::canonical_request(body.json));
  id_seed = seed.value;
  context.seed = seed.value;
  context.seeded = seed.seeded;
  context.now_seconds = response_clock_ms() / 1000;
  auto built = responses::build_response(*parsed, context);
  const auto id = built.response["id"].get<std::string>();
  if (parsed->store) {
    server.responses.put(session, id,
                         {built.response, std::move(built.input_items), built.carried_tokens});
  }
  if (!parsed->stream) return json_ok(built.response);
  return stream_reply(built.response, directives->latency.over(config.latency), seed.value);
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
  if (!items) return json_ok(stored->response);
  auto query = responses::parse_item_list_query(
      request.query_value("limit"), request.query_value("order"), request.query_value("after"));
  if (!query) return query.error();
  return json_ok(responses::list_input_items(stored->input_items, *query));
}

wire::SharedReply finish(ServerContext& server, const wire::HttpRequest& request,
                         Expected<wire::WireReply> outcome, std::uint64_t id_seed,
                         std::int64_t received_at, Clock::time_point started) {
  auto reply = outcome ? std::move(*outcome) : reply::error_reply(outcome.error());
  synthesis::Rng id_rng = synthesis::Rng(id_seed).fork("request-id");
  const std::string request_id = synthesis::request_id(id_rng);
  const auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  reply::add_standard_headers(
      reply, request_id, std::lround(elapsed),
      server.rate_limiter.peek(std::string(api_key_of(request)), received_at));
  auto shared = std::make_shared<const wire::WireReply>(std::move(reply));
  record_served(server, request, shared, request_id, {"default", false, {}}, received_at, elapsed);
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
  auto outcome = create(server, request, path_scenario, id_seed);
  return finish(server, request, std::move(outcome), id_seed, received_at, started);
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
