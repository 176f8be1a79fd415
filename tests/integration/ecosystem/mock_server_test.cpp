// chatmock::testing::MockServer from the build tree: the per-test scenario and seed setters, the
// journal accessors, fixtures, that a destroyed server frees its port, and MockSession: sessions
// of one server keep their journals, stubs and sequences apart, even used from parallel threads.
#include "chatmock/testing/mock_server.h"

#include <chatmock/client/chat_client.h>
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <thread>

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

nlohmann::json asking(std::string model, std::string content) {
  return {{"model", std::move(model)}, {"messages", {{{"role", "user"}, {"content", content}}}}};
}

std::string content_of(const RecordedRequest& request) {
  return nlohmann::json::parse(request.body).at("messages").at(0).at("content");
}

// No backoff between retries: the statuses, not the waits, are under test.
const client::ClientOptions kRetryAtOnce{.max_retries = 2, .sleep = [](auto) {}};

TEST(MockSessionTest, IsAddressedByItsBaseUrl) {
  const MockServer server;
  const auto session = server.session("a.b_c~d:e@f+g=h,i-j");
  EXPECT_EQ(session.name(), "a.b_c~d:e@f+g=h,i-j");
  EXPECT_EQ(session.base_url(), "http://127.0.0.1:" + std::to_string(server.port()) +
                                    "/sessions/a.b_c~d:e@f+g=h,i-j/v1");
  client::ChatClient(session.base_url(), "k").create(kRequest);
  client::ChatClient(server.base_url(), "k").create(kRequest);
  const auto requests = session.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests[0].session, session.name());
  EXPECT_EQ(requests[0].status, 200);
  EXPECT_EQ(server.requests().size(), 2U);
  EXPECT_EQ(server.requests()[1].session, "");
}

TEST(MockSessionTest, NamesOutsideThePathCharactersThrow) {
  const MockServer server;
  for (const std::string name : {"", "a/b", "a b", "[x]", "caf\xc3\xa9", "q?x"}) {
    EXPECT_THROW(server.session(name), std::invalid_argument) << name;
  }
  EXPECT_THROW(server.session(std::string(129, 'x')), std::invalid_argument);
  EXPECT_NO_THROW(server.session(std::string(128, 'x')));
}

TEST(MockSessionTest, CountAndFindTakeAStubMatchPattern) {
  const MockServer server;
  const auto mine = server.session("mine");
  const auto other = server.session("other");
  const client::ChatClient client(mine.base_url(), "k");
  client.create(asking("gpt-4o", "What is the weather in Paris?"));
  client.create(asking("gpt-4o", "Tell me a joke"));
  client.create(asking("gpt-4o-mini", "And the weather in Rome?"));
  client::ChatClient(other.base_url(), "k").create(asking("gpt-4o", "weather elsewhere"));
  const nlohmann::json pattern = {{"model", "gpt-4o"},
                                  {"last_user_message", {{"contains", "weather"}}}};
  EXPECT_EQ(mine.count(pattern), 1U);
  EXPECT_EQ(other.count(pattern), 1U);
  EXPECT_EQ(mine.count({{"last_user_message", {{"regex", "weather in [A-Z]"}}}}), 2U);
  const auto found = mine.find(pattern);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(content_of(found[0]), "What is the weather in Paris?");
  EXPECT_EQ(found[0].body, mine.requests()[0].body);  // the bytes received, as requests() has them
  EXPECT_THROW(mine.count({{"model", 3}}), std::invalid_argument);
}

// Ids derive from the body and the millisecond, so these two may share one; find() still
// returns the one the header matched, not the first with its id.
TEST(MockSessionTest, FindTellsApartRequestsWithTheSameBody) {
  const MockServer server;
  const auto session = server.session("same-body");
  const client::ChatClient client(session.base_url(), "k");
  client.create(kRequest, {{"x-tenant", "other"}});
  client.create(kRequest, {{"x-tenant", "acme"}});
  const auto found = session.find({{"headers", {{"x-tenant", "acme"}}}});
  ASSERT_EQ(found.size(), 1U);
  const auto all = session.requests();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(found[0].id, all[1].id);
  EXPECT_EQ(found[0].headers, all[1].headers);
}

TEST(MockSessionTest, StubsAnswerOnlyTheirSession) {
  const MockServer server;
  const auto mine = server.session("stubbed");
  const auto ids = mine.add_stub({{"match", {{"model", "probe"}}},
                                  {"reply", {{"synthesize", {{"content", "session stub"}}}}}});
  EXPECT_EQ(ids.size(), 1U);
  const auto answer = [](const MockSession& session) {
    return client::ChatClient(session.base_url(), "k").create(asking("probe", "hi"));
  };
  EXPECT_EQ(answer(mine).at("choices").at(0).at("content"), "session stub");
  EXPECT_NE(answer(server.session("unstubbed")).at("choices").at(0).at("content"), "session stub");
  EXPECT_THROW(mine.add_stub({{"match", {{"model", "x"}}}}), std::invalid_argument);  // no reply
}

TEST(MockSessionTest, ClearRequestsEmptiesOnlyItsSession) {
  const MockServer server;
  const auto mine = server.session("clear-mine");
  const auto other = server.session("clear-other");
  client::ChatClient(mine.base_url(), "k").create(kRequest);
  client::ChatClient(other.base_url(), "k").create(kRequest);
  mine.clear_requests();
  EXPECT_TRUE(mine.requests().empty());
  EXPECT_EQ(other.requests().size(), 1U);
}

// Four threads share one server, each retrying through its own session's sequence
// (500, 500, then 200): sequences and journals are per session, so each sees exactly its own.
TEST(MockSessionTest, ParallelThreadsEachSeeOnlyTheirOwnJournal) {
  const MockServer server;
  constexpr std::size_t kThreads = 4;
  struct Outcome {
    nlohmann::json observation;
    std::vector<RecordedRequest> requests;
  };
  std::array<Outcome, kThreads> outcomes;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < kThreads; ++i) {
    threads.emplace_back([&server, &outcomes, i] {
      const auto session = server.session("worker-" + std::to_string(i));
      const std::string retrying = "http://127.0.0.1:" + std::to_string(server.port()) +
                                   "/sessions/" + session.name() +
                                   "/scenarios/error_500,error_500,default/v1";
      outcomes[i].observation = client::ChatClient(retrying, "k", kRetryAtOnce)
                                    .create(asking("gpt-4o-mini", "from " + session.name()));
      outcomes[i].requests = session.requests();
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < kThreads; ++i) {
    const std::string name = "worker-" + std::to_string(i);
    EXPECT_TRUE(outcomes[i].observation.at("ok").get<bool>()) << outcomes[i].observation.dump();
    const auto& requests = outcomes[i].requests;
    ASSERT_EQ(requests.size(), 3U) << name;
    for (std::size_t n = 0; n < requests.size(); ++n) {
      EXPECT_EQ(requests[n].status, n < 2 ? 500 : 200) << name << " request " << n;
      EXPECT_EQ(requests[n].session, name);
      EXPECT_EQ(content_of(requests[n]), "from " + name);
    }
  }
  EXPECT_EQ(server.requests().size(), 3 * kThreads);
}

}  // namespace
}  // namespace chatmock::testing
