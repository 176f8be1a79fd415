// Model routes need the same bearer token as completions (the real API requires it). Both answer
// from the model catalogue validation uses (models/, extended by --models FILE).
#include "app/models_endpoint.h"

#include <nlohmann/json.hpp>

#include "api/api_error.h"
#include "app/authorization.h"
#include "models/model_catalogue.h"
#include "reply/error_reply.h"

namespace chatmock::app {

namespace {
bool authorized(const ServerContext& server, const wire::HttpRequest& request) {
  return server.config.no_auth || has_api_key(request);
}

using reply::error_reply;

const models::Catalogue& catalogue_of(const ServerContext& server) {
  return models::Catalogue::or_builtin(server.config.validation.models.get());
}

nlohmann::json model_json(const models::ModelSpec& spec) {
  return {
      {"id", spec.id}, {"object", "model"}, {"created", spec.created}, {"owned_by", spec.owned_by}};
}
}  // namespace

wire::WireReply list_models(ServerContext& server, const wire::HttpRequest& request) {
  if (!authorized(server, request)) return error_reply(api::missing_api_key());
  nlohmann::json data = nlohmann::json::array();
  for (const auto& spec : catalogue_of(server).models()) data.push_back(model_json(spec));
  return wire::json_reply(200, reply::dump_json({{"object", "list"}, {"data", data}}));
}

wire::WireReply retrieve_model(ServerContext& server, const wire::HttpRequest& request,
                               std::string_view id) {
  if (!authorized(server, request)) return error_reply(api::missing_api_key());
  const auto* spec = catalogue_of(server).find(id);
  if (spec == nullptr) return error_reply(api::model_not_found(std::string(id)));
  return wire::json_reply(200, reply::dump_json(model_json(*spec)));
}

}  // namespace chatmock::app
