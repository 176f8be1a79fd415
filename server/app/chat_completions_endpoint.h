// POST /v1/chat/completions: auth → scenario selection → body parse → validation → seed →
// rate limit → scenario pipeline → standard headers → journal. The order matches the real API:
// a bad key fails before a bad body, a bad body before a rate limit.
#pragma once

#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// The reply to one chat completion request; `path_scenario` is the /scenarios/{name} prefix.
wire::SharedReply handle_chat_completion(ServerContext& server, const wire::HttpRequest& request,
                                       std::string_view path_scenario);

}  // namespace chatmock::app
