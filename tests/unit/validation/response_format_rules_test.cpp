// validate_request on `response_format`: its shape, json_schema naming and schema, and JSON
// mode's requirement that the messages mention "json".
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

json with_format(json format) {
  json body = minimal_request();
  body["response_format"] = std::move(format);
  return body;
}

json json_schema_format(json schema_definition) {
  return {{"type", "json_schema"}, {"json_schema", std::move(schema_definition)}};
}

TEST(RequestValidatorTest, ResponseFormatStringUsesTheLegacyWording) {
  const json body = with_format("json_object");
  EXPECT_TRUE(
      violates(body, "validation.response_format_not_object", "response_format", std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "'json_object' is not of type 'object' - 'response_format'");
  EXPECT_EQ(validate_request(with_format(nullptr))[0].message,
            "None is not of type 'object' - 'response_format'");
}

TEST(RequestValidatorTest, ResponseFormatTypeIsRequiredAndKnown) {
  EXPECT_TRUE(violates(with_format(json::object()), "validation.missing_field",
                       "response_format.type", "missing_required_parameter"));
  EXPECT_TRUE(violates(with_format({{"type", "xml"}}), "validation.response_format_type_invalid",
                       "response_format.type", "invalid_value"));
  EXPECT_TRUE(is_valid(with_format({{"type", "text"}})));
}

TEST(RequestValidatorTest, JsonSchemaNeedsItsDefinition) {
  EXPECT_TRUE(violates(with_format({{"type", "json_schema"}}), "validation.missing_field",
                       "response_format.json_schema", "missing_required_parameter"));
  EXPECT_TRUE(violates(with_format(json_schema_format({{"schema", {{"type", "object"}}}})),
                       "validation.missing_field", "response_format.json_schema.name",
                       "missing_required_parameter"));
}

TEST(RequestValidatorTest, JsonSchemaNameFollowsThePattern) {
  EXPECT_TRUE(violates(with_format(json_schema_format({{"name", "my schema"}})),
                       "validation.json_schema_name_invalid", "response_format.json_schema.name",
                       "invalid_value"));
  EXPECT_TRUE(violates(with_format(json_schema_format({{"name", std::string(65, 'x')}})),
                       "validation.json_schema_name_invalid", "response_format.json_schema.name",
                       "string_above_max_length"));
  EXPECT_TRUE(is_valid(with_format(json_schema_format({{"name", "weather_v1"}}))));
}

TEST(RequestValidatorTest, JsonSchemaSchemaMustBeAnObject) {
  EXPECT_TRUE(violates(with_format(json_schema_format({{"name", "n"}, {"schema", "{}"}})),
                       "validation.invalid_type", "response_format.json_schema.schema",
                       "invalid_type"));
  EXPECT_TRUE(violates(with_format(json_schema_format({{"name", "n"}, {"strict", "true"}})),
                       "validation.invalid_type", "response_format.json_schema.strict",
                       "invalid_type"));
}

TEST(RequestValidatorTest, JsonModeNeedsTheWordJson) {
  const json body = with_format({{"type", "json_object"}});
  EXPECT_TRUE(violates(body, "validation.json_mode_missing_word", "messages", std::nullopt));
  EXPECT_EQ(validate_request(body)[0].message,
            "'messages' must contain the word 'json' in some form, to use 'response_format' of "
            "type 'json_object'.");
}

TEST(RequestValidatorTest, JsonModeWordMatchesAnyCaseAndTextParts) {
  json body = with_format({{"type", "json_object"}});
  body["messages"][0]["content"] = "Reply in JSON please";
  EXPECT_TRUE(is_valid(body));
  body["messages"] = {{{"role", "system"}, {"content", {{{"type", "text"}, {"text", "use Json"}}}}},
                      {{"role", "user"}, {"content", "hi"}}};
  EXPECT_TRUE(is_valid(body));
}

}  // namespace
}  // namespace chatmock::validation
