// What the admin API shows of a request never includes a credential: Google- and token-style
// headers, and keys pasted into a prompt, are redacted in /_chatmock/requests and near misses
// with the recorder's rules.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

const std::string kPromptKey = "sk-proj-PastedIntoAPrompt0123456789abcdef";
const std::string kGoogleKey = "AIzaSyFakeGoogleKey0123456789";
const std::string kAuthToken = "opaque-auth-token-42";
const std::string kBearer = "sk-test-journal-redaction-0001";

httplib::Headers credential_headers() {
  return {{"Authorization", "Bearer " + kBearer},
          {"X-Goog-Api-Key", kGoogleKey},
          {"X-Auth-Token", kAuthToken},
          {"X-Echo", "my token is " + kAuthToken}};
}

std::string chat_model(const std::string& model) {
  return nlohmann::json{
      {"model", model},
      {"max_tokens", 4},
      {"messages", {{{"role", "user"}, {"content", "use " + kPromptKey + " and " + kGoogleKey}}}}}
      .dump();
}

void expect_no_secret(const std::string& text) {
  for (const auto& secret : {kPromptKey, kGoogleKey, kAuthToken, kBearer}) {
    EXPECT_EQ(text.find(secret), std::string::npos)
        << secret << " leaked in " << text.substr(0, 2000);
  }
}

TEST(JournalRedaction, RequestsShowNoCredentialInHeadersOrBody) {
  RunningServer server;
  httplib::Client client("127.0.0.1", server.port());
  const auto answered = client.Post("/v1/chat/completions", credential_headers(),
                                    chat_model("gpt-4o-mini"), "application/json");
  ASSERT_TRUE(answered && answered->status == 200);
  const auto listed = client.Get("/_chatmock/requests");
  ASSERT_TRUE(listed && listed->status == 200);
  expect_no_secret(listed->body);
  const auto event = nlohmann::json::parse(listed->body)["requests"][0];
  EXPECT_EQ(event["headers"]["x-goog-api-key"], "[REDACTED]");
  EXPECT_EQ(event["headers"]["x-auth-token"], "[REDACTED]");
  EXPECT_EQ(event["headers"]["x-echo"], "my token is [REDACTED]");
  EXPECT_EQ(event["body"]["messages"][0]["content"], "use [REDACTED] and [REDACTED]");
  EXPECT_EQ(event["body"]["model"], "gpt-4o-mini");  // still JSON, still useful
}

TEST(JournalRedaction, NearMissesShowNoCredential) {
  app::Config config;
  config.strict = true;
  RunningServer server(config);
  httplib::Client client("127.0.0.1", server.port());
  const auto missed = client.Post("/v1/chat/completions", credential_headers(),
                                  chat_model("no-stub-matches-this"), "application/json");
  ASSERT_TRUE(missed);
  EXPECT_EQ(missed->status, 404);
  const auto near = client.Get("/_chatmock/near-misses");
  ASSERT_TRUE(near && near->status == 200);
  ASSERT_FALSE(nlohmann::json::parse(near->body)["near_misses"].empty());
  expect_no_secret(near->body);
  const auto journal = client.Get("/_chatmock/requests");
  expect_no_secret(journal->body);
}

}  // namespace
}  // namespace chatmock::testing
