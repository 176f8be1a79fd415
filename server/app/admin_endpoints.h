// The admin API under /_chatmock/ (WireMock's __admin): health, scenarios, the request journal
// and reset. Fixture management joins it from stubbing/. Protected by --admin-token when set.
#pragma once

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

wire::WireReply admin_health(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_list_scenarios(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_list_requests(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_clear_requests(ServerContext& server, const wire::HttpRequest& request);
wire::WireReply admin_reset(ServerContext& server, const wire::HttpRequest& request);

/// The scenario catalogue as the contract's JSON array of {name, description, breaks_spec}.
nlohmann::json scenarios_as_json(const scenarios::ScenarioCatalogue& catalogue);

}  // namespace chatmock::app
