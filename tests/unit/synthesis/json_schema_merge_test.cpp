// Unit tests for folding conjunctions: merge_schemas intersects types and enums, tightens
// bounds and unites required; SchemaFlattener folds each $ref target once and cuts cycles.
#include "synthesis/json_schema_merge.h"

#include <gtest/gtest.h>

namespace chatmock::synthesis {
namespace {

using nlohmann::json;

TEST(SchemaMerge, IntersectsTypesAndEnumsAndTightensBounds) {
  const json a = json::parse(R"({"type":["number","string"],"enum":[1,2,3,"x"],"minimum":0,
      "maximum":10,"required":["a"],"minLength":2})");
  const json b = json::parse(R"({"type":"integer","enum":[3,2,9],"minimum":1,"maximum":20,
      "required":["b","a"],"minLength":1})");
  const json merged = merge_schemas(a, b);
  EXPECT_EQ(merged["type"], "integer");
  EXPECT_EQ(merged["enum"], json::parse("[2,3]"));
  EXPECT_EQ(merged["minimum"], 1);
  EXPECT_EQ(merged["maximum"], 10);
  EXPECT_EQ(merged["required"], json::parse(R"(["a","b"])"));
  EXPECT_EQ(merged["minLength"], 2);
}

TEST(SchemaMerge, ConjoinsPropertiesAndHonoursAdditionalProperties) {
  const json a = json::parse(R"({"properties":{"x":{"type":"string"}},
      "additionalProperties":false})");
  const json b = json::parse(R"({"properties":{"x":{"maxLength":3},"y":{"type":"integer"}}})");
  const json merged = merge_schemas(a, b);
  EXPECT_EQ(merged["properties"]["x"], json::parse(R"({"allOf":[{"type":"string"},
      {"maxLength":3}]})"));
  EXPECT_FALSE(merged["properties"].contains("y"));  // a forbids it
}

TEST(SchemaMerge, SecondAnyOfWaitsInAllOfAndTheSameOneFoldsAway) {
  const json a = json::parse(R"({"anyOf":[{"type":"string"},{"type":"null"}]})");
  const json b = json::parse(R"({"anyOf":[{"type":"integer"}]})");
  EXPECT_EQ(merge_schemas(a, b)["allOf"], json::parse(R"([{"anyOf":[{"type":"integer"}]}])"));
  EXPECT_FALSE(merge_schemas(a, a).contains("allOf"));
}

TEST(SchemaMerge, LargeEnumIntersectionIsFast) {
  json a = json::array();
  json b = json::array();
  for (int i = 0; i < 100'000; ++i) {
    a.push_back(i);
    b.push_back(i * 2);
  }
  const json merged = merge_schemas(json{{"enum", a}}, json{{"enum", b}});
  EXPECT_EQ(merged["enum"].size(), 50'000U);
}

TEST(SchemaFlattener, FoldsRefsAndAllOf) {
  const json root = json::parse(R"({"$defs":{"base":{"type":"object","required":["id"]}},
      "allOf":[{"$ref":"#/$defs/base"},{"properties":{"id":{"type":"integer"}}}]})");
  const FlatSchema flat = flatten_schema(root, root, 0);
  EXPECT_EQ(flat.get()["type"], "object");
  EXPECT_EQ(flat.get()["required"], json::parse(R"(["id"])"));
  EXPECT_EQ(flat.get()["properties"]["id"]["type"], "integer");
  EXPECT_EQ(flat.ref_hops, 1);
}

TEST(SchemaFlattener, SelfReferencesFoldToNothingExtra) {
  const json root = json::parse(R"({"type":"string","allOf":[{"$ref":"#"},{"$ref":"#"}]})");
  budget::WorkBudget unlimited;
  SchemaWork work(unlimited);
  SchemaFlattener flattener(root, work);
  const FlatSchema flat = flattener.flatten(root, 0);
  EXPECT_EQ(flat.get(), json::parse(R"({"type":"string"})"));
  EXPECT_GT(work.left(), kSchemaWorkUnits - 100);  // a handful of units, not 2^32 merges
}

TEST(SchemaFlattener, EachTargetFoldsOncePerCall) {
  json defs = json::object();
  // 2^14 folds without the memo; 15 with it (the fold depth bound allows ~15 levels).
  for (int i = 0; i < 14; ++i) {
    const std::string next = "#/$defs/d" + std::to_string(i + 1);
    defs["d" + std::to_string(i)] = {{"allOf", {{{"$ref", next}}, {{"$ref", next}}}}};
  }
  defs["d14"] = {{"type", "integer"}};
  const json root = {{"$defs", defs}, {"$ref", "#/$defs/d0"}};
  budget::WorkBudget unlimited;
  SchemaWork work(unlimited);
  SchemaFlattener flattener(root, work);
  EXPECT_EQ(flattener.flatten(root, 0).get()["type"], "integer");
  EXPECT_GT(work.left(), kSchemaWorkUnits - 2000);
}

TEST(SchemaFlattener, OutOfWorkComesBackUnfolded) {
  const json root = json::parse(R"({"allOf":[{"type":"string"}]})");
  budget::WorkBudget unlimited;
  SchemaWork work(unlimited, 0);
  work.spend();
  SchemaFlattener flattener(root, work);
  EXPECT_EQ(&flattener.flatten(root, 0).get(), &root);
}

}  // namespace
}  // namespace chatmock::synthesis
