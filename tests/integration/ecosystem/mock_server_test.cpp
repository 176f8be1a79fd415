// chatmock::testing::MockServer from the build tree: the per-test scenario and seed setters, the
// journal accessors, fixtures, and that a destroyed server frees its port.
#include "chatmock/testing/mock_server.h"

#include <chatmock/client/chat_client.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace chatmock::testing {
namespace {

const nlohmann::json kRequest = {{"model", "gpt-4o-mini"},
                                 {"messages", {{{"role", "user"}, {"content", "Hello"}}}}};

TEST(MockServerTest, ServesOnAnEphemeralLoopbackPort) {
  const MockServer server;
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(server.port()) + "/v1");
  const auto observation = client::ChatClient(server.base_url(), "").create(kRequest);
  EXPECT_TRUE(observation.at("ok").get<bool>()) << observation.dump();
}

TEST(MockServerTest, RequireAuthAnswersAMissingKeyWith401) {
  const MockServer server(MockServerOptions{.require_auth = true});
  const auto observation =
      client::ChatClient(server.base_url(), "", {.max_retries = 0}).create(kRequest);
  EXPECT_EQ(observation.at("error").at("status"), 401) << observation.dump();
}

TEST(MockServerTest, ScenarioAppliesOnlyToRequestsThatSelectNone) {
  MockServer server;
  const client::ChatClient client(server.base_url(), "sk-test", {.max_retries = 0});
  server.set_scenario("error_500");
  EXPECT_EQ(client.create(kRequest).at("error").at("status"), 500);
  const auto chosen = client.create(kRequest, {{"X-Chatmock-Scenario", "refusal"}});
  EXPECT_TRUE(chosen.at("choices").at(0).at("refusal").is_string()) << chosen.dump();
  server.set_scenario("default");
  EXPECT_TRUE(client.create(kRequest).at("ok").get<bool>());
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3U);
  EXPECT_EQ(requests[0].scenario, "error_500");
  EXPECT_EQ(requests[0].status, 500);
  EXPECT_EQ(requests[1].scenario, "refusal");
  EXPECT_EQ(requests[2].status, 200);
}

TEST(MockServerTest, SeedMakesRepliesRepeatAndUnseedingVariesThem) {
  MockServer server;
  const client::ChatClient client(server.base_url(), "sk-test");
  server.set_seed(7);
  const auto first = client.create(kRequest);
  EXPECT_EQ(first, client.create(kRequest));
  server.set_seed(std::nullopt);
  EXPECT_NE(first.at("id"), client.create(kRequest).at("id"));
}

TEST(MockServerTest, JournalKeepsBodiesRedactsKeysAndClears) {
  MockServer server;
  client::ChatClient(server.base_url(), "sk-secret-value-123").create(kRequest);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(nlohmann::json::parse(requests[0].body).at("model"), "gpt-4o-mini");
  EXPECT_EQ(requests[0].method, "POST");
  for (const auto& [name, value] : requests[0].headers) {
    EXPECT_EQ(value.find("sk-secret-value-123"), std::string::npos) << name;
  }
  server.clear_requests();
  EXPECT_TRUE(server.requests().empty());
}

TEST(MockServerTest, ServesStubsFromFixtureFolders) {
  const auto dir = std::filesystem::temp_directory_path() / "chatmock-mock-server-fixtures";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "hello.json")
      << R"({"match": {"model": "stubbed"}, "reply": {"synthesize": {"content": "from a stub"}}})";
  {
    const MockServer server(MockServerOptions{.fixture_dirs = {dir.string()}});
    auto request = kRequest;
    request["model"] = "stubbed";
    const auto observation = client::ChatClient(server.base_url(), "k").create(request);
    EXPECT_EQ(observation.at("choices").at(0).at("content"), "from a stub") << observation.dump();
  }
  std::filesystem::remove_all(dir);
}

TEST(MockServerTest, ABadFixtureFolderThrowsWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "chatmock-mock-server-bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bad.json") << "{\n\"match\": 3\n}\n";
  try {
    const MockServer server(MockServerOptions{.fixture_dirs = {dir.string()}});
    ADD_FAILURE() << "expected a throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.json:"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chatmock::testing
