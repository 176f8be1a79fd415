// CreateResponse parsing: the fields this slice honours, their defaults, and the API's 400s
// (unknown parameter, missing model, max_output_tokens < 16, ranges, bad input items).
#include "responses/response_request.h"

#include <gtest/gtest.h>

namespace chatmock::responses {
namespace {

api::ApiError error_of(const nlohmann::json& body, ParseOptions options = {}) {
  auto parsed = parse_create_response(body, options);
  EXPECT_FALSE(parsed.has_value()) << body.dump();
  return parsed.has_value() ? api::ApiError{} : parsed.error();
}

TEST(ResponseRequest, StringInputIsOneUserMessageAndDefaultsAreFilled) {
  const auto parsed = parse_create_response({{"model", "gpt-4o-mini"}, {"input", "hi"}});
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->model, "gpt-4o-mini");
  ASSERT_EQ(parsed->input.size(), 1U);
  EXPECT_EQ(parsed->input[0]["type"], "message");
  EXPECT_EQ(parsed->input[0]["role"], "user");
  EXPECT_EQ(parsed->input[0]["content"], "hi");
  EXPECT_TRUE(parsed->store);
  EXPECT_FALSE(parsed->stream);
  EXPECT_EQ(parsed->text_format, Json({{"type", "text"}}));
  EXPECT_EQ(parsed->tool_choice, "auto");
  EXPECT_EQ(parsed->truncation, "disabled");
}

TEST(ResponseRequest, ArrayInputAcceptsMessagesPartsAndToolOutputs) {
  const nlohmann::json input = nlohmann::json::parse(R"([
    {"role":"developer","content":"be brief"},
    {"type":"message","role":"user","content":[{"type":"input_text","text":"weather?"}]},
    {"type":"function_call","call_id":"call_1","name":"get_weather","arguments":"{}"},
    {"type":"function_call_output","call_id":"call_1","output":"sunny"}])");
  const auto parsed = parse_create_response({{"model", "m"}, {"input", input}});
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->input.size(), 4U);
  EXPECT_EQ(parsed->input[0]["type"], "message");
  EXPECT_EQ(parsed->input[3]["type"], "function_call_output");
}

TEST(ResponseRequest, UnknownTopLevelParameterIsRejectedUnlessLenient) {
  const nlohmann::json body = {{"model", "m"}, {"input", "hi"}, {"foo", 1}};
  const auto error = error_of(body);
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.message, "Unknown parameter: 'foo'.");
  EXPECT_EQ(error.param, "foo");
  EXPECT_EQ(error.code, "unknown_parameter");
  EXPECT_TRUE(parse_create_response(body, {.lenient_params = true}).has_value());
}

TEST(ResponseRequest, KnownButIgnoredSpecFieldsAreAccepted) {
  const auto parsed = parse_create_response(
      {{"model", "m"}, {"input", "hi"}, {"service_tier", "auto"}, {"prompt_cache_key", "k"}});
  EXPECT_TRUE(parsed.has_value());
}

TEST(ResponseRequest, MissingModelIsMissingRequiredParameter) {
  const auto error = error_of({{"input", "hi"}});
  EXPECT_EQ(error.message, "Missing required parameter: 'model'.");
  EXPECT_EQ(error.param, "model");
  EXPECT_EQ(error.code, "missing_required_parameter");
}

TEST(ResponseRequest, WronglyTypedInputIsInvalidType) {
  const auto error = error_of({{"model", "m"}, {"input", 3}});
  EXPECT_EQ(error.param, "input");
  EXPECT_EQ(error.code, "invalid_type");
}

TEST(ResponseRequest, MaxOutputTokensBelowSixteenIsIntegerBelowMinValue) {
  const auto error = error_of({{"model", "m"}, {"input", "hi"}, {"max_output_tokens", 5}});
  EXPECT_EQ(error.message,
            "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, "
            "but got 5 instead.");
  EXPECT_EQ(error.param, "max_output_tokens");
  EXPECT_EQ(error.code, "integer_below_min_value");
  EXPECT_TRUE(parse_create_response({{"model", "m"}, {"input", "hi"}, {"max_output_tokens", 16}}));
}

TEST(ResponseRequest, TemperatureAndTopPRangesAreChecked) {
  auto error = error_of({{"model", "m"}, {"temperature", 2.5}});
  EXPECT_EQ(error.code, "decimal_above_max_value");
  EXPECT_EQ(error.message,
            "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got "
            "2.5 instead.");
  error = error_of({{"model", "m"}, {"top_p", -0.1}});
  EXPECT_EQ(error.code, "decimal_below_min_value");
  EXPECT_EQ(error.param, "top_p");
}

TEST(ResponseRequest, BadInputItemsNameTheirPath) {
  auto error = error_of({{"model", "m"}, {"input", {{{"role", "robot"}, {"content", "x"}}}}});
  EXPECT_EQ(error.param, "input[0].role");
  EXPECT_EQ(error.code, "invalid_value");
  error = error_of({{"model", "m"}, {"input", {{{"type", "function_call_output"}}}}});
  EXPECT_EQ(error.param, "input[0].call_id");
  error = error_of({{"model", "m"}, {"input", {{{"type", "web_search_call"}, {"id", "ws_1"}}}}});
  EXPECT_EQ(error.param, "input[0].type");
  error = error_of({{"model", "m"}, {"input", {{{"type", "item_reference"}}}}});
  EXPECT_EQ(error.param, "input[0].id");
  error = error_of({{"model", "m"}, {"input", {{{"type", "reasoning"}, {"id", "rs_1"}}}}});
  EXPECT_EQ(error.param, "input[0].summary");
}

TEST(ResponseRequest, FunctionToolsAreEchoedWithStrictDefault) {
  const auto parsed = parse_create_response(
      {{"model", "m"}, {"tools", {{{"type", "function"}, {"name", "get_weather"}}}}});
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->tools.size(), 1U);
  EXPECT_EQ(parsed->tools[0]["strict"], true);
  EXPECT_TRUE(parsed->tools[0]["parameters"].is_null());
  const auto error = error_of({{"model", "m"}, {"tools", {{{"type", "function"}}}}});
  EXPECT_EQ(error.param, "tools[0].name");
}

TEST(ResponseRequest, TextFormatAcceptsJsonSchemaAndRejectsUnknownTypes) {
  const nlohmann::json schema = {{"type", "object"}};
  EXPECT_TRUE(parse_create_response(
      {{"model", "m"},
       {"text", {{"format", {{"type", "json_schema"}, {"name", "x"}, {"schema", schema}}}}}}));
  const auto error = error_of({{"model", "m"}, {"text", {{"format", {{"type", "xml"}}}}}});
  EXPECT_EQ(error.param, "text.format.type");
}

TEST(ResponseRequest, MetadataValuesMustBeStrings) {
  const auto error = error_of({{"model", "m"}, {"metadata", {{"k", 1}}}});
  EXPECT_EQ(error.code, "invalid_type");
}

TEST(ResponseRequest, BackgroundModeIsUnsupported) {
  const auto error = error_of({{"model", "m"}, {"background", true}});
  EXPECT_EQ(error.code, "unsupported_parameter");
  EXPECT_TRUE(parse_create_response({{"model", "m"}, {"background", false}}));
}

}  // namespace
}  // namespace chatmock::responses
