// The Responses API routes as the HTTP layer sees them: POST /v1/responses and the
// /v1/responses/{id}[/input_items] resource. The core (server/responses/) builds and stores the
// values; this adapter adds auth, directives, seeding, pacing, standard headers and the journal.
#pragma once

#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// POST /v1/responses: a Response as JSON, or its SSE event stream when `stream` is true.
wire::SharedReply handle_create_response(ServerContext& server, const wire::HttpRequest& request,
                                         std::string_view path_scenario);

/// GET or DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items; `rest` is the path
/// after /v1/responses/.
wire::SharedReply handle_response_resource(ServerContext& server, const wire::HttpRequest& request,
                                           std::string_view rest);

}  // namespace chatmock::app
