// Unit tests for check_instance: every supported keyword accepts a conforming instance and
// rejects a breaking one with the right keyword and JSON Pointer; garbage and pathological
// schemas neither throw nor hang.
#include "synthesis/json_schema_checker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chatmock::synthesis {
namespace {

using nlohmann::json;

std::string describe(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += "[" + v.path + " " + v.keyword + ": " + v.message + "] ";
  return out.empty() ? "no violations" : out;
}

::testing::AssertionResult accepts(const char* schema, const char* instance) {
  const auto violations = check_instance(json::parse(schema), json::parse(instance));
  if (violations.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << instance << " rejected: " << describe(violations);
}

::testing::AssertionResult rejects(const char* schema, const char* instance,
                                   const std::string& keyword, const std::string& path) {
  const auto violations = check_instance(json::parse(schema), json::parse(instance));
  for (const auto& v : violations) {
    if (v.keyword == keyword && v.path == path) return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << instance << " wanted " << keyword << " at '" << path
                                       << "', got " << describe(violations);
}

TEST(JsonSchemaCheckerTest, TypeMatchesDeclaredName) {
  EXPECT_TRUE(accepts(R"({"type": "string"})", R"("Lisbon")"));
  EXPECT_TRUE(rejects(R"({"type": "string"})", "5", "type", ""));
  EXPECT_TRUE(accepts(R"({"type": "object"})", "{}"));
  EXPECT_TRUE(rejects(R"({"type": "array"})", "{}", "type", ""));
  EXPECT_TRUE(accepts(R"({"type": "boolean"})", "false"));
  EXPECT_TRUE(rejects(R"({"type": "null"})", "0", "type", ""));
}

TEST(JsonSchemaCheckerTest, TypeArrayAllowsNullable) {
  EXPECT_TRUE(accepts(R"({"type": ["string", "null"]})", "null"));
  EXPECT_TRUE(accepts(R"({"type": ["string", "null"]})", R"("x")"));
  EXPECT_TRUE(rejects(R"({"type": ["string", "null"]})", "1", "type", ""));
}

TEST(JsonSchemaCheckerTest, IntegerAcceptsIntegralFloatsOnly) {
  EXPECT_TRUE(accepts(R"({"type": "integer"})", "2.0"));
  EXPECT_TRUE(rejects(R"({"type": "integer"})", "2.5", "type", ""));
  EXPECT_TRUE(accepts(R"({"type": "number"})", "7"));
}

TEST(JsonSchemaCheckerTest, EnumAndConstCompareByValue) {
  EXPECT_TRUE(accepts(R"({"enum": ["celsius", "fahrenheit", 1]})", "1.0"));
  EXPECT_TRUE(rejects(R"({"enum": ["celsius", "fahrenheit"]})", R"("kelvin")", "enum", ""));
  EXPECT_TRUE(accepts(R"({"const": {"a": [1, 2]}})", R"({"a": [1, 2]})"));
  EXPECT_TRUE(rejects(R"({"const": "on"})", R"("off")", "const", ""));
}

TEST(JsonSchemaCheckerTest, RequiredPointsAtTheMissingProperty) {
  const char* schema = R"({"type": "object", "required": ["city", "a/b"]})";
  EXPECT_TRUE(accepts(schema, R"({"city": "Oslo", "a/b": 1})"));
  EXPECT_TRUE(rejects(schema, R"({"a/b": 1})", "required", "/city"));
  EXPECT_TRUE(rejects(schema, R"({"city": "Oslo"})", "required", "/a~1b"));
}

TEST(JsonSchemaCheckerTest, PropertiesCheckNestedMembers) {
  const char* schema =
      R"({"properties": {"address": {"properties": {"zip": {"type": "string"}}}}})";
  EXPECT_TRUE(accepts(schema, R"({"address": {"zip": "75001"}, "other": 1})"));
  EXPECT_TRUE(rejects(schema, R"({"address": {"zip": 75001}})", "type", "/address/zip"));
}

TEST(JsonSchemaCheckerTest, AdditionalPropertiesFalseRejectsUndeclaredKeys) {
  const char* schema = R"({"properties": {"city": {}}, "additionalProperties": false})";
  EXPECT_TRUE(accepts(schema, R"({"city": "Lima"})"));
  EXPECT_TRUE(rejects(schema, R"({"city": "Lima", "country": "Peru"})", "additionalProperties",
                      "/country"));
}

TEST(JsonSchemaCheckerTest, AdditionalPropertiesSchemaChecksUndeclaredValues) {
  const char* schema = R"({"properties": {"id": {}}, "additionalProperties": {"type": "integer"}})";
  EXPECT_TRUE(accepts(schema, R"({"id": "x", "count": 3})"));
  EXPECT_TRUE(rejects(schema, R"({"count": "3"})", "type", "/count"));
}

TEST(JsonSchemaCheckerTest, ItemsCheckEveryElement) {
  const char* schema = R"({"type": "array", "items": {"type": "integer"}})";
  EXPECT_TRUE(accepts(schema, "[1, 2, 3]"));
  EXPECT_TRUE(rejects(schema, R"([1, "2", 3])", "type", "/1"));
}

TEST(JsonSchemaCheckerTest, PrefixItemsArePositionalAndItemsFalseClosesTheTuple) {
  const char* schema =
      R"({"prefixItems": [{"type": "number"}, {"type": "string"}], "items": false})";
  EXPECT_TRUE(accepts(schema, R"([1.5, "x"])"));
  EXPECT_TRUE(accepts(schema, "[1.5]"));
  EXPECT_TRUE(rejects(schema, R"(["x", "y"])", "type", "/0"));
  EXPECT_TRUE(rejects(schema, R"([1, "x", true])", "items", "/2"));
}

TEST(JsonSchemaCheckerTest, ItemsArrayIsTheDraft7TupleForm) {
  const char* schema = R"({"items": [{"type": "string"}, {"type": "integer"}]})";
  EXPECT_TRUE(accepts(schema, R"(["a", 1, null])"));
  EXPECT_TRUE(rejects(schema, R"(["a", "b"])", "type", "/1"));
}

TEST(JsonSchemaCheckerTest, MinimumAndMaximumAreInclusive) {
  const char* schema = R"({"minimum": 1, "maximum": 10})";
  EXPECT_TRUE(accepts(schema, "1"));
  EXPECT_TRUE(accepts(schema, "10"));
  EXPECT_TRUE(rejects(schema, "0.5", "minimum", ""));
  EXPECT_TRUE(rejects(schema, "11", "maximum", ""));
  EXPECT_TRUE(accepts(schema, R"("not a number")"));
}

TEST(JsonSchemaCheckerTest, ExclusiveBoundsAcceptBothDrafts) {
  const char* draft2020 = R"({"exclusiveMinimum": 0, "exclusiveMaximum": 1})";
  EXPECT_TRUE(accepts(draft2020, "0.5"));
  EXPECT_TRUE(rejects(draft2020, "0", "exclusiveMinimum", ""));
  EXPECT_TRUE(rejects(draft2020, "1", "exclusiveMaximum", ""));
  const char* draft4 =
      R"({"minimum": 0, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true})";
  EXPECT_TRUE(accepts(draft4, "0.5"));
  EXPECT_TRUE(rejects(draft4, "0", "minimum", ""));
  EXPECT_TRUE(rejects(draft4, "1", "maximum", ""));
}

TEST(JsonSchemaCheckerTest, MultipleOfToleratesFloatingPoint) {
  EXPECT_TRUE(accepts(R"({"multipleOf": 7})", "21"));
  EXPECT_TRUE(rejects(R"({"multipleOf": 7})", "22", "multipleOf", ""));
  EXPECT_TRUE(accepts(R"({"multipleOf": 0.01})", "19.99"));
  EXPECT_TRUE(rejects(R"({"multipleOf": 0.25})", "0.3", "multipleOf", ""));
}

TEST(JsonSchemaCheckerTest, LengthsCountCodePoints) {
  const char* schema = R"({"minLength": 2, "maxLength": 5})";
  EXPECT_TRUE(accepts(schema, R"("h\u00e9llo")"));  // 5 code points, 6 bytes
  EXPECT_TRUE(rejects(schema, R"("a")", "minLength", ""));
  EXPECT_TRUE(rejects(schema, R"("abcdef")", "maxLength", ""));
}

TEST(JsonSchemaCheckerTest, ItemCountsAndUniqueness) {
  const char* schema = R"({"minItems": 1, "maxItems": 3, "uniqueItems": true})";
  EXPECT_TRUE(accepts(schema, R"([1, "1", {"a": 1}])"));
  EXPECT_TRUE(rejects(schema, "[]", "minItems", ""));
  EXPECT_TRUE(rejects(schema, "[1, 2, 3, 4]", "maxItems", ""));
  EXPECT_TRUE(rejects(schema, R"([{"a": 1}, {"a": 1}])", "uniqueItems", ""));
  EXPECT_TRUE(rejects(schema, "[1, 1.0]", "uniqueItems", ""));
}

TEST(JsonSchemaCheckerTest, AnyOfNeedsOneMatchingBranch) {
  const char* schema = R"({"properties": {"v": {"anyOf": [{"type": "string"}, {"minimum": 3}]}}})";
  EXPECT_TRUE(accepts(schema, R"({"v": "x"})"));
  EXPECT_TRUE(accepts(schema, R"({"v": 4})"));
  EXPECT_TRUE(rejects(schema, R"({"v": 2})", "anyOf", "/v"));
}

TEST(JsonSchemaCheckerTest, OneOfNeedsExactlyOneMatchingBranch) {
  const char* schema = R"({"oneOf": [{"multipleOf": 3}, {"multipleOf": 5}]})";
  EXPECT_TRUE(accepts(schema, "9"));
  EXPECT_TRUE(rejects(schema, "15", "oneOf", ""));
  EXPECT_TRUE(rejects(schema, "7", "oneOf", ""));
}

TEST(JsonSchemaCheckerTest, AllOfReportsTheMembersOwnKeyword) {
  const char* schema =
      R"({"allOf": [{"required": ["id"]}, {"properties": {"id": {"type": "integer"}}}]})";
  EXPECT_TRUE(accepts(schema, R"({"id": 3})"));
  EXPECT_TRUE(rejects(schema, "{}", "required", "/id"));
  EXPECT_TRUE(rejects(schema, R"({"id": "3"})", "type", "/id"));
}

TEST(JsonSchemaCheckerTest, RefResolvesDefsAndDefinitions) {
  const char* defs = R"({"$defs": {"zip": {"pattern": "^\\d{5}$"}}, "$ref": "#/$defs/zip"})";
  EXPECT_TRUE(accepts(defs, R"("75001")"));
  EXPECT_TRUE(rejects(defs, R"("750")", "pattern", ""));
  const char* definitions =
      R"({"definitions": {"n": {"type": "integer"}}, "items": {"$ref": "#/definitions/n"}})";
  EXPECT_TRUE(accepts(definitions, "[1, 2]"));
  EXPECT_TRUE(rejects(definitions, "[1, true]", "type", "/1"));
}

TEST(JsonSchemaCheckerTest, RecursiveRefChecksDeepInstances) {
  const char* tree = R"({"$defs": {"node": {"type": "object", "required": ["name"],
      "properties": {"name": {"type": "string"},
                     "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
      "$ref": "#/$defs/node"})";
  EXPECT_TRUE(accepts(tree, R"({"name": "a", "children": [{"name": "b", "children": []}]})"));
  EXPECT_TRUE(rejects(tree, R"({"name": "a", "children": [{"name": "b", "children": [{}]}]})",
                      "required", "/children/0/children/0/name"));
}

TEST(JsonSchemaCheckerTest, FormatsAcceptWellFormedValues) {
  const std::vector<std::pair<const char*, const char*>> valid = {
      {"date-time", "2024-02-29T13:45:00Z"},
      {"date-time", "2024-02-29t13:45:00.25+05:30"},
      {"date", "2024-12-31"},
      {"time", "23:59:60Z"},
      {"email", "ada@example.com"},
      {"uri", "https://example.com/a?b=c"},
      {"uuid", "123e4567-e89b-42d3-a456-426614174000"},
      {"ipv4", "192.168.0.255"},
      {"hostname", "api.example-1.com"},
      {"unknown-format", "anything"}};
  for (const auto& [format, value] : valid) {
    EXPECT_TRUE(check_instance(json{{"format", format}}, json(value)).empty()) << format << value;
  }
}

TEST(JsonSchemaCheckerTest, FormatsRejectMalformedValues) {
  const std::vector<std::pair<const char*, const char*>> invalid = {
      {"date-time", "2024-02-29 13:45"},
      {"date", "2024-13-01"},
      {"date", "tomorrow"},
      {"time", "25:00:00"},
      {"email", "ada.example.com"},
      {"uri", "no scheme"},
      {"uuid", "123e4567e89b42d3a456426614174000"},
      {"ipv4", "256.1.1.1"},
      {"ipv4", "01.1.1.1"},
      {"hostname", "-bad-.com"}};
  for (const auto& [format, value] : invalid) {
    const auto violations = check_instance(json{{"format", format}}, json(value));
    ASSERT_EQ(violations.size(), 1U) << format << " " << value;
    EXPECT_EQ(violations[0].keyword, "format");
    EXPECT_EQ(violations[0].path, "");
  }
}

TEST(JsonSchemaCheckerTest, PatternSearchesUnanchored) {
  EXPECT_TRUE(accepts(R"({"pattern": "\\d{3}"})", R"("room 101 east")"));
  EXPECT_TRUE(rejects(R"({"properties": {"code": {"pattern": "^[A-Z]{3}-\\d{4}$"}}})",
                      R"({"code": "ABC-12345"})", "pattern", "/code"));
}

TEST(JsonSchemaCheckerTest, InvalidPatternIsIgnored) {
  EXPECT_TRUE(accepts(R"({"pattern": "(unclosed"})", R"("x")"));
  EXPECT_TRUE(accepts(R"({"pattern": "[z-a]"})", R"("x")"));
}

TEST(JsonSchemaCheckerTest, BooleanSchemas) {
  EXPECT_TRUE(accepts("true", R"({"anything": 1})"));
  EXPECT_TRUE(rejects("false", "1", "false", ""));
  EXPECT_TRUE(
      rejects(R"({"properties": {"secret": false}})", R"({"secret": 1})", "false", "/secret"));
}

TEST(JsonSchemaCheckerTest, UnsupportedKeywordsAreIgnored) {
  EXPECT_TRUE(accepts(R"({"not": {}, "minProperties": 5, "if": {"type": "string"}})", "{}"));
  EXPECT_TRUE(accepts(R"({"$ref": "https://example.com/schema.json"})", "1"));
}

TEST(JsonSchemaCheckerTest, GarbageSchemasNeverThrow) {
  const std::vector<const char*> garbage = {
      "42",
      R"("string")",
      "[1, 2]",
      "null",
      R"({"type": 42})",
      R"({"type": ["strin", 7]})",
      R"({"properties": 5, "required": "x", "items": 3, "enum": 5})",
      R"({"minLength": -1, "maxItems": "many", "multipleOf": 0, "uniqueItems": "yes"})",
      R"({"anyOf": 5, "oneOf": [], "allOf": {}, "$ref": 5})",
      R"({"$ref": "#/$defs/missing"})",
      R"({"$ref": "#/items/7/x~2"})",
      R"({"minimum": "1", "exclusiveMaximum": null})"};
  for (const char* schema : garbage) {
    for (const char* instance : {"1", R"("x")", R"({"a": [1]})", "[null]", "true"}) {
      EXPECT_NO_THROW(check_instance(json::parse(schema), json::parse(instance))) << schema;
    }
  }
  EXPECT_TRUE(rejects(R"({"type": 42, "minimum": 3})", "1", "minimum", ""));
}

TEST(JsonSchemaCheckerTest, SelfReferenceTerminates) {
  EXPECT_TRUE(accepts(R"({"$ref": "#"})", "1"));
  // Each level doubles the branches to try; the work budget keeps this from running for ages.
  EXPECT_NO_THROW(
      check_instance(json::parse(R"({"oneOf": [{"$ref": "#"}, {"$ref": "#"}]})"), json(1)));
}

TEST(JsonSchemaCheckerTest, DeeplyNestedInputsDoNotCrash) {
  // Built in place: nlohmann's copy constructor would recurse 10,000 levels deep.
  json schema = json::object();
  json instance = json::array();
  json* schema_cursor = &schema;
  json* instance_cursor = &instance;
  for (int i = 0; i < 10000; ++i) {
    schema_cursor = &((*schema_cursor)["items"] = json::object());
    instance_cursor->push_back(json::array());
    instance_cursor = &instance_cursor->back();
  }
  EXPECT_NO_THROW(check_instance(schema, instance));
  EXPECT_TRUE(check_instance(schema, instance).empty());
}

}  // namespace
}  // namespace chatmock::synthesis
