// Folding $ref and allOf into one schema, for the generator, which must pick values that
// satisfy every conjunct at once. Folding is shallow: only the top level merges, so recursive
// schemas cost one level per call. Each $ref target folds once per flattener (memoised) unless
// its fold was cut against an outer fold still in progress (an SCC of references), whose
// repeats the work meter bounds.
#include "synthesis/json_schema_merge.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <utility>

#include "synthesis/json_schema_index.h"
#include "synthesis/json_schema_keywords.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

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
    const JsonIndex present(a);
    for (const auto& name : b) {
      if (!present.contains(name)) out.push_back(name);
    }
    return out;
  }
  if (key == "enum" && a.is_array() && b.is_array()) {
    json out = json::array();
    const JsonIndex allowed(b);
    for (const auto& value : a) {
      if (allowed.contains(value)) out.push_back(value);
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

SchemaFlattener::Folded SchemaFlattener::fold(const json& schema, int depth) {
  static const json kEmpty = json::object();
  Folded folded{FlatSchema{}, kNoIndex};
  if (!schema.is_object() || depth >= kMaxSchemaDepth) {
    folded.flat.borrowed = &kEmpty;
    return folded;
  }
  const json* ref = keyword(schema, "$ref");
  const json* all_of = keyword(schema, "allOf");
  const bool folds_all = all_of != nullptr && all_of->is_array();
  if ((ref == nullptr && !folds_all) || !work_.spend_copy(schema)) {
    folded.flat.borrowed = &schema;
    return folded;
  }
  json out = schema;
  out.erase("$ref");
  if (folds_all) out.erase("allOf");
  if (const json* target = ref != nullptr ? resolve_ref(root_, *ref) : nullptr; target != nullptr) {
    Folded resolved = fold_target(*target, depth + 1);
    if (out.empty() && !folds_all) {
      resolved.flat.ref_hops += 1;  // a bare {"$ref": ...}: the target's fold, shared not copied
      return resolved;
    }
    out = merge(resolved.flat.get(), out);
    folded.flat.ref_hops = resolved.flat.ref_hops + 1;
    folded.low = std::min(folded.low, resolved.low);
  }
  if (folds_all) {
    for (const auto& member : *all_of) {
      if (work_.exhausted()) break;
      const Folded part = fold(member, depth + 1);
      out = merge(out, part.flat.get());
      folded.flat.ref_hops = std::max(folded.flat.ref_hops, part.flat.ref_hops);
      folded.low = std::min(folded.low, part.low);
    }
  }
  folded.flat.owned = std::move(out);
  return folded;
}

SchemaFlattener::Folded SchemaFlattener::fold_target(const json& target, int depth) {
  static const json kEmpty = json::object();
  if (const auto it = memo_.find(&target); it != memo_.end()) {
    Folded copy{FlatSchema{}, kNoIndex};
    copy.flat.borrowed = &it->second->get();
    copy.flat.ref_hops = it->second->ref_hops;
    return copy;
  }
  const auto open = std::find(in_progress_.begin(), in_progress_.end(), &target);
  if (open != in_progress_.end()) {
    Folded cut{FlatSchema{}, static_cast<std::size_t>(open - in_progress_.begin())};
    cut.flat.borrowed = &kEmpty;
    return cut;
  }
  const std::size_t level = in_progress_.size();
  in_progress_.push_back(&target);
  Folded folded = fold(target, depth);
  in_progress_.pop_back();
  // Complete unless it leaned on an outer fold still open: only then is it the same for
  // every caller, and worth keeping.
  if (folded.low < level || work_.exhausted()) return folded;
  auto kept = std::make_unique<FlatSchema>(std::move(folded.flat));
  Folded copy{FlatSchema{}, kNoIndex};
  copy.flat.borrowed = &kept->get();
  copy.flat.ref_hops = kept->ref_hops;
  memo_.emplace(&target, std::move(kept));
  return copy;
}

FlatSchema SchemaFlattener::flatten(const json& schema, int depth) {
  return std::move(fold(schema, depth).flat);
}

json SchemaFlattener::merge(const json& a, const json& b) {
  // Out of work, the fold is abandoned anyway: an empty answer costs no copy.
  // A merge copies `a`, and what the two share of "properties" twice more.
  if (!work_.spend_copy(a, 3) || !work_.spend_copy(b, 3)) return json::object();
  return merge_schemas(a, b);
}

FlatSchema flatten_schema(const json& root, const json& schema, int depth) {
  budget::WorkBudget unlimited;
  SchemaWork work(unlimited);
  SchemaFlattener flattener(root, work);
  FlatSchema flat = flattener.flatten(schema, depth);
  if (flat.borrowed != nullptr && flat.borrowed != &schema) {
    flat.owned = *flat.borrowed;  // the flattener's memo dies with it
    flat.borrowed = nullptr;
  }
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
    } else if ((key == "anyOf" || key == "oneOf") && *it == value) {
      continue;  // A ∧ A is A: folding one $ref twice must not double the choices
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
