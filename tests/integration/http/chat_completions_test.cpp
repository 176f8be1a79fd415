// POST /v1/chat/completions over a real socket: JSON and SSE replies as a client reads them,
// the headers the SDKs look at, determinism by seed, and the scenario selection surfaces.
#include <gtest/gtest.h>

#include "api/chat_completion.h"
#include "api/chat_completion_chunk.h"
#include "http_client.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {
namespace {

TEST(ChatCompletionsHttp, JsonReplyParsesIntoTheModelWithStandardHeaders) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_chat(client, simple_request());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(res->get_header_value("x-request-id").starts_with("req_"));
  EXPECT_EQ(res->get_header_value("openai-version"), "2020-10-01");
  EXPECT_FALSE(res->get_header_value("x-ratelimit-remaining-requests").empty());
  const auto completion = nlohmann::json::parse(res->body).get<api::ChatCompletion>();
  EXPECT_TRUE(completion.id.starts_with("chatcmpl-"));
  ASSERT_EQ(completion.choices.size(), 1U);
}

TEST(ChatCompletionsHttp, StreamIsEventStreamOfChunksEndingWithDone) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_chat(client, simple_request(true));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("text/event-stream"));
  const auto events = streaming::decode_sse(res->body);
  ASSERT_GE(events.size(), 3U);
  EXPECT_EQ(events.back().data, "[DONE]");
  std::string content;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    const auto chunk = nlohmann::json::parse(events[i].data).get<api::ChatCompletionChunk>();
    EXPECT_EQ(chunk.object, "chat.completion.chunk");
    for (const auto& choice : chunk.choices) {
      if (choice.delta.content.has_value()) content += *choice.delta.content;
    }
  }
  EXPECT_FALSE(content.empty());
}

TEST(ChatCompletionsHttp, SameSeedHeaderGivesSameBodyBytes) {
  RunningServer server;
  auto client = client_for(server);
  const auto first = post_chat(client, simple_request(true), {{"X-Chatmock-Seed", "42"}});
  const auto second = post_chat(client, simple_request(true), {{"X-Chatmock-Seed", "42"}});
  const auto other = post_chat(client, simple_request(true), {{"X-Chatmock-Seed", "43"}});
  ASSERT_TRUE(first && second && other);
  EXPECT_EQ(first->body, second->body);
  EXPECT_EQ(first->get_header_value("x-request-id"), second->get_header_value("x-request-id"));
  EXPECT_NE(first->body, other->body);
}

TEST(ChatCompletionsHttp, MissingApiKeyIs401WithTheRealBody) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = client.Post("/v1/chat/completions", simple_request().dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["error"]["type"], "invalid_request_error");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("API key"), std::string::npos);
}

TEST(ChatCompletionsHttp, NoAuthServesWithoutAKey) {
  app::Config config;
  config.no_auth = true;
  RunningServer server(config);
  auto client = client_for(server);
  const auto res = client.Post("/v1/chat/completions", simple_request().dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ChatCompletionsHttp, InvalidRequestIs400NamingTheParam) {
  RunningServer server;
  auto client = client_for(server);
  auto request = simple_request();
  request["temperature"] = 7;
  const auto res = post_chat(client, request);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["error"]["type"], "invalid_request_error");
  EXPECT_EQ(body["error"]["param"], "temperature");
}

TEST(ChatCompletionsHttp, MalformedJsonIs400AndTheServerKeepsServing) {
  RunningServer server;
  auto client = client_for(server);
  const auto bad =
      client.Post("/v1/chat/completions", auth_headers(), "{\"model\": ", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(nlohmann::json::parse(bad->body).contains("error"));
  const auto good = post_chat(client, simple_request());
  ASSERT_TRUE(good);
  EXPECT_EQ(good->status, 200);
}

TEST(ChatCompletionsHttp, ScenarioByHeaderAndByPathPrefixAgree) {
  RunningServer server;
  auto client = client_for(server);
  const auto by_header = post_chat(client, simple_request(),
                                   {{"X-Chatmock-Scenario", "default"}, {"X-Chatmock-Seed", "5"}});
  const auto by_path = post_chat(client, simple_request(), {{"X-Chatmock-Seed", "5"}},
                                 "/scenarios/default/v1/chat/completions");
  ASSERT_TRUE(by_header && by_path);
  EXPECT_EQ(by_header->status, 200);
  EXPECT_EQ(by_path->status, 200);
  EXPECT_EQ(by_header->body, by_path->body);
}

TEST(ChatCompletionsHttp, UnknownScenarioIs400ListingValidNames) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_chat(client, simple_request(), {{"X-Chatmock-Scenario", "nope"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const auto message = nlohmann::json::parse(res->body)["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("nope"), std::string::npos);
  EXPECT_NE(message.find("default"), std::string::npos);
}

TEST(ChatCompletionsHttp, RateLimitExhaustionAnswers429WithRetryHeaders) {
  app::Config config;
  config.rate_limit.enforced = true;
  config.rate_limit.requests_per_minute = 2;
  RunningServer server(config);
  auto client = client_for(server);
  EXPECT_EQ(post_chat(client, simple_request())->status, 200);
  const auto second = post_chat(client, simple_request());
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->get_header_value("x-ratelimit-remaining-requests"), "0");
  const auto third = post_chat(client, simple_request());
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 429);
  EXPECT_FALSE(third->get_header_value("retry-after").empty());
  EXPECT_FALSE(third->get_header_value("retry-after-ms").empty());
  const auto body = nlohmann::json::parse(third->body);
  EXPECT_EQ(body["error"]["code"], "rate_limit_exceeded");
}

TEST(ChatCompletionsHttp, ServerLatencyPacesStreamWrites) {
  app::Config config;
  config.latency.ttft = std::chrono::milliseconds(150);
  RunningServer server(config);
  auto client = client_for(server);
  const auto started = std::chrono::steady_clock::now();
  const auto res = post_chat(client, simple_request(true));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(res);
  EXPECT_EQ(streaming::decode_sse(res->body).back().data, "[DONE]");
  EXPECT_GE(elapsed, std::chrono::milliseconds(150));
}

}  // namespace
}  // namespace chatmock::testing
