// The schemas that once hung or ballooned the server (a few hundred bytes each, or a large
// enum): shared by the schema budget unit tests and the hardening tests that post them.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace chatmock::synthesis::findings {

using nlohmann::json;

/// x is required and is the whole schema again: no finite value satisfies it.
inline json required_ref_cycle() {
  return json::parse(
      R"({"type":"object","properties":{"x":{"$ref":"#"}},"required":["x"],"$ref":"#"})");
}

/// allOf of three self-references: folded naively, 3^16 merges.
inline json all_of_self_refs() {
  return json::parse(R"({"allOf":[{"$ref":"#"},{"$ref":"#"},{"$ref":"#"}]})");
}

/// A catastrophic-backtracking pattern with a const that fails it after `length` matches.
inline json redos_pattern(std::size_t length) {
  return json{
      {"type", "string"}, {"pattern", "^(a+)+$"}, {"const", std::string(length, 'a') + "!"}};
}

/// An enum of `count` strings.
inline json huge_enum(std::size_t count) {
  json values = json::array();
  for (std::size_t i = 0; i < count; ++i) values.push_back("v" + std::to_string(i));
  return json{{"type", "string"}, {"enum", std::move(values)}};
}

/// uniqueItems with a const array of `count` distinct integers.
inline json unique_const(std::size_t count) {
  json values = json::array();
  for (std::size_t i = 0; i < count; ++i) values.push_back(i);
  return json{{"type", "array"}, {"uniqueItems", true}, {"const", std::move(values)}};
}

/// Arrays of arrays with minItems 1e12 around strings with minLength 1e12.
inline json nested_huge_minimums() {
  json schema = {{"type", "string"}, {"minLength", 1e12}};
  for (int level = 0; level < 4; ++level) {
    schema = {{"type", "array"}, {"minItems", 1e12}, {"items", std::move(schema)}};
  }
  return schema;
}

/// anyOf×8 and allOf×4 at each of 11 chained $defs (about 3 KB).
inline json combinator_chain() {
  json defs = json::object();
  for (int i = 0; i < 11; ++i) {
    const bool last = i == 10;
    const std::string next = "#/$defs/d" + std::to_string(i + 1);
    json any = json::array();
    json all = json::array();
    for (int k = 0; k < 8; ++k) {
      any.push_back(last
                        ? json{{"type", "string"}, {"minLength", k}}
                        : json{{"$ref", next},
                               {"properties", {{"p" + std::to_string(k), {{"type", "integer"}}}}}});
    }
    for (int k = 0; k < 4; ++k) {
      all.push_back(last ? json{{"type", "string"}} : json{{"$ref", next}});
    }
    defs["d" + std::to_string(i)] = {{"anyOf", std::move(any)}, {"allOf", std::move(all)}};
  }
  return json{{"$defs", std::move(defs)}, {"$ref", "#/$defs/d0"}};
}

/// Every finding with a name, as an object-typed wrapper where a tool needs an object schema.
inline std::vector<std::pair<std::string, json>> all() {
  return {{"required_ref_cycle", required_ref_cycle()},
          {"all_of_self_refs", all_of_self_refs()},
          {"redos_pattern_41", redos_pattern(41)},
          {"huge_enum", huge_enum(100'000)},
          {"unique_const", unique_const(100'000)},
          {"nested_huge_minimums", nested_huge_minimums()},
          {"combinator_chain", combinator_chain()}};
}

}  // namespace chatmock::synthesis::findings
