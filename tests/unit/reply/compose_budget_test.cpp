// The rendering half under a WorkBudget: replies that cannot fit --max-reply-bytes are refused
// before they are built, a spent deadline stops the work, pacing is overflow-free at the caps
// and a keep-alive plan for the longest ttft stays small.
#include <gtest/gtest.h>

#include "reply/compose.h"
#include "reply/latency.h"
#include "reply/stub_reply.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"

namespace chatmock::reply {
namespace {

using std::chrono::milliseconds;

RunInput input_for(nlohmann::json request, budget::BudgetLimits limits) {
  RunInput input;
  input.request = request.get<api::ChatCompletionRequest>();
  input.synthesis = {7, true, 1'735'689'600};
  input.budget = budget::WorkBudget(limits);
  return input;
}

scenarios::Composition named(std::initializer_list<const char*> names) {
  scenarios::Composition out;
  for (const char* name : names) out.push_back(scenarios::builtin_catalogue().find(name));
  return out;
}

TEST(ComposeBudget, ManyWordsTimesManyChoicesIsRefusedUpFront) {
  auto request = chatmock::testing::chat_request(true);
  request["n"] = 128;
  auto input = input_for(request, {});
  input.directives.words = 100000;
  const auto reply = run_composition(named({"default"}), std::move(input));
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, "reply_too_large");
  EXPECT_EQ(reply.error().param, "n");
}

TEST(ComposeBudget, LargeTimesManyChoicesIsRefusedBeforeTheContentIsBuilt) {
  auto request = chatmock::testing::chat_request();
  request["n"] = 128;
  auto input = input_for(request, {});
  input.directives.size = 16 << 20;
  const auto started = std::chrono::steady_clock::now();
  const auto reply = run_composition(named({"large"}), std::move(input));
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, "reply_too_large");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(ComposeBudget, AReplyThatFitsIsUnchangedByTheBudget) {
  const auto request = chatmock::testing::chat_request(true);
  const auto unlimited = run_composition(named({"default"}), input_for(request, {}));
  auto limited_input = input_for(request, {});
  const auto limited = run_composition(named({"default"}), std::move(limited_input));
  ASSERT_TRUE(unlimited);
  ASSERT_TRUE(limited);
  EXPECT_EQ(unlimited->body(), limited->body());
}

TEST(ComposeBudget, ASmallByteCapStopsRenderingAndNamesTheFlag) {
  auto input = input_for(chatmock::testing::chat_request(), {std::chrono::seconds(10), 2048});
  input.directives.words = 2000;
  const auto reply = run_composition(named({"default"}), std::move(input));
  ASSERT_FALSE(reply);
  EXPECT_NE(reply.error().message.find("2048 bytes (--max-reply-bytes)"), std::string::npos);
}

TEST(ComposeBudget, ASpentDeadlineStopsTheWorkAndNamesTheFlag) {
  auto input = input_for(chatmock::testing::chat_request(), {milliseconds(0), 1 << 30});
  input.directives.words = 100000;
  const auto reply = run_composition(named({"default"}), std::move(input));
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, "work_budget_exceeded");
  EXPECT_NE(reply.error().message.find("--work-budget-ms"), std::string::npos);
}

TEST(ComposeBudget, PacingAtTheCapsIsOverflowFree) {
  wire::WireReply reply;
  reply.writes.assign(3, {"x", milliseconds(0)});
  synthesis::Rng rng(1);
  apply_latency(reply, {kMaxTtft, kMaxItl, 1.0}, rng);
  for (const auto& write : reply.writes) {
    EXPECT_GE(write.delay.count(), 0);
    EXPECT_LE(write.delay, 2 * kMaxTtft);
  }
  apply_latency(reply, {milliseconds(INT64_MAX), milliseconds(INT64_MAX), 1e300}, rng);
  EXPECT_LE(reply.writes.front().delay, 2 * kMaxTtft);
}

TEST(ComposeBudget, KeepalivesForTheLongestTtftStayFew) {
  const auto run = chatmock::testing::run_scenario(
      "slow_first_byte", chatmock::testing::chat_request(true),
      {{"X-Chatmock-Variant", "keepalive"}, {"X-Chatmock-Latency", "ttft=600s"}});
  EXPECT_LE(run.reply.writes.size(), 600u + 64u);
  milliseconds total{0};
  for (const auto& write : run.reply.writes) total += write.delay;
  EXPECT_EQ(total, kMaxTtft);
}

}  // namespace
}  // namespace chatmock::reply
