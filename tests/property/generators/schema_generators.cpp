// Each draw keeps its schema satisfiable by construction: bounds are drawn as lo then lo+span,
// multipleOf only with a span wide enough to hold a multiple, uniqueItems only over item
// schemas with many values, oneOf only over branches of disjoint types, and allOf only over
// object members without additionalProperties (which would reject each other's properties).
#include "generators/schema_generators.h"

#include <set>
#include <string>
#include <vector>

#include "generators/schema_scalars.h"
#include "generators/text_generators.h"

namespace chatmock::property {

namespace {
using nlohmann::json;

// Names the generator maps to sample values ("city" → a city), plus plain identifiers.
const std::vector<std::string> kPropertyNames = {"city", "email", "age",   "latitude", "created_at",
                                                 "name", "id",    "count", "tags",     "url",
                                                 "date", "price", "unit",  "query",    "x"};

struct Draw {
  bool strict = false;  ///< OpenAI strict mode: all properties required, no extra keys
  json defs = json::object();
};

std::string property_name() {
  return *rc::gen::weightedOneOf<std::string>(
      {{3, rc::gen::elementOf(kPropertyNames)}, {1, identifier(10)}});
}

json draw_schema(int depth, Draw& draw);

json array_schema(int depth, Draw& draw) {
  const auto item = [&] { return depth > 0 ? draw_schema(depth - 1, draw) : string_schema(); };
  const int shape = *rc::gen::inRange(0, 6);
  if (shape == 0) {
    // Draft 4-7 tuple form: "items" is an array of positional schemas.
    json s = {{"type", "array"}, {"items", {item(), item()}}};
    if (*rc::gen::arbitrary<bool>()) s["minItems"] = *rc::gen::inRange(0, 3);
    return s;
  }
  if (shape == 1) {
    // 2020-12 tuple form; "items" then governs the rest, false forbidding any.
    json s = {{"type", "array"}, {"prefixItems", {item(), item()}}};
    s["items"] = *rc::gen::arbitrary<bool>() ? json(false) : item();
    s["minItems"] = *rc::gen::inRange(0, 3);
    return s;
  }
  if (shape == 2) {
    // Unique items from a finite set larger than the minimum count.
    json members = json::array();
    for (const auto& word : {"red", "green", "blue", "cyan", "plum"}) members.push_back(word);
    return {{"type", "array"},
            {"items", {{"type", "string"}, {"enum", members}}},
            {"uniqueItems", true},
            {"minItems", *rc::gen::inRange(0, 4)}};
  }
  json items = item();
  json s = {{"type", "array"}, {"items", items}};
  const auto lo = *rc::gen::inRange(0, 3);
  if (*rc::gen::arbitrary<bool>()) s["minItems"] = lo;
  if (*rc::gen::arbitrary<bool>()) s["maxItems"] = lo + *rc::gen::inRange(0, 4);
  // Only item schemas with plenty of distinct values can be made unique.
  const bool roomy = items == json{{"type", "string"}} || items == json{{"type", "integer"}};
  if (roomy && *rc::gen::arbitrary<bool>()) s["uniqueItems"] = true;
  return s;
}

json object_schema_at(int depth, Draw& draw, bool in_all_of = false) {
  json properties = json::object();
  const int count = *rc::gen::inRange(0, depth > 0 ? 5 : 3);
  for (int i = 0; i < count; ++i) {
    properties[property_name()] = depth > 0 ? draw_schema(depth - 1, draw) : string_schema();
  }
  json s = {{"type", "object"}, {"properties", properties}};
  json required = json::array();
  for (const auto& [name, _] : properties.items()) {
    if (draw.strict || *rc::gen::arbitrary<bool>()) required.push_back(name);
  }
  if (!required.empty() || draw.strict) s["required"] = required;
  if (draw.strict) {
    s["additionalProperties"] = false;
  } else if (!in_all_of) {
    switch (*rc::gen::inRange(0, 4)) {
      case 0:
        s["additionalProperties"] = false;
        break;
      case 1:
        s["additionalProperties"] = true;
        break;
      case 2:
        s["additionalProperties"] = string_schema();
        break;
      default:
        break;
    }
  }
  return s;
}

json nullable(json s) {
  if (s.contains("type") && s["type"].is_string()) s["type"] = json::array({s["type"], "null"});
  if (s.contains("enum")) s["enum"].push_back(nullptr);
  if (s.contains("const")) s = {{"anyOf", {s, {{"type", "null"}}}}};
  return s;
}

// Branches of pairwise disjoint types, so exactly one of them can match.
json one_of(int depth, Draw& draw) {
  std::vector<int> kinds;
  for (int kind = 0; kind < 5; ++kind) {
    if (*rc::gen::arbitrary<bool>()) kinds.push_back(kind);
  }
  if (kinds.size() < 2) kinds = {0, 1};
  json branches = json::array();
  for (const int kind : kinds) {
    switch (kind) {
      case 0:
        branches.push_back(string_schema());
        break;
      case 1:
        branches.push_back(number_schema(true));
        break;
      case 2:
        branches.push_back({{"type", "boolean"}});
        break;
      case 3:
        branches.push_back({{"type", "null"}});
        break;
      default:
        branches.push_back(object_schema_at(depth - 1, draw));
        break;
    }
  }
  return {{"oneOf", branches}};
}

// Two object members with disjoint property names, so their conjunction stays satisfiable.
json all_of(int depth, Draw& draw) {
  json first = object_schema_at(depth - 1, draw, true);
  json second = object_schema_at(depth - 1, draw, true);
  json required = json::array();
  for (const auto& name : second.value("required", json::array())) {
    if (!first["properties"].contains(name)) required.push_back(name);
  }
  for (const auto& [name, _] : first["properties"].items()) second["properties"].erase(name);
  second["required"] = required;
  return {{"allOf", {first, second}}};
}

json ref_to(int depth, Draw& draw) {
  if (!draw.strict && *rc::gen::inRange(0, 5) == 0) {
    // Draft 4-7 "definitions", resolved as any other local pointer.
    return {{"allOf", {{{"$ref", "#/definitions/Word"}}}}};
  }
  const std::string name = "D" + std::to_string(draw.defs.size());
  draw.defs[name] = nullptr;  // reserve the name before drawing nested definitions
  if (*rc::gen::inRange(0, 3) == 0) {
    // A recursive definition: a node whose children are nodes, ended by an empty array.
    const std::string self = "#/$defs/" + name;
    draw.defs[name] = {
        {"type", "object"},
        {"properties",
         {{"value", string_schema()},
          {"children", {{"type", "array"}, {"items", {{"$ref", self}}}}}}},
        {"required", draw.strict ? json::array({"value", "children"}) : json::array({"value"})}};
    if (draw.strict) draw.defs[name]["additionalProperties"] = false;
  } else {
    draw.defs[name] = draw_schema(depth - 1, draw);
  }
  return {{"$ref", "#/$defs/" + name}};
}

json draw_schema(int depth, Draw& draw) {
  const int pick = depth > 0 ? *rc::gen::inRange(0, draw.strict ? 9 : 15) : *rc::gen::inRange(0, 4);
  switch (pick) {
    case 0:
      return string_schema();
    case 1:
      return number_schema(true);
    case 2:
      return number_schema(false);
    case 3:
      return *rc::gen::element(json{{"type", "boolean"}}, json{{"type", "null"}});
    case 4:
      return array_schema(depth, draw);
    case 5:
      return object_schema_at(depth, draw);
    case 6:
      return nullable(draw_schema(depth - 1, draw));
    case 7:
      return ref_to(depth, draw);
    case 8:
      return {{"anyOf", {draw_schema(depth - 1, draw), draw_schema(depth - 1, draw)}}};
    case 9:
      return one_of(depth, draw);
    case 10:
      return all_of(depth, draw);
    case 11:
      return {{"enum", *small_vector(json_value(1), 3, 1)}};
    case 12:
      return {{"const", *json_value(1)}};
    case 13:
      return {{"type", {"string", "integer"}}};
    default:
      return *rc::gen::element(json::object(), json(true));
  }
}

json with_defs(json root, const Draw& draw) {
  const bool words = root.dump().find("#/definitions/Word") != std::string::npos;
  if (draw.defs.empty() && !words) return root;
  if (!root.is_object()) root = {{"anyOf", {root}}};
  if (!draw.defs.empty()) root["$defs"] = draw.defs;
  if (words)
    root["definitions"] = {{"Word", {{"type", "string"}, {"minLength", 2}, {"maxLength", 12}}}};
  return root;
}
}  // namespace

rc::Gen<nlohmann::json> satisfiable_schema() {
  return rc::gen::exec([] {
    Draw draw;
    return with_defs(draw_schema(3, draw), draw);
  });
}

rc::Gen<nlohmann::json> object_schema() {
  return rc::gen::exec([] {
    Draw draw;
    return with_defs(object_schema_at(3, draw), draw);
  });
}

rc::Gen<nlohmann::json> strict_object_schema() {
  return rc::gen::exec([] {
    Draw draw;
    draw.strict = true;
    return with_defs(object_schema_at(3, draw), draw);
  });
}

}  // namespace chatmock::property
