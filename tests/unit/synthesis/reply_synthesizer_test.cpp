// The `default` reply honours the request the way the real API does (docs/interface.md):
// n, token limits, stop, tools and tool_choice, legacy functions, response_format, logprobs.
#include "synthesis/reply_synthesizer.h"

#include <gtest/gtest.h>

#include "api/chat_completion_request.h"
#include "synthesis/json_schema_checker.h"
#include "synthesis/token_splitter.h"

namespace chatmock::synthesis {
namespace {

nlohmann::json request_with(nlohmann::json extra) {
  nlohmann::json request{{"model", "gpt-4o-mini"},
                         {"messages", {{{"role", "user"}, {"content", "Tell me about Paris"}}}}};
  if (extra.is_object()) request.update(extra);
  return request;
}

nlohmann::json weather_tools() {
  return {{{"type", "function"},
           {"function",
            {{"name", "get_weather"},
             {"parameters",
              {{"type", "object"},
               {"properties",
                {{"city", {{"type", "string"}}}, {"days", {{"type", "integer"}, {"minimum", 1}}}}},
               {"required", {"city", "days"}}}}}}}};
}

nlohmann::json reply(const nlohmann::json& request, std::uint64_t seed = 1) {
  return synthesize_completion(request.get<api::ChatCompletionRequest>(), {}, {seed, true, 0});
}

TEST(ReplySynthesizer, HonoursNWithOneChoicePerIndex) {
  const auto body = reply(request_with({{"n", 3}}));
  ASSERT_EQ(body["choices"].size(), 3U);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(body["choices"][i]["index"], i);
}

TEST(ReplySynthesizer, StopSequenceEndsContentBeforeIt) {
  const auto free_text =
      reply(request_with({}))["choices"][0]["message"]["content"].get<std::string>();
  const auto words = split_tokens(free_text);
  ASSERT_GE(words.size(), 3U);
  const std::string stop = words[2];
  const auto body = reply(request_with({{"stop", stop}}));
  const auto content = body["choices"][0]["message"]["content"].get<std::string>();
  EXPECT_EQ(content.find(stop), std::string::npos);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
}

TEST(ReplySynthesizer, MaxCompletionTokensCapsUsageAndFinishesWithLength) {
  const auto body = reply(request_with({{"max_completion_tokens", 4}}));
  EXPECT_EQ(body["choices"][0]["finish_reason"], "length");
  EXPECT_EQ(body["usage"]["completion_tokens"], 4);
  EXPECT_EQ(body["usage"]["total_tokens"], body["usage"]["prompt_tokens"].get<int>() +
                                               body["usage"]["completion_tokens"].get<int>());
}

TEST(ReplySynthesizer, ToolArgumentsValidateAgainstTheToolSchema) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto body = reply(request_with({{"tools", weather_tools()}}), seed);
    const auto& call = body["choices"][0]["message"]["tool_calls"][0];
    const auto arguments = nlohmann::json::parse(call["function"]["arguments"].get<std::string>());
    EXPECT_TRUE(check_instance(weather_tools()[0]["function"]["parameters"], arguments).empty())
        << arguments;
  }
}

TEST(ReplySynthesizer, NamedToolChoiceFinishesWithStopAndRequiredWithToolCalls) {
  const nlohmann::json named{{"type", "function"}, {"function", {{"name", "get_weather"}}}};
  EXPECT_EQ(reply(request_with({{"tools", weather_tools()},
                                {"tool_choice", named}}))["choices"][0]["finish_reason"],
            "stop");
  EXPECT_EQ(reply(request_with({{"tools", weather_tools()},
                                {"tool_choice", "required"}}))["choices"][0]["finish_reason"],
            "tool_calls");
  const auto none = reply(request_with({{"tools", weather_tools()}, {"tool_choice", "none"}}));
  EXPECT_TRUE(none["choices"][0]["message"]["content"].is_string());
  EXPECT_FALSE(none["choices"][0]["message"].contains("tool_calls"));
}

TEST(ReplySynthesizer, AnswersInTextAfterAToolResult) {
  auto request = request_with({{"tools", weather_tools()}});
  request["messages"].push_back(
      {{"role", "assistant"},
       {"content", nullptr},
       {"tool_calls",
        {{{"id", "call_1"},
          {"type", "function"},
          {"function", {{"name", "get_weather"}, {"arguments", "{}"}}}}}}});
  request["messages"].push_back(
      {{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", "sunny"}});
  const auto body = reply(request);
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
  EXPECT_TRUE(body["choices"][0]["message"]["content"].is_string());
}

TEST(ReplySynthesizer, LegacyFunctionsGiveAFunctionCall) {
  const auto body = reply(request_with({{"functions", {weather_tools()[0]["function"]}}}));
  EXPECT_EQ(body["choices"][0]["finish_reason"], "function_call");
  EXPECT_EQ(body["choices"][0]["message"]["function_call"]["name"], "get_weather");
  EXPECT_FALSE(body["choices"][0]["message"].contains("tool_calls"));
}

TEST(ReplySynthesizer, JsonSchemaResponseFormatContentValidates) {
  const nlohmann::json schema{
      {"type", "object"},
      {"properties", {{"answer", {{"type", "string"}}}, {"score", {{"type", "number"}}}}},
      {"required", {"answer", "score"}},
      {"additionalProperties", false}};
  const nlohmann::json format{{"type", "json_schema"},
                              {"json_schema", {{"name", "result"}, {"schema", schema}}}};
  const auto body = reply(request_with({{"response_format", format}}));
  const auto content =
      nlohmann::json::parse(body["choices"][0]["message"]["content"].get<std::string>());
  EXPECT_TRUE(check_instance(schema, content).empty()) << content;
}

TEST(ReplySynthesizer, JsonObjectResponseFormatContentIsAnObject) {
  const auto body = reply(request_with({{"response_format", {{"type", "json_object"}}}}));
  EXPECT_TRUE(nlohmann::json::parse(body["choices"][0]["message"]["content"].get<std::string>())
                  .is_object());
}

TEST(ReplySynthesizer, LogprobTokensJoinToTheContent) {
  const auto body = reply(request_with({{"logprobs", true}, {"top_logprobs", 3}}));
  std::string joined;
  for (const auto& entry : body["choices"][0]["logprobs"]["content"]) {
    joined += entry["token"].get<std::string>();
    EXPECT_EQ(entry["top_logprobs"].size(), 3U);
    EXPECT_LE(entry["logprob"].get<double>(), 0.0);
  }
  EXPECT_EQ(joined, body["choices"][0]["message"]["content"]);
}

TEST(ReplySynthesizer, ServiceTierAutoIsReportedAsDefault) {
  EXPECT_EQ(reply(request_with({{"service_tier", "auto"}}))["service_tier"], "default");
}

TEST(ReplySynthesizer, SameSeedSameReplyAndModelEchoed) {
  EXPECT_EQ(reply(request_with({}), 77), reply(request_with({}), 77));
  EXPECT_NE(reply(request_with({}), 77), reply(request_with({}), 78));
  EXPECT_EQ(reply(request_with({}))["model"].get<std::string>().rfind("gpt-4o-mini", 0), 0U);
}

}  // namespace
}  // namespace chatmock::synthesis
