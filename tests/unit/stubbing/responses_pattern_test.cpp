// Stubs on /v1/responses: `url` picks the endpoint, a Responses body's instructions and input
// are read as the conversation every message matcher knows, flat tools and text.format count,
// and a stub never answers the other API's requests.
#include <gtest/gtest.h>

#include "stub_test_support.h"
#include "stubbing/stub_registry.h"

namespace chatmock::stubbing {
namespace {
using testing::pattern;
using testing::stub;
using testing::TestRequest;

TestRequest responses_request(nlohmann::json body) {
  TestRequest request(std::move(body));
  request.http.path = "/v1/responses";
  return request;
}

nlohmann::json tool_turn() {
  return {{"model", "gpt-4o"},
          {"instructions", "You are a weather bot."},
          {"tools", nlohmann::json::array({{{"type", "function"}, {"name", "get_weather"}}})},
          {"text", {{"format", {{"type", "json_object"}}}}},
          {"input",
           nlohmann::json::array(
               {{{"role", "user"}, {"content", "Weather in Paris?"}},
                {{"type", "function_call"}, {"call_id", "call_1"}, {"name", "get_weather"}},
                {{"type", "function_call_output"}, {"call_id", "call_1"}, {"output", "18C"}}})}};
}

TEST(ResponsesPatternTest, UrlSelectsTheEndpointAndNamesItInANearMiss) {
  const auto responses = responses_request({{"model", "gpt-4o"}, {"input", "hi"}});
  const TestRequest chat(testing::user_request("hi", "gpt-4o"));
  const auto on_responses = pattern(R"({"url": "/v1/responses", "model": "gpt-4o"})");
  EXPECT_TRUE(on_responses.matches(responses.input()));
  EXPECT_FALSE(on_responses.matches(chat.input()));
  const auto miss = on_responses.match(chat.input());
  ASSERT_EQ(miss.differences.size(), 1U);
  EXPECT_EQ(miss.differences[0].field, "url");
  EXPECT_EQ(miss.differences[0].expected, "/v1/responses");
  EXPECT_EQ(miss.differences[0].actual, "/v1/chat/completions");
  EXPECT_TRUE(pattern(R"({"url": "/responses"})").matches(responses.input()));
  EXPECT_THROW(pattern(R"({"url": "/v1/embeddings"})"), StubParseError);
}

TEST(ResponsesPatternTest, StringInputIsTheLastUserMessage) {
  const auto request = responses_request({{"model", "gpt-4o"}, {"input", "Weather in Paris?"}});
  EXPECT_TRUE(pattern(R"({"last_user_message": {"contains": "Paris"}})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"last_user_message": {"contains": "Rome"}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"messages": [{"index": 0, "role": "user"}]})").matches(request.input()));
}

TEST(ResponsesPatternTest, InstructionsItemsToolsAndTextFormatAreReadLikeChats) {
  const auto request = responses_request(tool_turn());
  EXPECT_TRUE(
      pattern(R"({"system_message": {"contains": "weather bot"}})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"tool_result": {"tool_call_id": "call_1", "content": "18C"}})")
                  .matches(request.input()));
  EXPECT_TRUE(pattern(R"({"tools": ["get_weather"]})").matches(request.input()));
  EXPECT_FALSE(pattern(R"({"tools": ["get_time"]})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"response_format": "json_object"})").matches(request.input()));
  EXPECT_TRUE(pattern(R"({"last_user_message": "Weather in Paris?"})").matches(request.input()));
  // Arrays match at equal length, as on chat: the third turn is not the first.
  EXPECT_TRUE(
      pattern(
          R"({"body": {"input": [{"role": "user"}, {"type": "function_call"}, {"output": "18C"}]}})")
          .matches(request.input()));
  EXPECT_FALSE(pattern(R"({"body": {"input": [{"role": "user"}]}})").matches(request.input()));
}

TEST(ResponsesPatternTest, TheRegistryKeepsEachApisStubsToItsOwnRequests) {
  StubRegistry registry;
  registry.add({stub(R"({"id": "chat", "reply": {"body_text": "chat"}})"),
                stub(R"({"id": "resp", "match": {"url": "/v1/responses"},
                         "reply": {"body_text": "resp"}})")});
  const TestRequest chat(testing::user_request("hi"));
  const auto responses = responses_request({{"model", "gpt-4o"}, {"input", "hi"}});
  EXPECT_EQ(registry.select(chat.input())->stub->id, "chat");
  EXPECT_EQ(registry.select(responses.input())->stub->id, "resp");
  registry.remove("resp");
  EXPECT_FALSE(registry.select(responses.input()));
  EXPECT_TRUE(registry.near_misses(responses.input(), 3).empty());  // chat's stub is no near miss
}

TEST(ResponsesPatternTest, ASynthesizeReplyIsRefusedOnAResponsesStub) {
  EXPECT_THROW(stub(R"({"match": {"url": "/v1/responses"}, "reply": {"synthesize": {}}})"),
               StubParseError);
  EXPECT_NO_THROW(stub(R"({"match": {"url": "/v1/responses"},
                           "reply": {"body": {"object": "response", "id": "resp_1"}}})"));
}

}  // namespace
}  // namespace chatmock::stubbing
