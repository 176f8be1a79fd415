// What a user's GoogleTest looks like with the installed package: a MockServer per test, the
// scenario and seed set per test, and the journal checked after the call.
#include <chatmock/client/chat_client.h>
#include <chatmock/testing/mock_server.h>
#include <gtest/gtest.h>

namespace {

const nlohmann::json kRequest = {{"model", "gpt-4o-mini"},
                                 {"messages", {{{"role", "user"}, {"content", "Hello"}}}}};

TEST(ConsumerTest, DefaultScenarioAnswersAndIsJournaled) {
  chatmock::testing::MockServer server;
  const chatmock::client::ChatClient client(server.base_url(), "sk-test");
  const auto observation = client.create(kRequest);
  ASSERT_TRUE(observation.at("ok").get<bool>()) << observation.dump();
  EXPECT_EQ(observation.at("choices").at(0).at("finish_reason"), "stop");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].path, "/v1/chat/completions");
  EXPECT_EQ(requests[0].status, 200);
  server.clear_requests();
  EXPECT_TRUE(server.requests().empty());
}

TEST(ConsumerTest, ScenarioSetPerTestShapesTheReply) {
  chatmock::testing::MockServer server;
  server.set_scenario("refusal");
  const chatmock::client::ChatClient client(server.base_url(), "sk-test");
  const auto observation = client.create(kRequest);
  ASSERT_TRUE(observation.at("ok").get<bool>()) << observation.dump();
  EXPECT_TRUE(observation.at("choices").at(0).at("refusal").is_string()) << observation.dump();
  EXPECT_EQ(server.requests().at(0).scenario, "refusal");
}

TEST(ConsumerTest, SeedSetPerTestRepeatsTheReply) {
  chatmock::testing::MockServer server;
  server.set_seed(42);
  const chatmock::client::ChatClient client(server.base_url(), "sk-test");
  const auto first = client.create(kRequest);
  const auto second = client.create(kRequest);
  ASSERT_TRUE(first.at("ok").get<bool>()) << first.dump();
  EXPECT_EQ(first, second);
}

}  // namespace
