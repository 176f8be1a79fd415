// Moved out of pipeline.cpp when the Responses API got stubs, chaos and --record: one home for
// each stage, with the endpoint as a parameter. Nothing here reads a header; directives are
// already parsed.
#include "reply/request_stages.h"

#include <limits>

#include "api/api_error.h"
#include "reply/error_reply.h"
#include "stubbing/near_miss.h"

namespace chatmock::reply {

bool settled_at_the_door(const ReplyServices& services, const RequestEnvelope& request,
                         Outcome& out) {
  out.limits = services.rate_limiter.peek(request.api_key, request.now_ms);
  if (services.settings.records_everything) {
    out.forward = true;
    return true;
  }
  if (!services.settings.no_auth && request.api_key.empty()) {
    out.reply = error_reply(api::missing_api_key());
    return true;
  }
  return false;
}

Expected<scenarios::ScenarioExpression> select_expression(const ReplyServices& services,
                                                          const Directives& directives,
                                                          scenarios::ScenarioApi endpoint) {
  const bool chosen = directives.chose_scenario();
  const std::string_view text = chosen ? std::string_view(directives.scenario)
                                       : std::string_view(services.settings.default_scenario);
  auto parsed = scenarios::select_scenario_expression(text, services.catalogue, endpoint);
  if (auto* rejection = std::get_if<scenarios::ScenarioRejection>(&parsed)) {
    if (!chosen && rejection->code == "unsupported_scenario") {
      parsed = scenarios::select_scenario_expression("default", services.catalogue, endpoint);
    } else {
      return api::invalid_request(rejection->message, scenario_param(directives), rejection->code);
    }
  }
  return std::move(std::get<scenarios::ScenarioExpression>(parsed));
}

Expected<std::optional<ChaosSpec>> request_chaos(const ReplyServices& services,
                                                 const Directives& directives) {
  if (directives.chaos.empty()) return std::optional<ChaosSpec>();
  auto parsed = parse_chaos(directives.chaos, services.catalogue, "X-Chatmock-Chaos");
  if (!parsed) return parsed.error();
  return std::optional<ChaosSpec>(std::move(*parsed));
}

const ChaosFault* draw_chaos(ReplyServices& services, const Directives& directives,
                             const std::optional<ChaosSpec>& request_spec) {
  const ChaosSpec* spec = request_spec ? &*request_spec : services.settings.chaos;
  if (spec == nullptr || spec->empty()) return nullptr;
  const auto& session = directives.session;
  const std::size_t k = services.sequences.next_step(session, "\x01chaos:" + spec->text,
                                                     std::numeric_limits<std::size_t>::max());
  const std::uint64_t seed = directives.seed.value_or(services.settings.default_seed.value_or(0));
  return pick_fault(*spec, seed, session, k);
}

StubStage select_stub(ReplyServices& services, const RequestEnvelope& request,
                      const nlohmann::json& body, bool chosen, Outcome& out) {
  StubStage stage;
  stage.selection = services.stubs.select({body, request.http});
  if (stage.selection) return stage;
  if (services.settings.recording) {
    out.forward = true;
    stage.settled = true;
    return stage;
  }
  // Requests that only missed the shipped demo stubs are ordinary requests, not near misses or
  // unmatched ones (unless --strict refuses them: then they are failures to explain).
  out.unmatched = services.settings.strict || services.stubs.has_own_stubs();
  if (out.unmatched) services.near_misses.record(request.http, request.now_ms);
  if (services.settings.strict && !chosen) {
    out.reply = error_reply(
        stubbing::no_matching_stub(services.stubs.near_misses({body, request.http}, 3)));
    stage.settled = true;
  }
  return stage;
}

}  // namespace chatmock::reply
