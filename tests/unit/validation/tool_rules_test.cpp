// validate_request on tool definitions and selection: `tools`, legacy `functions`,
// `tool_choice`, `function_call` and `parallel_tool_calls`.
#include <gtest/gtest.h>

#include <string>

#include "unit/validation/request_builders.h"
#include "validation/request_validator.h"

namespace chatmock::validation {
namespace {

using testing::is_valid;
using testing::json;
using testing::minimal_request;
using testing::violates;

json function_tool(json name) {
  return {{"type", "function"},
          {"function", {{"name", std::move(name)}, {"parameters", {{"type", "object"}}}}}};
}

json with_tools(std::initializer_list<json> tools) {
  json body = minimal_request();
  body["tools"] = testing::list(tools);
  return body;
}

json with_tools(json tools) {
  json body = minimal_request();
  body["tools"] = std::move(tools);
  return body;
}

json tools_array(std::size_t count) {
  json tools = json::array();
  for (std::size_t i = 0; i < count; ++i) tools.push_back(function_tool("f" + std::to_string(i)));
  return tools;
}

TEST(RequestValidatorTest, ToolsMustNotBeEmpty) {
  EXPECT_TRUE(
      violates(with_tools(json::array()), "validation.tools_empty", "tools", "empty_array"));
}

TEST(RequestValidatorTest, ToolsAreLimitedByOptions) {
  EXPECT_TRUE(is_valid(with_tools(tools_array(128))));
  EXPECT_TRUE(violates(with_tools(tools_array(129)), "validation.tools_too_many", "tools",
                       "array_above_max_length"));
  ValidationOptions options;
  options.max_tools = 2;
  EXPECT_TRUE(violates(with_tools(tools_array(3)), "validation.tools_too_many", "tools",
                       "array_above_max_length", options));
}

TEST(RequestValidatorTest, ToolTypeIsFunctionOrCustom) {
  EXPECT_TRUE(violates(with_tools({{{"type", "retrieval"}}}), "validation.tool_type_invalid",
                       "tools[0].type", "invalid_value"));
  EXPECT_TRUE(violates(with_tools({{{"function", {{"name", "f"}}}}}), "validation.missing_field",
                       "tools[0].type", "missing_required_parameter"));
  EXPECT_TRUE(
      violates(with_tools({"get_weather"}), "validation.invalid_type", "tools[0]", "invalid_type"));
}

TEST(RequestValidatorTest, FunctionToolNeedsFunctionObject) {
  EXPECT_TRUE(violates(with_tools({{{"type", "function"}}}), "validation.missing_field",
                       "tools[0].function", "missing_required_parameter"));
  EXPECT_TRUE(violates(with_tools({{{"type", "function"}, {"function", {{"description", "d"}}}}}),
                       "validation.missing_field", "tools[0].function.name",
                       "missing_required_parameter"));
}

TEST(RequestValidatorTest, ToolNamesFollowThePattern) {
  EXPECT_TRUE(violates(with_tools({function_tool("get weather")}), "validation.tool_name_invalid",
                       "tools[0].function.name", "invalid_value"));
  EXPECT_TRUE(violates(with_tools({function_tool("a.b")}), "validation.tool_name_invalid",
                       "tools[0].function.name", "invalid_value"));
  EXPECT_TRUE(violates(with_tools({function_tool(std::string(65, 'a'))}),
                       "validation.tool_name_invalid", "tools[0].function.name",
                       "string_above_max_length"));
  EXPECT_TRUE(violates(with_tools({function_tool("")}), "validation.tool_name_invalid",
                       "tools[0].function.name", "empty_string"));
  EXPECT_TRUE(violates(with_tools({function_tool(7)}), "validation.invalid_type",
                       "tools[0].function.name", "invalid_type"));
  EXPECT_TRUE(is_valid(with_tools({function_tool(std::string(64, 'a')), function_tool("A_b-9")})));
}

TEST(RequestValidatorTest, ToolParametersMustBeAnObject) {
  json tool = function_tool("f");
  tool["function"]["parameters"] = R"({"type":"object"})";
  EXPECT_TRUE(violates(with_tools({tool}), "validation.invalid_type",
                       "tools[0].function.parameters", "invalid_type"));
  tool["function"]["parameters"] = {{"type", "object"}};
  tool["function"]["strict"] = "yes";
  EXPECT_TRUE(violates(with_tools({tool}), "validation.invalid_type", "tools[0].function.strict",
                       "invalid_type"));
}

TEST(RequestValidatorTest, CustomToolNamesFollowThePattern) {
  const json tool = {{"type", "custom"}, {"custom", {{"name", "run sql"}}}};
  EXPECT_TRUE(violates(with_tools({tool}), "validation.tool_name_invalid", "tools[0].custom.name",
                       "invalid_value"));
}

TEST(RequestValidatorTest, LegacyFunctionsHaveOneToHundredTwentyEightItems) {
  json body = minimal_request();
  body["functions"] = json::array();
  EXPECT_TRUE(violates(body, "validation.functions_empty", "functions", "empty_array"));
  body["functions"] = json::array();
  for (int i = 0; i < 129; ++i) body["functions"].push_back({{"name", "f" + std::to_string(i)}});
  EXPECT_TRUE(
      violates(body, "validation.functions_too_many", "functions", "array_above_max_length"));
  body["functions"] = {{{"name", "bad name"}}};
  EXPECT_TRUE(violates(body, "validation.tool_name_invalid", "functions[0].name", "invalid_value"));
}

TEST(RequestValidatorTest, ToolChoiceStringIsAnEnum) {
  json body = with_tools({function_tool("f")});
  for (const char* choice : {"none", "auto", "required"}) {
    body["tool_choice"] = choice;
    EXPECT_TRUE(is_valid(body)) << choice;
  }
  body["tool_choice"] = "sometimes";
  EXPECT_TRUE(violates(body, "validation.tool_choice_invalid", "tool_choice", "invalid_value"));
}

TEST(RequestValidatorTest, ToolChoiceMustNameADefinedTool) {
  json body = with_tools({function_tool("get_weather")});
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "get_time"}}}};
  EXPECT_TRUE(violates(body, "validation.tool_choice_unknown_tool", "tool_choice", std::nullopt));
  body["tool_choice"] = {{"type", "function"}};
  EXPECT_TRUE(violates(body, "validation.missing_field", "tool_choice.function",
                       "missing_required_parameter"));
  body["tool_choice"] = {{"type", "file_search"}};
  EXPECT_TRUE(
      violates(body, "validation.tool_choice_invalid", "tool_choice.type", "invalid_value"));
}

TEST(RequestValidatorTest, ToolChoiceMayNameACustomTool) {
  json body = with_tools({{{"type", "custom"}, {"custom", {{"name", "run_sql"}}}}});
  body["tool_choice"] = {{"type", "custom"}, {"custom", {{"name", "run_sql"}}}};
  EXPECT_TRUE(is_valid(body));
  body["tool_choice"] = {{"type", "function"}, {"function", {{"name", "run_sql"}}}};
  EXPECT_TRUE(violates(body, "validation.tool_choice_unknown_tool", "tool_choice", std::nullopt));
}

TEST(RequestValidatorTest, ToolChoiceAllowedTools) {
  json body = with_tools({function_tool("f")});
  body["tool_choice"] = {
      {"type", "allowed_tools"},
      {"allowed_tools",
       {{"mode", "auto"}, {"tools", {{{"type", "function"}, {"function", {{"name", "f"}}}}}}}}};
  EXPECT_TRUE(is_valid(body));
  body["tool_choice"]["allowed_tools"]["mode"] = "all";
  EXPECT_TRUE(violates(body, "validation.tool_choice_invalid", "tool_choice.allowed_tools.mode",
                       "invalid_value"));
}

TEST(RequestValidatorTest, ToolChoiceRequiresTools) {
  json body = minimal_request();
  body["tool_choice"] = "auto";
  EXPECT_TRUE(violates(body, "validation.tool_choice_without_tools", "tool_choice", std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are "
            "specified.");
}

TEST(RequestValidatorTest, ParallelToolCallsRequiresTools) {
  json body = minimal_request();
  body["parallel_tool_calls"] = false;
  EXPECT_TRUE(violates(body, "validation.parallel_tool_calls_without_tools", "parallel_tool_calls",
                       std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when "
            "'tools' are specified.");
  body["tools"] = testing::list({function_tool("f")});
  EXPECT_TRUE(is_valid(body));
}

TEST(RequestValidatorTest, FunctionCallRequiresMatchingFunctions) {
  json body = minimal_request();
  body["function_call"] = "auto";
  EXPECT_TRUE(
      violates(body, "validation.function_call_without_functions", "function_call", std::nullopt));
  body["functions"] = {{{"name", "lookup"}}};
  body["function_call"] = {{"name", "other"}};
  EXPECT_TRUE(
      violates(body, "validation.function_call_unknown_function", "function_call", std::nullopt));
  body["function_call"] = "maybe";
  EXPECT_TRUE(violates(body, "validation.function_call_invalid", "function_call", "invalid_value"));
}

}  // namespace
}  // namespace chatmock::validation
