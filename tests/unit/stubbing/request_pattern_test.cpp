// One test per matcher kind, each showing a request that matches and one that does not, plus
// the differences a near miss reports.
#include "stubbing/request_pattern.h"

#include <gtest/gtest.h>

#include "stub_test_support.h"

namespace chatmock::stubbing {
namespace {
using testing::pattern;
using testing::TestRequest;
using testing::user_request;

nlohmann::json agent_turn_two() {
  return {{"model", "gpt-4o"},
          {"messages",
           {{{"role", "developer"}, {"content", "You are a weather bot."}},
            {{"role", "user"}, {"content", "Weather in Paris?"}},
            {{"role", "assistant"},
             {"content", nullptr},
             {"tool_calls",
              {{{"id", "call_1"},
                {"type", "function"},
                {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}}}}},
            {{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "18C sunny"}}}},
          {"tools", {{{"type", "function"}, {"function", {{"name", "get_weather"}}}}}}};
}

TEST(RequestPatternTest, ModelMatchesWithEqualsContainsAndRegex) {
  const TestRequest request(user_request("hi", "gpt-4o-mini"));
  EXPECT_TRUE(pattern(R"({"model": "gpt-4o-mini"})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"model": "gpt-4o"})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"model": {"contains": "4o"}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"model": {"regex": "^gpt-4o(-mini)?$"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"model": {"regex": "^o1"}})").matches(request.input()));
}

TEST(RequestPatternTest, MessagesMatchByIndexCountingFromEitherEnd) {
  const TestRequest request(agent_turn_two());
  EXPECT_TRUE(
      pattern(R"({"messages": [{"index": 0, "role": "developer"}]})").matches(request.input()));
  EXPECT_TRUE(
      pattern(R"({"messages": [{"index": -1, "role": "tool", "content": {"contains": "sunny"}}]})")
          .matches(request.input()));
  EXPECT_FALSE(
      pattern(R"({"messages": [{"index": 1, "role": "assistant"}]})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"messages": [{"index": 9}]})").matches(request.input()));
}

TEST(RequestPatternTest, MessagesMatchByRoleWhenAnyMessageOfThatRoleFits) {
  const TestRequest request(agent_turn_two());
  EXPECT_TRUE(pattern(R"({"messages": [{"role": "user", "content": "Weather in Paris?"}]})")
                  .matches(request.input()));
  EXPECT_TRUE(pattern(R"({"messages": [{"role": "tool", "tool_call_id": "call_1"}]})")
                  .matches(request.input()));
  EXPECT_FALSE(pattern(R"({"messages": [{"role": "system"}]})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"messages": [{"role": "user", "content": "Weather in Rome?"}]})")
                   .matches(request.input()));
}

TEST(RequestPatternTest, ContentPartsAreReadAsTheirTextJoined) {
  nlohmann::json body = user_request("");
  body["messages"][0]["content"] = {
      {{"type", "text"}, {"text", "first"}},
      {{"type", "image_url"}, {"image_url", {{"url", "https://x/y.png"}}}},
      {{"type", "text"}, {"text", "second"}}};
  const TestRequest request(body);
  EXPECT_TRUE(pattern(R"({"last_user_message": "first\nsecond"})").matches(request.input()));
}

TEST(RequestPatternTest, LastUserMessageIsTheLatestUserTurn) {
  nlohmann::json body = user_request("first question");
  body["messages"].push_back({{"role", "assistant"}, {"content", "answer"}});
  body["messages"].push_back({{"role", "user"}, {"content", "follow-up question"}});
  const TestRequest request(body);
  EXPECT_TRUE(
      pattern(R"({"last_user_message": {"contains": "follow-up"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"last_user_message": {"contains": "first"}})").matches(request.input()));
  const TestRequest no_user(
      {{"model", "m"}, {"messages", {{{"role", "system"}, {"content", "s"}}}}});
  EXPECT_FALSE(pattern(R"({"last_user_message": {"regex": ".*"}})").matches(no_user.input()));
}

TEST(RequestPatternTest, SystemMessageIsTheFirstSystemOrDeveloperMessage) {
  const TestRequest developer(agent_turn_two());
  EXPECT_TRUE(
      pattern(R"({"system_message": {"contains": "weather bot"}})").matches(developer.input()));
  const TestRequest none(user_request("hi"));
  EXPECT_FALSE(pattern(R"({"system_message": {"contains": "weather bot"}})").matches(none.input()));
}

TEST(RequestPatternTest, ToolResultPresentAbsentAndById) {
  const TestRequest turn_two(agent_turn_two());
  const TestRequest turn_one(user_request("Weather in Paris?"));
  EXPECT_TRUE(pattern(R"({"tool_result": true})").matches(turn_two.input()));
  EXPECT_FALSE(pattern(R"({"tool_result": true})").matches(turn_one.input()));
  EXPECT_TRUE(pattern(R"({"tool_result": false})").matches(turn_one.input()));
  EXPECT_FALSE(pattern(R"({"tool_result": false})").matches(turn_two.input()));
  EXPECT_TRUE(pattern(R"({"tool_result": {"tool_call_id": "call_1"}})").matches(turn_two.input()));
  EXPECT_FALSE(pattern(R"({"tool_result": {"tool_call_id": "call_2"}})").matches(turn_two.input()));
  EXPECT_TRUE(
      pattern(R"({"tool_result": {"content": {"contains": "sunny"}}})").matches(turn_two.input()));
}

TEST(RequestPatternTest, ToolsMustAllBeOfferedIncludingLegacyFunctions) {
  nlohmann::json body = agent_turn_two();
  body["functions"] = {{{"name", "lookup"}}};
  const TestRequest request(body);
  EXPECT_TRUE(pattern(R"({"tools": ["get_weather", "lookup"]})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"tools": "get_weather"})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"tools": ["get_weather", "send_email"]})").matches(request.input()));
}

TEST(RequestPatternTest, ResponseFormatTypeDefaultsToText) {
  nlohmann::json body = user_request("json please");
  const TestRequest plain(body);
  body["response_format"] = {{"type", "json_object"}};
  const TestRequest json_mode(body);
  EXPECT_TRUE(pattern(R"({"response_format": "text"})").matches(plain.input()));
  EXPECT_TRUE(pattern(R"({"response_format": "json_object"})").matches(json_mode.input()));
  EXPECT_FALSE(pattern(R"({"response_format": "json_object"})").matches(plain.input()));
}

TEST(RequestPatternTest, StreamDefaultsToFalse) {
  nlohmann::json body = user_request("hi");
  const TestRequest plain(body);
  body["stream"] = true;
  const TestRequest streaming(body);
  EXPECT_TRUE(pattern(R"({"stream": false})").matches(plain.input()));
  EXPECT_TRUE(pattern(R"({"stream": true})").matches(streaming.input()));
  EXPECT_FALSE(pattern(R"({"stream": true})").matches(plain.input()));
}

TEST(RequestPatternTest, HeadersMatchCaseInsensitivelyByNameAndCanBeRequiredAbsent) {
  const TestRequest request(user_request("hi"), {{"X-Tenant", "acme-eu"}});
  EXPECT_TRUE(
      pattern(R"({"headers": {"x-tenant": {"contains": "acme"}}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"headers": {"X-TENANT": "acme-eu"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"headers": {"x-tenant": "globex"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"headers": {"x-tenant": {"absent": true}}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"headers": {"x-debug": {"absent": true}}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"headers": {"x-debug": "1"}})").matches(request.input()));
}

TEST(RequestPatternTest, MetadataIsMatchedOnlyWhereNamed) {
  nlohmann::json body = user_request("hi");
  body["metadata"] = {{"suite", "checkout"}, {"run", "8731"}};
  const TestRequest request(body);
  EXPECT_TRUE(pattern(R"({"metadata": {"suite": "checkout"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"metadata": {"suite": "search"}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"model": "gpt-4o-mini"})").matches(request.input()));  // unnamed: ignored
}

TEST(RequestPatternTest, BodySubsetIgnoresExtraKeysButArraysMatchAtEqualLength) {
  nlohmann::json body = user_request("hi");
  body["temperature"] = 0.2;
  body["user"] = "u-123";
  const TestRequest request(body);
  EXPECT_TRUE(pattern(R"({"body": {"model": "gpt-4o-mini", "temperature": 0.2}})")
                  .matches(request.input()));
  EXPECT_TRUE(pattern(R"({"body": {"messages": [{"content": "hi"}]}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"body": {"temperature": 0.7}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"body": {"messages": []}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"body": {"messages": [{"content": "hi"}, {"content": "again"}]}})")
                   .matches(request.input()));
  EXPECT_FALSE(pattern(R"({"body": {"seed": 4}})").matches(request.input()));
}

TEST(RequestPatternTest, BodyNumbersCompareByValue) {
  nlohmann::json body = user_request("hi");
  body["max_tokens"] = 100;
  const TestRequest request(body);
  EXPECT_TRUE(pattern(R"({"body": {"max_tokens": 100.0}})").matches(request.input()));
}

TEST(RequestPatternTest, AnEmptyPatternMatchesEveryRequest) {
  const TestRequest request(user_request("anything"));
  EXPECT_TRUE(pattern("{}").matches(request.input()));
  EXPECT_EQ(pattern("{}").specificity(), 0u);
}

TEST(RequestPatternTest, MatchListsEveryDifferingFieldWithExpectedAndActual) {
  nlohmann::json body = user_request("Weather in Rome?", "gpt-4o");
  const TestRequest request(body);
  const auto result =
      pattern(R"({"model": "gpt-4o-mini", "stream": true, "last_user_message": {"contains": "Rome"},
                                  "body": {"temperature": 0}})")
          .match(request.input());
  ASSERT_EQ(result.differences.size(), 3u);
  EXPECT_EQ(result.differences[0],
            (FieldDifference{"model", "equals \"gpt-4o-mini\"", "\"gpt-4o\""}));
  EXPECT_EQ(result.differences[1], (FieldDifference{"stream", "true", "false"}));
  EXPECT_EQ(result.differences[2], (FieldDifference{"body.temperature", "0", "(absent)"}));
  EXPECT_GT(result.distance, 0.0);
  EXPECT_LT(result.distance, 1.0);
}

TEST(RequestPatternTest, ACloserModelNameIsASmallerDistance) {
  const TestRequest request(user_request("hi", "gpt-4o-mini"));
  const double near = pattern(R"({"model": "gpt-4o-mimi"})").match(request.input()).distance;
  const double far = pattern(R"({"model": "claude-3"})").match(request.input()).distance;
  EXPECT_GT(near, 0.0);
  EXPECT_LT(near, far);
}

TEST(RequestPatternTest, SpecificityCountsWhatThePatternPinsDown) {
  EXPECT_LT(pattern(R"({"model": "a"})").specificity(),
            pattern(R"({"model": "a", "stream": true})").specificity());
  EXPECT_EQ(pattern(R"({"body": {"a": 1, "b": {"c": 2, "d": [3, 4]}}})").specificity(), 4u);
}

}  // namespace
}  // namespace chatmock::stubbing
