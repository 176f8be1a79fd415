// The paths OpenAI-compatible clients call: AzureOpenAI's /openai/deployments/{deployment}/…
// (key in `api-key`, model from the deployment) and groq-sdk / Azure v1's /openai/v1/…, under
// every /scenarios/{name} prefix; and an unknown route is journaled like any other request.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

const std::string kAzureKey = "azure-key-0123456789abcdef";
const json kNoModel = {{"messages", {{{"role", "user"}, {"content", "Hello"}}}}};

httplib::Result post_json(RunningServer& server, const std::string& path, const json& body,
                          const httplib::Headers& headers = {{"api-key", kAzureKey}}) {
  httplib::Client client("127.0.0.1", server.port());
  return client.Post(path, headers, body.dump(), "application/json");
}

TEST(CompatiblePathsTest, AzureDeploymentPathTakesTheModelFromTheDeployment) {
  RunningServer server;
  const auto reply = post_json(
      server, "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21", kNoModel);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  EXPECT_EQ(json::parse(reply->body)["model"], "gpt-4o-mini-2024-07-18");

  // A body that names a model keeps it.
  auto named = kNoModel;
  named["model"] = "gpt-4o";
  const auto kept = post_json(server, "/openai/deployments/my-deployment/chat/completions", named);
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->status, 200) << kept->body;
  EXPECT_EQ(json::parse(kept->body)["model"], "gpt-4o-2024-08-06");
}

TEST(CompatiblePathsTest, OpenAiV1PathsServeCompletionsAndModels) {
  RunningServer server;
  auto body = kNoModel;
  body["model"] = "gpt-4o-mini";
  const auto reply = post_json(server, "/openai/v1/chat/completions", body,
                               {{"Authorization", "Bearer gsk_test"}});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  httplib::Client client("127.0.0.1", server.port());
  const auto models = client.Get("/openai/v1/models", {{"Authorization", "Bearer gsk_test"}});
  ASSERT_TRUE(models);
  EXPECT_EQ(models->status, 200);
  EXPECT_EQ(json::parse(models->body)["object"], "list");
}

TEST(CompatiblePathsTest, ScenarioPrefixesApplyToBothForms) {
  RunningServer server;
  auto body = kNoModel;
  for (const std::string path :
       {"/scenarios/refusal/openai/deployments/gpt-4o-mini/chat/completions",
        "/scenarios/refusal/openai/v1/chat/completions"}) {
    if (path.find("/v1/") != std::string::npos) body["model"] = "gpt-4o-mini";
    const auto reply = post_json(server, path, body);
    ASSERT_TRUE(reply) << path;
    ASSERT_EQ(reply->status, 200) << path << reply->body;
    EXPECT_TRUE(json::parse(reply->body)["choices"][0]["message"]["refusal"].is_string()) << path;
  }
}

TEST(CompatiblePathsTest, ApiKeyHeaderIsACredentialInTheJournal) {
  RunningServer server;
  ASSERT_EQ(post_json(server, "/openai/deployments/gpt-4o-mini/chat/completions", kNoModel)->status,
            200);
  httplib::Client client("127.0.0.1", server.port());
  const auto journal = client.Get("/_chatmock/requests");
  ASSERT_TRUE(journal);
  EXPECT_EQ(journal->body.find(kAzureKey), std::string::npos);
  const auto requests = json::parse(journal->body)["requests"];
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["path"], "/openai/deployments/gpt-4o-mini/chat/completions");
}

TEST(CompatiblePathsTest, UnknownRoutesAreJournaled) {
  RunningServer server;
  const auto reply = post_json(server, "/v2/chat/completions", kNoModel);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  httplib::Client client("127.0.0.1", server.port());
  const auto requests = json::parse(client.Get("/_chatmock/requests")->body)["requests"];
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["path"], "/v2/chat/completions");
  EXPECT_EQ(requests[0]["status"], 404);
  EXPECT_EQ(requests[0]["body"].dump().find(kAzureKey), std::string::npos);
}

}  // namespace
}  // namespace chatmock::testing
