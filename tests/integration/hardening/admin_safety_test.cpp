// The admin API on a developer's laptop: a web page they visit must not be able to read or
// change the mock. A rebound Host, another Origin and a text/plain POST are refused with 403;
// the project's own clients (JSON, proper Host, no Origin) are not.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const std::string kStub =
    R"({"id": "greeting", "match": {"model": "m1"}, "reply": {"synthesize": {"content": "hi"}}})";

httplib::Client admin_client(const RunningServer& server) {
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(10, 0);
  return client;
}

nlohmann::json error_of(const httplib::Result& result) {
  return nlohmann::json::parse(result->body)["error"];
}

TEST(AdminSafety, AnotherHostIsRefusedNamingAllowHost) {
  RunningServer server;
  auto client = admin_client(server);
  const auto refused = client.Get("/_chatmock/requests", {{"Host", "evil.example"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  const auto error = error_of(refused);
  EXPECT_EQ(error["code"], "admin_host_not_allowed");
  EXPECT_EQ(error["type"], "invalid_request_error");
  EXPECT_NE(error["message"].get<std::string>().find("--allow-host"), std::string::npos);
  const auto rebound = client.Post("/_chatmock/fixtures",
                                   {{"Host", "evil.example:" + std::to_string(server.port())}},
                                   kStub, "application/json");
  EXPECT_EQ(rebound->status, 403);
}

TEST(AdminSafety, AnAllowedHostIsAccepted) {
  app::Config config;
  config.allowed_hosts = {"mock.test"};
  RunningServer server(config);
  auto client = admin_client(server);
  EXPECT_EQ(client.Get("/_chatmock/health", {{"Host", "mock.test:8080"}})->status, 200);
  EXPECT_EQ(client.Get("/_chatmock/health", {{"Host", "localhost"}})->status, 200);
  EXPECT_EQ(client.Get("/_chatmock/health", {{"Host", "other.test"}})->status, 403);
}

TEST(AdminSafety, ATextPlainPostIsRefused) {
  RunningServer server;
  auto client = admin_client(server);
  const auto refused = client.Post("/_chatmock/fixtures", kStub, "text/plain");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(error_of(refused)["code"], "admin_content_type");
  EXPECT_EQ(client.Post("/_chatmock/reset", "", "application/x-www-form-urlencoded")->status, 403);
  const auto listed = nlohmann::json::parse(client.Get("/_chatmock/fixtures")->body);
  for (const auto& fixture : listed["fixtures"]) EXPECT_NE(fixture["id"], "greeting");
}

TEST(AdminSafety, ACrossOriginRequestIsRefused) {
  RunningServer server;
  auto client = admin_client(server);
  const auto refused = client.Post("/_chatmock/fixtures", {{"Origin", "https://evil.example"}},
                                   kStub, "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(error_of(refused)["code"], "admin_cross_origin");
  EXPECT_EQ(client.Get("/_chatmock/requests", {{"Origin", "null"}})->status, 403);
  const std::string own = "http://127.0.0.1:" + std::to_string(server.port());
  EXPECT_EQ(client.Get("/_chatmock/health", {{"Origin", own}})->status, 200);
}

TEST(AdminSafety, TheProjectsOwnClientsStillWork) {
  RunningServer server;
  auto client = admin_client(server);
  const auto added = client.Post("/_chatmock/fixtures", kStub, "application/json");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(client.Delete("/_chatmock/fixtures/greeting")->status, 200);
  EXPECT_EQ(client.Delete("/_chatmock/requests")->status, 200);
  // clients/python sends POST /_chatmock/reset with no body and no content type.
  EXPECT_EQ(client.Post("/_chatmock/reset")->status, 200);
  EXPECT_EQ(client.Get("/_chatmock/state")->status, 200);
}

TEST(AdminSafety, TheApiItselfIsNotHostGuarded) {
  RunningServer server;
  auto client = admin_client(server);
  const auto models =
      client.Get("/v1/models", {{"Host", "api.openai.example"}, {"Authorization", "Bearer sk-x"}});
  ASSERT_TRUE(models);
  EXPECT_EQ(models->status, 200);
}

TEST(AdminSafety, WithAnAdminTokenTheTokenDecidesAndBrowserChecksStay) {
  app::Config config;
  config.admin_token = "s3cret";
  RunningServer server(config);
  auto client = admin_client(server);
  const httplib::Headers token{{"Authorization", "Bearer s3cret"}, {"Host", "mock.example:8080"}};
  EXPECT_EQ(client.Get("/_chatmock/health", token)->status, 200);
  EXPECT_EQ(client.Get("/_chatmock/health", {{"Host", "mock.example"}})->status, 401);
  EXPECT_EQ(client.Post("/_chatmock/fixtures", token, kStub, "text/plain")->status, 403);
}

}  // namespace
}  // namespace chatmock::testing
