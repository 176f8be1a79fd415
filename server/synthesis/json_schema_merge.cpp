// Folding $ref and allOf into one schema, for the generator, which must pick values that
// satisfy every conjunct at once. Folding is shallow: only the top level merges, so recursive
// schemas cost one level per call and the depth bound stops chains like {"$ref": "#"}.
#include "synthesis/json_schema_merge.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <utility>

#include "synthesis/json_schema_keywords.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

// "number" admits integers, so the intersection of number and integer is integer.
unsigned widen(unsigned mask) { return (mask & kTypeNumber) != 0 ? mask | kTypeInteger : mask; }

bool is_tighter(std::string_view key, double candidate, double current) {
  const bool lower_bound =
      key == "minimum" || key == "exclusiveMinimum" || key == "minLength" || key == "minItems";
  return lower_bound ? candidate > current : candidate < current;
}

bool is_bound_keyword(std::string_view key) {
  return key == "minimum" || key == "maximum" || key == "exclusiveMinimum" ||
         key == "exclusiveMaximum" || key == "minLength" || key == "maxLength" ||
         key == "minItems" || key == "maxItems";
}

json conjunction(const json& a, const json& b) {
  if (a.is_boolean() && a.get<bool>()) return b;
  if (b.is_boolean() && b.get<bool>()) return a;
  if (a.is_boolean() || b.is_boolean()) return false;
  return json{{"allOf", json::array({a, b})}};
}

// A key in one side's "properties" must also satisfy the other side's additionalProperties.
json merge_properties(const json& a, const json& b) {
  json merged = json::object();
  const std::array<const json*, 2> sides = {&a, &b};
  for (const json* side : sides) {
    const json* props = keyword(*side, "properties");
    if (props == nullptr || !props->is_object()) continue;
    for (const auto& [name, unused] : props->items()) {
      if (merged.contains(name)) continue;
      json parts = json::array();
      bool forbidden = false;
      for (const json* other : sides) {
        const json* other_props = keyword(*other, "properties");
        const json* extra = keyword(*other, "additionalProperties");
        if (other_props != nullptr && other_props->is_object() && other_props->contains(name)) {
          parts.push_back((*other_props)[name]);
        } else if (extra != nullptr && extra->is_object()) {
          parts.push_back(*extra);
        } else if (extra != nullptr && extra->is_boolean() && !extra->get<bool>()) {
          forbidden = true;
        }
      }
      if (forbidden) continue;
      merged[name] = parts.size() == 1 ? parts[0] : json{{"allOf", parts}};
    }
  }
  return merged;
}

json merge_keyword(std::string_view key, const json& a, const json& b) {
  if (key == "type") {
    const unsigned both =
        widen(declared_types(json{{"type", a}})) & widen(declared_types(json{{"type", b}}));
    return both != 0 ? type_json(both) : a;
  }
  if (key == "required" && a.is_array() && b.is_array()) {
    json out = a;
    for (const auto& name : b) {
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
  }
  if (key == "enum" && a.is_array() && b.is_array()) {
    json out = json::array();
    for (const auto& value : a) {
      if (std::find(b.begin(), b.end(), value) != b.end()) out.push_back(value);
    }
    return out.empty() ? a : out;
  }
  if (is_bound_keyword(key) && a.is_number() && b.is_number()) {
    return is_tighter(key, b.get<double>(), a.get<double>()) ? b : a;
  }
  if (key == "multipleOf" && a.is_number_integer() && b.is_number_integer()) {
    const auto x = a.get<std::int64_t>();
    const auto y = b.get<std::int64_t>();
    if (x <= 0 || y <= 0 || x > 1'000'000'000 || y > 1'000'000'000) return a;
    return std::lcm(x, y);
  }
  if (key == "uniqueItems" && a.is_boolean() && b.is_boolean())
    return a.get<bool>() || b.get<bool>();
  if (key == "items" && !a.is_array() && !b.is_array()) return conjunction(a, b);
  if (key == "additionalProperties") return conjunction(a, b);
  if (key == "prefixItems" && a.is_array() && b.is_array()) {
    json out = a.size() >= b.size() ? a : b;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) out[i] = conjunction(a[i], b[i]);
    return out;
  }
  return a;
}

}  // namespace

FlatSchema flatten_schema(const json& root, const json& schema, int depth) {
  static const json kEmpty = json::object();
  FlatSchema flat;
  if (!schema.is_object() || depth >= kMaxSchemaDepth) {
    flat.borrowed = &kEmpty;
    return flat;
  }
  const json* ref = keyword(schema, "$ref");
  const json* all_of = keyword(schema, "allOf");
  const bool folds_all = all_of != nullptr && all_of->is_array();
  if (ref == nullptr && !folds_all) {
    flat.borrowed = &schema;
    return flat;
  }
  json out = schema;
  out.erase("$ref");
  if (folds_all) out.erase("allOf");
  if (const json* target = ref != nullptr ? resolve_ref(root, *ref) : nullptr; target != nullptr) {
    const FlatSchema resolved = flatten_schema(root, *target, depth + 1);
    out = merge_schemas(resolved.get(), out);
    flat.ref_hops = resolved.ref_hops + 1;
  }
  if (folds_all) {
    for (const auto& member : *all_of) {
      const FlatSchema part = flatten_schema(root, member, depth + 1);
      out = merge_schemas(out, part.get());
      flat.ref_hops = std::max(flat.ref_hops, part.ref_hops);
    }
  }
  flat.owned = std::move(out);
  return flat;
}

json merge_schemas(const json& a, const json& b) {
  if (!a.is_object()) return b.is_object() ? b : json::object();
  if (!b.is_object() || b.empty()) return a;
  json out = a;
  for (const auto& [key, value] : b.items()) {
    if (key == "$defs" || key == "definitions" || key == "properties") continue;
    const auto it = out.find(key);
    if (it == out.end()) {
      out[key] = value;
    } else if (key == "anyOf" || key == "oneOf") {
      // One slot per combinator: the second choice waits in a residual allOf, folded later.
      if (!out.contains("allOf") || !out["allOf"].is_array()) out["allOf"] = json::array();
      out["allOf"].push_back(json{{key, value}});
    } else if (key == "allOf" && it->is_array() && value.is_array()) {
      for (const auto& member : value) it->push_back(member);
    } else {
      *it = merge_keyword(key, *it, value);
    }
  }
  if (keyword(a, "properties") != nullptr || keyword(b, "properties") != nullptr) {
    out["properties"] = merge_properties(a, b);
  }
  return out;
}

}  // namespace chatmock::synthesis
