// Shared state hammered from many connections at once: the journal (record, list, reset), the
// stub registry (add, delete, match), scenario-state sessions, retry sequences and rate-limit
// buckets. Every answer must be one the API allows; run under the tsan preset this is the
// data-race check for all of them.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/running_server.h"

namespace chatmock::testing {
namespace {

using nlohmann::json;

constexpr int kThreads = 8;
constexpr int kRounds = 40;

std::string ask_model(const std::string& model, bool stream = false) {
  return json({{"model", model},
               {"stream", stream},
               {"messages", {{{"role", "user"}, {"content", "go"}}}}})
      .dump();
}

/// One round of operation `op` for thread `t`; returns the HTTP status (0: no answer).
int operate(httplib::Client& client, int t, int round, int op) {
  const std::string me = std::to_string(t);
  httplib::Headers auth{{"Authorization", "Bearer sk-thread-" + me},
                        {"X-Chatmock-Session", "s" + me}};
  const auto status = [](const httplib::Result& res) { return res ? res->status : 0; };
  switch (op) {
    case 0:  // scenario state advanced per session
      return status(
          client.Post("/v1/chat/completions", auth, ask_model("agent"), "application/json"));
    case 1: {  // retry sequence keyed by session
      auto headers = auth;
      headers.emplace("X-Chatmock-Scenario", "error_500,default");
      return status(client.Post("/v1/chat/completions", headers, ask_model("gpt-4o-mini"),
                                "application/json"));
    }
    case 2:
      return status(client.Post("/_chatmock/fixtures",
                                json({{"id", "t" + me + "-" + std::to_string(round)},
                                      {"match", {{"model", "m" + me}}},
                                      {"reply", {{"synthesize", {{"content", "stub " + me}}}}}})
                                    .dump(),
                                "application/json"));
    case 3:
      return status(client.Delete("/_chatmock/fixtures/t" + me + "-" + std::to_string(round - 1)));
    case 4: {
      const auto res = client.Get("/_chatmock/requests");
      if (res && res->status == 200 && !json::parse(res->body, nullptr, false).contains("requests"))
        return 0;
      return status(res);
    }
    case 5:
      return status(client.Post("/_chatmock/reset", "", "application/json"));
    case 6:
      return status(
          client.Post("/v1/chat/completions", auth, ask_model("m" + me, true), "application/json"));
    default:
      return status(
          client.Post("/v1/chat/completions", auth, ask_model("m" + me), "application/json"));
  }
}

TEST(Concurrency, JournalStubsSequencesSessionsAndRateLimitsUnderParallelLoad) {
  app::Config config;
  config.rate_limit.enforced = true;
  config.rate_limit.requests_per_minute = 200;  // low enough that some requests get 429
  config.journal_capacity = 64;                 // small, so the ring wraps while being read
  RunningServer server(config);
  {
    httplib::Client admin("127.0.0.1", server.port());
    const auto stubs = json::array({
        {{"id", "plan"},
         {"scenario_name", "agent"},
         {"required_state", "Started"},
         {"new_state", "acting"},
         {"match", {{"model", "agent"}}},
         {"reply", {{"synthesize", {{"content", "plan"}}}}}},
        {{"id", "act"},
         {"scenario_name", "agent"},
         {"required_state", "acting"},
         {"new_state", "Started"},
         {"match", {{"model", "agent"}}},
         {"reply", {{"synthesize", {{"content", "act"}}}}}},
    });
    const auto added = admin.Post("/_chatmock/fixtures", stubs.dump(), "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 201) << added->body;
  }
  const std::set<int> allowed = {200, 201, 404, 429, 500};
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_read_timeout(30, 0);
      for (int round = 0; round < kRounds; ++round) {
        const int op = (round + t) % 8;
        const int status = operate(client, t, round, op);
        if (!allowed.contains(status)) {
          ++unexpected;
          ADD_FAILURE() << "thread " << t << " op " << op << " got " << status;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(unexpected.load(), 0);
  httplib::Client client("127.0.0.1", server.port());
  const auto journal = client.Get("/_chatmock/requests");
  ASSERT_TRUE(journal);
  EXPECT_LE(json::parse(journal->body)["requests"].size(), 64U);
}

}  // namespace
}  // namespace chatmock::testing
