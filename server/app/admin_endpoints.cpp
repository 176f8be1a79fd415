// Admin replies are plain JSON; they are journaled too would only be noise, so they are not.
#include "app/admin_endpoints.h"

#include "api/api_error.h"
#include "reply/error_reply.h"
#include "stubbing/fixture_loader.h"

namespace chatmock::app {

namespace {
wire::WireReply ok_json(const nlohmann::json& body) {
  return wire::json_reply(200, reply::dump_json(body));
}
}  // namespace

nlohmann::json scenarios_as_json(const scenarios::ScenarioCatalogue& catalogue) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : catalogue.all()) {
    list.push_back({{"name", s.name},
                    {"description", s.description},
                    {"breaks_spec", s.breaks_spec},
                    {"api", scenarios::api_name(s.api)},
                    {"group", s.group}});
  }
  return list;
}

wire::WireReply admin_health(ServerContext&, const wire::HttpRequest&) {
  return ok_json({{"status", "ok"}});
}

wire::WireReply admin_list_scenarios(ServerContext& server, const wire::HttpRequest&) {
  return ok_json(scenarios_as_json(server.catalogue));
}

wire::WireReply admin_reset(ServerContext& server, const wire::HttpRequest& request) {
  if (const auto session = admin_session_scope(request)) {
    // One test's reset must not touch the others': its journal, stubs, sequences and states.
    server.journal.reset_session(*session);
    server.sequences.reset_session(*session);
    server.stubs.remove_session(*session);
    server.stubs.reset_session_state(*session);
    server.responses.reset_session(*session);
    return ok_json({{"status", "ok"}, {"session", *session}});
  }
  server.journal.reset();
  server.sequences.reset();
  server.rate_limiter.reset();
  server.stubs.reset_state();
  server.near_misses.reset();
  server.responses.reset();
  return ok_json({{"status", "ok"}});
}

wire::WireReply admin_list_fixtures(ServerContext& server, const wire::HttpRequest& request) {
  nlohmann::json fixtures = nlohmann::json::array();
  const auto session = admin_session_scope(request);
  for (const auto& stub : server.stubs.snapshot()->stubs) {
    if (session && stub.session != *session) continue;
    nlohmann::json entry(stub.definition);
    entry["id"] = stub.id;
    entry["name"] = stub.name;
    entry["source"] = stub.source;
    fixtures.push_back(std::move(entry));
  }
  return ok_json({{"fixtures", std::move(fixtures)}});
}

wire::WireReply admin_add_fixtures(ServerContext& server, const wire::HttpRequest& request) {
  auto parsed = stubbing::parse_posted_stubs(request.body);
  if (const auto* reason = std::get_if<std::string>(&parsed)) {
    const api::ApiError error{400, "Invalid fixture: " + *reason, "invalid_request_error",
                              std::nullopt, "invalid_fixture"};
    return reply::error_reply(error);
  }
  auto stubs = std::get<std::vector<stubbing::StubMapping>>(std::move(parsed));
  // Posted under a session (?session= or /sessions/{id}/): stubs that name none get it.
  if (const auto session = admin_session_scope(request)) {
    for (auto& stub : stubs) {
      if (stub.session.empty()) stub.session = *session;
    }
  }
  const std::size_t posted = stubs.size();
  // Each POST copies the stub list, so an unbounded list costs memory and quadratic time.
  const auto ids = server.stubs.add_within(std::move(stubs), server.config.max_stubs);
  if (!ids) {
    const api::ApiError error{400,
                              "Too many stubs: adding " + std::to_string(posted) +
                                  " would keep more than the limit of " +
                                  std::to_string(server.config.max_stubs) + " (--max-stubs)",
                              "invalid_request_error", std::nullopt, "too_many_stubs"};
    return reply::error_reply(error);
  }
  return wire::json_reply(201, reply::dump_json({{"ids", *ids}}));
}

wire::WireReply admin_clear_fixtures(ServerContext& server, const wire::HttpRequest& request) {
  if (const auto session = admin_session_scope(request)) {
    server.stubs.remove_session(*session);
    return ok_json({{"fixtures", nlohmann::json::array()}, {"session", *session}});
  }
  server.stubs.clear();
  return ok_json({{"fixtures", nlohmann::json::array()}});
}

wire::WireReply admin_delete_fixture(ServerContext& server, const wire::HttpRequest&,
                                     std::string_view id) {
  if (!server.stubs.remove(id)) {
    const api::ApiError error{404, "No fixture with id '" + std::string(id) + "'.",
                              "invalid_request_error", std::nullopt, "fixture_not_found"};
    return reply::error_reply(error);
  }
  return ok_json({{"deleted", std::string(id)}});
}

wire::WireReply admin_state(ServerContext& server, const wire::HttpRequest&) {
  const auto journal = server.journal.usage();
  const auto sessions = server.sequences.usage();
  return ok_json(
      {{"journal",
        {{"count", journal.count},
         {"bytes", journal.bytes},
         {"max_count", journal.max_count},
         {"max_bytes", journal.max_bytes},
         {"evicted", journal.evicted}}},
       {"sessions",
        {{"count", sessions.count},
         {"bytes", sessions.bytes},
         {"max_count", sessions.max_count},
         {"max_bytes", sessions.max_bytes},
         {"evicted", sessions.evicted}}},
       {"rate_limit_keys",
        {{"count", server.rate_limiter.key_count()},
         {"max_count", server.rate_limiter.config().max_keys},
         {"evicted", server.rate_limiter.evicted()}}},
       {"stub_scenario_states",
        {{"count", server.stubs.scenario_states().size()},
         {"max_count", server.config.max_sessions},
         {"evicted", server.stubs.scenario_states().evicted()}}},
       {"stubs",
        {{"count", server.stubs.snapshot()->stubs.size()}, {"max_count", server.config.max_stubs}}},
       {"stored_responses",
        {{"count", server.responses.size()},
         {"bytes", server.responses.bytes()},
         {"max_count", server.responses.max_responses()},
         {"evicted", server.responses.evictions()}}},
       {"near_misses",
        {{"count", server.near_misses.count()}, {"max_count", server.near_misses.capacity()}}}});
}

wire::WireReply admin_list_near_misses(ServerContext& server, const wire::HttpRequest&) {
  return ok_json(server.near_misses.to_json(server.stubs));
}

}  // namespace chatmock::app
