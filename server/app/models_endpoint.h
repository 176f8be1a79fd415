// GET /v1/models and GET /v1/models/{id}, answered from the built-in catalogue in api/.
#pragma once

#include <string_view>

#include "app/server_context.h"
#include "wire/http_request.h"
#include "wire/wire_reply.h"

namespace chatmock::app {

wire::WireReply list_models(ServerContext& server, const wire::HttpRequest& request);
/// One model, or 404 model_not_found.
wire::WireReply retrieve_model(ServerContext& server, const wire::HttpRequest& request,
                               std::string_view id);

}  // namespace chatmock::app
