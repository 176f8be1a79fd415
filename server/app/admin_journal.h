// The journal half of the admin API, in WireMock's vocabulary: list requests with filters,
// clear them (all, or one session's), verify with a request pattern (count / find), and list
// the requests no stub matched. Every query is scoped by ?session= or a /sessions/{id}/ prefix.
#pragma once

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// GET /_chatmock/requests?session=&path=&scenario=&status=&since=&limit=
wire::WireReply admin_list_requests(ServerContext& server, const wire::HttpRequest& request);
/// DELETE /_chatmock/requests[?session=]: every event, or only that session's.
wire::WireReply admin_clear_requests(ServerContext& server, const wire::HttpRequest& request);
/// POST /_chatmock/requests/count: body = a stub's `match` object; {"count": n}.
wire::WireReply admin_count_requests(ServerContext& server, const wire::HttpRequest& request);
/// POST /_chatmock/requests/find: the same body; {"requests": [...]}.
wire::WireReply admin_find_requests(ServerContext& server, const wire::HttpRequest& request);
/// GET /_chatmock/requests/unmatched: completions no stub matched (with the same filters).
wire::WireReply admin_unmatched_requests(ServerContext& server, const wire::HttpRequest& request);

/// The session an admin call is scoped to: ?session=, else its /sessions/{id}/ prefix; nullopt
/// when neither (every session).
std::optional<std::string> admin_session_scope(const wire::HttpRequest& request);

}  // namespace chatmock::app
