// Reuses core_fuzz's mutation engine with the Responses schema's keys and enums, and draws from
// the same labelled forks ("fuzz/plan", "fuzz/json") of the scenario's Rng as the wire stage, so
// one seed fixes every stage and replays the same bytes. Registered by making `fuzz` serve both
// APIs (docs/scenarios.md).
#include "scenarios/response_fuzz.h"

#include <set>
#include <string>

#include "scenarios/core_fuzz.h"

namespace chatmock::scenarios {

namespace {
using responses::Json;

// Required wherever they occur in a Response, an output item, a part or a stream event.
const std::set<std::string, std::less<>> kResponseFuzzRequiredKeys = {"id",
                                                                      "object",
                                                                      "created_at",
                                                                      "status",
                                                                      "model",
                                                                      "output",
                                                                      "type",
                                                                      "role",
                                                                      "content",
                                                                      "text",
                                                                      "annotations",
                                                                      "sequence_number",
                                                                      "item",
                                                                      "output_index",
                                                                      "content_index",
                                                                      "item_id",
                                                                      "delta",
                                                                      "response",
                                                                      "part",
                                                                      "call_id",
                                                                      "name",
                                                                      "arguments",
                                                                      "summary",
                                                                      "input_tokens",
                                                                      "output_tokens",
                                                                      "total_tokens",
                                                                      "message",
                                                                      "refusal",
                                                                      "logprobs"};
// Required keys that may hold null.
const std::set<std::string, std::less<>> kResponseFuzzNullableKeys = {
    "error", "incomplete_details", "instructions", "previous_response_id", "code", "param"};
const std::vector<std::pair<std::string_view, std::vector<std::string>>> kResponseFuzzUnknownEnums =
    {
        {"status", {"done", "finished", "COMPLETED", "errored"}},
        {"type", {"response.output_text.delta.v2", "message_v2", "tool_use", "response.done"}},
        {"role", {"model", "bot", "Assistant"}},
        {"object", {"chat.completion", "response.v2"}},
};
const FuzzSchema kResponseFuzzSchema{kResponseFuzzRequiredKeys, kResponseFuzzNullableKeys,
                                     kResponseFuzzUnknownEnums};

std::size_t random_index(synthesis::Rng& rng, std::size_t size) {
  return static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(size) - 1));
}

/// The engine works on nlohmann::json; Responses values are insertion-ordered (keys come back
/// sorted, which a malformed reply may well have).
void mutate_ordered(Json& value, synthesis::Rng& rng, bool must_break, int level) {
  nlohmann::json plain = value;
  mutate_fuzz_json(plain, rng, must_break, level, kResponseFuzzSchema);
  value = Json(plain);
}

/// One mutation of the event sequence itself; every kind breaks the stream's contract.
void mutate_event_sequence(std::vector<Json>& events, synthesis::Rng& rng) {
  const std::size_t at = random_index(rng, events.size());
  const auto where = events.begin() + static_cast<std::ptrdiff_t>(at);
  switch (rng.between(0, 3)) {
    case 0:
      events.insert(where, Json{{"type", "response.fuzz_" + std::to_string(rng.between(0, 99))},
                                {"sequence_number", at},
                                {"output_index", 0},
                                {"delta", "?"}});
      return;
    case 1:
      events.erase(where);
      return;
    case 2: {
      const Json repeated = *where;
      events.insert(where, repeated);
      return;
    }
    default:
      if (at + 1 < events.size()) std::swap(events[at], events[at + 1]);
      return;
  }
}
}  // namespace

void fuzz_response(Json& response, ResponseScenarioContext& ctx) {
  if (ctx.stream || !response.is_object()) return;
  const int level = fuzz_level(ctx.directives);
  synthesis::Rng rng = ctx.rng.fork("fuzz/json");
  const FuzzPlan plan = fuzz_plan(ctx.rng, level);
  const Json id = response.value("id", Json());
  response.erase("id");
  for (int i = 0; i < plan.json_mutations; ++i) mutate_ordered(response, rng, i == 0, level);
  response["id"] = id;
}

void fuzz_response_events(std::vector<Json>& events, ResponseScenarioContext& ctx) {
  const int level = fuzz_level(ctx.directives);
  synthesis::Rng rng = ctx.rng.fork("fuzz/json");
  const FuzzPlan plan = fuzz_plan(ctx.rng, level);
  for (int i = 0; i < plan.json_mutations && !events.empty(); ++i) {
    if (rng.chance(0.25)) {
      mutate_event_sequence(events, rng);
    } else {
      mutate_ordered(events[random_index(rng, events.size())], rng, i == 0, level);
    }
  }
}

void register_response_fuzz(ScenarioCatalogue& catalogue) {
  Scenario* fuzz = catalogue.edit("fuzz");
  if (fuzz == nullptr) return;
  fuzz->api = ScenarioApi::both;
  fuzz->description +=
      " Responses: the Response or its events (also unknown event types, dropped, repeated or "
      "swapped events).";
  fuzz->edit_response = fuzz_response;
  fuzz->edit_response_events = fuzz_response_events;
}

}  // namespace chatmock::scenarios
