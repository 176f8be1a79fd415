// The instance generator's walk: fold $ref/allOf, settle const/enum/anyOf/oneOf, pick a type,
// then build objects and arrays here and scalars in json_schema_scalars.cpp. Depth, $ref hops,
// a step budget and the SchemaWork meter (shared with the checker and the flattener, and with
// the caller's WorkBudget) keep every schema, recursive, huge or garbage, to bounded work.
#include "synthesis/json_schema_generator.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "synthesis/json_schema_checker.h"
#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_merge.h"
#include "synthesis/json_schema_samples.h"
#include "synthesis/json_schema_scalars.h"
#include "synthesis/json_schema_work.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

constexpr int kMinimalDepth = 16;
constexpr int kMinimalRefHops = 3;
constexpr long kStepBudget = 5000;
constexpr std::size_t kMaxItems = 256;
constexpr int kAttempts = 6;
constexpr std::size_t kMaxBranchTries = 8;
// Enums longer than this are sampled rather than checked member by member.
constexpr std::size_t kCheckedEnum = 64;
constexpr int kEnumSamples = 16;
// anyOf/oneOf choices nested at one instance position; deeper chains only arise from
// references that regress without descending, like {"oneOf": [{"$ref": "#"}, {"$ref": "#"}]}.
constexpr int kMaxChoiceChain = 6;

// The order types are preferred in when the generator must stay small.
constexpr std::array<unsigned, 7> kSmallestFirst = {
    kTypeNull, kTypeBoolean, kTypeInteger, kTypeNumber, kTypeString, kTypeArray, kTypeObject};

const json& anything() {
  static const json kAnything = json::object();
  return kAnything;
}

json smallest_value(const json& schema) {
  if (const json* value = keyword(schema, "const"); value != nullptr) return *value;
  if (const json* values = keyword(schema, "enum");
      values != nullptr && values->is_array() && !values->empty()) {
    return (*values)[0];
  }
  const unsigned types = declared_types(schema);
  if (types == 0 || (types & kTypeNull) != 0) return nullptr;
  if ((types & kTypeBoolean) != 0) return false;
  if ((types & (kTypeInteger | kTypeNumber)) != 0) return 0;
  if ((types & kTypeString) != 0) return "";
  if ((types & kTypeArray) != 0) return json::array();
  return json::object();
}

// Without "type", the keywords present say which kind of value they constrain.
unsigned inferred_types(const json& schema) {
  const auto has_any = [&](std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view name) { return keyword(schema, name) != nullptr; });
  };
  unsigned types = 0;
  if (has_any({"properties", "required", "additionalProperties"})) types |= kTypeObject;
  if (has_any({"items", "prefixItems", "minItems", "maxItems", "uniqueItems"})) types |= kTypeArray;
  if (has_any({"minLength", "maxLength", "pattern", "format"})) types |= kTypeString;
  if (has_any({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})) {
    types |= kTypeNumber;
  }
  return types != 0 ? types : kTypeString;
}

// Branches least likely to recurse come first when the generator must stay small.
int branch_weight(const json& branch) {
  if (keyword(branch, "$ref") != nullptr) return 3;
  const unsigned types = declared_types(branch);
  if (types == kTypeNull) return 0;
  return (types & (kTypeObject | kTypeArray)) != 0 ? 2 : 1;
}

class InstanceGenerator {
 public:
  InstanceGenerator(const json& root, Rng& rng, SchemaFlattener& flattener)
      : root_(root), rng_(rng), flattener_(flattener), work_(flattener.work()) {}

  /// Whether the step budget ran out, so parts of the last value are only smallest values.
  [[nodiscard]] bool exhausted() const { return budget_ < 0 || work_.exhausted(); }

  json generate(const json& schema, int depth, int ref_hops, std::string_view name) {
    if (depth >= kMaxSchemaDepth || --budget_ < 0 || !work_.spend()) return smallest_value(schema);
    if (schema.is_boolean() && !schema.get<bool>()) return nullptr;  // nothing validates
    const FlatSchema flat = flattener_.flatten(schema, depth);
    const json& s = flat.get();
    const int hops = ref_hops + flat.ref_hops;
    if (const json* value = keyword(s, "const"); value != nullptr) return *value;
    for (const char* combinator : {"anyOf", "oneOf"}) {
      const json* branches = keyword(s, combinator);
      if (branches != nullptr && branches->is_array() && !branches->empty()) {
        return choose_branch(s, combinator, depth, hops, name);
      }
    }
    if (const json* values = keyword(s, "enum");
        values != nullptr && values->is_array() && !values->empty()) {
      return choose_enum(s, *values);
    }
    const bool small =
        depth >= kMinimalDepth || hops >= kMinimalRefHops || budget_ < kStepBudget / 5;
    switch (choose_type(s, small)) {
      case kTypeNull:
        return nullptr;
      case kTypeBoolean:
        return rng_.chance(0.5);
      case kTypeInteger:
        return generate_number(s, true, name, rng_);
      case kTypeNumber:
        return generate_number(s, false, name, rng_);
      case kTypeArray:
        return generate_array(s, depth, hops, name, small);
      case kTypeObject:
        return generate_object(s, depth, hops, small);
      default:
        return generate_string(root_, s, name, rng_, work_);
    }
  }

 private:
  // A value nested inside the current one: choices made above it no longer count as a chain.
  json generate_child(const json& schema, int depth, int hops, std::string_view name) {
    const int saved = chain_;
    chain_ = 0;
    json value = generate(schema, depth, hops, name);
    chain_ = saved;
    return value;
  }

  unsigned choose_type(const json& s, bool small) {
    unsigned allowed = declared_types(s);
    if (allowed == 0) allowed = inferred_types(s);
    if ((allowed & kTypeNull) != 0 && (small || allowed == kTypeNull || rng_.chance(0.2))) {
      return kTypeNull;
    }
    if ((allowed & kTypeNumber) != 0) allowed &= ~kTypeInteger;  // number covers integers
    std::vector<unsigned> options;
    for (const unsigned type : kSmallestFirst) {
      if ((allowed & type) != 0 && type != kTypeNull) options.push_back(type);
    }
    if (options.empty()) return kTypeNull;
    return small ? options.front() : options[rng_.next() % options.size()];
  }

  json choose_enum(const json& s, const json& values) {
    if (values.size() > kCheckedEnum) {
      // Checking every member would make a long enum quadratic: try a few at random.
      for (int sample = 0; sample < kEnumSamples && !work_.exhausted(); ++sample) {
        const json& value = values[rng_.next() % values.size()];
        if (check_subschema(root_, s, value, work_).empty()) return value;
      }
      return values[rng_.next() % values.size()];
    }
    std::vector<std::size_t> fitting;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (check_subschema(root_, s, values[i], work_).empty()) fitting.push_back(i);
    }
    if (fitting.empty()) return values[rng_.next() % values.size()];
    return values[fitting[rng_.next() % fitting.size()]];
  }

  // Tries branches (shuffled, or lightest first when small) until the whole schema accepts one.
  json choose_branch(const json& s, const char* combinator, int depth, int hops,
                     std::string_view name) {
    if (chain_ >= kMaxChoiceChain) return smallest_value(s);
    const json& branches = s[combinator];
    if (!work_.spend_copy(s)) return smallest_value(s);
    json rest = s;
    rest.erase(combinator);
    std::vector<std::size_t> order(branches.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const bool small = depth >= kMinimalDepth || hops >= kMinimalRefHops;
    if (small) {
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return branch_weight(branches[a]) < branch_weight(branches[b]);
      });
    } else {
      for (std::size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[rng_.next() % i]);
      }
    }
    json chosen;
    ++chain_;
    for (std::size_t i = 0; i < order.size() && i < kMaxBranchTries; ++i) {
      const FlatSchema branch = flattener_.flatten(branches[order[i]], depth + 1);
      const json merged = flattener_.merge(rest, branch.get());
      json candidate = generate(merged, depth + 1, hops + branch.ref_hops, name);
      if (check_subschema(root_, s, candidate, work_).empty()) {
        chosen = std::move(candidate);
        break;
      }
      if (i == 0) chosen = std::move(candidate);  // the fallback if no branch works out
    }
    --chain_;
    return chosen;
  }

  json generate_object(const json& s, int depth, int hops, bool small) {
    json out = json::object();
    const json* props = keyword(s, "properties");
    if (props != nullptr && !props->is_object()) props = nullptr;
    const json* extra = keyword(s, "additionalProperties");
    const auto schema_for = [&](const std::string& key) -> const json& {
      if (const json* declared = props != nullptr ? keyword(*props, key) : nullptr) {
        return *declared;
      }
      return extra != nullptr && extra->is_object() ? *extra : anything();
    };
    if (const json* required = keyword(s, "required");
        required != nullptr && required->is_array()) {
      for (const auto& name : *required) {
        if (!name.is_string() || out.contains(name.get_ref<const std::string&>())) continue;
        const auto& key = name.get_ref<const std::string&>();
        out[key] = generate_child(schema_for(key), depth + 1, hops, key);
      }
    }
    if (small || props == nullptr) return out;
    std::size_t optional = 0;
    for (const auto& [key, sub] : props->items()) optional += out.contains(key) ? 0 : 1;
    // Keep objects small: about two optional properties however many are declared.
    const double keep = optional <= 4 ? 0.5 : 2.0 / static_cast<double>(optional);
    for (const auto& [key, sub] : props->items()) {
      if (out.contains(key) || (sub.is_boolean() && !sub.get<bool>())) continue;
      if (rng_.chance(keep)) out[key] = generate_child(sub, depth + 1, hops, key);
    }
    return out;
  }

  json generate_array(const json& s, int depth, int hops, std::string_view name, bool small) {
    const json* prefix = keyword(s, "prefixItems");
    const json* items = keyword(s, "items");
    if ((prefix == nullptr || !prefix->is_array()) && items != nullptr && items->is_array()) {
      prefix = items;  // draft 4-7 tuple form
      items = nullptr;
    }
    const std::size_t prefix_size = prefix != nullptr && prefix->is_array() ? prefix->size() : 0;
    const std::size_t lo = count_keyword(s, "minItems", kMaxItems).value_or(0);
    std::size_t hi = std::max(lo, count_keyword(s, "maxItems", kMaxItems).value_or(lo + 3));
    if (items != nullptr && items->is_boolean() && !items->get<bool>()) {
      hi = std::max(lo, std::min(hi, prefix_size));
    }
    auto count =
        small
            ? lo
            : static_cast<std::size_t>(rng_.between(
                  static_cast<std::int64_t>(lo), static_cast<std::int64_t>(std::min(hi, lo + 3))));
    if (!small) count = std::max(count, std::min(prefix_size, hi));
    count = std::min(count, kMaxItems);  // the documented cap, whatever minItems asks
    const json& rest_items = items != nullptr && !items->is_array() ? *items : anything();
    const json* unique_keyword = keyword(s, "uniqueItems");
    const bool unique = unique_keyword != nullptr && *unique_keyword == true;
    const std::string item_name = singular_name(name);
    json out = json::array();
    for (std::size_t i = 0; i < count && !exhausted(); ++i) {
      const json& sub = i < prefix_size ? (*prefix)[i] : rest_items;
      json value = generate_child(sub, depth + 1, hops, item_name);
      const auto seen = [&](const json& v) {
        return std::find(out.begin(), out.end(), v) != out.end();
      };
      for (int retry = 0; unique && retry < 8 && seen(value); ++retry) {
        value = generate_child(sub, depth + 1, hops, item_name);
      }
      if (unique && seen(value) && i >= lo) break;
      out.push_back(std::move(value));
    }
    return out;
  }

  const json& root_;
  Rng& rng_;
  SchemaFlattener& flattener_;
  SchemaWork& work_;
  long budget_ = kStepBudget;
  int chain_ = 0;
};

}  // namespace

json generate_instance(const json& schema, Rng& rng, budget::WorkBudget& budget) {
  if (nests_deeper_than(schema, kMaxJsonNesting)) {
    return generate_instance(pruned_copy(schema, kMaxJsonNesting), rng, budget);
  }
  json best;
  std::size_t best_count = std::numeric_limits<std::size_t>::max();
  try {
    SchemaWork work(budget);
    SchemaFlattener flattener(schema, work);  // folds once for every attempt
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
      work.start_instance();
      InstanceGenerator generator(schema, rng, flattener);
      json candidate = generator.generate(schema, 0, 0, "");
      const std::size_t violations = check_subschema(schema, schema, candidate, work).size();
      if (violations == 0) return candidate;
      if (violations < best_count) {
        best = std::move(candidate);
        best_count = violations;
      }
      // A schema too big for one budget will be too big for the next attempt as well.
      if (generator.exhausted()) break;
    }
  } catch (const std::exception&) {
    // Only allocation failure is expected here; the best value so far stands.
  }
  return best;
}

json generate_instance(const json& schema, Rng& rng) {
  budget::WorkBudget unlimited;
  return generate_instance(schema, rng, unlimited);
}

}  // namespace chatmock::synthesis
