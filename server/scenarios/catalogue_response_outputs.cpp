// The "responses_outputs" group: Response shapes only /v1/responses has (docs/scenarios.md,
// responses_outputs), each an edge case real clients meet: text over several parts or messages,
// no output, reasoning items, odd function-call ids, a failed Response, thin usage. The stream is
// rendered from the edited Response, so its events carry the same shape.
#include "scenarios/response_output_edits.h"
#include "scenarios/scenario_catalogue.h"
#include "synthesis/text_generator.h"

namespace chatmock::scenarios {

namespace {
constexpr const char* kOutputsGroup = "responses_outputs";

/// Scenario `name` serving /v1/responses only, with `edit` as its Response edit.
Scenario output_scenario(std::string name, std::string description, bool breaks_spec,
                         EditResponse edit) {
  Scenario s;
  s.name = std::move(name);
  s.description = std::move(description);
  s.breaks_spec = breaks_spec;
  s.group = kOutputsGroup;
  s.api = ScenarioApi::responses;
  s.edit_response = std::move(edit);
  return s;
}

/// The first message's text followed by two more output_text parts.
void split_text_parts(Json& response, ResponseScenarioContext& ctx) {
  Json* message = first_message(response);
  if (message == nullptr || (*message)["content"].empty()) return;
  const Json part = (*message)["content"][0];
  Json content = Json::array();
  for (int i = 0; i < 3; ++i) {
    Json next = part;
    next["text"] = (i == 0 ? "" : " ") + synthesis::generate_text(ctx.rng, 6, 12);
    content.push_back(std::move(next));
  }
  content[0]["text"] = part["text"];
  (*message)["content"] = std::move(content);
  recount_usage(response);
}

void several_messages(Json& response, ResponseScenarioContext& ctx) {
  for (int i = 0; i < 2; ++i) {
    response["output"].push_back(
        text_message(item_id(ctx.rng, "msg_"), synthesis::generate_text(ctx.rng, 6, 14)));
  }
  recount_usage(response);
}

void add_text_shapes(ScenarioCatalogue& catalogue) {
  catalogue.add(output_scenario(
      "response_text_multiple_parts",
      "One message whose text is spread over three output_text parts (content_index 0-2); "
      "output_text joins them all.",
      false, split_text_parts));
  catalogue.add(
      output_scenario("response_text_multiple_messages",
                      "Three assistant message items (output_index 0-2), each with its own text.",
                      false, several_messages));
  catalogue.add(
      output_scenario("response_empty_output",
                      "status completed with output [] and output_tokens 0: no message at all.",
                      false, [](Json& r, ResponseScenarioContext&) {
                        r["output"] = Json::array();
                        recount_usage(r);
                      }));
  catalogue.add(output_scenario(
      "response_reasoning_only",
      "Only a reasoning item with a summary_text part, no message; output_text is \"\".", false,
      [](Json& r, ResponseScenarioContext& ctx) { add_reasoning(r, ctx, true); }));
  catalogue.add(output_scenario(
      "response_reasoning_then_message",
      "A reasoning item (summary streamed as reasoning_summary events) before the message; "
      "reasoning_tokens counted in output_tokens.",
      false, [](Json& r, ResponseScenarioContext& ctx) { add_reasoning(r, ctx, false); }));
  catalogue.add(output_scenario(
      "response_web_search_then_message",
      "A web_search_call item (search action; in_progress, searching, completed events) before "
      "a message citing its sources with url_citation annotations.",
      false, [](Json& r, ResponseScenarioContext& ctx) {
        cite_links(r, ctx);
        Json search = {{"id", item_id(ctx.rng, "ws_")},
                       {"type", "web_search_call"},
                       {"status", "completed"},
                       {"action", {{"type", "search"}, {"query", "weather in Paris today"}}}};
        r["output"].insert(r["output"].begin(), std::move(search));
      }));
  catalogue.add(
      output_scenario("response_refusal_after_text",
                      "One message with an output_text part followed by a refusal part.", false,
                      [](Json& r, ResponseScenarioContext&) {
                        if (Json* message = first_message(r)) {
                          (*message)["content"].push_back(
                              {{"type", "refusal"}, {"refusal", "I can't share more than that."}});
                          recount_usage(r);
                        }
                      }));
}

void add_call_shapes(ScenarioCatalogue& catalogue) {
  catalogue.add(output_scenario(
      "response_function_call_no_id",
      "A function_call item without id (optional in the schema; events carry item_id \"\").", false,
      [](Json& r, ResponseScenarioContext& ctx) {
        call_functions(r, ctx, 1);
        r["output"][0].erase("id");
      }));
  catalogue.add(output_scenario(
      "response_function_call_empty_call_id",
      "A function_call item whose call_id is \"\" (openai-node 7.5's stream helper throws).", false,
      [](Json& r, ResponseScenarioContext& ctx) {
        call_functions(r, ctx, 1);
        r["output"][0]["call_id"] = "";
      }));
  catalogue.add(output_scenario("response_text_and_function_call",
                                "A message with text, then a function_call item, in one Response.",
                                false, [](Json& r, ResponseScenarioContext& ctx) {
                                  const Json* message = first_message(r);
                                  const Json kept = message != nullptr ? *message : Json();
                                  call_functions(r, ctx, 1);
                                  if (!kept.is_null())
                                    r["output"].insert(r["output"].begin(), kept);
                                  recount_usage(r);
                                }));
  catalogue.add(output_scenario(
      "response_duplicate_call_ids",
      "Two function_call items with the same id and call_id (openai-node: duplicate output "
      "item identity).",
      true, [](Json& r, ResponseScenarioContext& ctx) {
        call_functions(r, ctx, 2);
        if (r["output"].size() == 2) {
          r["output"][1]["id"] = r["output"][0]["id"];
          r["output"][1]["call_id"] = r["output"][0]["call_id"];
        }
      }));
}

void add_output_endings(ScenarioCatalogue& catalogue) {
  catalogue.add(output_scenario(
      "response_failed",
      "status failed with error {code: server_error, message}; the stream ends with "
      "response.failed (200 JSON for a non-stream request).",
      false, [](Json& r, ResponseScenarioContext&) {
        end_failed(r, "server_error",
                   "The server had an error while processing your request. Sorry about that!");
      }));
  catalogue.add(output_scenario("response_usage_absent",
                                "No usage key on the Response (optional in the schema).", false,
                                [](Json& r, ResponseScenarioContext&) { r.erase("usage"); }));
  catalogue.add(output_scenario(
      "response_usage_without_details",
      "usage without input_tokens_details and output_tokens_details (required by the schema).",
      true, [](Json& r, ResponseScenarioContext&) {
        if (!r.contains("usage")) return;
        r["usage"].erase("input_tokens_details");
        r["usage"].erase("output_tokens_details");
      }));
  catalogue.add(output_scenario(
      "response_annotation_no_title",
      "url_citation annotations without title (the AI SDK's zod schema rejects them).", true,
      [](Json& r, ResponseScenarioContext& ctx) {
        cite_links(r, ctx);
        if (Json* message = first_message(r)) {
          for (auto& a : (*message)["content"][0]["annotations"]) a.erase("title");
        }
      }));
  catalogue.add(
      output_scenario("response_output_null",
                      "output null instead of an array (the AI SDK answers an APICallError 500).",
                      true, [](Json& r, ResponseScenarioContext&) { r["output"] = nullptr; }));
}
}  // namespace

void register_response_output_scenarios(ScenarioCatalogue& catalogue) {
  add_text_shapes(catalogue);
  add_call_shapes(catalogue);
  add_output_endings(catalogue);
}

}  // namespace chatmock::scenarios
