// Everything around the completions route: models, admin API, journal and its redaction,
// sequences keyed by session, 404/405 with OpenAI-shaped bodies, the admin token.
#include <gtest/gtest.h>

#include "http_client.h"

namespace chatmock::testing {
namespace {

nlohmann::json json_of(const httplib::Result& res) { return nlohmann::json::parse(res->body); }

TEST(ModelsHttp, ListsModelsAndRetrievesOne) {
  RunningServer server;
  auto client = client_for(server);
  const auto list = client.Get("/v1/models", auth_headers());
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(json_of(list)["object"], "list");
  ASSERT_FALSE(json_of(list)["data"].empty());
  const auto one = client.Get("/v1/models/gpt-4o-mini", auth_headers());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(json_of(one)["id"], "gpt-4o-mini");
  const auto missing = client.Get("/v1/models/not-a-model", auth_headers());
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json_of(missing)["error"]["code"], "model_not_found");
}

TEST(RoutesHttp, UnknownRouteIs404AndWrongMethodIs405WithOpenAiBodies) {
  RunningServer server;
  auto client = client_for(server);
  const auto unknown = client.Get("/v1/embeddings-nope", auth_headers());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(json_of(unknown)["error"]["type"], "invalid_request_error");
  const auto wrong = client.Get("/v1/chat/completions", auth_headers());
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_TRUE(json_of(wrong)["error"]["message"].is_string());
}

TEST(AdminHttp, HealthAndScenarioListing) {
  RunningServer server;
  auto client = client_for(server);
  const auto health = client.Get("/_chatmock/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  const auto scenarios = client.Get("/_chatmock/scenarios");
  ASSERT_TRUE(scenarios);
  const auto entries = json_of(scenarios);
  ASSERT_TRUE(entries.is_array());
  bool has_default = false;
  for (const auto& entry : entries) has_default = has_default || entry["name"] == "default";
  EXPECT_TRUE(has_default);
}

TEST(AdminHttp, JournalRecordsRequestsWithoutTheApiKeyAndClears) {
  RunningServer server;
  auto client = client_for(server);
  ASSERT_EQ(post_chat(client, simple_request())->status, 200);
  const auto journal = client.Get("/_chatmock/requests");
  ASSERT_TRUE(journal);
  EXPECT_EQ(journal->body.find("sk-test-integration"), std::string::npos);
  const auto entries = json_of(journal)["requests"];
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["path"], "/v1/chat/completions");
  EXPECT_EQ(entries[0]["status"], 200);
  ASSERT_EQ(client.Delete("/_chatmock/requests")->status / 100, 2);
  EXPECT_TRUE(json_of(client.Get("/_chatmock/requests"))["requests"].empty());
}

TEST(AdminHttp, AdminTokenGuardsAdminRoutesOnly) {
  app::Config config;
  config.admin_token = "let-me-in";
  RunningServer server(config);
  auto client = client_for(server);
  EXPECT_EQ(client.Get("/_chatmock/requests")->status, 401);
  EXPECT_EQ(client.Get("/_chatmock/requests", {{"Authorization", "Bearer let-me-in"}})->status,
            200);
  EXPECT_EQ(post_chat(client, simple_request())->status, 200);
}

TEST(SequencesHttp, CommaListIsServedInOrderPerSessionAndTheLastRepeats) {
  RunningServer server;
  auto client = client_for(server);
  const httplib::Headers headers{{"X-Chatmock-Scenario", "error_500,default"},
                                 {"X-Chatmock-Session", "s1"}};
  EXPECT_EQ(post_chat(client, simple_request(), headers)->status, 500);
  EXPECT_EQ(post_chat(client, simple_request(), headers)->status, 200);
  EXPECT_EQ(post_chat(client, simple_request(), headers)->status, 200);
  const auto entries = json_of(client.Get("/_chatmock/requests"))["requests"];
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_EQ(entries[0]["scenario"], "error_500,default");
  EXPECT_EQ(entries[0]["status"], 500);
}

TEST(AdminHttp, ResetClearsJournal) {
  RunningServer server;
  auto client = client_for(server);
  post_chat(client, simple_request());
  EXPECT_EQ(client.Post("/_chatmock/reset", "", "application/json")->status / 100, 2);
  EXPECT_TRUE(json_of(client.Get("/_chatmock/requests"))["requests"].empty());
}

}  // namespace
}  // namespace chatmock::testing
