// route_request: chatmock's routing, one route per line (route_table.cpp). It strips the
// /scenarios/{name} prefix, answers 404 for unknown paths and 405 for known paths with the
// wrong method, and guards /_chatmock/* (browser-originated requests, then the admin token).
#pragma once

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// The reply for any request the server receives, with the standard headers
/// (x-request-id, openai-version, rate limits) on every one.
wire::SharedReply route_request(ServerContext& server, const wire::HttpRequest& request);

}  // namespace chatmock::app
