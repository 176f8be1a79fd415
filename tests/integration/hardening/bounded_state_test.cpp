// State a client can make the server keep is bounded: thousands of sessions with long scenario
// sequences, thousands of API keys, and large bodies in the journal. Each structure reports its
// size on GET /_chatmock/state; the test process's RSS growth is printed and loosely bounded.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "budget/work_budget.h"
#include "support/running_server.h"

namespace chatmock::testing {
namespace {

// Sanitizer builds default the work budget to 10 s (budget/work_budget.h); so can this test.
constexpr bool kSanitizedBuild = budget::kDefaultWorkBudgetMs > 2000;

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

nlohmann::json state_of(const RunningServer& server) {
  httplib::Client client("127.0.0.1", server.port());
  const auto result = client.Get("/_chatmock/state");
  EXPECT_TRUE(result && result->status == 200);
  return result ? nlohmann::json::parse(result->body) : nlohmann::json();
}

std::string small_chat(const std::string& prompt = "hi") {
  return nlohmann::json{{"model", "gpt-4o-mini"},
                        {"max_tokens", 4},
                        {"messages", {{{"role", "user"}, {"content", prompt}}}}}
      .dump();
}

TEST(BoundedState, FiveThousandSessionsAndKeysStayWithinTheirBounds) {
  app::Config config;
  config.rate_limit.enforced = true;  // as --rate-limit rpm=1000000,tpm=1000000000
  config.rate_limit.requests_per_minute = 1000000;
  config.rate_limit.tokens_per_minute = 1000000000;
  config.rate_limit.max_keys = 1000;
  config.journal_bytes = 8 * 1024 * 1024;
  config.max_session_bytes = 4 * 1024 * 1024;  // 5,000 sessions of ~2 KB overflow it
  RunningServer server(config);
  // The longest sequence a request may name: 64 steps (X-Chatmock-Scenario's cap), ~2 KB.
  std::string sequence = "tool_call_id_missing_or_empty";
  for (int step = 1; step < 64; ++step) sequence += ",tool_call_id_missing_or_empty";
  const long before = rss_kib();
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(30, 0);
  const std::string body = small_chat();
  for (int i = 0; i < 5000; ++i) {
    const std::string id = std::to_string(i);
    const auto result = client.Post("/v1/chat/completions",
                                    {{"Authorization", "Bearer sk-bounded-" + id},
                                     {"X-Chatmock-Session", "session-" + id},
                                     {"X-Chatmock-Scenario", sequence}},
                                    body, "application/json");
    ASSERT_TRUE(result) << i;
    ASSERT_EQ(result->status, 200) << result->body.substr(0, 300);
  }
  const long grown = rss_kib() - before;
  const auto state = state_of(server);
  std::printf("after 5,000 sessions/keys: %s; RSS +%ld KiB\n", state.dump().c_str(), grown);
  EXPECT_LE(state["sessions"]["bytes"], state["sessions"]["max_bytes"]);
  EXPECT_EQ(state["sessions"]["max_bytes"], 4 * 1024 * 1024);
  EXPECT_LT(state["sessions"]["count"], 5000);
  EXPECT_GT(state["sessions"]["evicted"], 0);
  EXPECT_EQ(state["rate_limit_keys"]["count"], 1000);
  EXPECT_EQ(state["rate_limit_keys"]["evicted"], 4000);
  EXPECT_LE(state["journal"]["bytes"], 8 * 1024 * 1024);
  // Generous: the bounds above total 24 MiB plus allocator slack. AddressSanitizer also keeps
  // freed memory in a quarantine (256 MiB by default), which this process's RSS includes.
  EXPECT_LT(grown, (kSanitizedBuild ? 768 : 256) * 1024);
}

TEST(BoundedState, WithoutRateLimitNoKeyIsKept) {
  RunningServer server;
  httplib::Client client("127.0.0.1", server.port());
  const std::string body = small_chat();
  for (int i = 0; i < 2000; ++i) {
    const auto result = client.Post("/v1/chat/completions",
                                    {{"Authorization", "Bearer sk-unlimited-" + std::to_string(i)}},
                                    body, "application/json");
    ASSERT_TRUE(result && result->status == 200) << i;
    EXPECT_FALSE(result->get_header_value("x-ratelimit-remaining-requests").empty());
  }
  EXPECT_EQ(state_of(server)["rate_limit_keys"]["count"], 0);
}

TEST(BoundedState, TheJournalIsBoundedByBytesAndMarksWhatItCut) {
  app::Config config;
  config.journal_bytes = 4 * 1024 * 1024;
  RunningServer server(config);
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(30, 0);
  const std::string body = small_chat(std::string(300 * 1024, 'w'));
  for (int i = 0; i < 40; ++i) {
    const auto result = client.Post("/v1/chat/completions", {{"Authorization", "Bearer sk-x"}},
                                    body, "application/json");
    ASSERT_TRUE(result && result->status == 200) << i;
  }
  const auto state = state_of(server);
  std::printf("journal after 40 requests of 300 KB: %s\n", state["journal"].dump().c_str());
  EXPECT_LE(state["journal"]["bytes"], 4 * 1024 * 1024);
  EXPECT_LT(state["journal"]["count"], 40);
  EXPECT_GT(state["journal"]["evicted"], 0);
  const auto requests = nlohmann::json::parse(client.Get("/_chatmock/requests")->body)["requests"];
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests[0]["body_truncated"], true);
  EXPECT_EQ(requests[0]["body_bytes"], body.size());
  EXPECT_EQ(requests[0]["body"].get<std::string>().size(), 256U * 1024);
}

TEST(BoundedState, PostedStubsStopAtMaxStubsNamingTheFlag) {
  app::Config config;
  config.max_stubs = 10;
  RunningServer server(config);
  httplib::Client client("127.0.0.1", server.port());
  // The shipped demo stubs count too.
  const int room = 10 - state_of(server)["stubs"]["count"].get<int>();
  ASSERT_GT(room, 1);
  const auto stub = [](int i) {
    return nlohmann::json{{"id", "stub-" + std::to_string(i)},
                          {"match", {{"model", "m" + std::to_string(i)}}},
                          {"reply", {{"synthesize", {{"content", "hi"}}}}}}
        .dump();
  };
  for (int i = 0; i < room; ++i) {
    const auto added = client.Post("/_chatmock/fixtures", stub(i), "application/json");
    ASSERT_TRUE(added && added->status == 201) << i;
  }
  const auto refused = client.Post("/_chatmock/fixtures", stub(room), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  const auto error = nlohmann::json::parse(refused->body)["error"];
  EXPECT_EQ(error["code"], "too_many_stubs");
  EXPECT_NE(error["message"].get<std::string>().find("--max-stubs"), std::string::npos);
  // Deleting a stub makes room.
  ASSERT_EQ(client.Delete("/_chatmock/fixtures/stub-0")->status, 200);
  EXPECT_EQ(client.Post("/_chatmock/fixtures", stub(room), "application/json")->status, 201);
  const auto state = state_of(server);
  EXPECT_EQ(state["stubs"]["count"], 10);
  EXPECT_EQ(state["stubs"]["max_count"], 10);
  EXPECT_EQ(state["stub_scenario_states"]["max_count"], config.max_sessions);
}

}  // namespace
}  // namespace chatmock::testing
