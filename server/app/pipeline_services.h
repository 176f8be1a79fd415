// What both API endpoints hand the reply pipelines: the server's settings and shared state as
// reply::ReplyServices, and one guarded call that lets the recorder answer a forward and turns
// an unexpected exception (a bug, std::bad_alloc) into a 500 rather than a dropped connection.
#pragma once

#include <functional>
#include <string_view>

#include "app/server_context.h"
#include "reply/pipeline.h"
#include "wire/http_request.h"

namespace chatmock::app {

/// The pipeline's view of `server` (cheap: references and copied settings).
reply::ReplyServices reply_services_of(ServerContext& server);

/// `serve`'s outcome; a forward is answered by the recorder proxying `request` to the upstream's
/// `upstream_path` ("/chat/completions", "/responses").
reply::Outcome guarded_outcome(ServerContext& server, const wire::HttpRequest& request,
                               std::string_view upstream_path,
                               const std::function<reply::Outcome(reply::ReplyServices&)>& serve);

}  // namespace chatmock::app
