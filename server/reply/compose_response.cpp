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
  return {view.request,         input.directives,
          view.budget,          synthesis::Rng(input.seed).fork("scenario/" + scenario.name),
          input.request.stream, scenarios::ScenarioApi::responses};
}

streaming::StreamFrame event_frame(const Json& event) {
  // The `event:` line names the type; an event whose type is missing or not a string (the fuzz
  // scenario makes them) gets an empty name instead of throwing.
  const auto type = event.is_object() ? event.find("type") : event.end();
  const bool named = type != event.end() && type->is_string();
  return streaming::StreamFrame::of_event(
      {responses::dump(event), named ? type->get<std::string>() : std::string()});
}

std::string frame_bytes(const streaming::StreamFrame& frame) {
  return frame.event ? streaming::encode_event(*frame.event) : frame.raw;
}

/// Each frame's bytes with the sequence_number of its event (raw frames take the previous one).
std::vector<responses::StoredEvent> stored_events(
    const std::vector<streaming::StreamFrame>& frames) {
  std::vector<responses::StoredEvent> out;
  out.reserve(frames.size());
  std::int64_t sequence = -1;
  for (const auto& frame : frames) {
    if (frame.event) {
      const auto data = Json::parse(frame.event->data, nullptr, false);
      const auto number = data.is_object() ? data.find("sequence_number") : data.end();
      if (data.is_object() && number != data.end() && number->is_number_integer()) {
        sequence = number->get<std::int64_t>();
      }
    }
    out.push_back({sequence, frame_bytes(frame)});
  }
  return out;
}

wire::WireReply event_stream_reply() {
  wire::WireReply reply;
  reply.content_type = "text/event-stream; charset=utf-8";
  reply.chunked = true;
  return reply;
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
                             const ResponseRunInput& input, const Json& response,
                             std::vector<responses::StoredEvent>& sent) {
  const synthesis::Rng stream_rng = synthesis::Rng(input.seed).fork("stream");
  auto events = responses::response_events(response, stream_rng);
  for (std::size_t i = 0; i < composition.size(); ++i) {
    if (composition[i]->edit_response_events)
      composition[i]->edit_response_events(events, contexts[i]);
  }
  std::vector<streaming::StreamFrame> frames;
  frames.reserve(events.size());
  for (const auto& event : events) frames.push_back(event_frame(event));
  for (std::size_t i = 0; i < composition.size(); ++i) {
    if (composition[i]->edit_response_frames)
      composition[i]->edit_response_frames(frames, contexts[i]);
  }
  sent = stored_events(frames);
  wire::WireReply reply = event_stream_reply();
  for (const auto& event : sent)
    reply.writes.push_back({event.frame, std::chrono::milliseconds(0)});
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
      if (!composition[i]->edit_response) continue;
      composition[i]->edit_response(input.response, contexts[i]);
      out.edited = true;
    }
    if (input.request.stream) {
      out.reply = stream_reply(composition, contexts, input, input.response, out.stream_events);
    } else {
      out.response_json = responses::dump(input.response);
      out.reply = wire::json_reply(200, out.response_json);
    }
    out.response = std::move(input.response);
  }
  for (const Scenario* scenario : composition) {
    if (!scenario->edit_wire) continue;
    auto context = chat_context(view, input, *scenario);
    scenario->edit_wire(out.reply, context);
  }
  return out;
}

wire::WireReply render_stored_response(const Composition& layers, wire::WireReply stored,
                                       const ResponseRunInput& input) {
  ChatView view;
  view.request.model = input.request.model;
  view.request.stream = input.request.stream;
  for (const Scenario* scenario : layers) {
    if (!scenario->edit_wire) continue;
    auto context = chat_context(view, input, *scenario);
    scenario->edit_wire(stored, context);
  }
  return stored;
}

Expected<wire::WireReply> replay_response_stream(const responses::StoredResponse& stored,
                                                 std::int64_t starting_after) {
  if (stored.stream_events.empty() && !stored.renders_events) {
    return api::invalid_request(
        "This response has no events to stream: it was stored from a stub's JSON body or from "
        "a JSON reply a scenario edited.",
        std::string("stream"), std::string("stream_unavailable"));
  }
  wire::WireReply reply = event_stream_reply();
  if (!stored.stream_events.empty()) {
    for (const auto& event : stored.stream_events) {
      if (event.sequence_number > starting_after)
        reply.writes.push_back({event.frame, std::chrono::milliseconds(0)});
    }
    return reply;
  }
  const auto events = responses::response_events(stored.response(),
                                                 synthesis::Rng(stored.stream_seed).fork("stream"));
  for (const auto& event : events) {
    if (event.value("sequence_number", std::int64_t{-1}) <= starting_after) continue;
    reply.writes.push_back({frame_bytes(event_frame(event)), std::chrono::milliseconds(0)});
  }
  return reply;
}

}  // namespace chatmock::reply
