// Unit tests for find_required_cycle: forced loops through required properties or items are
// named; loops with a way out, or that never descend, are not.
#include "synthesis/json_schema_cycles.h"

#include <gtest/gtest.h>

namespace chatmock::synthesis {
namespace {

using nlohmann::json;

std::optional<std::string> cycle(const char* text) {
  return find_required_cycle(json::parse(text));
}

TEST(RequiredCycles, NamesForcedLoops) {
  EXPECT_EQ(cycle(R"({"type":"object","properties":{"x":{"$ref":"#"}},"required":["x"]})"),
            "# -> #/properties/x -> #");
  EXPECT_EQ(cycle(R"({"$defs":{"a":{"type":"object","properties":{"b":{"$ref":"#/$defs/b"}},
      "required":["b"]},"b":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"})"),
            "#/$defs/a -> #/$defs/a/properties/b -> #/$defs/b -> #/$defs/b/allOf/0 -> #/$defs/a");
  EXPECT_TRUE(cycle(R"({"type":"array","minItems":1,"items":{"$ref":"#"}})").has_value());
}

TEST(RequiredCycles, LoopsWithAWayOutAreFine) {
  for (const char* text : {
           R"({"$ref":"#"})",
           R"({"allOf":[{"$ref":"#"},{"$ref":"#"}]})",
           R"({"type":"object","properties":{"x":{"$ref":"#"}}})",
           R"({"properties":{"x":{"$ref":"#"}},"required":["x"]})",
           R"({"type":"object","properties":{"x":{"anyOf":[{"$ref":"#"},{"type":"null"}]}},
               "required":["x"]})",
           R"({"type":"array","items":{"$ref":"#"}})",
           R"({"type":["object","null"],"properties":{"x":{"$ref":"#"}},"required":["x"]})",
       }) {
    EXPECT_EQ(cycle(text), std::nullopt) << text;
  }
}

TEST(RequiredCycles, LongChainsDoNotRecurse) {
  json defs = json::object();
  for (int i = 0; i < 50'000; ++i) {
    defs["d" + std::to_string(i)] = {{"$ref", "#/$defs/d" + std::to_string(i + 1)}};
  }
  defs["d50000"] = {
      {"type", "object"}, {"properties", {{"x", {{"$ref", "#/$defs/d0"}}}}}, {"required", {"x"}}};
  EXPECT_TRUE(find_required_cycle(json{{"$defs", defs}, {"$ref", "#/$defs/d0"}}).has_value());
}

}  // namespace
}  // namespace chatmock::synthesis
