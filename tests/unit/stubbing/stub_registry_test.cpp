// Selection order, reply sequences, WireMock scenario state and near-miss ranking, all without
// a socket: the registry is a value the chat endpoint asks.
#include "stubbing/stub_registry.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "stub_test_support.h"

namespace chatmock::stubbing {
namespace {
using testing::stub;
using testing::TestRequest;
using testing::user_request;

StubMapping named(const std::string& id, const std::string& match, int priority = 5) {
  return stub(R"({"id": ")" + id + R"(", "priority": )" + std::to_string(priority) +
              R"(, "match": )" + match + R"(, "reply": {"synthesize": {"content": ")" + id +
              R"("}}})");
}

std::string chosen(StubRegistry& registry, const TestRequest& request) {
  const auto selection = registry.select(request.input());
  return selection ? selection->stub->id : "(none)";
}

TEST(StubRegistryTest, AddWithinRefusesWhatWouldPassTheBoundAndKeepsTheSetUnchanged) {
  StubRegistry registry;
  ASSERT_TRUE(
      registry.add_within({named("a", R"({"model": "m"})"), named("b", R"({"model": "m"})")}, 2));
  EXPECT_FALSE(registry.add_within({named("c", R"({"model": "m"})")}, 2));
  EXPECT_EQ(registry.snapshot()->stubs.size(), 2u);
  // Replacing a stub by id does not grow the set, so it fits.
  EXPECT_TRUE(registry.add_within({named("a", R"({"model": "other"})")}, 2));
  EXPECT_EQ(registry.snapshot()->stubs.size(), 2u);
}

TEST(StubRegistryTest, LowerPriorityNumberWinsOverSpecificity) {
  StubRegistry registry;
  registry.add({named("specific", R"({"model": "gpt-4o-mini", "last_user_message": "hi"})", 5),
                named("broad", R"({"model": "gpt-4o-mini"})", 1)});
  EXPECT_EQ(chosen(registry, TestRequest(user_request("hi"))), "broad");
}

TEST(StubRegistryTest, AmongEqualPrioritiesTheMostSpecificWins) {
  StubRegistry registry;
  registry.add({named("specific", R"({"model": "gpt-4o-mini", "last_user_message": "hi"})"),
                named("broad", R"({"model": "gpt-4o-mini"})")});
  EXPECT_EQ(chosen(registry, TestRequest(user_request("hi"))), "specific");
  EXPECT_EQ(chosen(registry, TestRequest(user_request("bye"))), "broad");
}

TEST(StubRegistryTest, AmongEqualsTheNewestWinsAndAnIdIsReplacedNotDuplicated) {
  StubRegistry registry;
  registry.add({named("old", R"({"model": "gpt-4o-mini"})")});
  registry.add({named("new", R"({"model": "gpt-4o-mini"})")});
  EXPECT_EQ(chosen(registry, TestRequest(user_request("hi"))), "new");
  registry.add({named("old", R"({"model": "gpt-4o-mini"})")});
  EXPECT_EQ(chosen(registry, TestRequest(user_request("hi"))), "old");
  EXPECT_EQ(registry.snapshot()->stubs.size(), 2u);
}

TEST(StubRegistryTest, NoMatchSelectsNothing) {
  StubRegistry registry;
  registry.add({named("only", R"({"model": "gpt-4o"})")});
  EXPECT_EQ(chosen(registry, TestRequest(user_request("hi"))), "(none)");
}

TEST(StubRegistryTest, RepliesAreServedInOrderPerSessionAndTheLastRepeats) {
  StubRegistry registry;
  registry.add({stub(
      R"({"id": "seq", "replies": [{"status": 500, "body": {"error": {}}}, {"status": 429, "body": {}},
                                                  {"synthesize": {}}]})")});
  const TestRequest a(user_request("x"), {{"X-Chatmock-Session", "a"}});
  const TestRequest b(user_request("x"), {{"X-Chatmock-Session", "b"}});
  std::vector<std::size_t> steps;
  for (const auto* request : {&a, &a, &b, &a, &a, &b})
    steps.push_back(registry.select(request->input())->reply_index);
  EXPECT_EQ(steps, (std::vector<std::size_t>{0, 1, 0, 2, 2, 1}));
  registry.reset_state();
  EXPECT_EQ(registry.select(a.input())->reply_index, 0u);
}

TEST(StubRegistryTest, ScenarioStateGatesStubsAndMovesPerSession) {
  StubRegistry registry;
  registry.add({stub(R"({"id": "first", "scenario_name": "checkout", "required_state": "Started",
                         "new_state": "paid", "reply": {"synthesize": {}}})"),
                stub(R"({"id": "second", "scenario_name": "checkout", "required_state": "paid",
                         "new_state": "done", "reply": {"synthesize": {}}})")});
  const TestRequest a(user_request("x"), {{"X-Chatmock-Session", "a"}});
  const TestRequest b(user_request("x"), {{"X-Chatmock-Session", "b"}});
  EXPECT_EQ(chosen(registry, a), "first");
  EXPECT_EQ(chosen(registry, a), "second");
  EXPECT_EQ(chosen(registry, a), "(none)");  // "done": no stub requires it
  EXPECT_EQ(chosen(registry, b), "first");
  registry.reset_state();
  EXPECT_EQ(chosen(registry, a), "first");
}

TEST(StubRegistryTest, AStubWithoutRequiredStateMatchesInAnyStateAndCanStillMoveIt) {
  StubRegistry registry;
  registry.add(
      {stub(
           R"({"id": "any", "scenario_name": "s", "new_state": "moved", "reply": {"synthesize": {}}})"),
       stub(R"({"id": "after", "priority": 1, "scenario_name": "s", "required_state": "moved",
                         "reply": {"synthesize": {}}})")});
  const TestRequest request(user_request("x"));
  EXPECT_EQ(chosen(registry, request), "any");
  EXPECT_EQ(chosen(registry, request), "after");
}

TEST(StubRegistryTest, NearMissesAreRankedClosestFirstAndLimited) {
  StubRegistry registry;
  registry.add({named("one-field-off",
                      R"({"model": "gpt-4o-mini", "stream": true, "last_user_message": "hello"})"),
                named("model-typo", R"({"model": "gpt-4o-mimi"})"),
                named("all-different", R"({"model": "claude-3", "stream": true})"),
                named("far", R"({"model": "o1", "system_message": "x"})")});
  const auto misses = registry.near_misses(TestRequest(user_request("hello")).input(), 3);
  ASSERT_EQ(misses.size(), 3u);
  EXPECT_EQ(misses[0].stub_id, "model-typo");
  EXPECT_EQ(misses[1].stub_id, "one-field-off");
  EXPECT_LE(misses[0].distance, misses[1].distance);
  EXPECT_LE(misses[1].distance, misses[2].distance);
  ASSERT_EQ(misses[1].differences.size(), 1u);
  EXPECT_EQ(misses[1].differences[0].field, "stream");
}

TEST(StubRegistryTest, MatchingStubsAreNotNearMisses) {
  StubRegistry registry;
  registry.add(
      {named("hit", R"({"model": "gpt-4o-mini"})"), named("miss", R"({"model": "gpt-4o"})")});
  const auto misses = registry.near_misses(TestRequest(user_request("x")).input(), 3);
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0].stub_id, "miss");
}

TEST(StubRegistryTest, AWrongScenarioStateIsReportedAsADifference) {
  StubRegistry registry;
  registry.add({stub(R"({"id": "later", "scenario_name": "loop", "required_state": "tool_called",
                         "match": {"model": "gpt-4o-mini"}, "reply": {"synthesize": {}}})")});
  const TestRequest request(user_request("x"));
  EXPECT_FALSE(registry.select(request.input()));
  const auto misses = registry.near_misses(request.input(), 3);
  ASSERT_EQ(misses.size(), 1u);
  ASSERT_EQ(misses[0].differences.size(), 1u);
  EXPECT_EQ(misses[0].differences[0],
            (FieldDifference{"scenario_state[loop]", "\"tool_called\"", "\"Started\""}));
  EXPECT_GT(misses[0].distance, 0.0);
}

TEST(StubRegistryTest, ReloadingFileStubsKeepsAdminStubsAndTheirPrecedence) {
  StubRegistry registry;
  auto file = named("shared", R"({"model": "gpt-4o-mini"})");
  file.from_file = true;
  auto other_file = named("file-only", R"({"model": "o1"})");
  other_file.from_file = true;
  registry.replace_file_stubs({file, other_file});
  registry.add({named("shared", R"({"model": "gpt-4o"})")});  // an admin override of a file stub
  registry.add({named("admin-only", R"({"model": "o3"})")});
  registry.replace_file_stubs({file, other_file});
  std::vector<std::string> ids;
  for (const auto& s : registry.snapshot()->stubs)
    ids.push_back(s.id + (s.from_file ? "(file)" : "(api)"));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"admin-only(api)", "file-only(file)", "shared(api)"}));
}

TEST(StubRegistryTest, ASelectionOutlivesAReloadOfTheStubItPointsTo) {
  StubRegistry registry;
  registry.add({named("first", R"({"model": "gpt-4o-mini"})")});
  const auto selection = registry.select(TestRequest(user_request("x")).input());
  ASSERT_TRUE(selection);
  registry.clear();
  EXPECT_EQ(selection->stub->id, "first");  // the in-flight request still reads its stub
  EXPECT_EQ(selection->reply->definition.content, "first");
  EXPECT_TRUE(registry.snapshot()->stubs.empty());
}

TEST(StubRegistryTest, RemoveDeletesByIdAndReportsUnknownIds) {
  StubRegistry registry;
  const auto ids = registry.add({stub(R"({"reply": {"synthesize": {}}})"), named("keep", "{}")});
  EXPECT_EQ(ids[0], "stub-1");
  EXPECT_TRUE(registry.remove("stub-1"));
  EXPECT_FALSE(registry.remove("stub-1"));
  ASSERT_EQ(registry.snapshot()->stubs.size(), 1u);
  EXPECT_EQ(registry.snapshot()->stubs[0].id, "keep");
}

}  // namespace
}  // namespace chatmock::stubbing
