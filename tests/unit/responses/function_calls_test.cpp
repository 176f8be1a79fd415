// When a Response calls a function: the Chat rules (tool_choice none/auto/required/named, JSON
// text formats answer in text, "auto" answers after a function_call_output), and the call's
// arguments validate against the tool's parameters.
#include "responses/function_calls.h"

#include <gtest/gtest.h>

#include "responses/response_builder.h"
#include "synthesis/json_schema_checker.h"

namespace chatmock::responses {
namespace {

const Json kWeather = {{"type", "function"},
                       {"name", "get_weather"},
                       {"parameters",
                        {{"type", "object"},
                         {"properties", {{"city", {{"type", "string"}}}}},
                         {"required", {"city"}},
                         {"additionalProperties", false}}}};
const Json kTime = {{"type", "function"}, {"name", "get_time"}, {"parameters", nullptr}};

ResponseRequest with_tools(Json choice = "auto") {
  ResponseRequest request;
  request.model = "gpt-4o-mini";
  request.input = {Json{{"type", "message"}, {"role", "user"}, {"content", "weather?"}}};
  request.tools = Json::array({kWeather, kTime, Json{{"type", "web_search"}}});
  request.tool_choice = std::move(choice);
  return request;
}

TEST(FunctionCalls, ToolChoiceDecidesWhetherAndWhichFunction) {
  EXPECT_EQ(tools_to_call(with_tools()).size(), 2U);  // function tools only
  EXPECT_EQ(tools_to_call(with_tools("required")).size(), 2U);
  EXPECT_TRUE(tools_to_call(with_tools("none")).empty());
  const auto named = tools_to_call(with_tools({{"type", "function"}, {"name", "get_time"}}));
  ASSERT_EQ(named.size(), 1U);
  EXPECT_EQ(named[0]["name"], "get_time");
  ResponseRequest none;
  EXPECT_TRUE(tools_to_call(none).empty());
}

TEST(FunctionCalls, AutoAnswersInTextAfterAnOutputAndJsonFormatsAnswerInText) {
  auto request = with_tools();
  request.input.push_back({{"type", "function_call_output"}, {"call_id", "c"}, {"output", "x"}});
  EXPECT_TRUE(tools_to_call(request).empty());
  request.tool_choice = "required";
  EXPECT_FALSE(tools_to_call(request).empty());
  request = with_tools();
  request.text_format = {{"type", "json_object"}};
  EXPECT_TRUE(tools_to_call(request).empty());
}

TEST(FunctionCalls, ArgumentsValidateAgainstTheParameters) {
  budget::WorkBudget budget;
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    synthesis::Rng rng(seed);
    const Json item = function_call_item(kWeather, rng, budget);
    EXPECT_EQ(item["type"], "function_call");
    EXPECT_EQ(item["status"], "completed");
    EXPECT_TRUE(item["id"].get<std::string>().starts_with("fc_"));
    EXPECT_TRUE(item["call_id"].get<std::string>().starts_with("call_"));
    const auto arguments = Json::parse(item["arguments"].get<std::string>());
    EXPECT_TRUE(synthesis::check_instance(kWeather["parameters"], arguments).empty())
        << arguments.dump();
  }
  synthesis::Rng rng(1);
  EXPECT_TRUE(Json::parse(function_call_item(kTime, rng, budget)["arguments"].get<std::string>())
                  .is_object());
}

TEST(FunctionCalls, TheResponseCarriesTheCallAndMaxOutputTokensCutsItsArguments) {
  BuildContext context;
  context.seed = 3;
  context.seeded = true;
  auto built = build_response(with_tools(), context);
  // The offered web_search tool is called first (a built-in call precedes the answer).
  ASSERT_EQ(built.response["output"].size(), 2U);
  EXPECT_EQ(built.response["output"][0]["type"], "web_search_call");
  EXPECT_EQ(built.response["output"][1]["type"], "function_call");
  EXPECT_EQ(built.response["status"], "completed");
  auto request = with_tools();
  request.max_output_tokens = 16;
  request.tools =
      Json::array({Json{{"type", "function"},
                        {"name", "essay"},
                        {"parameters",
                         {{"type", "object"},
                          {"properties", {{"text", {{"type", "string"}, {"minLength", 400}}}}},
                          {"required", {"text"}}}}}});
  built = build_response(request, context);
  EXPECT_EQ(built.response["status"], "incomplete");
  EXPECT_EQ(built.response["output"][0]["status"], "incomplete");
  EXPECT_EQ(built.response["usage"]["output_tokens"], 16);
  EXPECT_TRUE(
      Json::parse(built.response["output"][0]["arguments"].get<std::string>(), nullptr, false)
          .is_discarded());
}

}  // namespace
}  // namespace chatmock::responses
