// Stubs are chosen before previous_response_id and item references are resolved: a recorded
// conversation names upstream ids that exist here only once a stub's Response is stored. A
// stub's reply is stored bytes, so only its layers' wire edits apply, as on chat; the Response
// it carries (a JSON body, or a stream's terminal event) is stored for a later GET.
#include "reply/response_pipeline.h"

#include <chrono>

#include "reply/budget_errors.h"
#include "reply/compose_response.h"
#include "reply/error_reply.h"
#include "reply/reply_estimate.h"
#include "reply/request_seed.h"
#include "reply/request_stages.h"
#include "reply/response_headers.h"
#include "responses/input_references.h"
#include "responses/response_builder.h"
#include "responses/response_errors.h"
#include "streaming/sse_decoder.h"
#include "stubbing/stub_reply_renderer.h"
#include "validation/request_body.h"

namespace chatmock::reply {

namespace {
/// What the stages have learned about the request, in the order they learn it.
struct AdmittedResponse {
  Directives directives;
  scenarios::ScenarioExpression expression;
  nlohmann::json body;
  responses::ResponseRequest parsed;
  std::optional<ChaosSpec> chaos;
};

Expected<AdmittedResponse> admit_response(const ReplyServices& services,
                                          const RequestEnvelope& request) {
  DirectiveLimits limits;
  limits.max_reply_bytes = services.settings.budget.reply_bytes;
  auto directives = parse_directives(request.http, request.path_scenario, limits);
  if (!directives) return directives.error();
  auto expression = select_expression(services, *directives, scenarios::ScenarioApi::responses);
  if (!expression) return expression.error();
  auto chaos = request_chaos(services, *directives);
  if (!chaos) return chaos.error();
  auto body = validation::parse_request_body(request.http.body, request.content_type,
                                             services.settings.body_limits);
  if (!body) return *body.error;
  auto parsed = responses::parse_create_response(
      body.json, {.lenient_params = services.settings.validation.lenient_params});
  if (!parsed) return parsed.error();
  return AdmittedResponse{std::move(*directives), std::move(*expression), std::move(body.json),
                          std::move(*parsed), std::move(*chaos)};
}

/// `value` when it is a Response (`object` "response", a string `id`), else nullopt.
std::optional<responses::Json> as_response(responses::Json value) {
  if (!value.is_object() || value.value("object", nlohmann::json()) != "response") {
    return std::nullopt;
  }
  const auto id = value.find("id");
  if (id == value.end() || !id->is_string()) return std::nullopt;
  return value;
}

/// The Response a stub's 2xx reply carries: its JSON body, or the `response` of the last
/// terminal event (response.completed, .incomplete, .failed) of its recorded stream.
std::optional<responses::Json> stub_response_body(const stubbing::StubReply& stub) {
  if (stub.status / 100 != 2) return std::nullopt;
  if (stub.kind == stubbing::StubReplyKind::http) {
    return as_response(responses::Json::parse(stub.body, nullptr, false));
  }
  if (stub.kind != stubbing::StubReplyKind::chunks) return std::nullopt;
  std::string body;
  for (const auto& write : stub.chunks) body += write.bytes;
  std::optional<responses::Json> last;
  for (const auto& event : streaming::decode_sse(body)) {
    const auto data = responses::Json::parse(event.data, nullptr, false);
    if (!data.is_object()) continue;
    const auto type = data.value("type", nlohmann::json());
    if (type != "response.completed" && type != "response.incomplete" &&
        type != "response.failed") {
      continue;
    }
    if (auto response = as_response(data.value("response", responses::Json()))) last = response;
  }
  return last;
}

wire::WireReply stub_answer(const stubbing::Selection& selection,
                            const scenarios::Composition& layers, responses::ResponseStore& store,
                            const AdmittedResponse& admitted, std::uint64_t seed) {
  const auto& stub = *selection.reply;
  const ResponseRunInput input{admitted.parsed, admitted.directives, {}, seed, {}};
  auto reply = render_stored_response(layers, stubbing::stored_reply(stub), input);
  if (!admitted.parsed.store) return reply;
  if (auto response = stub_response_body(stub)) {
    const auto id = (*response)["id"].get<std::string>();
    // A stub's usage is what the user wrote: anything but an integer total counts as none.
    const auto usage = response->value("usage", responses::Json::object());
    const auto total = usage.is_object() ? usage.find("total_tokens") : usage.end();
    const std::int64_t carried = total != usage.end() && total->is_number_integer()
                                     ? total->get<std::int64_t>()
                                     : std::int64_t{0};
    store.put(
        admitted.directives.session, id, *response,
        {{}, responses::identified_input_items(admitted.parsed, seed), carried, seed, {}, false});
  }
  return reply;
}

/// The Response's string id; null when a scenario broke it (the fuzz scenario may), and then
/// there is nothing to store it under.
const std::string* id_of(const responses::Json& response) {
  if (!response.is_object()) return nullptr;
  const auto id = response.find("id");
  return id != response.end() && id->is_string() ? &id->get_ref<const std::string&>() : nullptr;
}

/// No stub answered: previous_response_id, the input's references, the build, the scenarios.
Expected<wire::WireReply> composed_answer(
    const ReplyServices& services, responses::ResponseStore& store, const RequestEnvelope& request,
    AdmittedResponse& admitted, const scenarios::Composition& step, const RequestSeed& seed) {
  auto& parsed = admitted.parsed;
  const std::string& session = admitted.directives.session;
  responses::BuildContext context;
  std::shared_ptr<const responses::StoredResponse> previous;
  if (parsed.previous_response_id) {
    previous = store.find(session, *parsed.previous_response_id);
    if (!previous) return responses::previous_response_not_found(*parsed.previous_response_id);
    context.carried_tokens = previous->carried_tokens;
  }
  auto input =
      responses::resolve_input_references(std::move(parsed.input), store, session, previous.get());
  if (!input) return input.error();
  parsed.input = std::move(*input);
  context.seed = seed.value;
  context.seeded = seed.seeded;
  context.now_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  budget::WorkBudget budget(services.settings.budget, request.http.cancelled);
  context.budget = &budget;
  context.words = admitted.directives.words.value_or(0);
  if (auto too_large = check_response_words_estimate(context.words, parsed.max_output_tokens,
                                                     parsed.stream, budget)) {
    return *too_large;
  }
  auto built = responses::build_response(parsed, context);
  if (budget.spent()) {
    return budget_error(budget, parsed.tools.empty() ? "text.format" : "tools");
  }
  auto rendered = render_response(step, {parsed, admitted.directives, std::move(built.response),
                                         seed.value, services.settings.latency});
  const std::string* id = rendered.response ? id_of(*rendered.response) : nullptr;
  if (parsed.store && id != nullptr) {
    store.put(
        session, *id, *rendered.response,
        {std::move(rendered.response_json), std::move(built.input_items), built.carried_tokens,
         seed.value, std::move(rendered.stream_events), !rendered.edited});
  }
  return std::move(rendered.reply);
}
}  // namespace

Outcome serve_create_response(ReplyServices& services, responses::ResponseStore& store,
                              const RequestEnvelope& request, std::uint64_t& id_seed) {
  Outcome out;
  out.scenario = "default";
  if (settled_at_the_door(services, request, out)) return out;
  auto admitted = admit_response(services, request);
  if (!admitted) {
    out.reply = error_reply(admitted.error());
    return out;
  }
  out.scenario = admitted->expression.text;
  const auto seed = resolve_seed(admitted->directives, std::nullopt, services.settings.default_seed,
                                 services.unseeded_counter, canonical_request(admitted->body));
  id_seed = seed.value;
  const auto& expression = admitted->expression;
  // Keyed apart from chat's: the same expression text on both APIs keeps two positions.
  const std::size_t step = services.sequences.next_step(
      admitted->directives.session, "\x02responses:" + expression.text, expression.steps.size());
  const auto tokens = responses::estimate_input_tokens(admitted->parsed) +
                      admitted->parsed.max_output_tokens.value_or(0);
  out.limits = services.rate_limiter.check(request.api_key, tokens, request.now_ms);
  if (!out.limits.allowed) {
    out.reply = rate_limited_reply(out.limits, admitted->parsed.model);
    return out;
  }
  scenarios::Composition composition = expression.steps[step];
  if (const auto* fault = draw_chaos(services, admitted->directives, admitted->chaos)) {
    composition = fault->composition;
    out.chaos = fault->name;
    out.scenario = "chaos:" + fault->name;
    admitted->directives.scenario_source = ScenarioSource::chaos;  // layers on a stub's reply too
  }
  const bool chosen = admitted->directives.chose_scenario();
  const auto stage = select_stub(services, request, admitted->body, chosen, out);
  if (const auto& selection = stage.selection) {
    auto layers = selection->stub->layers;
    if (chosen) layers.insert(layers.end(), composition.begin(), composition.end());
    out.scenario = "stub:" + selection->stub->id + (chosen ? "+" + out.scenario : "");
    out.reply = stub_answer(*selection, layers, store, *admitted, seed.value);
    return out;
  }
  if (stage.settled) return out;
  auto reply = composed_answer(services, store, request, *admitted, composition, seed);
  out.reply = reply ? std::move(*reply) : error_reply(reply.error());
  return out;
}

}  // namespace chatmock::reply
