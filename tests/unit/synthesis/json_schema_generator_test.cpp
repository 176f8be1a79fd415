// Unit tests for generate_instance and generate_violating_instance: over a table of schemas
// covering every supported keyword, generated values validate for many seeds, repeat for the
// same seed, vary across seeds, and violating values are always rejected; garbage never crashes.
#include "synthesis/json_schema_generator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "synthesis/json_schema_checker.h"

namespace chatmock::synthesis {
namespace {

using nlohmann::json;

struct SchemaCase {
  const char* name;
  const char* schema;
  bool constrains = true;   // some JSON value breaks it
  bool has_freedom = true;  // more than one value satisfies it
};

const std::vector<SchemaCase>& schema_table() {
  static const std::vector<SchemaCase> kTable = {
      {"weather_tool", R"({"type": "object", "properties": {"location": {"type": "string"},
          "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}, "required": ["location"]})"},
      {"strict_nullable", R"({"type": "object", "properties": {"city": {"type": "string"},
          "date": {"type": ["string", "null"], "format": "date"},
          "days": {"type": ["integer", "null"], "minimum": 1, "maximum": 14}},
          "required": ["city", "date", "days"], "additionalProperties": false})"},
      {"type_list", R"({"type": ["string", "integer", "boolean", "null"]})"},
      {"const", R"({"const": {"mode": "fixed"}})", true, false},
      {"enum_mixed", R"({"enum": [1, 2.5, "four", null, {"k": []}]})"},
      {"additional_schema", R"({"type": "object", "properties": {"meta": {"type": "object",
          "additionalProperties": {"type": "integer"}, "required": ["count", "total"]}},
          "required": ["meta"]})"},
      {"items_lengths", R"({"type": "array", "items": {"type": "string", "minLength": 2,
          "maxLength": 12}, "minItems": 1, "maxItems": 5})"},
      {"prefix_items_closed", R"({"type": "array", "prefixItems": [{"type": "number"},
          {"type": "string"}, {"type": "boolean"}], "items": false})"},
      {"unique_items", R"({"type": "array", "items": {"type": "integer", "minimum": 0,
          "maximum": 5}, "minItems": 3, "maxItems": 6, "uniqueItems": true})"},
      {"number_bounds", R"({"type": "number", "minimum": -5.5, "exclusiveMaximum": 2.25})"},
      {"integer_exclusive",
       R"({"type": "integer", "exclusiveMinimum": 10, "exclusiveMaximum": 20})"},
      {"multiple_of_int",
       R"({"type": "integer", "multipleOf": 7, "minimum": 100, "maximum": 200})"},
      {"multiple_of_float", R"({"type": "number", "multipleOf": 0.25, "maximum": 3})"},
      {"draft4_exclusive", R"({"type": "number", "minimum": 0, "exclusiveMinimum": true,
          "maximum": 1, "exclusiveMaximum": true})"},
      {"string_lengths", R"({"type": "string", "minLength": 30, "maxLength": 40})"},
      {"pattern_code", R"({"type": "string", "pattern": "^[A-Z]{3}-\\d{4}$"})"},
      {"pattern_groups", R"({"type": "string",
          "pattern": "^(red|green|blue)-[a-f0-9]{2,4}(\\.v\\d+)?$"})"},
      {"pattern_unanchored", R"j({"type": "string", "pattern": "[^@\\s]+@example\\.(com|org)"})j"},
      {"pattern_outside_subset", R"({"type": "string", "pattern": "^(?!root$)\\w+$"})"},
      {"formats", R"({"type": "object", "properties": {"at": {"format": "date-time"},
          "day": {"format": "date"}, "clock": {"format": "time"}, "mail": {"format": "email"},
          "site": {"format": "uri"}, "uid": {"format": "uuid"}, "ip": {"format": "ipv4"},
          "host": {"format": "hostname"}}, "required": ["at", "day", "clock", "mail", "site",
          "uid", "ip", "host"]})"},
      {"any_of_objects",
       R"({"anyOf": [{"type": "object", "properties": {"kind": {"const": "circle"},
          "radius": {"type": "number", "exclusiveMinimum": 0}}, "required": ["kind", "radius"],
          "additionalProperties": false}, {"type": "object", "properties": {"kind": {"const": "square"},
          "side": {"type": "number", "minimum": 1}}, "required": ["kind", "side"],
          "additionalProperties": false}]})"},
      {"one_of_overlap", R"({"oneOf": [{"type": "integer", "multipleOf": 3},
          {"type": "integer", "multipleOf": 5}]})"},
      {"all_of_merge", R"({"allOf": [{"type": "object", "properties": {"id": {"type": "integer"}},
          "required": ["id"]}, {"properties": {"name": {"type": "string", "maxLength": 20}},
          "required": ["name"]}, {"$ref": "#/$defs/stamped"}],
          "$defs": {"stamped": {"properties": {"created_at": {"type": "string",
          "format": "date-time"}}, "required": ["created_at"]}}})"},
      {"recursive_tree", R"({"$ref": "#/$defs/node", "$defs": {"node": {"type": "object",
          "properties": {"name": {"type": "string"}, "children": {"type": "array",
          "items": {"$ref": "#/$defs/node"}}}, "required": ["name", "children"],
          "additionalProperties": false}}})"},
      {"recursive_list", R"({"definitions": {"item": {"type": "object", "properties": {
          "value": {"type": "integer"}, "next": {"anyOf": [{"$ref": "#/definitions/item"},
          {"type": "null"}]}}, "required": ["value", "next"], "additionalProperties": false}},
          "$ref": "#/definitions/item"})"},
      {"nested_defs", R"({"$defs": {"address": {"type": "object", "properties": {
          "street": {"type": "string"}, "zip": {"$ref": "#/$defs/address/$defs/zip"}},
          "required": ["street", "zip"], "$defs": {"zip": {"type": "string",
          "pattern": "^\\d{5}$"}}}}, "type": "object", "properties": {
          "home": {"$ref": "#/$defs/address"}, "work": {"$ref": "#/$defs/address"}},
          "required": ["home"]})"},
      {"strict_event", R"({"type": "object", "properties": {"name": {"type": "string"},
          "date": {"type": "string"}, "participants": {"type": "array", "items": {"type": "string"}},
          "location": {"type": ["object", "null"], "properties": {"city": {"type": "string"},
          "country": {"type": "string"}}, "required": ["city", "country"],
          "additionalProperties": false}}, "required": ["name", "date", "participants", "location"],
          "additionalProperties": false})"},
      {"boolean_and_null", R"({"type": "object", "properties": {"flag": {"type": "boolean"},
          "nothing": {"type": "null"}}, "required": ["flag", "nothing"]})"},
      {"untyped_lengths", R"({"minLength": 3, "maxLength": 5})"},
      {"tuple_draft7", R"({"type": "array", "items": [{"type": "string", "format": "email"},
          {"type": "integer", "minimum": 1}], "minItems": 2})"},
      {"many_optional", R"({"type": "object", "properties": {"a": {"type": "string"},
          "b": {"type": "integer"}, "c": {"type": "boolean"}, "d": {"type": "number"},
          "e": {"type": "string"}, "f": {"type": "array"}, "g": {"type": "object"},
          "h": {"type": "null"}}, "additionalProperties": false})"},
      {"orders", R"({"type": "object", "properties": {"orders": {"type": "array", "minItems": 1,
          "items": {"type": "object", "properties": {"order_id": {"type": "string"},
          "quantity": {"type": "integer", "minimum": 1}, "price": {"type": "number", "minimum": 0}},
          "required": ["order_id", "quantity", "price"], "additionalProperties": false}}},
          "required": ["orders"], "additionalProperties": false})"},
      {"empty", "{}", false},
      {"true", "true", false},
  };
  return kTable;
}

json schema_named(const std::string& name) {
  for (const auto& entry : schema_table()) {
    if (entry.name == name) return json::parse(entry.schema);
  }
  return nullptr;
}

std::string describe_violations(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += "[" + v.path + " " + v.keyword + ": " + v.message + "] ";
  return out;
}

json generate(const json& schema, std::uint64_t seed) {
  Rng rng(seed);
  return generate_instance(schema, rng);
}

TEST(JsonSchemaGeneratorTest, EveryGeneratedInstanceValidates) {
  for (const auto& entry : schema_table()) {
    const json schema = json::parse(entry.schema);
    for (std::uint64_t seed = 0; seed <= 200; ++seed) {
      const json instance = generate(schema, seed);
      const auto violations = check_instance(schema, instance);
      ASSERT_TRUE(violations.empty()) << entry.name << " seed " << seed << ": " << instance.dump()
                                      << " " << describe_violations(violations);
    }
  }
}

TEST(JsonSchemaGeneratorTest, SameSeedGivesSameInstance) {
  for (const auto& entry : schema_table()) {
    const json schema = json::parse(entry.schema);
    for (std::uint64_t seed = 0; seed <= 20; ++seed) {
      EXPECT_EQ(generate(schema, seed).dump(), generate(schema, seed).dump()) << entry.name;
    }
  }
}

TEST(JsonSchemaGeneratorTest, DifferentSeedsGiveDifferentInstances) {
  for (const auto& entry : schema_table()) {
    if (!entry.has_freedom) continue;
    const json schema = json::parse(entry.schema);
    std::set<std::string> distinct;
    for (std::uint64_t seed = 0; seed <= 200; ++seed)
      distinct.insert(generate(schema, seed).dump());
    EXPECT_GT(distinct.size(), 1U) << entry.name;
  }
}

TEST(JsonSchemaGeneratorTest, NullableFieldsAreSometimesNullSometimesNot) {
  const json schema = schema_named("strict_nullable");
  std::set<json::value_t> date_kinds;
  for (std::uint64_t seed = 0; seed <= 200; ++seed)
    date_kinds.insert(generate(schema, seed)["date"].type());
  EXPECT_EQ(date_kinds, (std::set<json::value_t>{json::value_t::null, json::value_t::string}));
}

TEST(JsonSchemaGeneratorTest, OptionalPropertiesAreSometimesIncluded) {
  const json schema = schema_named("weather_tool");
  std::set<bool> has_unit;
  for (std::uint64_t seed = 0; seed <= 50; ++seed)
    has_unit.insert(generate(schema, seed).contains("unit"));
  EXPECT_EQ(has_unit.size(), 2U);
}

TEST(JsonSchemaGeneratorTest, PropertyNamesShapePlainStrings) {
  const json schema = json::parse(R"({"type": "object", "required": ["email", "start_date",
      "created_at", "city"], "properties": {"email": {"type": "string"},
      "start_date": {"type": "string"}, "created_at": {"type": "string"},
      "city": {"type": "string"}}})");
  const json formats = json::parse(R"({"properties": {"email": {"format": "email"},
      "start_date": {"format": "date"}, "created_at": {"format": "date-time"},
      "city": {"pattern": "^[A-Z][a-z]+$"}}})");
  for (std::uint64_t seed = 0; seed <= 50; ++seed) {
    const json instance = generate(schema, seed);
    EXPECT_TRUE(check_instance(formats, instance).empty()) << instance.dump();
  }
}

TEST(JsonSchemaGeneratorTest, RecursionStopsWithSmallestValues) {
  const json schema = schema_named("recursive_list");
  for (std::uint64_t seed = 0; seed <= 50; ++seed) {
    const json instance = generate(schema, seed);
    int length = 1;
    for (const json* node = &instance; node->contains("next") && node->at("next").is_object();
         node = &node->at("next")) {
      ++length;
    }
    EXPECT_LE(length, 8) << "seed " << seed;
  }
}

TEST(JsonSchemaGeneratorTest, ViolatingInstancesAreRejected) {
  for (const auto& entry : schema_table()) {
    if (!entry.constrains) continue;
    const json schema = json::parse(entry.schema);
    for (std::uint64_t seed = 0; seed <= 50; ++seed) {
      Rng rng(seed);
      const json broken = generate_violating_instance(schema, rng);
      EXPECT_FALSE(check_instance(schema, broken).empty())
          << entry.name << " seed " << seed << ": " << broken.dump();
    }
  }
}

TEST(JsonSchemaGeneratorTest, ViolatingInstancesAreDeterministicAndVaried) {
  const json schema = schema_named("strict_nullable");  // strict_nullable
  std::set<std::string> keywords;
  for (std::uint64_t seed = 0; seed <= 50; ++seed) {
    Rng first(seed);
    Rng second(seed);
    const json broken = generate_violating_instance(schema, first);
    EXPECT_EQ(broken.dump(), generate_violating_instance(schema, second).dump());
    for (const auto& v : check_instance(schema, broken)) keywords.insert(v.keyword);
  }
  for (const char* expected : {"required", "type", "additionalProperties"}) {
    EXPECT_TRUE(keywords.count(expected) == 1) << expected;
  }
}

TEST(JsonSchemaGeneratorTest, UnconstrainingSchemaGetsHallucinatedKey) {
  for (const char* schema : {"{}", "true", R"({"description": "anything"})"}) {
    Rng rng(7);
    const json broken = generate_violating_instance(json::parse(schema), rng);
    ASSERT_TRUE(broken.is_object()) << schema;
    EXPECT_EQ(broken.size(), 1U) << broken.dump();
  }
}

TEST(JsonSchemaGeneratorTest, GarbageSchemasDoNotCrash) {
  const std::vector<const char*> garbage = {
      "42",
      R"("string")",
      "[1, 2]",
      "null",
      "false",
      R"({"type": 42})",
      R"({"type": ["strin", 7]})",
      R"({"properties": 5, "required": "x", "items": 3})",
      R"({"minLength": -4, "maxItems": "many", "enum": 5})",
      R"({"minLength": 1e300})",
      R"({"minItems": 1e9, "items": {"minItems": 1e9}})",
      R"({"enum": []})",
      R"({"anyOf": [], "oneOf": 5, "allOf": {}})",
      R"({"allOf": [false, {"type": "string"}]})",
      R"({"$ref": "#"})",
      R"({"$ref": "#/nope"})",
      R"({"$ref": 5})",
      R"({"$ref": "http://x"})",
      R"({"pattern": "("})",
      R"({"pattern": "[z-a]"})",
      R"({"pattern": "a{2}{3}"})",
      R"({"oneOf": [{"$ref": "#"}, {"$ref": "#"}]})",
      R"({"anyOf": [{"$ref": "#"}, {"$ref": "#"}]})",
      R"({"type": "integer", "minimum": 1e308})",
      R"({"multipleOf": 0})",
      R"({"type": "integer", "multipleOf": 1e-300})",
      R"({"format": 7})",
      R"({"properties": {"a": {"$ref": "#/properties/a"}}, "required": ["a"]})",
      R"({"allOf": [{"$ref": "#"}]})",
      R"({"type": "integer", "minimum": 5, "maximum": 1})",
      R"({"required": ["a"], "properties": {"a": {"$ref": "#"}}})",
      R"({"type": "array", "minItems": 200, "items": {"minItems": 200, "items": {"minItems": 200}}})"};
  for (const char* text : garbage) {
    const json schema = json::parse(text);
    for (std::uint64_t seed = 0; seed < 3; ++seed) {
      Rng rng(seed);
      EXPECT_NO_THROW(check_instance(schema, generate_instance(schema, rng))) << text;
      EXPECT_NO_THROW(check_instance(schema, generate_violating_instance(schema, rng))) << text;
    }
  }
}

TEST(JsonSchemaGeneratorTest, DeeplyNestedSchemasDoNotCrash) {
  // Built in place: nlohmann's copy constructor would recurse 10,000 levels deep.
  for (const char* key : {"items", "allOf", "anyOf", "additionalProperties"}) {
    json schema = json::object();
    json* cursor = &schema;
    for (int i = 0; i < 10000; ++i) {
      json& child = (*cursor)[key];
      const bool list = std::string(key) == "allOf" || std::string(key) == "anyOf";
      cursor = list ? &(child = json::array({json::object()}))[0] : &(child = json::object());
    }
    Rng rng(1);
    EXPECT_NO_THROW(generate_instance(schema, rng)) << key;
    EXPECT_NO_THROW(generate_violating_instance(schema, rng)) << key;
  }
}

}  // namespace
}  // namespace chatmock::synthesis
