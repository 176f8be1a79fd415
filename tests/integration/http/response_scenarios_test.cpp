// Scenarios on POST /v1/responses over a real socket: selection by header, by the /scenarios/
// path prefix and by --scenario; a §7 counterpart in JSON and SSE; a Responses-only stream; an
// HTTP error with its headers; and the 400 for a name of the other API, on both endpoints.
#include <gtest/gtest.h>

#include "http_client.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

json request(bool stream = false) {
  return {{"model", "gpt-4o-mini"}, {"input", "hi"}, {"stream", stream}};
}

TEST(ResponseScenariosHttp, RefusalByHeaderIsStoredAsServed) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, request(), {{"X-Chatmock-Scenario", "refusal"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto body = json::parse(res->body);
  EXPECT_EQ(body["output"][0]["content"][0]["type"], "refusal");
  const auto got = client.Get("/v1/responses/" + body["id"].get<std::string>(), auth_headers());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->body, res->body);
}

TEST(ResponseScenariosHttp, LengthByPathPrefixStreamsToResponseIncomplete) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, request(true), {}, "/scenarios/length/v1/responses");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto events = streaming::decode_sse(res->body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().event, "response.incomplete");
  const auto response = json::parse(events.back().data)["response"];
  EXPECT_EQ(response["incomplete_details"]["reason"], "max_output_tokens");
}

TEST(ResponseScenariosHttp, ErrorBeforeOutputIsANamedErrorEventWithoutTerminal) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, request(true),
                                 {{"X-Chatmock-Scenario", "response_error_before_output"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto events = streaming::decode_sse(res->body);
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events.back().event, "error");
  EXPECT_EQ(json::parse(events.back().data)["code"], "server_error");
}

TEST(ResponseScenariosHttp, Error429CarriesRetryHeadersAndStoresNothing) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, request(), {{"X-Chatmock-Scenario", "error_429"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("retry-after"), "1");
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "rate_limit_exceeded");
}

TEST(ResponseScenariosHttp, ChatOnlyNameIsA400NamingTheHeader) {
  RunningServer server;
  auto client = client_for(server);
  const auto res =
      post_response(client, request(), {{"X-Chatmock-Scenario", "refusal_and_logprobs"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 400);
  const auto error = json::parse(res->body)["error"];
  EXPECT_EQ(error["type"], "invalid_request_error");
  EXPECT_EQ(error["code"], "unsupported_scenario");
  EXPECT_EQ(error["param"], "X-Chatmock-Scenario");
  const auto message = error["message"].get<std::string>();
  EXPECT_NE(message.find("refusal_and_logprobs"), std::string::npos);
  EXPECT_NE(message.find("response_failed"), std::string::npos);
}

TEST(ResponseScenariosHttp, ChatOnlyNameByPathNamesThePath) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, request(), {}, "/scenarios/sse_crlf/v1/responses");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["param"], "/scenarios/{name}/");
}

TEST(ResponseScenariosHttp, ResponsesOnlyNameOnChatIsA400) {
  RunningServer server;
  auto client = client_for(server);
  const auto res =
      post_chat(client, simple_request(), {{"X-Chatmock-Scenario", "response_failed"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 400);
  const auto error = json::parse(res->body)["error"];
  EXPECT_EQ(error["code"], "unsupported_scenario");
  EXPECT_EQ(error["message"].get<std::string>().find("response_empty_output"), std::string::npos);
}

TEST(ResponseScenariosHttp, ServerDefaultScenarioAppliesAndSequencesAdvance) {
  app::Config config;
  config.default_scenario = "http_500_503_then_success";
  RunningServer server(config);
  auto client = client_for(server);
  std::vector<int> statuses;
  for (int i = 0; i < 3; ++i) {
    const auto res = post_response(client, request());
    ASSERT_TRUE(res);
    statuses.push_back(res->status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{500, 503, 200}));
}

TEST(ResponseScenariosHttp, SameSeedSameBytes) {
  RunningServer server;
  auto client = client_for(server);
  const httplib::Headers headers = {{"X-Chatmock-Scenario", "parallel_tool_calls"},
                                    {"X-Chatmock-Seed", "9"}};
  const auto first = post_response(client, request(true), headers);
  const auto second = post_response(client, request(true), headers);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, second->body);
}

}  // namespace
}  // namespace chatmock::testing
