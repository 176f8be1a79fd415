// The Responses side of the catalogue (docs/scenarios.md, "api" column): which names serve
// /v1/responses, the 400 for a name of the other API, and composition and sequences as on chat.
#include <gtest/gtest.h>

#include <set>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_expression.h"
#include "support/response_harness.h"

namespace chatmock::scenarios {
namespace {

using testing::response_request;
using testing::run_response_scenario;

TEST(ResponseCatalogueTest, AtLeastTwentyScenariosServeOnlyResponses) {
  std::size_t only = 0;
  for (const auto& s : builtin_catalogue().all()) {
    if (s.api != ScenarioApi::responses) continue;
    ++only;
    EXPECT_TRUE(s.group == "responses_outputs" || s.group == "responses_streams") << s.name;
    EXPECT_TRUE(s.edit_response || s.edit_response_events || s.edit_response_frames) << s.name;
  }
  EXPECT_GE(only, 20U);
}

TEST(ResponseCatalogueTest, TheSevenCounterpartsAndErrorsKeepTheirChatNames) {
  for (const char* name : {"default",
                           "refusal",
                           "length",
                           "content_filter",
                           "tool_calls",
                           "parallel_tool_calls",
                           "malformed_tool_arguments",
                           "annotations",
                           "stream_error",
                           "truncated_stream",
                           "error_400",
                           "error_401",
                           "error_403",
                           "error_404",
                           "error_429",
                           "error_500",
                           "error_503",
                           "http_500_503_then_success",
                           "slow",
                           "disconnect"}) {
    const Scenario* s = builtin_catalogue().find(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->api, ScenarioApi::both) << name;
  }
  EXPECT_EQ(builtin_catalogue().find("refusal_and_logprobs")->api, ScenarioApi::chat);
}

TEST(ResponseCatalogueTest, ChatOnlyNameOnResponsesIsUnsupportedAndListsTheValidOnes) {
  const auto selected =
      select_scenario_expression("refusal+sse_crlf", builtin_catalogue(), ScenarioApi::responses);
  const auto* rejection = std::get_if<ScenarioRejection>(&selected);
  ASSERT_NE(rejection, nullptr);
  EXPECT_EQ(rejection->code, "unsupported_scenario");
  EXPECT_NE(rejection->message.find("'sse_crlf'"), std::string::npos);
  EXPECT_NE(rejection->message.find("response_failed"), std::string::npos);
  EXPECT_EQ(rejection->message.find("sse_crlf,"), std::string::npos) << "not listed as valid";
}

TEST(ResponseCatalogueTest, ResponsesOnlyNameOnChatIsUnsupported) {
  const auto selected =
      select_scenario_expression("response_failed", builtin_catalogue(), ScenarioApi::chat);
  const auto* rejection = std::get_if<ScenarioRejection>(&selected);
  ASSERT_NE(rejection, nullptr);
  EXPECT_EQ(rejection->code, "unsupported_scenario");
  EXPECT_NE(rejection->message.find("sse_crlf"), std::string::npos);
  EXPECT_EQ(rejection->message.find("response_empty_output"), std::string::npos);
}

TEST(ResponseCatalogueTest, UnknownNameStaysUnknown) {
  const auto selected =
      select_scenario_expression("no_such_thing", builtin_catalogue(), ScenarioApi::responses);
  ASSERT_TRUE(std::holds_alternative<ScenarioRejection>(selected));
  EXPECT_EQ(std::get<ScenarioRejection>(selected).code, "unknown_scenario");
}

TEST(ResponseCatalogueTest, SequencesExpandOnResponses) {
  const auto selected = select_scenario_expression("http_500_503_then_success", builtin_catalogue(),
                                                   ScenarioApi::responses);
  ASSERT_TRUE(std::holds_alternative<ScenarioExpression>(selected));
  EXPECT_EQ(std::get<ScenarioExpression>(selected).steps.size(), 3U);
  EXPECT_EQ(
      run_response_scenario("http_500_503_then_success", response_request(), {}, 7, 0).reply.status,
      500);
  EXPECT_EQ(
      run_response_scenario("http_500_503_then_success", response_request(), {}, 7, 2).reply.status,
      200);
}

TEST(ResponseCatalogueTest, CompositionAppliesEachInOrder) {
  const auto run = run_response_scenario("annotations+length", response_request());
  const auto body = run.json();
  EXPECT_EQ(body["status"], "incomplete");
  EXPECT_FALSE(body["output"][0]["content"][0]["annotations"].empty());
}

TEST(ResponseCatalogueTest, ErrorScenarioComposedWithSlowIsAPacedError) {
  const auto run = run_response_scenario("error_429+slow_first_byte", response_request(true));
  EXPECT_EQ(run.reply.status, 429);
  EXPECT_FALSE(run.stored.has_value());
  ASSERT_FALSE(run.reply.writes.empty());
  EXPECT_GT(run.reply.writes.front().delay.count(), 0);
}

TEST(ResponseCatalogueTest, SlowPacesAJsonResponseByItsOutputTokens) {
  const auto run = run_response_scenario("slow", response_request());
  ASSERT_FALSE(run.reply.writes.empty());
  EXPECT_GT(run.reply.writes.front().delay.count(), 400) << "ttft plus itl per output token";
}

TEST(ResponseCatalogueTest, NamesAreUnique) {
  std::set<std::string> names;
  for (const auto& s : builtin_catalogue().all())
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
}

}  // namespace
}  // namespace chatmock::scenarios
