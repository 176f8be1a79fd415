// Hooks run in the order the composition names them, as for Chat. An error scenario's chat
// replace_reply hook answers Responses requests too (through a Chat-shaped context holding the
// model and the stream flag), and so do the chat wire edits (pacing, stalls, cuts): those only
// read the reply's writes and the directives, never a ChatCompletion.
#include "reply/compose_response.h"

#include <algorithm>

#include "budget/work_budget.h"
#include "responses/response_events.h"
#include "streaming/sse_encoder.h"

namespace chatmock::reply {

namespace {
using responses::Json;
using scenarios::Composition;
using scenarios::ResponseScenarioContext;
using scenarios::Scenario;

/// The Chat-shaped view the shared hooks (replace_reply, edit_wire) read.
struct ChatView {
  api::ChatCompletionRequest request;
  budget::WorkBudget budget;
};

scenarios::ScenarioContext chat_context(ChatView& view, const ResponseRunInput& input,
                                        const Scenario& scenario) {
  return {view.request, input.directives, view.budget,
          synthesis::Rng(input.seed).fork("scenario/" + scenario.name), input.request.stream};
}

std::optional<wire::WireReply> replacement(const Composition& composition,
                                           std::vector<ResponseScenarioContext>& contexts,
                                           ChatView& view, const ResponseRunInput& input) {
  for (std::size_t i = 0; i < composition.size(); ++i) {
    const Scenario& scenario = *composition[i];
    if (scenario.replace_response) {
      if (auto reply = scenario.replace_response(contexts[i])) return reply;
    } else if (scenario.replace_reply) {
      auto context = chat_context(view, input, scenario);
      if (auto reply = scenario.replace_reply(context)) return reply;
    }
  }
  return std::nullopt;
}

wire::WireReply stream_reply(const Composition& composition,
                             std::vector<ResponseScenarioContext>& contexts,
                             const ResponseRunInput& input, const Json& response) {
  const synthesis::Rng stream_rng = synthesis::Rng(input.seed).fork("stream");
  auto events = responses::response_events(response, stream_rng);
  for (std::size_t i = 0; i < composition.size(); ++i) {
    if (composition[i]->edit_response_events)
      composition[i]->edit_response_events(events, contexts[i]);
  }
  std::vector<streaming::StreamFrame> frames;
  frames.reserve(events.size());
  for (const auto& event : events) {
    // The `event:` line names the type; an event whose type is missing or not a string (the fuzz
    // scenario makes them) gets an empty name instead of throwing.
    const auto type = event.is_object() ? event.find("type") : event.end();
    const bool named = type != event.end() && type->is_string();
    frames.push_back(streaming::StreamFrame::of_event(
        {responses::dump(event), named ? type->get<std::string>() : std::string()}));
  }
  for (std::size_t i = 0; i < composition.size(); ++i) {
    if (composition[i]->edit_response_frames)
      composition[i]->edit_response_frames(frames, contexts[i]);
  }
  wire::WireReply reply;
  reply.content_type = "text/event-stream; charset=utf-8";
  reply.chunked = true;
  for (const auto& frame : frames) {
    reply.writes.push_back({frame.event ? streaming::encode_event(*frame.event) : frame.raw,
                            std::chrono::milliseconds(0)});
  }
  const bool paced_by_scenario = std::any_of(composition.begin(), composition.end(),
                                             [](const Scenario* s) { return s->paces_itself; });
  const auto latency =
      paced_by_scenario ? input.latency : input.directives.latency.over(input.latency);
  synthesis::Rng pace_rng = stream_rng.fork("pace");
  apply_latency(reply, latency, pace_rng);
  return reply;
}
}  // namespace

ResponseRendering render_response(const Composition& composition, ResponseRunInput input) {
  const synthesis::Rng root(input.seed);
  std::vector<ResponseScenarioContext> contexts;
  contexts.reserve(composition.size());
  for (const Scenario* scenario : composition) {
    contexts.push_back({input.request, input.directives, root.fork("scenario/" + scenario->name),
                        input.request.stream});
  }
  ChatView view;
  view.request.model = input.request.model;
  view.request.stream = input.request.stream;
  ResponseRendering out;
  if (auto replaced = replacement(composition, contexts, view, input)) {
    out.reply = std::move(*replaced);
  } else {
    for (std::size_t i = 0; i < composition.size(); ++i) {
      if (composition[i]->edit_response) composition[i]->edit_response(input.response, contexts[i]);
    }
    out.reply = input.request.stream ? stream_reply(composition, contexts, input, input.response)
                                     : wire::json_reply(200, responses::dump(input.response));
    out.response = std::move(input.response);
  }
  for (const Scenario* scenario : composition) {
    if (!scenario->edit_wire) continue;
    auto context = chat_context(view, input, *scenario);
    scenario->edit_wire(out.reply, context);
  }
  return out;
}

}  // namespace chatmock::reply
