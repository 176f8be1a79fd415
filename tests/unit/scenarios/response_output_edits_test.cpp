// Each Response-shaping scenario (docs/scenarios.md, the §7 counterparts and responses_outputs):
// one test per defining property of its JSON form, and of its stream where the stream differs.
#include "scenarios/response_output_edits.h"

#include <gtest/gtest.h>

#include "support/response_harness.h"
#include "synthesis/json_schema_checker.h"

namespace chatmock::scenarios {
namespace {

using responses::Json;
using testing::response_request;
using testing::response_tool_request;
using testing::run_response_scenario;

Json body_of(std::string_view scenario, nlohmann::json request = response_request()) {
  return run_response_scenario(scenario, std::move(request)).json();
}

std::vector<std::string> event_types(std::string_view scenario,
                                     nlohmann::json request = response_request(true)) {
  std::vector<std::string> types;
  for (const auto& event : run_response_scenario(scenario, std::move(request)).event_json())
    types.push_back(event["type"].get<std::string>());
  return types;
}

bool has(const std::vector<std::string>& types, std::string_view type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

TEST(ResponseOutputEditsTest, RefusalIsOneRefusalPartStreamedAsRefusalDeltas) {
  const auto body = body_of("refusal");
  const auto& content = body["output"][0]["content"];
  ASSERT_EQ(content.size(), 1U);
  EXPECT_EQ(content[0]["type"], "refusal");
  EXPECT_FALSE(content[0]["refusal"].get<std::string>().empty());
  const auto types = event_types("refusal");
  EXPECT_TRUE(has(types, "response.refusal.delta"));
  EXPECT_TRUE(has(types, "response.refusal.done"));
  EXPECT_FALSE(has(types, "response.output_text.delta"));
}

TEST(ResponseOutputEditsTest, LengthIsIncompleteAtMaxOutputTokens) {
  auto request = response_request();
  request["max_output_tokens"] = 16;
  const auto body = body_of("length", request);
  EXPECT_EQ(body["status"], "incomplete");
  EXPECT_EQ(body["incomplete_details"]["reason"], "max_output_tokens");
  EXPECT_EQ(body["output"][0]["status"], "incomplete");
  EXPECT_EQ(body["usage"]["output_tokens"], 16);
  request["stream"] = true;
  EXPECT_EQ(event_types("length", request).back(), "response.incomplete");
}

TEST(ResponseOutputEditsTest, ContentFilterIsIncompleteWithPartialText) {
  const auto body = body_of("content_filter");
  EXPECT_EQ(body["status"], "incomplete");
  EXPECT_EQ(body["incomplete_details"]["reason"], "content_filter");
  EXPECT_FALSE(body["output"][0]["content"][0]["text"].get<std::string>().empty());
}

TEST(ResponseOutputEditsTest, ToolCallsArgumentsValidateAgainstTheOfferedTool) {
  const auto body = body_of("tool_calls", response_tool_request());
  ASSERT_EQ(body["output"].size(), 1U);
  const auto& call = body["output"][0];
  EXPECT_EQ(call["type"], "function_call");
  EXPECT_EQ(call["name"], "get_stock_price");
  EXPECT_TRUE(call["id"].get<std::string>().starts_with("fc_"));
  EXPECT_TRUE(call["call_id"].get<std::string>().starts_with("call_"));
  const auto arguments = nlohmann::json::parse(call["arguments"].get<std::string>());
  const auto schema = response_tool_request()["tools"][0]["parameters"];
  EXPECT_TRUE(synthesis::check_instance(schema, arguments).empty()) << arguments.dump();
}

TEST(ResponseOutputEditsTest, ToolCallsWithoutToolsCallGetWeather) {
  const auto body = body_of("tool_calls");
  EXPECT_EQ(body["output"][0]["name"], "get_weather");
  EXPECT_TRUE(
      nlohmann::json::parse(body["output"][0]["arguments"].get<std::string>()).contains("city"));
}

TEST(ResponseOutputEditsTest, ParallelToolCallsAreThreeItemsOrOneWhenDisabled) {
  EXPECT_EQ(body_of("parallel_tool_calls", response_tool_request())["output"].size(), 3U);
  auto single = response_tool_request();
  single["parallel_tool_calls"] = false;
  EXPECT_EQ(body_of("parallel_tool_calls", single)["output"].size(), 1U);
  const auto types = event_types("parallel_tool_calls", response_tool_request(true));
  EXPECT_EQ(std::count(types.begin(), types.end(), "response.function_call_arguments.done"), 3);
}

TEST(ResponseOutputEditsTest, MalformedArgumentsAreNotJson) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const auto body =
        run_response_scenario("malformed_tool_arguments", response_tool_request(), {}, seed).json();
    const auto arguments = body["output"][0]["arguments"].get<std::string>();
    EXPECT_TRUE(nlohmann::json::parse(arguments, nullptr, false).is_discarded()) << arguments;
  }
}

TEST(ResponseOutputEditsTest, SchemaViolatingArgumentsAreJsonThatBreakTheSchema) {
  const auto body = body_of("schema_violating_tool_arguments", response_tool_request());
  const auto arguments = nlohmann::json::parse(body["output"][0]["arguments"].get<std::string>());
  const auto schema = response_tool_request()["tools"][0]["parameters"];
  EXPECT_FALSE(synthesis::check_instance(schema, arguments).empty());
}

TEST(ResponseOutputEditsTest, AnnotationsIndexTheirLinksInCodePoints) {
  const auto part = body_of("annotations")["output"][0]["content"][0];
  ASSERT_FALSE(part["annotations"].empty());
  const auto text = part["text"].get<std::string>();
  for (const auto& a : part["annotations"]) {
    EXPECT_EQ(a["type"], "url_citation");
    EXPECT_FALSE(a["title"].get<std::string>().empty());
    EXPECT_LT(a["start_index"].get<int>(), a["end_index"].get<int>());
    EXPECT_NE(text.find(a["url"].get<std::string>()), std::string::npos);
  }
  EXPECT_TRUE(has(event_types("annotations"), "response.output_text.annotation.added"));
}

TEST(ResponseOutputEditsTest, TextOverSeveralPartsAndMessages) {
  EXPECT_EQ(body_of("response_text_multiple_parts")["output"][0]["content"].size(), 3U);
  const auto body = body_of("response_text_multiple_messages");
  ASSERT_EQ(body["output"].size(), 3U);
  EXPECT_NE(body["output"][0]["id"], body["output"][1]["id"]);
}

TEST(ResponseOutputEditsTest, EmptyOutputAndReasoningOnly) {
  const auto empty = body_of("response_empty_output");
  EXPECT_EQ(empty["status"], "completed");
  EXPECT_TRUE(empty["output"].empty());
  EXPECT_EQ(empty["usage"]["output_tokens"], 0);
  const auto reasoning = body_of("response_reasoning_only");
  ASSERT_EQ(reasoning["output"].size(), 1U);
  EXPECT_EQ(reasoning["output"][0]["type"], "reasoning");
  EXPECT_EQ(reasoning["usage"]["output_tokens"],
            reasoning["usage"]["output_tokens_details"]["reasoning_tokens"]);
  EXPECT_TRUE(has(event_types("response_reasoning_only"), "response.reasoning_summary_text.done"));
}

TEST(ResponseOutputEditsTest, ReasoningPrecedesTheMessage) {
  const auto body = body_of("response_reasoning_then_message");
  ASSERT_EQ(body["output"].size(), 2U);
  EXPECT_EQ(body["output"][0]["type"], "reasoning");
  EXPECT_EQ(body["output"][1]["type"], "message");
}

TEST(ResponseOutputEditsTest, WebSearchCallPrecedesACitingMessage) {
  const auto body = body_of("response_web_search_then_message");
  ASSERT_EQ(body["output"].size(), 2U);
  EXPECT_EQ(body["output"][0]["type"], "web_search_call");
  EXPECT_EQ(body["output"][0]["action"]["type"], "search");
  EXPECT_FALSE(body["output"][1]["content"][0]["annotations"].empty());
  const auto types = event_types("response_web_search_then_message");
  EXPECT_TRUE(has(types, "response.web_search_call.searching"));
}

TEST(ResponseOutputEditsTest, FunctionCallIdShapes) {
  EXPECT_FALSE(body_of("response_function_call_no_id")["output"][0].contains("id"));
  EXPECT_EQ(body_of("response_function_call_empty_call_id")["output"][0]["call_id"], "");
  const auto both = body_of("response_text_and_function_call");
  EXPECT_EQ(both["output"][0]["type"], "message");
  EXPECT_EQ(both["output"][1]["type"], "function_call");
  const auto duplicated = body_of("response_duplicate_call_ids");
  EXPECT_EQ(duplicated["output"][0]["call_id"], duplicated["output"][1]["call_id"]);
}

TEST(ResponseOutputEditsTest, FailedResponseEndsWithResponseFailed) {
  const auto body = body_of("response_failed");
  EXPECT_EQ(body["status"], "failed");
  EXPECT_EQ(body["error"]["code"], "server_error");
  EXPECT_EQ(event_types("response_failed").back(), "response.failed");
}

TEST(ResponseOutputEditsTest, UsageAndAnnotationBreakages) {
  EXPECT_FALSE(body_of("response_usage_absent").contains("usage"));
  EXPECT_FALSE(body_of("response_usage_without_details")["usage"].contains("input_tokens_details"));
  // The body outlives the loop (a range-for over a temporary's member would read freed memory).
  const auto cited = body_of("response_annotation_no_title");
  for (const auto& a : cited["output"][0]["content"][0]["annotations"]) {
    EXPECT_FALSE(a.contains("title"));
  }
  EXPECT_TRUE(body_of("response_output_null")["output"].is_null());
}

TEST(ResponseOutputEditsTest, RecountUsageAddsReasoningToOutput) {
  Json response = {{"output", Json::array({text_message("msg_1", "one two three")})},
                   {"usage",
                    {{"input_tokens", 5},
                     {"output_tokens", 0},
                     {"output_tokens_details", {{"reasoning_tokens", 0}}},
                     {"total_tokens", 5}}}};
  recount_usage(response);
  EXPECT_EQ(response["usage"]["total_tokens"], 5 + response["usage"]["output_tokens"].get<int>());
  EXPECT_GT(response["usage"]["output_tokens"].get<int>(), 0);
}

}  // namespace
}  // namespace chatmock::scenarios
