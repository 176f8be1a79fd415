// Model routes need the same bearer token as completions (the real API requires it).
#include "app/models_endpoint.h"

#include "api/api_error.h"
#include "api/model_list.h"
#include "app/authorization.h"
#include "reply/error_reply.h"

namespace chatmock::app {

namespace {
bool authorized(const ServerContext& server, const wire::HttpRequest& request) {
  return server.config.no_auth || has_api_key(request);
}

using reply::error_reply;
}  // namespace

wire::WireReply list_models(ServerContext& server, const wire::HttpRequest& request) {
  if (!authorized(server, request)) return error_reply(api::missing_api_key());
  return wire::json_reply(200, reply::dump_json(api::ModelList{"list", api::builtin_models()}));
}

wire::WireReply retrieve_model(ServerContext& server, const wire::HttpRequest& request, std::string_view id) {
  if (!authorized(server, request)) return error_reply(api::missing_api_key());
  const auto model = api::find_model(id);
  if (!model) return error_reply(api::model_not_found(std::string(id)));
  return wire::json_reply(200, reply::dump_json(*model));
}

}  // namespace chatmock::app
