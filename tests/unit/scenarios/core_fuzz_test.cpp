// The fuzz scenario: every reply breaks the spec (checked against the transcribed schemas and
// strict SSE framing), replays byte for byte from its seed, and stays close to a normal reply.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "core_wire_schemas.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"
#include "synthesis/json_schema_checker.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

HeaderList level(int value) { return {{"X-Chatmock-Fuzz-Level", std::to_string(value)}}; }

bool spec_valid_body(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);  // also rejects invalid UTF-8
  return !parsed.is_discarded() && synthesis::check_instance(completion_schema(), parsed).empty();
}

/// True when `body` is exactly what the API sends: "data: <chunk>" lines each followed by a
/// blank line, every chunk valid JSON matching the chunk schema, and a final "data: [DONE]".
bool spec_valid_stream(const std::string& body) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (auto at = body.find('\n'); at != std::string::npos; at = body.find('\n', from)) {
    lines.push_back(body.substr(from, at - from));
    from = at + 1;
  }
  if (from != body.size() || lines.size() % 2 != 0 || lines.empty()) return false;
  for (std::size_t i = 0; i < lines.size(); i += 2) {
    if (!lines[i].starts_with("data: ") || !lines[i + 1].empty()) return false;
    const auto data = lines[i].substr(6);
    if (data == "[DONE]") return i + 2 == lines.size();
    const json chunk = json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !synthesis::check_instance(chunk_schema(), chunk).empty())
      return false;
  }
  return false;  // no [DONE]
}

TEST(FuzzScenario, DefaultRepliesPassTheValidityChecksUsedHere) {
  EXPECT_TRUE(spec_valid_body(run_scenario("default", chat_request()).body()));
  EXPECT_TRUE(spec_valid_stream(run_scenario("default", chat_request(true)).body()));
}

TEST(FuzzScenario, EveryLevelOneReplyBreaksTheSpecInJsonAndStream) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    EXPECT_FALSE(spec_valid_body(run_scenario("fuzz", chat_request(), level(1), seed).body()))
        << seed;
    EXPECT_FALSE(spec_valid_stream(run_scenario("fuzz", chat_request(true), level(1), seed).body()))
        << seed;
  }
}

TEST(FuzzScenario, SameSeedGivesSameBytesAtEveryLevel) {
  for (int l = 1; l <= 3; ++l) {
    for (const bool stream : {false, true}) {
      EXPECT_EQ(run_scenario("fuzz", tool_request(stream), level(l), 5).body(),
                run_scenario("fuzz", tool_request(stream), level(l), 5).body());
    }
  }
}

TEST(FuzzScenario, DifferentSeedsGiveDifferentMutations) {
  std::set<std::string> bodies;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto fuzzed = run_scenario("fuzz", chat_request(), level(2), seed).body();
    const auto normal = run_scenario("default", chat_request(), {}, seed).body();
    EXPECT_NE(fuzzed, normal);
    bodies.insert(fuzzed);
  }
  EXPECT_EQ(bodies.size(), 10U);
}

TEST(FuzzScenario, HigherLevelsMutateMoreButStayBounded) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    for (const bool stream : {false, true}) {
      const auto normal = run_scenario("default", tool_request(stream), {}, seed).body();
      const auto mild = run_scenario("fuzz", tool_request(stream), level(1), seed).body();
      const auto harsh = run_scenario("fuzz", tool_request(stream), level(3), seed).body();
      EXPECT_NE(mild, harsh) << seed;
      EXPECT_LE(mild.size(), normal.size() + 512) << seed;
      // Level 3 may add long strings (256 KiB each) and deep nesting, but stays bounded.
      EXPECT_LE(harsh.size(), normal.size() + 1600 * 1024) << seed;
    }
  }
}

TEST(FuzzScenario, HarshLevelCoversTheStressMutations) {
  bool long_string = false, deep = false, unknown_field = false, truncated = false, escape = false;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    for (const bool stream : {false, true}) {
      const auto reply = run_scenario("fuzz", tool_request(stream), level(3), seed);
      const auto body = reply.body();
      long_string =
          long_string || body.find("lorem ipsum dolor sit amet lorem") != std::string::npos;
      deep = deep || body.find("[{\"x\":[{\"x\":[{\"x\":[") != std::string::npos;
      unknown_field = unknown_field || body.find("\"x_unknown_") != std::string::npos;
      truncated = truncated || reply.reply.ending == wire::WireEnding::cut;
      escape = escape || body.find("\\uD800") != std::string::npos ||
               body.find("\\x41") != std::string::npos;
    }
  }
  EXPECT_TRUE(long_string);
  EXPECT_TRUE(deep);
  EXPECT_TRUE(unknown_field);
  EXPECT_TRUE(truncated);
  EXPECT_TRUE(escape);
}

TEST(FuzzScenario, LevelHeaderOutOfRangeIsRefusedAndAbsentMeansOne) {
  // Was clamped (9 acted as 3); X-Chatmock-Fuzz-Level outside 1..3 is now a 400 at the edge.
  EXPECT_THROW(run_scenario("fuzz", chat_request(), level(9), 3), std::invalid_argument);
  EXPECT_EQ(run_scenario("fuzz", chat_request(), {}, 3).body(),
            run_scenario("fuzz", chat_request(), level(1), 3).body());
}

TEST(FuzzScenario, ComposesWithOtherCoreScenarios) {
  const auto body = run_scenario("refusal+fuzz", chat_request(true), level(2), 4).body();
  EXPECT_FALSE(spec_valid_stream(body));
  EXPECT_NE(body.find("refusal"), std::string::npos);
}

// Hooks that run after fuzz see chunks and bodies with keys dropped, types swapped and nulls
// where objects were; a hook that trusted the shape hit nlohmann's const operator[] assertion
// ("audio+fuzz", found by ScenarioDeterminismProperty in CI). Every scenario, on either side of
// fuzz, over a few seeds and levels, must produce a reply instead of crashing.
TEST(FuzzScenario, EveryScenarioSurvivesFuzzOnEitherSide) {
  for (const auto& scenario : scenarios::builtin_catalogue().all()) {
    if (scenario.name == "fuzz" || scenario.name == "large") continue;  // large: megabytes per run
    if (scenario.api == scenarios::ScenarioApi::responses) continue;    // fuzz is chat only
    for (const auto& expression : {"fuzz+" + scenario.name, scenario.name + "+fuzz"}) {
      for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        const auto fuzz_level = level(static_cast<int>(1 + seed % 3));
        for (const bool stream : {false, true}) {
          for (const auto& request : {chat_request(stream), tool_request(stream)}) {
            EXPECT_NO_THROW(run_scenario(expression, request, fuzz_level, seed))
                << expression << " seed " << seed << (stream ? " stream" : "");
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace chatmock::testing
