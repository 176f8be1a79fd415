// A thin adapter from the server's shared state to the reply pipeline (reply/pipeline.h): it
// times the request, hands --record forwards to the recorder (app/pipeline_services.h, which
// also turns a truly unexpected exception into a 500), adds the standard headers and journals.
#include "app/chat_completions_endpoint.h"

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/authorization.h"
#include "app/pipeline_services.h"
#include "app/served_event.h"
#include "reply/pipeline.h"
#include "reply/request_seed.h"
#include "reply/response_headers.h"
#include "synthesis/id_generator.h"

namespace chatmock::app {

namespace {
using Clock = std::chrono::steady_clock;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// `request` with `model` set to `deployment` when its body is a JSON object without one, as
/// Azure OpenAI serves the deployment's model; otherwise nullopt (the request goes as sent).
std::optional<wire::HttpRequest> with_deployment_model(const wire::HttpRequest& request,
                                                       std::string_view deployment) {
  if (deployment.empty()) return std::nullopt;
  auto body = nlohmann::ordered_json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || body.contains("model")) return std::nullopt;
  body["model"] = std::string(deployment);
  wire::HttpRequest adapted = request;
  adapted.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return adapted;
}
}  // namespace

wire::SharedReply handle_chat_completion(ServerContext& server, const wire::HttpRequest& request,
                                         std::string_view path_scenario,
                                         std::string_view deployment) {
  const auto started = Clock::now();
  const auto received_at = now_ms();
  synthesis::Rng id_rng(reply::stable_hash(request.body) ^ static_cast<std::uint64_t>(received_at));
  // The journal keeps what the client sent; the pipeline sees the deployment's model.
  const auto adapted = with_deployment_model(request, deployment);
  const wire::HttpRequest& served = adapted ? *adapted : request;
  const reply::RequestEnvelope envelope{served, path_scenario, std::string(api_key_of(request)),
                                        request.header("content-type"), received_at};
  auto outcome =
      guarded_outcome(server, served, "/chat/completions", [&](reply::ReplyServices& services) {
        return reply::serve_chat_completion(services, envelope, id_rng);
      });
  const auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  const std::string request_id = synthesis::request_id(id_rng);
  reply::add_standard_headers(outcome.reply, request_id, std::lround(elapsed), outcome.limits);
  auto shared = std::make_shared<const wire::WireReply>(std::move(outcome.reply));
  record_served(server, request, shared, request_id,
                {outcome.scenario, outcome.unmatched, outcome.chaos}, received_at, elapsed);
  return shared;
}

}  // namespace chatmock::app
