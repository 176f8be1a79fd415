// The per-request work budget over real sockets: requests whose replies used to take gigabytes
// or never finish (large × n, words × n, logprobs, keep-alive over a huge ttft, 1,360-way
// compositions, overflowing latencies) are refused fast with a 400 naming the limit and flag,
// and the server keeps answering. Bounds are generous: a loaded 2-core machine must pass.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
constexpr auto kAnswerWithin = std::chrono::seconds(20);

struct Timed {
  httplib::Result result;
  Clock::duration took;
};

Timed post(int port, const json& body, const httplib::Headers& extra) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60, 0);
  httplib::Headers headers = extra;
  headers.emplace("Authorization", "Bearer sk-x");
  const auto start = Clock::now();
  auto result = client.Post("/v1/chat/completions", headers, body.dump(), "application/json");
  return {std::move(result), Clock::now() - start};
}

json budget_chat(std::int64_t n = 1, bool stream = false) {
  return {{"model", "gpt-4o-mini"},
          {"messages", {{{"role", "user"}, {"content", "hi"}}}},
          {"n", n},
          {"stream", stream}};
}

/// Resident memory of this process (the server runs in it), in MiB; 0 when unknown.
long rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      long kib = 0;
      status >> kib;
      return kib / 1024;
    }
  }
  return 0;
}

void expect_refused(const Timed& timed, const std::string& code, const std::string& mentions) {
  ASSERT_TRUE(timed.result) << "no reply";
  EXPECT_EQ(timed.result->status, 400) << timed.result->body.substr(0, 400);
  EXPECT_LT(timed.took, kAnswerWithin);
  EXPECT_LT(timed.result->body.size(), 4096u);
  const auto error = json::parse(timed.result->body)["error"];
  EXPECT_EQ(error["type"], "invalid_request_error");
  EXPECT_EQ(error["code"], code) << error.dump();
  EXPECT_NE(error["message"].get<std::string>().find(mentions), std::string::npos) << error.dump();
}

void expect_alive(int port) {
  const auto timed = post(port, budget_chat(), {});
  ASSERT_TRUE(timed.result);
  EXPECT_EQ(timed.result->status, 200);
}

class RequestBudget : public ::testing::Test {
 protected:
  RunningServer server;
  long rss_before = rss_mib();
  void TearDown() override {
    expect_alive(server.port());
    EXPECT_LT(rss_mib() - rss_before, 1024) << "RSS grew by over 1 GiB";
  }
};

TEST_F(RequestBudget, LargeTimesManyChoicesIsRefusedBeforeItIsBuilt) {
  expect_refused(post(server.port(), budget_chat(128),
                      {{"X-Chatmock-Scenario", "large"}, {"X-Chatmock-Size", "16777216"}}),
                 "reply_too_large", "--max-reply-bytes");
  expect_refused(post(server.port(), budget_chat(64, true),
                      {{"X-Chatmock-Scenario", "large"}, {"X-Chatmock-Size", "16777216"}}),
                 "reply_too_large", "--max-reply-bytes");
}

TEST_F(RequestBudget, WordsOverTheCapIsA400AndManyStreamedChoicesAreRefused) {
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Words", "1e9"}}),
                 "invalid_header", "X-Chatmock-Words");
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Words", "1000000000"}}),
                 "invalid_header", "100000");
  expect_refused(post(server.port(), budget_chat(128, true), {{"X-Chatmock-Words", "100000"}}),
                 "reply_too_large", "--max-reply-bytes");
}

TEST_F(RequestBudget, LogprobsOverManyWordsAreRefused) {
  auto body = budget_chat(4);
  body["logprobs"] = true;
  body["top_logprobs"] = 20;
  expect_refused(post(server.port(), body, {{"X-Chatmock-Words", "100000"}}), "reply_too_large",
                 "--max-reply-bytes");
}

TEST_F(RequestBudget, KeepaliveOverAnOverCapTtftIsA400) {
  expect_refused(post(server.port(), budget_chat(1, true),
                      {{"X-Chatmock-Scenario", "slow_first_byte"},
                       {"X-Chatmock-Variant", "keepalive"},
                       {"X-Chatmock-Latency", "ttft=3e10"}}),
                 "invalid_latency", "X-Chatmock-Latency");
  expect_refused(post(server.port(), budget_chat(1, true),
                      {{"X-Chatmock-Scenario", "slow_first_byte"},
                       {"X-Chatmock-Variant", "keepalive"},
                       {"X-Chatmock-Latency", "ttft=30000000"}}),
                 "invalid_latency", "600000");
}

TEST_F(RequestBudget, HugeCompositionsAreA400NamingTheLimit) {
  std::string expression = "large";
  for (int i = 1; i < 1360; ++i) expression += "+large";
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Scenario", expression}}),
                 "too_many_scenarios", "32");
}

TEST_F(RequestBudget, OverflowingLatenciesAreA400) {
  for (const char* latency : {"ttft=9223372036854775807", "itl=1e13", "itl=9223372036854775807ms",
                              "ttft=9223372036854775s", "jitter=101", "ttft=-5", "ttft=800us"}) {
    expect_refused(post(server.port(), budget_chat(1, true), {{"X-Chatmock-Latency", latency}}),
                   "invalid_latency", "X-Chatmock-Latency");
  }
}

TEST_F(RequestBudget, BadDirectiveValuesNameTheirHeader) {
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Seed", "abc"}}), "invalid_header",
                 "X-Chatmock-Seed");
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Variant", "keepalvie"}}),
                 "unknown_variant", "keepalive");
  expect_refused(post(server.port(), budget_chat(), {{"X-Chatmock-Fuzz-Level", "4"}}),
                 "invalid_header", "X-Chatmock-Fuzz-Level");
}

TEST_F(RequestBudget, LatencyUnitsOtherThanMsAndSAreRefused) {
  // The keep-alive plan for the largest allowed ttft is checked in tests/unit/reply.
  expect_refused(post(server.port(), budget_chat(1, true),
                      {{"X-Chatmock-Scenario", "slow_first_byte"},
                       {"X-Chatmock-Variant", "keepalive"},
                       {"X-Chatmock-Latency", "ttft=10m"}}),
                 "invalid_latency", "Nms or Ns");
}

TEST_F(RequestBudget, ATightReplyBudgetRefusesWhatFitsTheDefault) {
  app::Config config;
  config.budget.reply_bytes = 64 * 1024;
  RunningServer tight(config);
  expect_refused(post(tight.port(), budget_chat(), {{"X-Chatmock-Words", "20000"}}),
                 "reply_too_large", "65536 bytes (--max-reply-bytes)");
  const auto fits = post(tight.port(), budget_chat(), {{"X-Chatmock-Words", "200"}});
  ASSERT_TRUE(fits.result);
  EXPECT_EQ(fits.result->status, 200);
}

}  // namespace
}  // namespace chatmock::testing
