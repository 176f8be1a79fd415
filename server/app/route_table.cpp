// Routes are matched by exact string or prefix (no regex on the hot path). A new endpoint is
// one line in kRoutes plus one handler function. Any route may sit under /sessions/{id}/.
// OpenAI-compatible clients' paths (Azure's /openai/deployments/{d}/…, groq and Azure v1's
// /openai/v1/…) are rewritten to the /v1 routes first; a request no route serves is journaled like
// a completion.
#include "app/route_table.h"

#include <array>
#include <chrono>
#include <functional>

#include "api/api_error.h"
#include "app/admin_endpoints.h"
#include "app/authorization.h"
#include "app/chat_completions_endpoint.h"
#include "app/models_endpoint.h"
#include "app/responses_endpoint.h"
#include "app/served_event.h"
#include "reply/directives_session.h"
#include "reply/error_reply.h"
#include "reply/request_seed.h"
#include "reply/response_headers.h"
#include "synthesis/id_generator.h"

namespace chatmock::app {

namespace {
using Handler = wire::SharedReply (*)(ServerContext&, const wire::HttpRequest&,
                                      std::string_view arg, std::string_view path_scenario);

struct Route {
  std::string_view method;
  std::string_view path;  ///< exact, or a prefix when it ends with '/'
  Handler handler;
};

/// Admin, model and routing replies get the same headers as completions, which add their own.
wire::SharedReply finished(ServerContext& server, const wire::HttpRequest& request,
                           wire::WireReply reply) {
  synthesis::Rng rng(
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      server.unseeded_counter.fetch_add(1));
  chatmock::reply::add_standard_headers(
      reply, synthesis::request_id(rng), 0,
      server.rate_limiter.peek(std::string(api_key_of(request)), 0));
  return std::make_shared<const wire::WireReply>(std::move(reply));
}

// For chat, `arg` is the Azure deployment ("" on every other path).
wire::SharedReply chat(ServerContext& s, const wire::HttpRequest& r, std::string_view deployment,
                       std::string_view sc) {
  return handle_chat_completion(s, r, sc, deployment);
}
wire::SharedReply models(ServerContext& s, const wire::HttpRequest& r, std::string_view,
                         std::string_view) {
  return finished(s, r, list_models(s, r));
}
wire::SharedReply model(ServerContext& s, const wire::HttpRequest& r, std::string_view id,
                        std::string_view) {
  return finished(s, r, retrieve_model(s, r, id));
}
wire::SharedReply fixture(ServerContext& s, const wire::HttpRequest& r, std::string_view id,
                          std::string_view) {
  return finished(s, r, admin_delete_fixture(s, r, id));
}
wire::SharedReply responses(ServerContext& s, const wire::HttpRequest& r, std::string_view,
                            std::string_view sc) {
  return handle_create_response(s, r, sc);
}
// `rest` is "{id}" or "{id}/input_items"; GET and DELETE share one handler.
wire::SharedReply response(ServerContext& s, const wire::HttpRequest& r, std::string_view rest,
                           std::string_view) {
  return handle_response_resource(s, r, rest);
}
template <wire::WireReply (*F)(ServerContext&, const wire::HttpRequest&)>
wire::SharedReply admin(ServerContext& s, const wire::HttpRequest& r, std::string_view,
                        std::string_view) {
  return finished(s, r, F(s, r));
}

constexpr std::array kRoutes = {
    Route{"POST", "/v1/chat/completions", &chat},
    Route{"POST", "/chat/completions", &chat},
    Route{"POST", "/v1/responses", &responses},
    Route{"POST", "/responses", &responses},
    Route{"GET", "/v1/responses/", &response},
    Route{"GET", "/responses/", &response},
    Route{"DELETE", "/v1/responses/", &response},
    Route{"DELETE", "/responses/", &response},
    Route{"GET", "/v1/models", &models},
    Route{"GET", "/models", &models},
    Route{"GET", "/v1/models/", &model},
    Route{"GET", "/models/", &model},
    Route{"GET", "/_chatmock/health", &admin<admin_health>},
    Route{"GET", "/_chatmock/scenarios", &admin<admin_list_scenarios>},
    Route{"GET", "/_chatmock/requests", &admin<admin_list_requests>},
    Route{"DELETE", "/_chatmock/requests", &admin<admin_clear_requests>},
    Route{"GET", "/_chatmock/requests/unmatched", &admin<admin_unmatched_requests>},
    Route{"POST", "/_chatmock/requests/count", &admin<admin_count_requests>},
    Route{"POST", "/_chatmock/requests/find", &admin<admin_find_requests>},
    Route{"POST", "/_chatmock/reset", &admin<admin_reset>},
    Route{"GET", "/_chatmock/fixtures", &admin<admin_list_fixtures>},
    Route{"POST", "/_chatmock/fixtures", &admin<admin_add_fixtures>},
    Route{"DELETE", "/_chatmock/fixtures", &admin<admin_clear_fixtures>},
    Route{"DELETE", "/_chatmock/fixtures/", &fixture},
    Route{"GET", "/_chatmock/near-misses", &admin<admin_list_near_misses>},
    Route{"GET", "/_chatmock/state", &admin<admin_state>},
};

using reply::error_reply;

/// Splits "/scenarios/{name}/rest" into {name, "/rest"}; otherwise {"", path}.
std::pair<std::string_view, std::string_view> split_scenario_prefix(std::string_view path) {
  constexpr std::string_view kPrefix = "/scenarios/";
  if (!path.starts_with(kPrefix)) return {{}, path};
  const auto rest = path.substr(kPrefix.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return {rest, "/"};
  return {rest.substr(0, slash), rest.substr(slash)};
}

/// A path as the route table sees it, and the Azure deployment it named.
struct CompatiblePath {
  std::string_view path;
  std::string_view deployment;
};

/// "/openai/v1/rest" → "/v1/rest"; "/openai/deployments/{d}/rest" → "/rest" with deployment d
/// (what the openai package's AzureOpenAI, groq-sdk and Azure's v1 API call); else unchanged.
CompatiblePath strip_compatible_prefix(std::string_view path) {
  constexpr std::string_view kOpenAi = "/openai";
  constexpr std::string_view kDeployments = "/openai/deployments/";
  if (path.starts_with("/openai/v1/")) return {path.substr(kOpenAi.size()), {}};
  if (!path.starts_with(kDeployments)) return {path, {}};
  const auto rest = path.substr(kDeployments.size());
  const auto slash = rest.find('/');
  if (slash == 0 || slash == std::string_view::npos) return {path, {}};
  return {rest.substr(slash), rest.substr(0, slash)};
}

std::int64_t route_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// A 404/405 for a request no route serves, journaled and logged as completions are, so a client
/// calling a wrong path shows up in GET /_chatmock/requests and the log.
wire::SharedReply unrouted(ServerContext& server, const wire::HttpRequest& request,
                           const api::ApiError& error) {
  const auto received_at = route_clock_ms();
  synthesis::Rng rng(reply::stable_hash(request.body) ^ static_cast<std::uint64_t>(received_at) ^
                     server.unseeded_counter.fetch_add(1));
  auto reply = reply::error_reply(error);
  const std::string request_id = synthesis::request_id(rng);
  reply::add_standard_headers(reply, request_id, 0,
                              server.rate_limiter.peek(std::string(api_key_of(request)), 0));
  auto shared = std::make_shared<const wire::WireReply>(std::move(reply));
  record_served(server, request, shared, request_id, {}, received_at, 0.0);
  return shared;
}
}  // namespace

wire::SharedReply route_request(ServerContext& server, const wire::HttpRequest& request) {
  // /sessions/{id}/ first, then /scenarios/{name}/: the session is read again where it is used
  // (reply::session_of), the scenario is handed on.
  const auto [scenario, prefixed] =
      split_scenario_prefix(reply::split_session_prefix(request.path).rest);
  const auto [path, deployment] = strip_compatible_prefix(prefixed);
  if (path.starts_with("/_chatmock/")) {
    const AdminGuard guard{server.config.http.host, server.config.allowed_hosts,
                           server.config.admin_token.empty()};
    if (auto refusal = admin_request_refusal(request, guard))
      return finished(server, request, error_reply(*refusal));
  }
  if (path.starts_with("/_chatmock/") && !admin_authorized(request, server.config.admin_token)) {
    return finished(server, request,
                    error_reply({401, "Admin API requires Authorization: Bearer <admin token>.",
                                 "invalid_request_error", std::nullopt, "invalid_admin_token"}));
  }
  bool path_known = false;
  for (const auto& route : kRoutes) {
    const bool prefix = route.path.ends_with('/');
    const bool matches = prefix ? path.starts_with(route.path) && path.size() > route.path.size()
                                : path == route.path;
    if (!matches) continue;
    path_known = true;
    if (route.method != request.method) continue;
    const auto arg = prefix ? path.substr(route.path.size()) : deployment;
    return route.handler(server, request, arg, scenario);
  }
  if (path_known)
    return unrouted(server, request, api::method_not_allowed(request.method, request.path));
  return unrouted(server, request, api::unknown_route(request.method, request.path));
}

}  // namespace chatmock::app
