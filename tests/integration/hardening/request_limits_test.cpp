// Body-level limits answered as the real API answers invalid requests: 400 with
// `invalid_request_error` and `param` naming the field, and 413 for an oversized body.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

httplib::Result post_limited(int port, const json& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  return client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}}, body.dump(),
                     "application/json");
}

json request_with_messages(std::size_t count, const std::string& text = "hi") {
  json body = {{"model", "gpt-4o-mini"}, {"messages", json::array()}};
  for (std::size_t i = 0; i < count; ++i)
    body["messages"].push_back({{"role", "user"}, {"content", text}});
  return body;
}

void expect_invalid(const httplib::Result& res, int status, const std::string& param) {
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, status) << res->body;
  const auto error = json::parse(res->body)["error"];
  EXPECT_EQ(error["type"], "invalid_request_error");
  if (!param.empty()) {
    EXPECT_EQ(error["param"], param) << res->body;
  }
}

TEST(RequestLimits, TooManyMessagesIsA400OnMessages) {
  app::Config config;
  config.validation.max_messages = 3;
  RunningServer server(config);
  ASSERT_EQ(post_limited(server.port(), request_with_messages(3))->status, 200);
  expect_invalid(post_limited(server.port(), request_with_messages(4)), 400, "messages");
}

TEST(RequestLimits, TooManyToolsIsA400OnTools) {
  app::Config config;
  config.validation.max_tools = 2;
  RunningServer server(config);
  auto body = request_with_messages(1);
  for (int i = 0; i < 3; ++i) {
    body["tools"].push_back(
        {{"type", "function"},
         {"function", {{"name", "f" + std::to_string(i)}, {"parameters", {{"type", "object"}}}}}});
  }
  expect_invalid(post_limited(server.port(), body), 400, "tools");
}

TEST(RequestLimits, OverlongStringIsA400NamingItsPath) {
  app::Config config;
  config.validation.max_string_bytes = 1000;
  RunningServer server(config);
  expect_invalid(post_limited(server.port(), request_with_messages(1, std::string(1001, 'a'))), 400,
                 "messages[0].content");
}

TEST(RequestLimits, NestingBeyondTheDepthLimitIsA400) {
  app::Config config;
  config.body_limits.max_depth = 8;
  RunningServer server(config);
  auto body = request_with_messages(1);
  json deep = json::array();
  for (int i = 0; i < 10; ++i) deep = json::array({deep});
  body["metadata_extra"] = deep;
  expect_invalid(post_limited(server.port(), body), 400, "");
}

TEST(RequestLimits, OversizedBodyIsA413) {
  app::Config config;
  config.body_limits.max_bytes = 4096;
  config.http.max_body_bytes = 4096;
  RunningServer server(config);
  const auto res = post_limited(server.port(), request_with_messages(1, std::string(8192, 'a')));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413) << res->body;
}

}  // namespace
}  // namespace chatmock::testing
