// The `default` scenario and the selection language: what every other scenario builds on.
#include <gtest/gtest.h>

#include "scenarios/scenario_catalogue.h"
#include "scenarios/scenario_expression.h"
#include "support/scenario_harness.h"

namespace chatmock::testing {
namespace {

TEST(DefaultScenario, AnswersJsonWithOneStoppedAssistantChoice) {
  const auto body = run_scenario("default", chat_request()).json();
  EXPECT_EQ(body["object"], "chat.completion");
  ASSERT_EQ(body["choices"].size(), 1U);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
  EXPECT_EQ(body["choices"][0]["message"]["role"], "assistant");
  EXPECT_TRUE(body["choices"][0]["message"]["content"].is_string());
  EXPECT_TRUE(body["choices"][0]["message"]["refusal"].is_null());
}

TEST(DefaultScenario, StreamReassemblesToTheSameCompletionAsJson) {
  const auto json = run_scenario("default", chat_request(false)).json().get<api::ChatCompletion>();
  const auto stream = run_scenario("default", chat_request(true));
  ASSERT_TRUE(stream.ends_with_done());
  const auto assembled = stream.assembled();
  ASSERT_EQ(assembled.choices.size(), 1U);
  EXPECT_EQ(assembled.choices[0].message.content, json.choices[0].message.content);
  EXPECT_EQ(assembled.choices[0].finish_reason, json.choices[0].finish_reason);
  EXPECT_EQ(assembled.id, json.id);
}

TEST(DefaultScenario, SameSeedGivesSameBytesAndOtherSeedDiffers) {
  EXPECT_EQ(run_scenario("default", chat_request(true), {}, 11).body(),
            run_scenario("default", chat_request(true), {}, 11).body());
  EXPECT_NE(run_scenario("default", chat_request(), {}, 11).body(),
            run_scenario("default", chat_request(), {}, 12).body());
}

TEST(DefaultScenario, CallsTheOfferedToolWithArgumentsMatchingItsSchema) {
  const auto body = run_scenario("default", tool_request()).json();
  const auto& message = body["choices"][0]["message"];
  EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");
  EXPECT_TRUE(message["content"].is_null());
  ASSERT_EQ(message["tool_calls"].size(), 1U);
  EXPECT_EQ(message["tool_calls"][0]["function"]["name"], "get_weather");
  const auto arguments =
      nlohmann::json::parse(message["tool_calls"][0]["function"]["arguments"].get<std::string>());
  EXPECT_TRUE(arguments["city"].is_string());
}

TEST(DefaultScenario, MaxTokensTruncatesWithFinishLength) {
  auto request = chat_request();
  request["max_tokens"] = 3;
  request["messages"][0]["content"] = "Write a long essay.";
  const auto body = run_scenario("default", request).json();
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(body["usage"]["completion_tokens"], 3);
}

TEST(DefaultScenario, IncludeUsageEndsTheStreamWithAnEmptyChoicesUsageChunk) {
  auto request = chat_request(true);
  request["stream_options"] = {{"include_usage", true}};
  const auto chunks = run_scenario("default", request).chunks();
  ASSERT_FALSE(chunks.empty());
  EXPECT_TRUE(chunks.back()["choices"].empty());
  EXPECT_TRUE(chunks.back()["usage"]["total_tokens"].is_number_integer());
  EXPECT_TRUE(chunks.front()["usage"].is_null());
}

TEST(ScenarioSelection, UnknownNameIsRejectedWithTheValidNames) {
  const auto parsed =
      scenarios::parse_scenario_expression("no_such_thing", scenarios::builtin_catalogue());
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  EXPECT_NE(std::get<std::string>(parsed).find("no_such_thing"), std::string::npos);
  EXPECT_NE(std::get<std::string>(parsed).find("default"), std::string::npos);
}

TEST(ScenarioSelection, CommaListIsASequenceAndPlusComposes) {
  const auto parsed = scenarios::parse_scenario_expression("default+default,default",
                                                           scenarios::builtin_catalogue());
  ASSERT_TRUE(std::holds_alternative<scenarios::ScenarioExpression>(parsed));
  const auto& expression = std::get<scenarios::ScenarioExpression>(parsed);
  ASSERT_EQ(expression.steps.size(), 2U);
  EXPECT_EQ(expression.steps[0].size(), 2U);
  EXPECT_EQ(expression.steps[1].size(), 1U);
}

TEST(ScenarioCatalogueTest, EveryScenarioHasAOneLineDescriptionAndAGroup) {
  for (const auto& scenario : scenarios::builtin_catalogue().all()) {
    EXPECT_FALSE(scenario.description.empty()) << scenario.name;
    EXPECT_EQ(scenario.description.find('\n'), std::string::npos) << scenario.name;
    EXPECT_FALSE(scenario.group.empty()) << scenario.name;
  }
}

}  // namespace
}  // namespace chatmock::testing

namespace chatmock::testing {
namespace {

TEST(ScenarioSelection, ANameWithExpandsToStandsForItsSequence) {
  scenarios::ScenarioCatalogue catalogue;
  catalogue.add({.name = "default", .description = "d"});
  catalogue.add({.name = "flaky", .description = "f", .expands_to = "default,default,default"});
  const auto parsed = scenarios::parse_scenario_expression("flaky", catalogue);
  ASSERT_TRUE(std::holds_alternative<scenarios::ScenarioExpression>(parsed));
  EXPECT_EQ(std::get<scenarios::ScenarioExpression>(parsed).steps.size(), 3U);
  const auto composed = scenarios::parse_scenario_expression("default,flaky", catalogue);
  EXPECT_EQ(std::get<scenarios::ScenarioExpression>(composed).steps.size(), 4U);
}

}  // namespace
}  // namespace chatmock::testing

namespace chatmock::testing {
namespace {

TEST(AudioStream, AssemblesPiecesIntoTheJsonAudio) {
  const auto json = run_scenario("audio", chat_request(false)).json().get<api::ChatCompletion>();
  const auto assembled = run_scenario("audio", chat_request(true)).assembled();
  ASSERT_TRUE(json.choices[0].message.audio.has_value());
  ASSERT_TRUE(assembled.choices[0].message.audio.has_value());
  EXPECT_EQ(assembled.choices[0].message.audio->data, json.choices[0].message.audio->data);
  EXPECT_EQ(assembled.choices[0].message.audio->transcript,
            json.choices[0].message.audio->transcript);
  EXPECT_EQ(assembled.choices[0].message.audio->expires_at,
            json.choices[0].message.audio->expires_at);
}

}  // namespace
}  // namespace chatmock::testing

namespace chatmock::testing {
namespace {

TEST(WordsHeader, FixesTheNumberOfWords) {
  const auto body = run_scenario("default", chat_request(), {{"X-Chatmock-Words", "98"}}).json();
  const auto content = body["choices"][0]["message"]["content"].get<std::string>();
  EXPECT_EQ(std::count(content.begin(), content.end(), ' '), 97);
}

TEST(WordsHeader, WithMaxTokensGivesAnExactChunkCount) {
  auto request = chat_request(true);
  request["max_tokens"] = 98;
  const auto chunks = run_scenario("default", request, {{"X-Chatmock-Words", "200"}}).chunks();
  EXPECT_EQ(chunks.size(), 100U);  // role opener + 98 tokens + finish
}

}  // namespace
}  // namespace chatmock::testing

namespace chatmock::testing {
namespace {

TEST(LatencyHeader, PacesEveryStreamWrite) {
  const auto run =
      run_scenario("default", chat_request(true), {{"X-Chatmock-Latency", "ttft=150,itl=7"}});
  ASSERT_GE(run.reply.writes.size(), 3U);
  EXPECT_EQ(run.reply.writes[0].delay, std::chrono::milliseconds(150));
  EXPECT_EQ(run.reply.writes[1].delay, std::chrono::milliseconds(7));
  EXPECT_EQ(run.reply.writes.back().delay, std::chrono::milliseconds(7));
}

}  // namespace
}  // namespace chatmock::testing

namespace chatmock::testing {
namespace {

TEST(AnnotationsStream, AssembleToTheJsonAnnotations) {
  const auto json =
      run_scenario("annotations", chat_request(false)).json().get<api::ChatCompletion>();
  const auto assembled = run_scenario("annotations", chat_request(true)).assembled();
  ASSERT_TRUE(json.choices[0].message.annotations.has_value());
  ASSERT_FALSE(json.choices[0].message.annotations->empty());
  ASSERT_TRUE(assembled.choices[0].message.annotations.has_value());
  EXPECT_EQ(nlohmann::json(*assembled.choices[0].message.annotations),
            nlohmann::json(*json.choices[0].message.annotations));
}

}  // namespace
}  // namespace chatmock::testing
