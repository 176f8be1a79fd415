// Every stage hands its result to the next scenario in the composition, in the order written,
// so `a+b` means "b sees what a made". A replace_reply hook short-circuits synthesis (errors)
// but wire edits still apply, so `error_429+slow` is a slow 429. The budget is checked between
// stages; the loops inside them (text, choices, chunks, frames) check it themselves.
#include "reply/compose.h"

#include <algorithm>

#include "api/json_text.h"
#include "reply/budget_errors.h"
#include "reply/error_reply.h"
#include "reply/reply_estimate.h"
#include "streaming/chunk_planner.h"
#include "streaming/sse_encoder.h"
#include "synthesis/text_generator.h"

namespace chatmock::reply {

namespace {
using scenarios::Composition;
using scenarios::Scenario;
using scenarios::ScenarioContext;
using std::chrono::milliseconds;

/// One run's state: the composition, its input and one context per scenario.
struct Run {
  const Composition& composition;
  RunInput& input;
  std::vector<ScenarioContext> contexts;
  bool spent() { return synthesis::spent_now(input.budget); }
};

std::vector<ScenarioContext> contexts_for(const Composition& composition, RunInput& input) {
  std::vector<ScenarioContext> contexts;
  const synthesis::Rng root(input.synthesis.seed);
  contexts.reserve(composition.size());
  for (const Scenario* scenario : composition) {
    contexts.push_back({input.request, input.directives, input.budget,
                        root.fork("scenario/" + scenario->name), input.request.stream});
  }
  return contexts;
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

/// Every scenario's `member` edit of `document`, in order.
template <class Document, class Hook>
void edit_document(Run& run, Hook Scenario::*member, Document& document) {
  bool reshaped = false;
  for (std::size_t i = 0; i < run.composition.size() && !run.spent(); ++i) {
    if (!(run.composition[i]->*member)) continue;
    apply_edit(run.composition[i]->*member, document, run.contexts[i], reshaped);
    reshaped = true;
  }
}

/// Stage 1: a stub's stored bytes, else the first replace_reply hook (errors), else nothing.
std::optional<wire::WireReply> replaced_reply(Run& run, const ReplySource& source) {
  if (source.stored != nullptr) return *source.stored;
  for (std::size_t i = 0; i < run.composition.size(); ++i) {
    const auto& replace = run.composition[i]->replace_reply;
    if (!replace) continue;
    if (auto reply = replace(run.contexts[i])) return reply;
  }
  return std::nullopt;
}

/// Stage 2: what kind of answer — X-Chatmock-Words fixes the length, then every shape hook.
void shape_definition(Run& run) {
  auto& definition = run.input.definition;
  if (const auto words = run.input.directives.words.value_or(0); words > 0) {
    definition.min_words = definition.max_words = static_cast<int>(words);
  }
  for (std::size_t i = 0; i < run.composition.size(); ++i) {
    if (run.composition[i]->shape_reply)
      run.composition[i]->shape_reply(definition, run.contexts[i]);
  }
}

/// Stage 3: the typed completion — synthesized, or the stub's — then every completion edit.
api::ChatCompletion complete(Run& run, const ReplySource& source) {
  auto completion = source.completion != nullptr
                        ? *source.completion
                        : synthesis::synthesize_completion(run.input.request, run.input.definition,
                                                           run.input.synthesis, run.input.budget);
  for (std::size_t i = 0; i < run.composition.size() && !run.spent(); ++i) {
    if (run.composition[i]->edit_completion)
      run.composition[i]->edit_completion(completion, run.contexts[i]);
  }
  return completion;
}

/// Stage 4a: the JSON body, straight from the typed value unless a scenario edits the tree.
wire::WireReply render_json(Run& run, const api::ChatCompletion& completion) {
  std::string text;
  if (!any_hook(run.composition, &Scenario::edit_body)) {
    text = api::to_json_text(completion);
  } else {
    nlohmann::json body = completion;
    edit_document(run, &Scenario::edit_body, body);
    text = dump_json(body);
  }
  run.input.budget.charge(text.size());
  return wire::json_reply(200, std::move(text));
}

/// Stage 4b, first half: the stream's frames — chunks (edited as JSON only when a scenario
/// edits them), then [DONE], then every frame edit.
std::vector<streaming::StreamFrame> plan_frames(Run& run, const api::ChatCompletion& completion,
                                                synthesis::Rng& stream_rng) {
  streaming::ChunkPlanOptions options;
  if (const auto& so = run.input.request.stream_options; so.has_value()) {
    options.include_usage = so->include_usage.value_or(false);
    options.include_obfuscation = so->include_obfuscation.value_or(true);
  }
  options.budget = &run.input.budget;
  auto typed_chunks = streaming::plan_chunks(completion, options, stream_rng);
  std::vector<streaming::StreamFrame> frames;
  frames.reserve(typed_chunks.size() + 1);
  if (!any_hook(run.composition, &Scenario::edit_chunks)) {
    for (const auto& chunk : typed_chunks) {
      frames.push_back(streaming::StreamFrame::of_event({api::to_json_text(chunk)}));
    }
  } else {
    std::vector<nlohmann::json> chunks(typed_chunks.begin(), typed_chunks.end());
    edit_document(run, &Scenario::edit_chunks, chunks);
    for (const auto& chunk : chunks)
      frames.push_back(streaming::StreamFrame::of_event({dump_json(chunk)}));
  }
  frames.push_back(streaming::StreamFrame::of_event({std::string(streaming::kDoneSentinel)}));
  for (std::size_t i = 0; i < run.composition.size() && !run.spent(); ++i) {
    if (run.composition[i]->edit_frames) run.composition[i]->edit_frames(frames, run.contexts[i]);
  }
  return frames;
}

/// Stage 4b, second half: frames encoded under the composed framing, each charged as written;
/// then pacing — the request's latency over --latency, unless a scenario paces itself.
wire::WireReply render_stream(Run& run, const api::ChatCompletion& completion) {
  synthesis::Rng stream_rng = synthesis::Rng(run.input.synthesis.seed).fork("stream");
  auto frames = plan_frames(run, completion, stream_rng);
  streaming::SseFraming framing;
  for (const Scenario* scenario : run.composition) {
    if (scenario->edit_framing) scenario->edit_framing(framing);
  }
  wire::WireReply reply;
  reply.content_type = "text/event-stream; charset=utf-8";
  reply.chunked = true;
  reply.writes.reserve(frames.size());
  for (auto& frame : frames) {
    auto bytes =
        frame.event ? streaming::encode_event(*frame.event, framing) : std::move(frame.raw);
    if (!run.input.budget.charge(bytes.size())) break;
    reply.writes.push_back({std::move(bytes), milliseconds(0)});
  }
  const bool paced_by_scenario = std::any_of(run.composition.begin(), run.composition.end(),
                                             [](const Scenario* s) { return s->paces_itself; });
  const auto latency =
      paced_by_scenario ? run.input.latency : run.input.directives.latency.over(run.input.latency);
  apply_latency(reply, latency, stream_rng);
  return reply;
}

std::size_t body_bytes(const wire::WireReply& reply) {
  std::size_t total = 0;
  for (const auto& write : reply.writes) total += write.bytes.size();
  return total;
}

/// Stage 5: status, headers, write splitting, delays and cuts; bytes they add are charged.
void edit_wire(Run& run, wire::WireReply& reply) {
  const std::size_t before = body_bytes(reply);
  for (std::size_t i = 0; i < run.composition.size(); ++i) {
    if (run.composition[i]->edit_wire) run.composition[i]->edit_wire(reply, run.contexts[i]);
  }
  if (const std::size_t after = body_bytes(reply); after > before)
    run.input.budget.charge(after - before);
}

std::optional<std::string> budget_param(const RunInput& input) {
  if (input.definition.choice_count.value_or(input.request.choice_count()) > 1) return "n";
  return std::nullopt;
}
}  // namespace

Expected<wire::WireReply> run_composition(const Composition& composition, RunInput input,
                                          ReplySource source) {
  Run run{composition, input, contexts_for(composition, input)};
  auto reply = replaced_reply(run, source);
  if (!reply) {
    shape_definition(run);
    if (source.completion == nullptr) {
      if (auto error = check_reply_estimate(input.request, input.definition, input.budget))
        return *error;
    }
    if (run.spent()) return budget_error(input.budget, budget_param(input));
    const auto completion = complete(run, source);
    if (run.spent()) return budget_error(input.budget, budget_param(input));
    reply = input.request.stream ? render_stream(run, completion) : render_json(run, completion);
    if (run.spent()) return budget_error(input.budget, budget_param(input));
  }
  edit_wire(run, *reply);
  if (run.spent()) return budget_error(input.budget, budget_param(input));
  return std::move(*reply);
}

}  // namespace chatmock::reply
