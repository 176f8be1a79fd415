// Same request value + same seed → same bytes over a real socket, however the client serialises
// the body (key order, whitespace, escapes): SDKs in different languages reproduce one reply.
#include <gtest/gtest.h>
#include <httplib.h>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

std::string post(int port, const std::string& body) {
  httplib::Client client("127.0.0.1", port);
  const httplib::Headers headers{{"Authorization", "Bearer sk-test"}, {"X-Chatmock-Seed", "11"}};
  const auto result = client.Post("/v1/chat/completions", headers, body, "application/json");
  return result ? std::to_string(result->status) + " " + result->body : "no reply";
}

TEST(CanonicalSeedTest, KeyOrderAndWhitespaceOfTheBodyDoNotChangeTheReply) {
  RunningServer server;
  const auto compact =
      post(server.port(), R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],)"
                          R"("n":2,"stream":true,"stream_options":{"include_usage":true}})");
  const auto spaced = post(server.port(), R"({
    "stream_options": { "include_usage": true },
    "stream": true, "n": 2,
    "messages": [ { "content": "Hi", "role": "user" } ],
    "model": "gpt-4o-mini"
  })");
  EXPECT_TRUE(compact.starts_with("200 ")) << compact;
  EXPECT_EQ(compact, spaced);
  EXPECT_NE(compact, post(server.port(),
                          R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi!"}],)"
                          R"("n":2,"stream":true,"stream_options":{"include_usage":true}})"));
}

}  // namespace
}  // namespace chatmock::testing
