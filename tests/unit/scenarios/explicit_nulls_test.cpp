// explicit_nulls and explicit_nulls_everywhere: absent optional keys sent as null — only the
// keys the official schema marks nullable (spec-valid), or every one (flagged breaks_spec).
#include <gtest/gtest.h>

#include <algorithm>

#include "core_wire_schemas.h"
#include "scenarios/scenario_catalogue.h"
#include "support/scenario_harness.h"
#include "synthesis/json_schema_checker.h"

namespace chatmock::testing {
namespace {
using nlohmann::json;

const json& nulls_message_of(const json& body) { return body["choices"][0]["message"]; }

TEST(ExplicitNullsEverywhereScenario, SendsAbsentOptionalKeysAsNullNullableOrNot) {
  ASSERT_TRUE(scenarios::builtin_catalogue().find("explicit_nulls_everywhere")->breaks_spec);
  const auto body = run_scenario("explicit_nulls_everywhere", chat_request()).json();
  for (const char* key : {"tool_calls", "annotations", "audio", "function_call"}) {
    ASSERT_TRUE(nulls_message_of(body).contains(key)) << key;
    EXPECT_TRUE(nulls_message_of(body)[key].is_null()) << key;
  }
  EXPECT_TRUE(body["moderation"].is_null());
  EXPECT_TRUE(body["usage"]["completion_tokens_details"]["text_tokens"].is_null());
  EXPECT_FALSE(
      synthesis::check_instance(completion_schema(), body).empty());  // tool_calls is not nullable
  EXPECT_NO_THROW((void)body.get<api::ChatCompletion>());

  const auto chunks = run_scenario("explicit_nulls_everywhere", tool_request(true)).chunks();
  const auto& continuation = chunks[1]["choices"][0]["delta"];
  EXPECT_TRUE(continuation["role"].is_null());
  EXPECT_TRUE(continuation["tool_calls"][0]["id"].is_null());
  EXPECT_TRUE(continuation["tool_calls"][0]["function"]["name"].is_null());
}

/// Whether `object` has a key whose value is null.
bool has_null(const json& object) {
  return std::any_of(object.begin(), object.end(),
                     [](const json& value) { return value.is_null(); });
}

// explicit_nulls stays inside the official schema: only nullable keys become null, yet every
// level (completion, choice, message; chunk, choice, delta) still carries one.
TEST(ExplicitNullsScenario, NullsOnlyNullableKeysAtEveryLevelAndStaysValid) {
  EXPECT_FALSE(scenarios::builtin_catalogue().find("explicit_nulls")->breaks_spec);
  for (const auto& request : {chat_request(), tool_request()}) {
    const auto body = run_scenario("explicit_nulls", request).json();
    EXPECT_TRUE(synthesis::check_instance(completion_schema(), body).empty()) << body.dump();
    EXPECT_TRUE(has_null(body));
    EXPECT_TRUE(has_null(body["choices"][0]));
    EXPECT_TRUE(has_null(nulls_message_of(body)));
    EXPECT_TRUE(nulls_message_of(body)["audio"].is_null());
    for (const char* key : {"tool_calls", "annotations", "function_call"}) {
      EXPECT_FALSE(nulls_message_of(body).contains(key) && nulls_message_of(body)[key].is_null())
          << key;
    }
    for (const char* key : {"completion_tokens_details", "prompt_tokens_details"}) {
      EXPECT_FALSE(body["usage"][key].is_null()) << key;
      EXPECT_FALSE(has_null(body["usage"][key])) << key;
    }
  }
  for (const auto& request : {chat_request(true), tool_request(true)}) {
    for (const auto& chunk : run_scenario("explicit_nulls", request).chunks()) {
      EXPECT_TRUE(synthesis::check_instance(chunk_schema(), chunk).empty()) << chunk.dump();
      EXPECT_TRUE(has_null(chunk)) << chunk.dump();
      for (const auto& choice : chunk["choices"]) {
        EXPECT_TRUE(has_null(choice["delta"])) << chunk.dump();
      }
    }
  }
}

}  // namespace
}  // namespace chatmock::testing
