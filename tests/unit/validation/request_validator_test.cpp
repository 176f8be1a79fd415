// validate_request on top-level parameters: required fields, types, ranges, enums, cross-field
// rules, model-specific rules and size limits. Messages, tools and response_format have their
// own files. Tests assert ids, params and codes; prose only where the wording is the point.
#include "validation/request_validator.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "unit/validation/request_builders.h"

namespace chatmock::validation {
namespace {

using testing::first_violates;
using testing::is_valid;
using testing::json;
using testing::minimal_request;
using testing::violates;

json body_with(std::string key, json value) {
  json body = minimal_request();
  body[std::move(key)] = std::move(value);
  return body;
}

json full_featured_request() {
  return json::parse(R"({
    "model": "gpt-4o",
    "messages": [
      {"role": "system", "content": "You are a weather bot."},
      {"role": "developer", "content": [{"type": "text", "text": "Be brief."}]},
      {"role": "user", "name": "alice", "content": [
        {"type": "text", "text": "Weather in Paris?"},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "low"}},
        {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}},
        {"type": "file", "file": {"file_id": "file-abc"}}]},
      {"role": "assistant", "content": null, "refusal": null, "tool_calls": [
        {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}},
        {"id": "call_2", "type": "custom", "custom": {"name": "run_sql", "input": "SELECT 1"}}]},
      {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
      {"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "1"}]},
      {"role": "assistant", "content": [{"type": "text", "text": "Sunny."}]},
      {"role": "user", "content": "Thanks"}
    ],
    "temperature": 0.7, "top_p": 1, "n": 2, "presence_penalty": -0.5, "frequency_penalty": 2,
    "logit_bias": {"50256": -100, "15": 100}, "logprobs": true, "top_logprobs": 20,
    "max_completion_tokens": 256, "stop": ["END", "STOP"], "stream": true,
    "stream_options": {"include_usage": true},
    "tools": [
      {"type": "function", "function": {"name": "get_weather", "description": "Weather",
        "parameters": {"type": "object", "properties": {}}, "strict": false}},
      {"type": "custom", "custom": {"name": "run_sql"}}],
    "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
    "parallel_tool_calls": true,
    "response_format": {"type": "json_schema",
      "json_schema": {"name": "weather-v1", "schema": {"type": "object"}, "strict": true}},
    "seed": 42, "service_tier": "auto", "user": "u-1", "metadata": {"team": "qa"},
    "store": false, "modalities": ["text"], "audio": null, "prediction": null,
    "reasoning_effort": null, "verbosity": "medium", "safety_identifier": "hash-1",
    "prompt_cache_key": "k", "prompt_cache_retention": "24h", "prompt_cache_options": {"ttl": "30m"},
    "moderation": {"model": "omni-moderation-latest"}
  })");
}

TEST(RequestValidatorTest, FullFeaturedRequestIsValid) {
  EXPECT_TRUE(is_valid(full_featured_request()));
  EXPECT_TRUE(is_valid(minimal_request()));
}

TEST(RequestValidatorTest, LegacyFunctionsRequestIsValid) {
  json body = minimal_request();
  body["functions"] = {{{"name", "lookup"}, {"parameters", json::object()}}};
  body["function_call"] = {{"name", "lookup"}};
  EXPECT_TRUE(is_valid(body));
}

TEST(RequestValidatorTest, NonObjectBodyIsOneViolation) {
  EXPECT_TRUE(violates(json::array(), "validation.body_not_object", std::nullopt, "invalid_type"));
  EXPECT_TRUE(violates("text", "validation.body_not_object", std::nullopt, "invalid_type"));
}

TEST(RequestValidatorTest, MissingModelAndMessagesAreReportedInOrder) {
  const auto violations = validate_request(json::object());
  ASSERT_EQ(violations.size(), 2U);
  EXPECT_TRUE(testing::is_violation(violations[0], "validation.model_missing", "model",
                                    "missing_required_parameter"));
  EXPECT_TRUE(testing::is_violation(violations[1], "validation.messages_missing", "messages",
                                    "missing_required_parameter"));
  EXPECT_EQ(violations[0].message, "Missing required parameter: 'model'.");
}

TEST(RequestValidatorTest, WrongTypeForEveryKnownFieldIsInvalidType) {
  const std::vector<std::pair<std::string, json>> cases = {
      {"model", 4},
      {"messages", json::object()},
      {"temperature", "hot"},
      {"top_p", true},
      {"n", 1.5},
      {"presence_penalty", "0"},
      {"frequency_penalty", json::array()},
      {"logit_bias", json::array()},
      {"logprobs", "yes"},
      {"top_logprobs", "1"},
      {"max_tokens", 1.5},
      {"max_completion_tokens", "100"},
      {"stop", 5},
      {"stream", "true"},
      {"stream_options", "on"},
      {"tools", json::object()},
      {"tool_choice", 1},
      {"parallel_tool_calls", "yes"},
      {"functions", json::object()},
      {"function_call", 1},
      {"seed", "42"},
      {"service_tier", 1},
      {"user", 1},
      {"metadata", json::array()},
      {"store", "no"},
      {"modalities", "text"},
      {"audio", "alloy"},
      {"prediction", "x"},
      {"reasoning_effort", 1},
      {"verbosity", 2},
      {"safety_identifier", 1},
      {"prompt_cache_key", 1},
      {"prompt_cache_retention", 1},
      {"prompt_cache_options", "30m"},
      {"moderation", "on"},
      {"web_search_options", 1},
  };
  for (const auto& [field, value] : cases) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(
        first_violates(body_with(field, value), "validation.invalid_type", field, "invalid_type"));
  }
}

TEST(RequestValidatorTest, InvalidTypeUsesTheApiWording) {
  const auto violations = validate_request(body_with("temperature", "hot"));
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations[0].message,
            "Invalid type for 'temperature': expected number, but got string instead.");
}

TEST(RequestValidatorTest, NullableFieldsAcceptNull) {
  for (const char* field : {"temperature",
                            "top_p",
                            "n",
                            "presence_penalty",
                            "frequency_penalty",
                            "logit_bias",
                            "logprobs",
                            "top_logprobs",
                            "max_tokens",
                            "max_completion_tokens",
                            "stop",
                            "stream",
                            "stream_options",
                            "seed",
                            "service_tier",
                            "metadata",
                            "store",
                            "modalities",
                            "audio",
                            "prediction",
                            "reasoning_effort",
                            "verbosity"}) {
    SCOPED_TRACE(field);
    EXPECT_TRUE(is_valid(body_with(field, nullptr)));
  }
}

TEST(RequestValidatorTest, IntegralFloatCountsAsInteger) {
  EXPECT_TRUE(is_valid(body_with("n", 2.0)));
}

TEST(RequestValidatorTest, RangesUseDecimalAndIntegerCodes) {
  struct Case {
    std::string field;
    json value;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"temperature", 2.5, "decimal_above_max_value"},
      {"temperature", -0.1, "decimal_below_min_value"},
      {"top_p", 1.01, "decimal_above_max_value"},
      {"top_p", -1, "decimal_below_min_value"},
      {"presence_penalty", -2.5, "decimal_below_min_value"},
      {"frequency_penalty", 3, "decimal_above_max_value"},
      {"n", 0, "integer_below_min_value"},
      {"n", 129, "integer_above_max_value"},
      {"max_tokens", 0, "integer_below_min_value"},
      {"max_completion_tokens", -5, "integer_below_min_value"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field + "=" + c.value.dump());
    EXPECT_TRUE(violates(body_with(c.field, c.value), "validation.out_of_range", c.field, c.code));
  }
}

TEST(RequestValidatorTest, TopLogprobsRangeIsZeroToTwenty) {
  json body = body_with("logprobs", true);
  body["top_logprobs"] = 21;
  EXPECT_TRUE(violates(body, "validation.out_of_range", "top_logprobs", "integer_above_max_value"));
  body["top_logprobs"] = 0;
  EXPECT_TRUE(is_valid(body));
}

TEST(RequestValidatorTest, RangeMessageMatchesTheApi) {
  auto violations = validate_request(body_with("temperature", 2.5));
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(violations[0].message,
            "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got "
            "2.5 instead.");
  violations = validate_request(body_with("n", 0));
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(violations[0].message,
            "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.");
}

TEST(RequestValidatorTest, LogitBiasValuesStayWithinHundred) {
  EXPECT_TRUE(violates(body_with("logit_bias", {{"50256", 150}}), "validation.logit_bias_range",
                       "logit_bias", "integer_above_max_value"));
  EXPECT_TRUE(violates(body_with("logit_bias", {{"50256", -101}}), "validation.logit_bias_range",
                       "logit_bias", "integer_below_min_value"));
  EXPECT_TRUE(violates(body_with("logit_bias", {{"50256", "up"}}), "validation.invalid_type",
                       "logit_bias", "invalid_type"));
}

TEST(RequestValidatorTest, LogitBiasKeysAreTokenIds) {
  EXPECT_TRUE(violates(body_with("logit_bias", {{"hello", 1}}), "validation.logit_bias_key_invalid",
                       "logit_bias", "invalid_value"));
}

TEST(RequestValidatorTest, TopLogprobsRequiresLogprobsTrue) {
  EXPECT_TRUE(violates(body_with("top_logprobs", 3), "validation.top_logprobs_requires_logprobs",
                       "top_logprobs", std::nullopt));
  json body = body_with("top_logprobs", 3);
  body["logprobs"] = false;
  EXPECT_TRUE(
      violates(body, "validation.top_logprobs_requires_logprobs", "top_logprobs", std::nullopt));
}

TEST(RequestValidatorTest, StopIsAStringOrOneToFourStrings) {
  EXPECT_TRUE(is_valid(body_with("stop", "END")));
  EXPECT_TRUE(is_valid(body_with("stop", {"a", "b", "c", "d"})));
  EXPECT_TRUE(violates(body_with("stop", {"a", "b", "c", "d", "e"}), "validation.stop_too_many",
                       "stop", "array_above_max_length"));
  EXPECT_TRUE(
      violates(body_with("stop", json::array()), "validation.stop_empty", "stop", "empty_array"));
  EXPECT_TRUE(
      violates(body_with("stop", {"a", 1}), "validation.invalid_type", "stop[1]", "invalid_type"));
}

TEST(RequestValidatorTest, ServiceTierIsAnEnum) {
  for (const char* tier : {"auto", "default", "flex", "scale", "priority", "fast"}) {
    EXPECT_TRUE(is_valid(body_with("service_tier", tier))) << tier;
  }
  EXPECT_TRUE(violates(body_with("service_tier", "turbo"), "validation.service_tier_invalid",
                       "service_tier", "invalid_value"));
}

TEST(RequestValidatorTest, OptionEnumsAndShapes) {
  EXPECT_TRUE(violates(body_with("verbosity", "loud"), "validation.invalid_enum_value", "verbosity",
                       "invalid_value"));
  EXPECT_TRUE(violates(body_with("modalities", {"text", "video"}), "validation.invalid_enum_value",
                       "modalities[1]", "invalid_value"));
  EXPECT_TRUE(violates(body_with("metadata", {{"team", 1}}), "validation.invalid_type",
                       "metadata.team", "invalid_type"));
  EXPECT_TRUE(violates(body_with("safety_identifier", std::string(65, 'a')),
                       "validation.string_too_long", "safety_identifier",
                       "string_above_max_length"));
}

TEST(RequestValidatorTest, StreamOptionsRequireStreamTrue) {
  const json options = {{"include_usage", true}};
  EXPECT_TRUE(violates(body_with("stream_options", options),
                       "validation.stream_options_requires_stream", "stream_options",
                       "invalid_value"));
  json body = body_with("stream_options", options);
  body["stream"] = false;
  EXPECT_TRUE(violates(body, "validation.stream_options_requires_stream", "stream_options",
                       "invalid_value"));
  body["stream"] = true;
  EXPECT_TRUE(is_valid(body));
  body["stream_options"] = {{"include_usage", "yes"}};
  EXPECT_TRUE(
      violates(body, "validation.invalid_type", "stream_options.include_usage", "invalid_type"));
}

TEST(RequestValidatorTest, SeveralChoicesMayStream) {
  json body = body_with("n", 3);
  body["stream"] = true;
  EXPECT_TRUE(is_valid(body));
}

TEST(RequestValidatorTest, MaxTokensWithReasoningModelIsTheApiBody) {
  json body = body_with("max_tokens", 100);
  body["model"] = "o3-mini";
  const auto violations = validate_request(body);
  ASSERT_EQ(violations.size(), 1U);
  EXPECT_EQ(violations[0].id, "validation.max_tokens_unsupported");
  EXPECT_EQ(to_api_error(violations[0]).body(), json::parse(R"({"error":{
    "message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    "type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}})"));
  EXPECT_EQ(to_api_error(violations[0]).status, 400);
}

TEST(RequestValidatorTest, MaxTokensIsRejectedForEveryReasoningFamily) {
  for (const char* model : {"o1", "o1-preview", "o3", "o4-mini", "gpt-5", "gpt-5-mini",
                            "ft:o4-mini-2025-04-16:org::abc"}) {
    json body = body_with("max_tokens", 100);
    body["model"] = model;
    EXPECT_TRUE(
        violates(body, "validation.max_tokens_unsupported", "max_tokens", "unsupported_parameter"))
        << model;
  }
  for (const char* model : {"gpt-4o", "gpt-4.1-mini", "omni-moderation-latest"}) {
    json body = body_with("max_tokens", 100);
    body["model"] = model;
    EXPECT_TRUE(is_valid(body)) << model;
  }
}

TEST(RequestValidatorTest, ReasoningModelsOnlyAcceptDefaultTemperature) {
  json body = body_with("temperature", 0.2);
  body["model"] = "o1";
  EXPECT_TRUE(
      violates(body, "validation.temperature_unsupported", "temperature", "unsupported_value"));
  EXPECT_EQ(validate_request(body)[0].message,
            "Unsupported value: 'temperature' does not support 0.2 with this model. Only the "
            "default (1) value is supported.");
  body["temperature"] = 1;
  EXPECT_TRUE(is_valid(body));
}

TEST(RequestValidatorTest, StringsAboveTheLimitAreRejected) {
  ValidationOptions options;
  options.max_string_bytes = 16;
  const json body = testing::with_messages({{{"role", "user"}, {"content", std::string(17, 'x')}}});
  EXPECT_TRUE(violates(body, "validation.string_too_long", "messages[0].content",
                       "string_above_max_length", options));
  options.legacy_param_paths = true;
  EXPECT_TRUE(violates(body, "validation.string_too_long", "messages.[0].content",
                       "string_above_max_length", options));
}

TEST(RequestValidatorTest, ToApiErrorKeepsParamAndCode) {
  const Violation violation{"validation.out_of_range", "n", "integer_below_min_value", "msg"};
  const api::ApiError error = to_api_error(violation);
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.type, "invalid_request_error");
  EXPECT_EQ(error.param, "n");
  EXPECT_EQ(error.code, "integer_below_min_value");
  EXPECT_EQ(error.message, "msg");
}

// Any JSON value in any position yields violations, never an exception. Recursion is bounded:
// past depth 2 only scalars are drawn.
json arbitrary_value(std::mt19937& rng, int depth) {  // NOLINT(misc-no-recursion)
  const int pick = std::uniform_int_distribution<int>(0, depth > 2 ? 6 : 9)(rng);
  switch (pick) {
    case 0:
      return nullptr;
    case 1:
      return rng() % 2 == 0;
    case 2:
      return -3;
    case 3:
      return 1.5;
    case 4:
      return "json";
    case 5:
      return "";
    case 6:
      return 18446744073709551615ULL;
    case 7: {
      json array = json::array();
      for (int i = 0; i < 3; ++i) array.push_back(arbitrary_value(rng, depth + 1));
      return array;
    }
    default: {
      static const std::vector<std::string> keys = {
          "role",        "content",     "type",      "text",          "tool_calls", "id",
          "function",    "name",        "arguments", "tool_call_id",  "image_url",  "url",
          "json_schema", "schema",      "custom",    "allowed_tools", "mode",       "tools",
          "file",        "input_audio", "format",    "audio"};
      json object = json::object();
      for (int i = 0; i < 3; ++i) {
        object[keys[rng() % keys.size()]] = arbitrary_value(rng, depth + 1);
      }
      return object;
    }
  }
}

TEST(RequestValidatorTest, NeverThrowsOnArbitraryValues) {
  const json full = full_featured_request();
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    json body = full;
    for (const auto& item : full.items()) {
      if (rng() % 3 == 0) body[item.key()] = arbitrary_value(rng, 0);
    }
    json& messages = body["messages"];
    if (messages.is_array() && !messages.empty() && rng() % 2 == 0) {
      messages[rng() % messages.size()] = arbitrary_value(rng, 0);
    }
    if (rng() % 4 == 0) body["model"] = rng() % 2 == 0 ? "o3" : "gpt-5-nano";
    EXPECT_NO_THROW(validate_request(body)) << body.dump();
    EXPECT_NO_THROW(validate_request(arbitrary_value(rng, 0)));
  }
}

}  // namespace
}  // namespace chatmock::validation
