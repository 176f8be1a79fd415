// The fuzz scenario on /v1/responses (server/scenarios/response_fuzz.cpp): every seeded reply is
// mutated, replays byte for byte, stays bounded, keeps the stored Response's id, and the stream
// form reaches event-level faults (unknown types, missing events) as well as JSON ones.
#include "scenarios/response_fuzz.h"

#include <gtest/gtest.h>

#include <set>

#include "support/response_harness.h"

namespace chatmock::testing {
namespace {

HeaderList fuzz_level_header(int value) {
  return {{"X-Chatmock-Fuzz-Level", std::to_string(value)}};
}

ResponseScenarioRun fuzzed_response(bool stream, int level, std::uint64_t seed) {
  return run_response_scenario("fuzz", response_tool_request(stream), fuzz_level_header(level),
                               seed);
}

TEST(ResponseFuzzTest, FuzzServesBothApis) {
  const auto* fuzz = scenarios::builtin_catalogue().find("fuzz");
  ASSERT_NE(fuzz, nullptr);
  EXPECT_EQ(fuzz->api, scenarios::ScenarioApi::both);
  EXPECT_TRUE(fuzz->breaks_spec);
}

TEST(ResponseFuzzTest, SameSeedGivesSameBytesAtEveryLevel) {
  for (int level = 1; level <= 3; ++level) {
    for (const bool stream : {false, true}) {
      for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const auto first = fuzzed_response(stream, level, seed);
        const auto again = fuzzed_response(stream, level, seed);
        EXPECT_EQ(first.body(), again.body()) << level << stream << seed;
        EXPECT_EQ(first.reply.ending, again.reply.ending) << level << stream << seed;
      }
    }
  }
}

TEST(ResponseFuzzTest, EveryReplyDiffersFromTheUnfuzzedOneAndSeedsDiffer) {
  for (const bool stream : {false, true}) {
    std::set<std::string> bodies;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
      const auto normal =
          run_response_scenario("default", response_tool_request(stream), {}, seed).body();
      const auto fuzzed = fuzzed_response(stream, 1, seed).body();
      EXPECT_NE(fuzzed, normal) << seed << (stream ? " stream" : " json");
      bodies.insert(fuzzed);
    }
    EXPECT_GE(bodies.size(), 25U);
  }
}

TEST(ResponseFuzzTest, LevelOneStaysCloseToANormalReplyAndLevelThreeIsBounded) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    for (const bool stream : {false, true}) {
      const auto normal =
          run_response_scenario("default", response_tool_request(stream), {}, seed).body();
      EXPECT_LE(fuzzed_response(stream, 1, seed).body().size(), normal.size() + 2048) << seed;
      EXPECT_LE(fuzzed_response(stream, 3, seed).body().size(), normal.size() + 1600 * 1024)
          << seed;
    }
  }
}

TEST(ResponseFuzzTest, TheStoredResponseKeepsItsStringId) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    for (int level = 1; level <= 3; ++level) {
      const auto run = fuzzed_response(false, level, seed);
      if (!run.stored) continue;
      ASSERT_TRUE(run.stored->contains("id")) << seed;
      EXPECT_TRUE((*run.stored)["id"].is_string()) << seed;
    }
  }
}

TEST(ResponseFuzzTest, StreamsReachEventLevelFaults) {
  bool unknown_type = false, missing_terminal = false, invalid_json = false;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const auto run = fuzzed_response(true, 2, seed);
    bool terminal = false;
    for (const auto& event : run.events()) {
      const auto data = nlohmann::json::parse(event.data, nullptr, false);
      if (data.is_discarded()) {
        invalid_json = true;
        continue;
      }
      const auto found = data.is_object() ? data.find("type") : data.end();
      const std::string type =
          found != data.end() && found->is_string() ? found->get<std::string>() : "";
      unknown_type = unknown_type || type.starts_with("response.fuzz_");
      terminal = terminal || type == "response.completed";
    }
    missing_terminal = missing_terminal || !terminal;
  }
  EXPECT_TRUE(unknown_type);
  EXPECT_TRUE(missing_terminal);
  EXPECT_TRUE(invalid_json);
}

}  // namespace
}  // namespace chatmock::testing
