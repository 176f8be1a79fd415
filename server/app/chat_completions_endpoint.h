// POST /v1/chat/completions as the HTTP layer sees it: the reply pipeline (reply/pipeline.h,
// docs/architecture.md) answers, this adapter adds timing, --record forwarding, the standard
// headers and the journal entry. Azure's deployment path is adapted here too: the deployment
// fills in a missing `model`.
#pragma once

#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

/// The reply to one chat completion request; `path_scenario` is the /scenarios/{name} prefix and
/// `deployment` the {deployment} of Azure's /openai/deployments/{deployment}/… path (or ""),
/// which is the model when the body names none.
wire::SharedReply handle_chat_completion(ServerContext& server, const wire::HttpRequest& request,
                                         std::string_view path_scenario,
                                         std::string_view deployment = {});

}  // namespace chatmock::app
