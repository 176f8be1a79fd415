// Every stage hands its result to the next scenario in the composition, in the order written,
// so `a+b` means "b sees what a made". A replace_reply hook short-circuits synthesis (errors)
// but wire edits still apply, so `error_429+slow` is a slow 429.
#include "scenarios/scenario_runner.h"

#include <algorithm>

#include "api/json_text.h"
#include "scenarios/tunables.h"
#include "streaming/chunk_planner.h"

namespace chatmock::scenarios {

namespace {
using std::chrono::milliseconds;

std::vector<ScenarioContext> contexts_for(const Composition& composition, RunInput& input) {
  std::vector<ScenarioContext> contexts;
  const synthesis::Rng root(input.synthesis.seed);
  contexts.reserve(composition.size());
  for (const Scenario* scenario : composition) {
    contexts.push_back({input.request, *input.http, root.fork("scenario/" + scenario->name),
                        input.request.stream});
  }
  return contexts;
}

wire::WireReply render_json(nlohmann::json body) {
  return wire::json_reply(200, dump_json(body));
}

/// True when some scenario in the composition has the hook `member`; without one, the typed
/// value goes straight to text and the JSON tree is never built.
template <class Hook>
bool any_hook(const Composition& composition, Hook Scenario::*member) {
  return std::any_of(composition.begin(), composition.end(),
                     [member](const Scenario* s) { return static_cast<bool>(s->*member); });
}

/// Runs one scenario's edit of the JSON body or chunks. Alone, a scenario edits what synthesis
/// made; after another scenario's edit (fuzz, minimal, explicit_nulls) it may meet a shape it
/// cannot edit, and then the document stays as the earlier scenarios left it: a composed reply
/// degrades to fewer edits instead of a 500. Only composed runs pay for the copy.
template <class Document, class Edit>
void apply_edit(const Edit& edit, Document& document, ScenarioContext& context, bool reshaped) {
  if (!reshaped) {
    edit(document, context);
    return;
  }
  Document before = document;
  try {
    edit(document, context);
  } catch (const nlohmann::json::exception&) {
    document = std::move(before);
  }
}

wire::WireReply render_stream(std::vector<streaming::StreamFrame> frames,
                              const streaming::SseFraming& framing) {
  wire::WireReply reply;
  reply.content_type = "text/event-stream; charset=utf-8";
  reply.chunked = true;
  reply.writes.reserve(frames.size());
  for (auto& frame : frames) {
    reply.writes.push_back({frame.event ? streaming::encode_event(*frame.event, framing)
                                        : std::move(frame.raw),
                            milliseconds(0)});
  }
  return reply;
}
}  // namespace

std::string dump_json(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void apply_latency(wire::WireReply& reply, const Latency& latency, synthesis::Rng& rng) {
  if (latency.ttft.count() == 0 && latency.itl.count() == 0) return;
  for (std::size_t i = 0; i < reply.writes.size(); ++i) {
    const auto base = i == 0 ? latency.ttft : latency.itl;
    const double spread = static_cast<double>(base.count()) * latency.jitter;
    const double offset = spread * (2.0 * rng.unit() - 1.0);
    const auto delay = static_cast<std::int64_t>(static_cast<double>(base.count()) + offset);
    reply.writes[i].delay = milliseconds(std::max<std::int64_t>(0, delay));
  }
}

wire::WireReply run_composition(const Composition& composition, RunInput input) {
  auto contexts = contexts_for(composition, input);
  std::optional<wire::WireReply> reply;
  for (std::size_t i = 0; i < composition.size() && !reply; ++i) {
    if (composition[i]->replace_reply) reply = composition[i]->replace_reply(contexts[i]);
  }
  if (!reply) {
    // X-Chatmock-Words fixes the reply length (benchmarks want a known chunk count).
    if (const auto words = header_integer(*input.http, "x-chatmock-words", 0); words > 0) {
      input.definition.min_words = input.definition.max_words = static_cast<int>(std::min<std::int64_t>(words, 100000));
    }
    for (std::size_t i = 0; i < composition.size(); ++i) {
      if (composition[i]->shape_reply) composition[i]->shape_reply(input.definition, contexts[i]);
    }
    auto completion = synthesis::synthesize_completion(input.request, input.definition, input.synthesis);
    for (std::size_t i = 0; i < composition.size(); ++i) {
      if (composition[i]->edit_completion) composition[i]->edit_completion(completion, contexts[i]);
    }
    synthesis::Rng stream_rng = synthesis::Rng(input.synthesis.seed).fork("stream");
    if (!input.request.stream && !any_hook(composition, &Scenario::edit_body)) {
      reply = wire::json_reply(200, api::to_json_text(completion));
    } else if (!input.request.stream) {
      nlohmann::json body = completion;
      bool reshaped = false;
      for (std::size_t i = 0; i < composition.size(); ++i) {
        if (!composition[i]->edit_body) continue;
        apply_edit(composition[i]->edit_body, body, contexts[i], reshaped);
        reshaped = true;
      }
      reply = render_json(std::move(body));
    } else {
      streaming::ChunkPlanOptions options;
      if (const auto& so = input.request.stream_options; so.has_value()) {
        options.include_usage = so->include_usage.value_or(false);
        options.include_obfuscation = so->include_obfuscation.value_or(true);
      }
      auto typed_chunks = streaming::plan_chunks(completion, options, stream_rng);
      std::vector<streaming::StreamFrame> frames;
      frames.reserve(typed_chunks.size() + 1);
      if (!any_hook(composition, &Scenario::edit_chunks)) {
        for (const auto& chunk : typed_chunks) {
          frames.push_back(streaming::StreamFrame::of_event({api::to_json_text(chunk)}));
        }
      } else {
        std::vector<nlohmann::json> chunks(typed_chunks.begin(), typed_chunks.end());
        bool reshaped = false;
        for (std::size_t i = 0; i < composition.size(); ++i) {
          if (!composition[i]->edit_chunks) continue;
          apply_edit(composition[i]->edit_chunks, chunks, contexts[i], reshaped);
          reshaped = true;
        }
        for (const auto& chunk : chunks) frames.push_back(streaming::StreamFrame::of_event({dump_json(chunk)}));
      }
      frames.push_back(streaming::StreamFrame::of_event({std::string(streaming::kDoneSentinel)}));
      streaming::SseFraming framing;
      for (std::size_t i = 0; i < composition.size(); ++i) {
        if (composition[i]->edit_frames) composition[i]->edit_frames(frames, contexts[i]);
        if (composition[i]->edit_framing) composition[i]->edit_framing(framing);
      }
      reply = render_stream(std::move(frames), framing);
      // X-Chatmock-Latency overrides --latency for this request's stream.
      auto latency = input.latency;
      const bool paced_by_scenario =
          std::any_of(composition.begin(), composition.end(), [](const Scenario* s) { return s->paces_itself; });
      if (const auto text = input.http->header("x-chatmock-latency"); !text.empty() && !paced_by_scenario) {
        if (auto parsed = parse_latency(text)) latency = *parsed;
      }
      apply_latency(*reply, latency, stream_rng);
    }
  }
  for (std::size_t i = 0; i < composition.size(); ++i) {
    if (composition[i]->edit_wire) composition[i]->edit_wire(*reply, contexts[i]);
  }
  return std::move(*reply);
}

}  // namespace chatmock::scenarios
