// The journal and the recorder hide the same things: every header either path treats as a
// credential is hidden by both, and a prompt built to be slow to redact is recorded quickly.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "journal/serve_event.h"
#include "recording/redactor.h"
#include "recording/stub_snapshot.h"

namespace chatmock::recording {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

const std::vector<std::string>& candidate_headers() {
  static const std::vector<std::string> names = {"authorization",
                                                 "proxy-authorization",
                                                 "cookie",
                                                 "set-cookie",
                                                 "openai-organization",
                                                 "openai-project",
                                                 "api-key",
                                                 "x-api-key",
                                                 "x-goog-api-key",
                                                 "x-auth-token",
                                                 "x-amz-security-token",
                                                 "x-client-secret",
                                                 "x-request-id",
                                                 "x-ratelimit-remaining-tokens",
                                                 "content-language",
                                                 "x-trace"};
  return names;
}

wire::HttpRequest chat_request(Pairs headers, const std::string& prompt) {
  wire::HttpRequest request;
  request.path = "/v1/chat/completions";
  request.headers = std::move(headers);
  request.body = nlohmann::json{{"model", "gpt-4o-mini"},
                                {"messages", {{{"role", "user"}, {"content", prompt}}}}}
                     .dump();
  return request;
}

http::UpstreamResponse response_with(Pairs headers, std::string body) {
  http::UpstreamResponse response;
  response.status = 200;
  response.complete = true;
  headers.emplace_back("content-type", "application/json");
  response.headers = std::move(headers);
  response.pieces = {{std::move(body), std::chrono::milliseconds(0)}};
  return response;
}

TEST(SharedCredentialsTest, EveryHeaderEitherPathRedactsIsRedactedByBoth) {
  Pairs headers;
  for (std::size_t i = 0; i < candidate_headers().size(); ++i)
    headers.emplace_back(candidate_headers()[i], "value-" + std::to_string(i) + "-abcdef");
  const auto journaled = journal::redact_headers(headers);
  const auto snapshot =
      snapshot_of(chat_request(headers, "hi"), response_with(headers, "{}"), "u", "t");
  ASSERT_TRUE(snapshot);
  const auto& recorded = snapshot->stub["reply"]["headers"];
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const auto& [name, value] = headers[i];
    const bool journal_hides = journaled[i].second != value;
    const bool recorder_hides = !recorded.contains(name) || recorded[name] != value;
    EXPECT_EQ(journal_hides, recorder_hides) << name;
    EXPECT_EQ(journal_hides, Redactor::is_credential_header(name)) << name;
  }
}

TEST(SharedCredentialsTest, ARequestCredentialEchoedInABodyIsHiddenByBoth) {
  const Pairs headers = {{"x-goog-api-key", "AIzaFakeGoogleKey123"}};
  const auto request = chat_request(headers, "my key is AIzaFakeGoogleKey123");
  const auto snapshot =
      snapshot_of(request, response_with({}, R"({"echo":"AIzaFakeGoogleKey123"})"), "u", "t");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->stub.dump().find("AIzaFakeGoogleKey123"), std::string::npos);
  EXPECT_EQ(journal::SecretRedactor(headers).redact(request.body).find("AIzaFakeGoogleKey123"),
            std::string::npos);
}

// Was 19 s: the redactor rescanned the rest of an sk- run for every "sk-" in it.
TEST(SharedCredentialsTest, RecordingA300KbPromptOfSkSkSkTakesMilliseconds) {
  std::string prompt;
  while (prompt.size() < 300 * 1024) prompt += "sk-";
  const auto request = chat_request({{"authorization", "Bearer sk-test-0123456789abcdef"}}, prompt);
  const auto start = std::chrono::steady_clock::now();
  const auto snapshot = snapshot_of(request, response_with({}, "{}"), "u", "t");
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::printf("recording a 300 KB sk-sk-… prompt: %.1f ms\n", took.count() * 1000);
  ASSERT_TRUE(snapshot);
  EXPECT_LT(took.count(), 5.0);
  EXPECT_EQ(snapshot->stub["match"]["body"]["messages"][0]["content"], "[REDACTED]");
}

}  // namespace
}  // namespace chatmock::recording
