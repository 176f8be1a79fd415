// The "responses_streams" group: event sequences only /v1/responses has (docs/scenarios.md,
// responses_streams), one per way a stream breaks a client's accumulator: error events, missing or
// out-of-order lifecycle events, numbering and index faults, foreign framing. Each edits the
// events the Response renders to; the JSON form is left as it is (stream only).
#include "api/api_error.h"
#include "scenarios/response_stream_edits.h"
#include "scenarios/scenario_catalogue.h"
#include "synthesis/id_generator.h"

namespace chatmock::scenarios {

namespace {
using responses::Json;
using Frames = std::vector<streaming::StreamFrame>;
constexpr const char* kStreamsGroup = "responses_streams";

Scenario stream_scenario(std::string name, std::string description, bool breaks_spec,
                         EditResponseEvents edit) {
  Scenario s;
  s.name = std::move(name);
  s.description = std::move(description) + " (stream only)";
  s.breaks_spec = breaks_spec;
  s.group = kStreamsGroup;
  s.api = ScenarioApi::responses;
  s.edit_response_events = std::move(edit);
  return s;
}

Scenario frame_scenario(std::string name, std::string description, bool breaks_spec,
                        EditResponseFrames edit) {
  Scenario s = stream_scenario(std::move(name), std::move(description), breaks_spec, nullptr);
  s.edit_response_frames = std::move(edit);
  return s;
}

void error_after(ResponseEvents& events, std::size_t keep) {
  keep_first(events, keep);
  events.push_back(error_event(events, "server_error", api::server_error().message));
}

void add_stream_endings(ScenarioCatalogue& catalogue) {
  catalogue.add(stream_scenario(
      "response_error_before_output",
      "response.created and response.in_progress, then an `event: error` event (flat and nested "
      "fields) and no output or terminal event; the AI SDK throws APICallError.",
      false, [](ResponseEvents& events, ResponseScenarioContext&) {
        error_after(events, find_event(events, "response.output_item.added"));
      }));
  Scenario unnamed = stream_scenario(
      "response_error_event_unnamed",
      "Half the deltas, then the error event's data: line without an `event: error` line; "
      "openai-node's raw stream does not throw.",
      false, [](ResponseEvents& events, ResponseScenarioContext&) {
        error_after(events, mid_content(events));
      });
  unnamed.edit_response_frames = [](Frames& frames, ResponseScenarioContext&) {
    if (!frames.empty() && frames.back().event) frames.back().event->event.reset();
  };
  catalogue.add(std::move(unnamed));
  catalogue.add(
      stream_scenario("response_no_terminal_event",
                      "Every output event through output_item.done, then a clean end with no "
                      "response.completed; Python's get_final_response raises.",
                      false, [](ResponseEvents& events, ResponseScenarioContext&) {
                        keep_first(events, terminal_event(events));
                      }));
  catalogue.add(frame_scenario(
      "response_done_sentinel",
      "A Chat-style `data: [DONE]` after response.completed, which the Responses API never sends.",
      true, [](Frames& frames, ResponseScenarioContext&) {
        frames.push_back(streaming::StreamFrame::of_event({"[DONE]", std::nullopt}));
      }));
  catalogue.add(frame_scenario(
      "response_non_json_data",
      "One event mid-content whose data is not JSON (`data: {\"type\": response.output_text`); "
      "openai-node: malformed server-sent event JSON.",
      true, [](Frames& frames, ResponseScenarioContext&) {
        const std::size_t at = frames.size() / 2;
        frames.insert(frames.begin() + static_cast<std::ptrdiff_t>(at),
                      streaming::StreamFrame::of_event({"{\"type\": response.output_text",
                                                        std::string("response.output_text")}));
      }));
  catalogue.add(frame_scenario(
      "response_chat_chunks",
      "Chat Completions chunks (data: {\"object\":\"chat.completion.chunk\"…} and [DONE]) "
      "instead of Responses events.",
      true, [](Frames& frames, ResponseScenarioContext&) {
        const auto chunk = [](const Json& delta, const Json& finish) {
          return streaming::StreamFrame::of_event(
              {responses::dump(
                   {{"id", "chatcmpl-responses"},
                    {"object", "chat.completion.chunk"},
                    {"created", 1735689600},
                    {"model", "gpt-4o"},
                    {"choices",
                     Json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}})}}),
               std::nullopt});
        };
        frames = {chunk({{"role", "assistant"}, {"content", ""}}, nullptr),
                  chunk({{"content", "Hello from the wrong API."}}, nullptr),
                  chunk(Json::object(), "stop"),
                  streaming::StreamFrame::of_event({"[DONE]", std::nullopt})};
      }));
}

/// Pads every delta event with an `obfuscation` string, as the API does unless the request sets
/// stream_options.include_obfuscation false: the payloads all come out about the same length.
void obfuscate_deltas(ResponseEvents& events, ResponseScenarioContext& ctx) {
  constexpr std::size_t kPaddedLength = 16;
  for (auto& event : events) {
    if (!event.value("type", std::string()).ends_with(".delta")) continue;
    const auto length = event.value("delta", std::string()).size();
    event["obfuscation"] =
        synthesis::random_token(ctx.rng, "", length < kPaddedLength ? kPaddedLength - length : 1);
  }
}

void add_lifecycle_faults(ScenarioCatalogue& catalogue) {
  catalogue.add(stream_scenario(
      "response_obfuscation",
      "Every delta event carries an extra `obfuscation` string padding it to a common length, "
      "as the live API sends by default; strict decoders reject the unknown field.",
      false, obfuscate_deltas));
  catalogue.add(
      stream_scenario("response_first_event_not_created",
                      "The stream opens with response.in_progress: response.created is never sent.",
                      true, [](ResponseEvents& events, ResponseScenarioContext&) {
                        events.erase(events.begin());
                        renumber(events);
                      }));
  catalogue.add(stream_scenario(
      "response_unknown_event_type",
      "A `response.reasoning_trace.delta` event of a type the spec does not define, mid-content; "
      "openai-node's helper throws, Python and the AI SDK pass it by.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        const std::size_t at = mid_content(events);
        events.insert(events.begin() + static_cast<std::ptrdiff_t>(at),
                      Json{{"type", "response.reasoning_trace.delta"},
                           {"sequence_number", 0},
                           {"output_index", 0},
                           {"delta", "thinking"}});
        renumber(events);
      }));
  catalogue.add(
      stream_scenario("response_lifecycle_id_changes",
                      "response.completed carries another response id than response.created.", true,
                      [](ResponseEvents& events, ResponseScenarioContext&) {
                        const std::size_t at = terminal_event(events);
                        if (at < events.size())
                          events[at]["response"]["id"] = "resp_changed_midway";
                      }));
  catalogue.add(stream_scenario(
      "response_item_never_done",
      "The message's response.output_item.done is never sent; response.completed still lists "
      "the item.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        const std::size_t at = find_event(events, "response.output_item.done");
        if (at < events.size()) events.erase(events.begin() + static_cast<std::ptrdiff_t>(at));
        renumber(events);
      }));
}

void add_numbering_faults(ScenarioCatalogue& catalogue) {
  catalogue.add(stream_scenario(
      "response_sequence_number_gap",
      "sequence_number skips values mid-stream (…, 4, 7, 8, …); a resumable client loses events.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        for (std::size_t i = events.size() / 2; i < events.size(); ++i)
          events[i]["sequence_number"] = i + 3;
      }));
  catalogue.add(
      stream_scenario("response_sequence_number_repeat",
                      "sequence_number repeats and goes back (…, 5, 5, 4, …) from mid-stream on.",
                      true, [](ResponseEvents& events, ResponseScenarioContext&) {
                        for (std::size_t i = events.size() / 2; i < events.size(); ++i)
                          events[i]["sequence_number"] = i - 1;
                      }));
  catalogue.add(stream_scenario(
      "response_output_index_gap",
      "The only item arrives at output_index 1 (no item 0) in every item-scoped event; "
      "openai-node: missing output at index 1.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        for (auto& event : events) {
          if (event.contains("output_index")) event["output_index"] = 1;
        }
      }));
  catalogue.add(stream_scenario(
      "response_item_id_mismatch",
      "Delta and done events carry an item_id other than the id from output_item.added.", true,
      [](ResponseEvents& events, ResponseScenarioContext&) {
        for (auto& event : events) {
          if (event.contains("item_id")) event["item_id"] = "msg_mismatched";
        }
      }));
  catalogue.add(stream_scenario(
      "response_delta_before_part_added",
      "The first output_text.delta arrives before response.content_part.added; openai-node: "
      "missing content at index 0.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        const std::size_t added = find_event(events, "response.content_part.added");
        const std::size_t delta = first_delta(events);
        if (added >= delta || delta >= events.size()) return;
        std::swap(events[added], events[delta]);
        renumber(events);
      }));
  catalogue.add(stream_scenario(
      "response_text_delta_on_refusal",
      "A refusal part whose deltas arrive as response.output_text.delta; Python asserts, "
      "openai-node: expected content to be 'output_text', got refusal.",
      true, [](ResponseEvents& events, ResponseScenarioContext&) {
        for (auto& event : events) {
          if (event["type"] == "response.content_part.added" &&
              event["part"]["type"] == "output_text")
            event["part"] = {{"type", "refusal"}, {"refusal", ""}};
        }
      }));
}
}  // namespace

void register_response_stream_scenarios(ScenarioCatalogue& catalogue) {
  add_stream_endings(catalogue);
  add_lifecycle_faults(catalogue);
  add_numbering_faults(catalogue);
}

}  // namespace chatmock::scenarios
