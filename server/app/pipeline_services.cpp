// Shared by chat_completions_endpoint.cpp and responses_endpoint.cpp, so --strict, --record,
// --chaos and the rate limiter reach both APIs through the same settings.
#include "app/pipeline_services.h"

#include <exception>

#include "api/api_error.h"
#include "reply/error_reply.h"

namespace chatmock::app {

reply::ReplyServices reply_services_of(ServerContext& server) {
  const auto& config = server.config;
  reply::ReplySettings settings{
      .no_auth = config.no_auth,
      .strict = config.strict,
      .body_limits = config.body_limits,
      .validation = config.validation,
      .latency = config.latency,
      .budget = config.budget,
      .default_scenario = server.defaults.scenario(),
      .default_seed = server.defaults.seed(),
      .recording = static_cast<bool>(server.recorder),
      .records_everything = server.recorder && server.recorder->records_everything(),
      .chaos = config.chaos ? &*config.chaos : nullptr};
  return {std::move(settings), server.catalogue,   server.sequences,       server.rate_limiter,
          server.stubs,        server.near_misses, server.unseeded_counter};
}

reply::Outcome guarded_outcome(ServerContext& server, const wire::HttpRequest& request,
                               std::string_view upstream_path,
                               const std::function<reply::Outcome(reply::ReplyServices&)>& serve) {
  reply::Outcome outcome;
  try {
    auto services = reply_services_of(server);
    outcome = serve(services);
    if (outcome.forward) {
      outcome.reply = server.recorder->record(request, upstream_path);
      outcome.scenario = "record";
    }
  } catch (const std::exception&) {
    outcome.reply = reply::error_reply(api::server_error());
  }
  return outcome;
}

}  // namespace chatmock::app
