// Admin replies are plain JSON; they are journaled too would only be noise, so they are not.
#include "app/admin_endpoints.h"

#include "scenarios/scenario_runner.h"

namespace chatmock::app {

namespace {
wire::WireReply ok_json(const nlohmann::json& body) { return wire::json_reply(200, scenarios::dump_json(body)); }
}  // namespace

nlohmann::json scenarios_as_json(const scenarios::ScenarioCatalogue& catalogue) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : catalogue.all()) {
    list.push_back({{"name", s.name}, {"description", s.description}, {"breaks_spec", s.breaks_spec},
                    {"group", s.group}});
  }
  return list;
}

wire::WireReply admin_health(ServerContext&, const wire::HttpRequest&) { return ok_json({{"status", "ok"}}); }

wire::WireReply admin_list_scenarios(ServerContext& server, const wire::HttpRequest&) {
  return ok_json(scenarios_as_json(server.catalogue));
}

wire::WireReply admin_list_requests(ServerContext& server, const wire::HttpRequest&) {
  nlohmann::json requests = nlohmann::json::array();
  for (const auto& event : server.journal.snapshot()) requests.push_back(journal::to_json_value(event));
  return ok_json({{"requests", std::move(requests)}});
}

wire::WireReply admin_clear_requests(ServerContext& server, const wire::HttpRequest&) {
  server.journal.reset();
  return ok_json({{"requests", nlohmann::json::array()}});
}

wire::WireReply admin_reset(ServerContext& server, const wire::HttpRequest&) {
  server.journal.reset();
  server.sequences.reset();
  server.rate_limiter.reset();
  return ok_json({{"status", "ok"}});
}

}  // namespace chatmock::app
