// Chat's machinery on POST /v1/responses over a real socket: --rate-limit's 429 (the same body
// and headers as chat's), seeded chaos faults named in the journal, GET ?stream=true replays of
// the POST's events, error scenarios worded for `input`, and a chat-only --scenario that gives
// way to `default` here while the same name in a header is still refused.
#include <gtest/gtest.h>

#include "http_client.h"
#include "reply/chaos.h"
#include "scenarios/scenario_catalogue.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

const json kMachineryRequest = {{"model", "gpt-4o-mini"}, {"input", "Tell me a story"}};

TEST(ResponsesMachineryHttp, RateLimitAnswersTheSame429AsChat) {
  app::Config config;
  config.rate_limit.enforced = true;
  config.rate_limit.requests_per_minute = 1;
  RunningServer server(config);
  auto client = client_for(server);
  EXPECT_EQ(post_response(client, kMachineryRequest)->status, 200);
  const auto limited = post_response(client, kMachineryRequest);
  ASSERT_TRUE(limited);
  ASSERT_EQ(limited->status, 429);
  EXPECT_FALSE(limited->get_header_value("retry-after").empty());
  EXPECT_EQ(limited->get_header_value("x-ratelimit-remaining-requests"), "0");
  const auto chat = post_chat(client, simple_request());  // the same key's bucket
  ASSERT_TRUE(chat);
  ASSERT_EQ(chat->status, 429);
  auto responses_error = json::parse(limited->body)["error"];
  auto chat_error = json::parse(chat->body)["error"];
  EXPECT_EQ(responses_error["code"], "rate_limit_exceeded");
  EXPECT_EQ(responses_error["type"], chat_error["type"]);
  EXPECT_EQ(responses_error["param"], chat_error["param"]);
}

TEST(ResponsesMachineryHttp, ChaosFaultsResponsesAndTheJournalNamesTheFault) {
  app::Config config;
  auto spec = reply::parse_chaos("error_503=100%", scenarios::builtin_catalogue(), "--chaos");
  ASSERT_TRUE(spec);
  config.chaos = std::move(*spec);
  RunningServer server(config);
  auto client = client_for(server);
  const auto faulted = post_response(client, kMachineryRequest);
  ASSERT_TRUE(faulted);
  EXPECT_EQ(faulted->status, 503);
  EXPECT_EQ(json::parse(faulted->body)["error"]["type"], "server_error");
  const auto journal = json::parse(client.Get("/_chatmock/requests")->body)["requests"];
  ASSERT_EQ(journal.size(), 1U);
  EXPECT_EQ(journal[0]["chaos"], "error_503");
  EXPECT_EQ(journal[0]["scenario"], "chaos:error_503");
}

TEST(ResponsesMachineryHttp, GetWithStreamReplaysThePostsEventsAfterStartingAfter) {
  RunningServer server;
  auto client = client_for(server);
  auto body = kMachineryRequest;
  body["stream"] = true;
  const auto posted = post_response(client, body, {{"X-Chatmock-Seed", "11"}});
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 200);
  const auto events = streaming::decode_sse(posted->body);
  ASSERT_GT(events.size(), 5U);
  const auto id = json::parse(events.back().data)["response"]["id"].get<std::string>();
  const auto replay = client.Get("/v1/responses/" + id + "?stream=true", auth_headers());
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 200);
  EXPECT_EQ(replay->get_header_value("Content-Type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(replay->body, posted->body);
  // After sequence number 2: exactly the bytes of the events numbered 3 and up.
  const auto after =
      client.Get("/v1/responses/" + id + "?stream=true&starting_after=2", auth_headers());
  ASSERT_TRUE(after);
  auto numbered = posted->body.find("\"sequence_number\":3,");
  if (numbered == std::string::npos) numbered = posted->body.find("\"sequence_number\":3}");
  ASSERT_NE(numbered, std::string::npos);
  const auto third = posted->body.rfind("event: ", numbered);
  ASSERT_NE(third, std::string::npos);
  EXPECT_EQ(after->body, posted->body.substr(third));
  const auto bad =
      client.Get("/v1/responses/" + id + "?stream=true&starting_after=-1", auth_headers());
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["param"], "starting_after");
}

TEST(ResponsesMachineryHttp, AJsonPostReplaysAsTheStreamTheSameSeedWouldHaveSent) {
  RunningServer server;
  auto client = client_for(server);
  const auto posted = post_response(client, kMachineryRequest, {{"X-Chatmock-Seed", "5"}});
  ASSERT_TRUE(posted);
  const auto response = json::parse(posted->body);
  const auto replay = client.Get(
      "/v1/responses/" + response["id"].get<std::string>() + "?stream=true", auth_headers());
  ASSERT_TRUE(replay);
  const auto events = streaming::decode_sse(replay->body);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().event.value_or(""), "response.created");
  EXPECT_EQ(events.back().event.value_or(""), "response.completed");
  EXPECT_EQ(json::parse(events.back().data)["response"], response);
}

TEST(ResponsesMachineryHttp, ErrorScenariosNameInputAsTheParam) {
  RunningServer server;
  auto client = client_for(server);
  const auto error =
      post_response(client, kMachineryRequest, {{"X-Chatmock-Scenario", "error_400"}});
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 400);
  const auto body = json::parse(error->body)["error"];
  EXPECT_EQ(body["param"], "input");
  EXPECT_EQ(body["code"], "context_length_exceeded");
  const auto chat = post_chat(client, simple_request(), {{"X-Chatmock-Scenario", "error_400"}});
  EXPECT_EQ(json::parse(chat->body)["error"]["param"], "messages");
  const auto validation =
      post_response(client, kMachineryRequest, {{"X-Chatmock-Scenario", "http_400_validation"}});
  EXPECT_EQ(json::parse(validation->body)["error"]["param"], "input[2].call_id");
}

TEST(ResponsesMachineryHttp, AChatOnlyDefaultScenarioGivesWayButAHeaderIsStillRefused) {
  app::Config config;
  config.default_scenario = "null_content";
  RunningServer server(config);
  auto client = client_for(server);
  const auto served = post_response(client, kMachineryRequest);
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  EXPECT_EQ(json::parse(served->body)["status"], "completed");
  const auto chat = post_chat(client, simple_request());
  EXPECT_TRUE(json::parse(chat->body)["choices"][0]["message"]["content"].is_null());
  const auto refused =
      post_response(client, kMachineryRequest, {{"X-Chatmock-Scenario", "null_content"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body)["error"]["code"], "unsupported_scenario");
}

}  // namespace
}  // namespace chatmock::testing
