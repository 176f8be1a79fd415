// The Responses API over a real socket: JSON and SSE forms of POST /v1/responses, GET equal to
// the POST body, DELETE, input_items, previous_response_id chaining and its 400, store:false,
// per-session isolation and the journal.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "http_client.h"
#include "streaming/sse_decoder.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

const json kRequest = {{"model", "gpt-4o-mini"}, {"input", "hi"}};

TEST(ResponsesHttp, PostReturnsAResponseAndGetReturnsTheSameBytes) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, kRequest);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_TRUE(res->get_header_value("x-request-id").starts_with("req_"));
  const auto response = body_of(res);
  EXPECT_EQ(response["object"], "response");
  EXPECT_EQ(response["status"], "completed");
  const auto id = response["id"].get<std::string>();
  EXPECT_TRUE(id.starts_with("resp_"));
  const auto got = client.Get("/v1/responses/" + id, auth_headers());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, res->body);
}

TEST(ResponsesHttp, StreamIsNamedEventsEndingWithTheStoredResponse) {
  RunningServer server;
  auto client = client_for(server);
  auto request = kRequest;
  request["stream"] = true;
  const auto res = post_response(client, request, {{"X-Chatmock-Seed", "7"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_TRUE(res->get_header_value("Content-Type").starts_with("text/event-stream"));
  const auto events = streaming::decode_sse(res->body);
  ASSERT_GE(events.size(), 9U);
  std::string text;
  for (std::size_t i = 0; i < events.size(); ++i) {
    ASSERT_NE(events[i].data, "[DONE]");
    const auto event = json::parse(events[i].data);
    EXPECT_EQ(events[i].event, event["type"].get<std::string>());
    EXPECT_EQ(event["sequence_number"], i);
    if (event["type"] == "response.output_text.delta") text += event["delta"].get<std::string>();
  }
  EXPECT_EQ(events.front().event, "response.created");
  ASSERT_EQ(events.back().event, "response.completed");
  const auto completed = json::parse(events.back().data)["response"];
  EXPECT_EQ(completed["output"][0]["content"][0]["text"], text);
  const auto got =
      client.Get("/v1/responses/" + completed["id"].get<std::string>(), auth_headers());
  ASSERT_TRUE(got);
  EXPECT_EQ(body_of(got), completed);
}

TEST(ResponsesHttp, SameSeedGivesSameBytesOtherSeedOtherBytes) {
  RunningServer server;
  auto client = client_for(server);
  const auto first = post_response(client, kRequest, {{"X-Chatmock-Seed", "42"}});
  const auto second = post_response(client, kRequest, {{"X-Chatmock-Seed", "42"}});
  const auto other = post_response(client, kRequest, {{"X-Chatmock-Seed", "43"}});
  ASSERT_TRUE(first && second && other);
  EXPECT_EQ(first->body, second->body);
  EXPECT_NE(first->body, other->body);
}

TEST(ResponsesHttp, DeleteThenGetIs404WithTheApiBody) {
  RunningServer server;
  auto client = client_for(server);
  const auto id = body_of(post_response(client, kRequest))["id"].get<std::string>();
  const auto deleted = client.Delete("/v1/responses/" + id, auth_headers());
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 200);
  EXPECT_EQ(body_of(deleted), json({{"id", id}, {"object", "response"}, {"deleted", true}}));
  const auto got = client.Get("/v1/responses/" + id, auth_headers());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 404);
  EXPECT_EQ(body_of(got), json::parse(R"({"error":{"message":"Response with id ')" + id +
                                      R"(' not found.","type":"invalid_request_error",
                                      "param":null,"code":null}})"));
  EXPECT_EQ(client.Delete("/v1/responses/" + id, auth_headers())->status, 404);
}

TEST(ResponsesHttp, InputItemsListTheInputNewestFirst) {
  RunningServer server;
  auto client = client_for(server);
  const json input = {
      {{"role", "user"}, {"content", "one"}},
      {{"role", "assistant"}, {"content", "two"}},
      {{"role", "user"}, {"content", [] {
                            return json::array({{{"type", "input_text"}, {"text", "three"}}});
                          }()}}};
  const auto id = body_of(post_response(client, {{"model", "gpt-4o-mini"}, {"input", input}}))["id"]
                      .get<std::string>();
  const auto all = client.Get("/v1/responses/" + id + "/input_items", auth_headers());
  ASSERT_TRUE(all);
  ASSERT_EQ(all->status, 200);
  const auto list = body_of(all);
  EXPECT_EQ(list["object"], "list");
  ASSERT_EQ(list["data"].size(), 3U);
  EXPECT_EQ(list["data"][0]["content"][0]["text"], "three");
  EXPECT_EQ(list["first_id"], list["data"][0]["id"]);
  const auto page =
      body_of(client.Get("/v1/responses/" + id + "/input_items?order=asc&limit=1&after=" +
                             list["data"][2]["id"].get<std::string>(),
                         auth_headers()));
  ASSERT_EQ(page["data"].size(), 1U);
  EXPECT_EQ(page["data"][0]["content"][0]["text"], "two");
  EXPECT_EQ(page["has_more"], true);
  EXPECT_EQ(client.Get("/v1/responses/" + id + "/input_items?limit=0", auth_headers())->status,
            400);
}

TEST(ResponsesHttp, PreviousResponseIdChainsAndUnknownIdIsThe400ClientsMatch) {
  RunningServer server;
  auto client = client_for(server);
  const auto first = body_of(post_response(client, kRequest));
  auto next = kRequest;
  next["previous_response_id"] = first["id"];
  const auto chained = post_response(client, next);
  ASSERT_TRUE(chained);
  ASSERT_EQ(chained->status, 200);
  const auto second = body_of(chained);
  EXPECT_EQ(second["previous_response_id"], first["id"]);
  EXPECT_GT(second["usage"]["input_tokens"].get<int>(),
            first["usage"]["input_tokens"].get<int>() + first["usage"]["output_tokens"].get<int>());
  next["previous_response_id"] = "resp_unknown";
  next["stream"] = true;
  const auto missing = post_response(client, next);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(
      body_of(missing),
      json::parse(R"({"error":{"message":"Previous response with id 'resp_unknown' not found.",
            "type":"invalid_request_error","param":"previous_response_id",
            "code":"previous_response_not_found"}})"));
}

TEST(ResponsesHttp, ReferencesResolveInTheSessionAndDanglingOnesAreThe400s) {
  RunningServer server;
  auto client = client_for(server);
  const httplib::Headers session = {{"X-Chatmock-Session", "refs"}};
  const auto first = post_response(client, kRequest, session);
  ASSERT_TRUE(first);
  const auto message_id = body_of(first)["output"][0]["id"].get<std::string>();
  const json call = {{"type", "function_call"},
                     {"call_id", "call_1"},
                     {"name", "get_weather"},
                     {"arguments", "{}"}};
  const json answer = {{"type", "function_call_output"}, {"call_id", "call_1"}, {"output", "22C"}};
  const json reference = {{"type", "item_reference"}, {"id", message_id}};
  json request = {{"model", "gpt-4o-mini"}, {"input", {reference, call, answer}}};
  auto res = post_response(client, request, session);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  // The referenced item is listed as what it resolved to.
  const auto items = client.Get(
      "/v1/responses/" + body_of(res)["id"].get<std::string>() + "/input_items?order=asc",
      auth_headers(session));
  ASSERT_TRUE(items);
  EXPECT_EQ(body_of(items)["data"][0]["role"], "assistant");

  res = post_response(client, request);  // another session cannot see the item
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["error"]["message"], "Item with id '" + message_id + "' not found.");
  request["input"] = json::array({answer});  // {answer} alone is the object itself under clang
  res = post_response(client, request, session);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["error"]["message"],
            "No tool call found for function call output with call_id call_1.");
  EXPECT_EQ(body_of(res)["error"]["param"], "input");
}

TEST(ResponsesHttp, StoreFalseIsNeitherRetrievableNorChainable) {
  RunningServer server;
  auto client = client_for(server);
  auto request = kRequest;
  request["store"] = false;
  const auto response = body_of(post_response(client, request));
  EXPECT_EQ(response["store"], false);
  const auto id = response["id"].get<std::string>();
  EXPECT_EQ(client.Get("/v1/responses/" + id, auth_headers())->status, 404);
  auto next = kRequest;
  next["previous_response_id"] = id;
  EXPECT_EQ(post_response(client, next)->status, 400);
}

TEST(ResponsesHttp, ASessionsResponsesAreInvisibleToAnotherSession) {
  RunningServer server;
  auto client = client_for(server);
  const auto res = post_response(client, kRequest, {}, "/sessions/alpha/v1/responses");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto id = body_of(res)["id"].get<std::string>();
  EXPECT_EQ(client.Get("/sessions/alpha/v1/responses/" + id, auth_headers())->status, 200);
  EXPECT_EQ(
      client.Get("/v1/responses/" + id, auth_headers({{"X-Chatmock-Session", "alpha"}}))->status,
      200);
  EXPECT_EQ(client.Get("/sessions/beta/v1/responses/" + id, auth_headers())->status, 404);
  EXPECT_EQ(client.Get("/v1/responses/" + id, auth_headers())->status, 404);
}

TEST(ResponsesHttp, ErrorsUseTheChatShapes) {
  RunningServer server;
  auto client = client_for(server);
  const auto unauthorized = client.Post("/v1/responses", kRequest.dump(), "application/json");
  ASSERT_TRUE(unauthorized);
  EXPECT_EQ(unauthorized->status, 401);
  auto request = kRequest;
  request["foo"] = 1;
  const auto unknown = post_response(client, request);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(body_of(unknown)["error"]["message"], "Unknown parameter: 'foo'.");
  request = kRequest;
  request["max_output_tokens"] = 8;
  EXPECT_EQ(body_of(post_response(client, request))["error"]["code"], "integer_below_min_value");
}

TEST(ResponsesHttp, WordsHeaderSetsTheAnswerAndTheReplyBudgetBoundsIt) {
  app::Config config;
  config.budget.reply_bytes = 64 * 1024;
  RunningServer server(config);
  auto client = client_for(server);
  const auto res = post_response(client, kRequest, {{"X-Chatmock-Words", "300"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto text = body_of(res)["output"][0]["content"][0]["text"].get<std::string>();
  EXPECT_EQ(std::count(text.begin(), text.end(), ' ') + 1, 300);
  // 1,000 words fit 64 KiB as JSON but not as 1,000 delta events: refused before any is built.
  auto streamed = kRequest;
  streamed["stream"] = true;
  EXPECT_EQ(post_response(client, kRequest, {{"X-Chatmock-Words", "1000"}})->status, 200);
  const auto refused = post_response(client, streamed, {{"X-Chatmock-Words", "1000"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(body_of(refused)["error"]["code"], "reply_too_large");
  EXPECT_EQ(body_of(refused)["error"]["param"], "X-Chatmock-Words");
}

TEST(ResponsesHttp, EveryCallIsJournaled) {
  RunningServer server;
  auto client = client_for(server);
  const auto id = body_of(post_response(client, kRequest))["id"].get<std::string>();
  client.Get("/v1/responses/" + id, auth_headers());
  client.Delete("/v1/responses/" + id, auth_headers());
  const auto journal = body_of(client.Get("/_chatmock/requests"))["requests"];
  ASSERT_EQ(journal.size(), 3U);
  EXPECT_EQ(journal[0]["method"], "POST");
  EXPECT_EQ(journal[0]["path"], "/v1/responses");
  EXPECT_EQ(journal[0]["status"], 200);
  EXPECT_EQ(journal[1]["method"], "GET");
  EXPECT_EQ(journal[2]["method"], "DELETE");
}

TEST(ResponsesHttp, LatencyHeaderPacesEveryEventAndScenarioPrefixIsAccepted) {
  RunningServer server;
  auto client = client_for(server);
  auto request = kRequest;
  request["stream"] = true;
  const auto started = std::chrono::steady_clock::now();
  const auto res = post_response(client, request, {{"X-Chatmock-Latency", "ttft=0,itl=20"}},
                                 "/scenarios/default/v1/responses");
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto events = streaming::decode_sse(res->body);
  ASSERT_GE(events.size(), 9U);
  EXPECT_GE(elapsed, std::chrono::milliseconds(20 * (events.size() - 1)));
}

}  // namespace
}  // namespace chatmock::testing
