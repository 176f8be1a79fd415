// The admin API under /_chatmock/ (WireMock's __admin): health, scenarios, the request journal,
// fixtures (stubs), near misses and reset. Protected by --admin-token when set.
#pragma once

#include "app/admin_journal.h"
#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

wire::WireReply admin_health(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_list_scenarios(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_reset(ServerContext& server, const wire::HttpRequest& request);
/// GET /_chatmock/fixtures: every stub in matching order, as written plus id and source.
wire::WireReply admin_list_fixtures(ServerContext& server, const wire::HttpRequest& request);
/// POST /_chatmock/fixtures: one stub or an array; 201 with the ids, 400 naming line and reason.
wire::WireReply admin_add_fixtures(ServerContext& server, const wire::HttpRequest& request);
/// DELETE /_chatmock/fixtures: removes every stub (until a reload).
wire::WireReply admin_clear_fixtures(ServerContext& server, const wire::HttpRequest& request);
/// DELETE /_chatmock/fixtures/{id}: removes one stub; 404 when there is none.
wire::WireReply admin_delete_fixture(ServerContext& server, const wire::HttpRequest& request,
                                     std::string_view id);
/// GET /_chatmock/near-misses: recent unmatched requests with their three closest stubs.
wire::WireReply admin_list_near_misses(ServerContext& server, const wire::HttpRequest& request);

/// GET /_chatmock/state: what the server holds against each bound (journal, scenario sessions,
/// rate-limit keys, near misses), so a test or an operator can see nothing grows unbounded.
wire::WireReply admin_state(ServerContext& server, const wire::HttpRequest& request);

/// The scenario catalogue as the contract's JSON array of {name, description, breaks_spec}.
nlohmann::json scenarios_as_json(const scenarios::ScenarioCatalogue& catalogue);

}  // namespace chatmock::app
