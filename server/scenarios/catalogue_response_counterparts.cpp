// The chat scenarios that serve POST /v1/responses too (docs/scenarios.md, "api" both): HTTP
// errors and transport knobs as they are (their hooks read no ChatCompletion), and the chat names
// whose natural Responses form is another output: refusal part, incomplete Response, function_call
// items, url_citation annotations, an `error` event or a stream without its terminal event.
#include "api/api_error.h"
#include "scenarios/core_content_hooks.h"
#include "scenarios/core_tool_hooks.h"
#include "scenarios/response_output_edits.h"
#include "scenarios/response_stream_edits.h"
#include "scenarios/scenario_catalogue.h"
#include "synthesis/json_schema_generator.h"

namespace chatmock::scenarios {

namespace {
/// Chat names whose hooks are HTTP errors, sequences or wire edits only.
constexpr std::string_view kShared[] = {
    "default",
    "error_400",
    "error_401",
    "error_403",
    "error_404",
    "error_429",
    "error_500",
    "error_503",
    "error_html_502",
    "http_429_rate_limit",
    "http_429_insufficient_quota",
    "http_500_503_then_success",
    "http_400_validation",
    "http_error_non_json_body",
    "http_error_no_wrapper",
    "slow",
    "slow_first_byte",
    "stall_between_chunks",
    "disconnect",
};

/// Gives the chat scenario `name` its Responses form, described by `note` after the chat text.
void serve_responses(ScenarioCatalogue& catalogue, std::string_view name,
                     std::string_view note = "",
                     const std::function<void(Scenario&)>& add_hooks = nullptr) {
  Scenario* scenario = catalogue.edit(name);
  if (scenario == nullptr) return;
  scenario->api = ScenarioApi::both;
  if (!note.empty()) scenario->description += " Responses: " + std::string(note);
  if (add_hooks) add_hooks(*scenario);
}

std::string server_error_message() { return api::server_error().message; }

/// Ends the stream with an error event after the first `keep` events (no terminal event).
void end_with_error_event(ResponseEvents& events, std::size_t keep) {
  keep_first(events, keep);
  events.push_back(error_event(events, "server_error", server_error_message()));
}

void add_output_counterparts(ScenarioCatalogue& catalogue) {
  serve_responses(catalogue, "refusal", "one refusal part (refusal.delta/.done events).",
                  [](Scenario& s) { s.edit_response = refuse; });
  serve_responses(
      catalogue, "length",
      "status incomplete, reason max_output_tokens, the text cut (at max_output_tokens when set).",
      [](Scenario& s) {
        s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
          end_incomplete(r, ctx, "max_output_tokens");
        };
      });
  serve_responses(catalogue, "content_filter",
                  "status incomplete, reason content_filter, partial text.", [](Scenario& s) {
                    s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
                      end_incomplete(r, ctx, "content_filter");
                    };
                  });
  serve_responses(
      catalogue, "tool_calls",
      "one function_call item (the first offered function tool, or get_weather).", [](Scenario& s) {
        s.edit_response = [](Json& r, ResponseScenarioContext& ctx) { call_functions(r, ctx, 1); };
      });
  serve_responses(
      catalogue, "parallel_tool_calls",
      "three function_call items (one when parallel_tool_calls is false).", [](Scenario& s) {
        s.edit_response = [](Json& r, ResponseScenarioContext& ctx) { call_functions(r, ctx, 3); };
      });
  serve_responses(catalogue, "malformed_tool_arguments",
                  "a function_call whose arguments are not JSON.", [](Scenario& s) {
                    s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
                      call_functions(r, ctx, 1,
                                     [](const Json& valid, const Json&, synthesis::Rng& rng) {
                                       return malformed_arguments(responses::dump(valid), rng);
                                     });
                    };
                  });
  serve_responses(
      catalogue, "schema_violating_tool_arguments",
      "a function_call whose arguments break the tool's schema.", [](Scenario& s) {
        s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
          call_functions(r, ctx, 1, [](const Json&, const Json& parameters, synthesis::Rng& rng) {
            return synthesis::generate_violating_instance(nlohmann::json(parameters), rng).dump();
          });
        };
      });
  serve_responses(
      catalogue, "args_empty_string", "a function_call with arguments \"\".", [](Scenario& s) {
        s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
          call_functions(r, ctx, 1, [](const Json&, const Json&, synthesis::Rng&) { return ""; });
        };
      });
  serve_responses(catalogue, "args_double_encoded",
                  "a function_call whose arguments are a JSON string.", [](Scenario& s) {
                    s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
                      call_functions(r, ctx, 1,
                                     [](const Json& valid, const Json&, synthesis::Rng&) {
                                       return Json(responses::dump(valid)).dump();
                                     });
                    };
                  });
  serve_responses(catalogue, "annotations",
                  "url_citation annotations, streamed as output_text.annotation.added.",
                  [](Scenario& s) { s.edit_response = cite_links; });
  serve_responses(catalogue, "unicode",
                  "the same text in the message; writes split inside characters.", [](Scenario& s) {
                    s.edit_response = [](Json& r, ResponseScenarioContext& ctx) {
                      if (Json* message = first_message(r)) {
                        (*message)["content"][0]["text"] = hostile_unicode_text(ctx.rng);
                        recount_usage(r);
                      }
                    };
                  });
}

void add_stream_counterparts(ScenarioCatalogue& catalogue) {
  // Their chat replace_reply already answers a JSON request with the same error as a 500.
  serve_responses(catalogue, "stream_error",
                  "half the deltas, then an error event (flat and nested), no terminal event.",
                  [](Scenario& s) {
                    s.edit_response_events = [](ResponseEvents& events, ResponseScenarioContext&) {
                      end_with_error_event(events, mid_content(events));
                    };
                  });
  serve_responses(catalogue, "error_midstream_after_content",
                  "every output event, then an error event, no terminal event.", [](Scenario& s) {
                    s.edit_response_events = [](ResponseEvents& events, ResponseScenarioContext&) {
                      end_with_error_event(events, terminal_event(events));
                    };
                  });
  serve_responses(catalogue, "truncated_stream",
                  "a clean end after half the deltas, no terminal event.", [](Scenario& s) {
                    s.edit_response_events = [](ResponseEvents& events, ResponseScenarioContext&) {
                      keep_first(events, mid_content(events));
                    };
                  });
  // Its chat wire edit marks the chunked reply as cut, so the connection drops.
  serve_responses(
      catalogue, "stream_cut_no_done",
      "the connection drops inside an event midway through the stream.", [](Scenario& s) {
        s.edit_response_frames = [](std::vector<streaming::StreamFrame>& frames,
                                    ResponseScenarioContext& ctx) {
          const std::size_t end = std::min<std::size_t>(frames.size(), frames.size() / 2 + 1);
          if (ctx.directives.has_variant("after_chunk") || end == 0 || !frames[end - 1].event) {
            frames.resize(end);
            return;
          }
          const auto event = *frames[end - 1].event;
          frames.resize(end - 1);
          frames.push_back(streaming::StreamFrame::of_raw(
              "event: " + event.event.value_or("") +
              "\ndata: " + event.data.substr(0, event.data.size() / 2)));
        };
      });
}
}  // namespace

void register_response_counterparts(ScenarioCatalogue& catalogue) {
  for (const auto name : kShared) serve_responses(catalogue, name);
  add_output_counterparts(catalogue);
  add_stream_counterparts(catalogue);
}

}  // namespace chatmock::scenarios
