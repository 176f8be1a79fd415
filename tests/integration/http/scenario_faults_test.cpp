// Scenarios whose point is the transport — cuts, stalls, statuses, headers — checked as a
// client on a real socket sees them, not as WireReply values.
#include <gtest/gtest.h>

#include "http_client.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {
namespace {

TEST(ScenarioFaultsHttp, DisconnectCutsTheJsonBodyShortOfItsContentLength) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_chat(client, simple_request(), {{"X-Chatmock-Scenario", "disconnect"}});
  // httplib reports a body shorter than Content-Length as a read error.
  EXPECT_FALSE(res);
  const auto after = post_chat(client, simple_request());
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST(ScenarioFaultsHttp, DisconnectEndsAStreamWithoutDone) {
  RunningServer server;
  auto client = client_for(server);
  std::string received;
  httplib::Request request;
  request.method = "POST";
  request.path = "/v1/chat/completions";
  request.headers =
      auth_headers({{"X-Chatmock-Scenario", "disconnect"}, {"Content-Type", "application/json"}});
  request.body = simple_request(true).dump();
  request.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    received.append(data, size);
    return true;
  };
  client.send(request);
  EXPECT_FALSE(received.empty());
  EXPECT_EQ(received.find("[DONE]"), std::string::npos);
}

TEST(ScenarioFaultsHttp, Error429CarriesRetryAndRateLimitHeaders) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_chat(client, simple_request(), {{"X-Chatmock-Scenario", "error_429"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_EQ(res->get_header_value("retry-after"), "1");
  EXPECT_EQ(res->get_header_value("retry-after-ms"), "10");
  EXPECT_EQ(res->get_header_value("x-ratelimit-remaining-requests"), "0");
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["code"], "rate_limit_exceeded");
}

TEST(ScenarioFaultsHttp, Html502IsServedAsTextHtml) {
  RunningServer server;
  auto client = client_for(server);
  const auto res =
      post_chat(client, simple_request(true), {{"X-Chatmock-Scenario", "error_html_502"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 502);
  EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("text/html"));
  EXPECT_NE(res->body.find("<html"), std::string::npos);
}

TEST(ScenarioFaultsHttp, RetrySequenceFailsTwiceThenSucceedsPerSession) {
  RunningServer server;
  auto client = client_for(server);
  const httplib::Headers session_a{{"X-Chatmock-Scenario", "http_500_503_then_success"},
                                   {"X-Chatmock-Session", "a"}};
  const httplib::Headers session_b{{"X-Chatmock-Scenario", "http_500_503_then_success"},
                                   {"X-Chatmock-Session", "b"}};
  EXPECT_EQ(post_chat(client, simple_request(), session_a)->status, 500);
  EXPECT_EQ(post_chat(client, simple_request(), session_b)->status, 500);
  EXPECT_EQ(post_chat(client, simple_request(), session_a)->status, 503);
  EXPECT_EQ(post_chat(client, simple_request(), session_a)->status, 200);
  EXPECT_EQ(post_chat(client, simple_request(), session_a)->status, 200);
  EXPECT_EQ(post_chat(client, simple_request(), session_b)->status, 503);
}

TEST(ScenarioFaultsHttp, ComposedScenarioAppliesBothTransformations) {
  RunningServer server;
  auto client = client_for(server);
  const auto res =
      post_chat(client, simple_request(true), {{"X-Chatmock-Scenario", "refusal+sse_crlf"}});
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("\r\n\r\n"), std::string::npos);
  EXPECT_NE(res->body.find("\"refusal\":\""), std::string::npos);
  EXPECT_EQ(streaming::decode_sse(res->body).back().data, "[DONE]");
}

TEST(ScenarioFaultsHttp, SlowScenarioHonoursTheLatencyHeader) {
  RunningServer server;
  auto client = client_for(server);
  const auto started = std::chrono::steady_clock::now();
  const auto res =
      post_chat(client, simple_request(true),
                {{"X-Chatmock-Scenario", "slow"}, {"X-Chatmock-Latency", "ttft=200,itl=1"}});
  ASSERT_TRUE(res);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200));
  EXPECT_EQ(streaming::decode_sse(res->body).back().data, "[DONE]");
}

}  // namespace
}  // namespace chatmock::testing
