// observation_difference decides every matches_served verdict: these pin which differences count
// (finish reason, refusal, tool calls, usage) and which do not (absent vs null, error wording).
#include "runner/observation_diff.h"

#include <gtest/gtest.h>

namespace chatmock::conform {
namespace {

using nlohmann::json;

json completion() {
  return json::parse(R"({"ok":true,"id":"chatcmpl-1","model":"gpt-4o",
    "choices":[{"index":0,"finish_reason":"tool_calls","content":null,"refusal":null,
      "tool_calls":[{"id":"call_1","name":"get_weather","arguments":"{\"city\":\"Par"}],
      "function_call":null}],
    "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}})");
}

TEST(ObservationDiffTest, IdenticalObservationsAreEqual) {
  EXPECT_EQ(observation_difference(completion(), completion()), std::nullopt);
}

TEST(ObservationDiffTest, AbsentKeysCountAsNullAndNullToolCallsAsEmpty) {
  json served = completion();
  served["choices"][0]["tool_calls"] = json::array();
  json observed = served;
  observed["choices"][0].erase("refusal");
  observed["choices"][0]["tool_calls"] = nullptr;
  observed["choices"][0].erase("function_call");
  EXPECT_EQ(observation_difference(served, observed), std::nullopt);
}

TEST(ObservationDiffTest, NamesTheFinishReasonAReaderRewrote) {
  json observed = completion();
  observed["choices"][0]["finish_reason"] = "stop";
  const auto difference = observation_difference(completion(), observed);
  ASSERT_TRUE(difference);
  EXPECT_EQ(*difference,
            R"(choices[0].finish_reason: served "tool_calls", client reported "stop")");
}

TEST(ObservationDiffTest, RawArgumentsMustStayTheRawString) {
  json observed = completion();
  observed["choices"][0]["tool_calls"][0]["arguments"] = "{}";
  const auto difference = observation_difference(completion(), observed);
  ASSERT_TRUE(difference);
  EXPECT_NE(difference->find("tool_calls[0].arguments"), std::string::npos);
}

TEST(ObservationDiffTest, MissingToolCallsAreCounted) {
  json observed = completion();
  observed["choices"][0]["tool_calls"] = json::array();
  const auto difference = observation_difference(completion(), observed);
  ASSERT_TRUE(difference);
  EXPECT_NE(difference->find("served 1 call(s), client reported 0"), std::string::npos);
}

TEST(ObservationDiffTest, DroppedUsageIsADifference) {
  json observed = completion();
  observed["usage"] = nullptr;
  const auto difference = observation_difference(completion(), observed);
  ASSERT_TRUE(difference);
  EXPECT_EQ(difference->rfind("usage:", 0), 0U);
}

TEST(ObservationDiffTest, SuccessReportedForAServedErrorIsADifference) {
  const json served = json::parse(
      R"({"ok":false,"error":{"status":null,"type":"server_error","code":null,"message":"x"}})");
  const auto difference = observation_difference(served, completion());
  ASSERT_TRUE(difference);
  EXPECT_NE(difference->find("client reported success"), std::string::npos);
}

TEST(ObservationDiffTest, ErrorsCompareStatusTypeCodeButNotMessageWording) {
  const json served = json::parse(
      R"({"ok":false,"error":{"status":null,"type":"server_error","code":null,"message":"boom"}})");
  json observed = served;
  observed["error"]["message"] = "500 boom (formatted by the SDK)";
  EXPECT_EQ(observation_difference(served, observed), std::nullopt);
  observed["error"]["status"] = 500;
  const auto difference = observation_difference(served, observed);
  ASSERT_TRUE(difference);
  EXPECT_EQ(difference->rfind("error.status", 0), 0U);
}

TEST(ObservationDiffTest, ChoiceCountMismatchIsReported) {
  json served = completion();
  served["choices"].push_back(served["choices"][0]);
  served["choices"][1]["index"] = 1;
  const auto difference = observation_difference(served, completion());
  ASSERT_TRUE(difference);
  EXPECT_EQ(*difference, "choices: served 2, client reported 1");
}

TEST(ObservationDiffTest, MalformedObservationsAreNamed) {
  EXPECT_TRUE(malformed_observation(json::array()));
  EXPECT_TRUE(malformed_observation(json{{"ok", "yes"}}));
  EXPECT_TRUE(malformed_observation(json{{"ok", true}}));
  EXPECT_TRUE(malformed_observation(json{{"ok", false}}));
  EXPECT_FALSE(malformed_observation(completion()));
  EXPECT_FALSE(malformed_observation(json{{"ok", false}, {"error", json::object()}}));
}

TEST(ObservationDiffTest, BriefJsonCutsLongValuesOnACharacterBoundary) {
  const std::string text = brief_json(json(std::string(100, 'a') + "é"), 10);
  EXPECT_EQ(text, "\"aaaaaaaaa…");
  EXPECT_EQ(brief_json(json("é"), 2), "\"…");
}

}  // namespace
}  // namespace chatmock::conform
