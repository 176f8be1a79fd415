// Unit tests for generate_violating_instance beyond the generator table: each mutation kind
// is reachable, combinator branches are respected, and huge or recursive schemas stay cheap.
#include <gtest/gtest.h>

#include <chrono>

#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_generator.h"

namespace chatmock::synthesis {
namespace {

using nlohmann::json;

json broken_for(const char* text, std::uint64_t seed = 1) {
  const json schema = json::parse(text);
  Rng rng(seed);
  return generate_violating_instance(schema, rng);
}

TEST(Violator, EveryConstrainingSchemaGetsARejectedValue) {
  for (const char* text :
       {R"({"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]})",
        R"({"type":"string","pattern":"^[a-z]+$"})", R"({"type":"string","format":"date"})",
        R"({"type":"integer","minimum":3,"maximum":5})", R"({"enum":["celsius","fahrenheit"]})",
        R"({"type":"array","items":{"type":"integer"},"minItems":2,"uniqueItems":true})",
        R"({"anyOf":[{"type":"string","maxLength":3},{"type":"integer","multipleOf":2}]})",
        R"({"type":"object","additionalProperties":false,"properties":{}})"}) {
    for (std::uint64_t seed = 0; seed < 8; ++seed) {
      const json schema = json::parse(text);
      EXPECT_FALSE(check_instance(schema, broken_for(text, seed)).empty()) << text;
    }
  }
}

TEST(Violator, UnconstrainingSchemaGetsAHallucinatedKey) {
  const json broken = broken_for("{}");
  ASSERT_TRUE(broken.is_object());
  EXPECT_EQ(broken.size(), 1U);
}

TEST(Violator, SameSeedSameViolation) {
  const char* text = R"({"type":"object","properties":{"n":{"type":"number"}},"required":["n"]})";
  EXPECT_EQ(broken_for(text, 7), broken_for(text, 7));
}

TEST(Violator, RecursiveSchemasStayCheap) {
  const auto start = std::chrono::steady_clock::now();
  const char* text = R"({"$defs":{"n":{"type":"object","properties":{"next":{"anyOf":[
      {"$ref":"#/$defs/n"},{"type":"null"}]},"v":{"type":"integer"}},"required":["next","v"]}},
      "$ref":"#/$defs/n"})";
  const json schema = json::parse(text);
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    EXPECT_FALSE(check_instance(schema, broken_for(text, seed)).empty());
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

}  // namespace
}  // namespace chatmock::synthesis
