// Routes are matched by exact string or prefix (no regex on the hot path). A new endpoint is
// one line in kRoutes plus one handler function.
#include "app/route_table.h"

#include <array>
#include <functional>

#include "api/api_error.h"
#include "app/admin_endpoints.h"
#include "app/authorization.h"
#include "app/chat_completions_endpoint.h"
#include "app/models_endpoint.h"

namespace chatmock::app {

namespace {
using Handler = wire::WireReply (*)(ServerContext&, const wire::HttpRequest&, std::string_view arg,
                                    std::string_view path_scenario);

struct Route {
  std::string_view method;
  std::string_view path;  ///< exact, or a prefix when it ends with '/'
  Handler handler;
};

wire::WireReply chat(ServerContext& s, const wire::HttpRequest& r, std::string_view, std::string_view sc) {
  return handle_chat_completion(s, r, sc);
}
wire::WireReply models(ServerContext& s, const wire::HttpRequest& r, std::string_view, std::string_view) {
  return list_models(s, r);
}
wire::WireReply model(ServerContext& s, const wire::HttpRequest& r, std::string_view id, std::string_view) {
  return retrieve_model(s, r, id);
}
wire::WireReply fixture(ServerContext& s, const wire::HttpRequest& r, std::string_view id,
                        std::string_view) {
  return admin_delete_fixture(s, r, id);
}
template <wire::WireReply (*F)(ServerContext&, const wire::HttpRequest&)>
wire::WireReply admin(ServerContext& s, const wire::HttpRequest& r, std::string_view, std::string_view) {
  return F(s, r);
}

constexpr std::array kRoutes = {
    Route{"POST", "/v1/chat/completions", &chat},
    Route{"POST", "/chat/completions", &chat},
    Route{"GET", "/v1/models", &models},
    Route{"GET", "/models", &models},
    Route{"GET", "/v1/models/", &model},
    Route{"GET", "/models/", &model},
    Route{"GET", "/_chatmock/health", &admin<admin_health>},
    Route{"GET", "/_chatmock/scenarios", &admin<admin_list_scenarios>},
    Route{"GET", "/_chatmock/requests", &admin<admin_list_requests>},
    Route{"DELETE", "/_chatmock/requests", &admin<admin_clear_requests>},
    Route{"POST", "/_chatmock/reset", &admin<admin_reset>},
    Route{"GET", "/_chatmock/fixtures", &admin<admin_list_fixtures>},
    Route{"POST", "/_chatmock/fixtures", &admin<admin_add_fixtures>},
    Route{"DELETE", "/_chatmock/fixtures", &admin<admin_clear_fixtures>},
    Route{"DELETE", "/_chatmock/fixtures/", &fixture},
    Route{"GET", "/_chatmock/near-misses", &admin<admin_list_near_misses>},
};

wire::WireReply error_reply(const api::ApiError& error) { return wire::json_reply(error.status, error.body_text()); }

/// Splits "/scenarios/{name}/rest" into {name, "/rest"}; otherwise {"", path}.
std::pair<std::string_view, std::string_view> split_scenario_prefix(std::string_view path) {
  constexpr std::string_view kPrefix = "/scenarios/";
  if (!path.starts_with(kPrefix)) return {{}, path};
  const auto rest = path.substr(kPrefix.size());
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return {rest, "/"};
  return {rest.substr(0, slash), rest.substr(slash)};
}
}  // namespace

wire::WireReply route_request(ServerContext& server, const wire::HttpRequest& request) {
  const auto [scenario, path] = split_scenario_prefix(request.path);
  if (path.starts_with("/_chatmock/") && !admin_authorized(request, server.config.admin_token)) {
    return error_reply({401, "Admin API requires Authorization: Bearer <admin token>.",
                        "invalid_request_error", std::nullopt, "invalid_admin_token"});
  }
  bool path_known = false;
  for (const auto& route : kRoutes) {
    const bool prefix = route.path.ends_with('/');
    const bool matches = prefix ? path.starts_with(route.path) && path.size() > route.path.size()
                                : path == route.path;
    if (!matches) continue;
    path_known = true;
    if (route.method != request.method) continue;
    const auto arg = prefix ? path.substr(route.path.size()) : std::string_view();
    return route.handler(server, request, arg, scenario);
  }
  if (path_known) return error_reply(api::method_not_allowed(request.method, request.path));
  return error_reply(api::unknown_route(request.method, request.path));
}

}  // namespace chatmock::app
