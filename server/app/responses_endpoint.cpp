// Every reply here, error or not, gets the standard headers and one journal entry, like chat.
// POST goes through reply/response_pipeline.h, so stubs, --record, --strict, chaos and the rate
// limiter apply as on chat; GET/DELETE read the store (GET ?stream=true replays the events the
// POST streamed). Only the adaptation lives here (docs/interface.md, "Responses API").
#include "app/responses_endpoint.h"

#include <charconv>
#include <chrono>
#include <cmath>

#include "api/api_error.h"
#include "app/authorization.h"
#include "app/pipeline_services.h"
#include "app/served_event.h"
#include "reply/compose_response.h"
#include "reply/directives.h"
#include "reply/error_reply.h"
#include "reply/request_seed.h"
#include "reply/response_headers.h"
#include "reply/response_pipeline.h"
#include "responses/input_item_list.h"
#include "responses/response_errors.h"
#include "synthesis/id_generator.h"

namespace chatmock::app {

namespace {
using Clock = std::chrono::steady_clock;
using reply::Expected;

constexpr std::size_t kMaxStartingAfterDigits = 18;

std::int64_t response_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

wire::WireReply json_ok(const responses::Json& body) {
  return wire::json_reply(200, responses::dump(body));
}

/// `?stream=` as GET reads it: absent or "false" is JSON, "true" the event stream.
Expected<bool> replay_requested(const wire::HttpRequest& request) {
  const auto stream = request.query_value("stream");
  if (!stream || *stream == "false") return false;
  if (*stream == "true") return true;
  return api::invalid_request("Invalid value for 'stream': expected true or false.",
                              std::string("stream"), std::string("invalid_value"));
}

/// `?starting_after=N` (N ≥ 0): the events after sequence number N; -1 (all) when absent.
Expected<std::int64_t> starting_after_of(const wire::HttpRequest& request) {
  const auto text = request.query_value("starting_after");
  if (!text) return std::int64_t{-1};
  std::int64_t value = -1;
  const auto* end = text->data() + text->size();
  const auto [stop, error] = std::from_chars(text->data(), end, value);
  if (text->empty() || text->size() > kMaxStartingAfterDigits || error != std::errc() ||
      stop != end || value < 0) {
    return api::invalid_request(
        "Invalid 'starting_after': expected a non-negative integer sequence number.",
        std::string("starting_after"), std::string("invalid_value"));
  }
  return value;
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
  if (items) {
    auto query = responses::parse_item_list_query(
        request.query_value("limit"), request.query_value("order"), request.query_value("after"));
    if (!query) return query.error();
    return json_ok(responses::list_input_items(stored->input_items, *query));
  }
  const auto replay = replay_requested(request);
  if (!replay) return replay.error();
  if (!*replay) return wire::json_reply(200, stored->response_json);
  const auto starting_after = starting_after_of(request);
  if (!starting_after) return starting_after.error();
  return reply::replay_response_stream(*stored, *starting_after);
}

wire::SharedReply finish(ServerContext& server, const wire::HttpRequest& request,
                         wire::WireReply reply, const ratelimit::RateLimitDecision& limits,
                         std::uint64_t id_seed, std::int64_t received_at, Clock::time_point started,
                         const ServedFacts& facts) {
  synthesis::Rng id_rng = synthesis::Rng(id_seed).fork("request-id");
  const std::string request_id = synthesis::request_id(id_rng);
  const auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  reply::add_standard_headers(reply, request_id, std::lround(elapsed), limits);
  auto shared = std::make_shared<const wire::WireReply>(std::move(reply));
  record_served(server, request, shared, request_id, facts, received_at, elapsed);
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
  const reply::RequestEnvelope envelope{request, path_scenario, std::string(api_key_of(request)),
                                        request.header("content-type"), received_at};
  auto outcome =
      guarded_outcome(server, request, "/responses", [&](reply::ReplyServices& services) {
        return reply::serve_create_response(services, server.responses, envelope, id_seed);
      });
  return finish(server, request, std::move(outcome.reply), outcome.limits, id_seed, received_at,
                started, {outcome.scenario, outcome.unmatched, outcome.chaos});
}

wire::SharedReply handle_response_resource(ServerContext& server, const wire::HttpRequest& request,
                                           std::string_view rest) {
  const auto started = Clock::now();
  const auto received_at = response_clock_ms();
  auto outcome = resource(server, request, rest);
  auto reply = outcome ? std::move(*outcome) : reply::error_reply(outcome.error());
  const auto limits = server.rate_limiter.peek(std::string(api_key_of(request)), received_at);
  return finish(server, request, std::move(reply), limits, unseeded(server, request, received_at),
                received_at, started, {"default", false, {}});
}

}  // namespace chatmock::app
