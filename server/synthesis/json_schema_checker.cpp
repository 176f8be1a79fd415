// A single recursive walk over schema and instance together. anyOf/oneOf try each branch in a
// scratch checker. A $ref that leads back to a (schema, instance) pair already being checked
// is skipped, since it can only regress forever ({"$ref": "#"}); a shared work budget bounds
// what remains, such as combinators nested under recursive $refs. enum lookups repeated within
// one call and uniqueItems use a sorted index, so neither is quadratic.
#include "synthesis/json_schema_checker.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <exception>
#include <memory>
#include <unordered_map>
#include <utility>

#include "synthesis/json_schema_format.h"
#include "synthesis/json_schema_index.h"
#include "synthesis/json_schema_keywords.h"
#include "synthesis/json_schema_pattern.h"
#include "synthesis/json_schema_work.h"

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

// The checker looks deeper than the generator builds, so every generated value is checked.
constexpr int kMaxCheckDepth = 2 * kMaxSchemaDepth;
constexpr long kCheckBudget = 200'000;
constexpr std::size_t kMaxCount = std::size_t{1} << 53U;
// Enums this short are scanned; longer ones are indexed once one call looks them up twice.
constexpr std::size_t kScannedEnum = 32;

std::string pointer_token(const std::string& key) {
  // RFC 6901 §3 escaping, by nlohmann's json_pointer ("/" + token).
  return (nlohmann::json::json_pointer() / std::string(key)).to_string().substr(1);
}

std::size_t code_points(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

std::string number_text(double value) {
  json number = value;
  return number.dump();
}

// What every checker of one call shares: the step budget, the $ref stack, the enum indexes.
struct CheckState {
  using RefStack = std::vector<std::pair<const json*, const json*>>;
  const json& root;
  SchemaWork& work;
  long steps = kCheckBudget;
  RefStack refs;
  std::unordered_map<const json*, std::unique_ptr<JsonIndex>> enums;  // nullptr: seen once
};

class SchemaChecker {
 public:
  SchemaChecker(CheckState& state, std::vector<SchemaViolation>& out)
      : state_(state), root_(state.root), out_(out) {}

  void check(const json& schema, const json& instance, const std::string& path, int depth) {
    if (depth > kMaxCheckDepth || --state_.steps < 0 || !state_.work.spend()) return;
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) report(path, "false", "no value is allowed here");
      return;
    }
    if (!schema.is_object()) return;
    if (const json* ref = keyword(schema, "$ref"); ref != nullptr) {
      const std::pair<const json*, const json*> step{resolve_ref(root_, *ref), &instance};
      auto& refs = state_.refs;
      if (step.first != nullptr && std::find(refs.begin(), refs.end(), step) == refs.end()) {
        refs.push_back(step);
        check(*step.first, instance, path, depth + 1);
        refs.pop_back();
      }
    }
    check_type(schema, instance, path);
    check_enum(schema, instance, path);
    if (instance.is_number()) check_number(schema, instance.get<double>(), path);
    if (instance.is_string()) check_string(schema, instance.get_ref<const std::string&>(), path);
    if (instance.is_array()) check_array(schema, instance, path, depth);
    if (instance.is_object()) check_object(schema, instance, path, depth);
    check_combinators(schema, instance, path, depth);
  }

 private:
  void report(const std::string& path, std::string keyword_name, std::string message) {
    out_.push_back(SchemaViolation{path, std::move(keyword_name), std::move(message)});
  }

  bool passes(const json& schema, const json& instance, int depth) {
    std::vector<SchemaViolation> scratch;
    SchemaChecker(state_, scratch).check(schema, instance, "", depth);
    return scratch.empty();
  }

  void check_type(const json& schema, const json& instance, const std::string& path) {
    const unsigned allowed = declared_types(schema);
    const unsigned actual = instance_types(instance);
    if (allowed != 0 && (allowed & actual) == 0) {
      const unsigned shown = (actual & kTypeInteger) != 0 ? kTypeInteger : actual;
      report(path, "type", "expected " + type_names(allowed) + ", got " + type_names(shown));
    }
  }

  void check_enum(const json& schema, const json& instance, const std::string& path) {
    if (const json* values = keyword(schema, "enum"); values != nullptr && values->is_array()) {
      if (!enum_contains(*values, instance)) {
        report(path, "enum",
               "value is not one of the " + std::to_string(values->size()) + " allowed values");
      }
    }
    if (const json* value = keyword(schema, "const"); value != nullptr && *value != instance) {
      report(path, "const", "value must equal " + value->dump());
    }
  }

  bool enum_contains(const json& values, const json& instance) {
    const auto scan = [&] {
      state_.work.spend(static_cast<long>(values.size() / 8));
      return std::find(values.begin(), values.end(), instance) != values.end();
    };
    if (values.size() <= kScannedEnum) return scan();
    auto [it, first_time] = state_.enums.try_emplace(&values);
    if (first_time) return scan();
    if (it->second == nullptr) {
      state_.work.spend(static_cast<long>(values.size()));
      it->second = std::make_unique<JsonIndex>(values);
    }
    return it->second->contains(instance);
  }

  void check_number(const json& schema, double value, const std::string& path) {
    const auto bound = [&](const char* name, bool fails, const char* relation, double limit) {
      if (fails) report(path, name, number_text(value) + relation + number_text(limit));
    };
    if (const auto min = number_keyword(schema, "minimum")) {
      const json* ex = keyword(schema, "exclusiveMinimum");
      const bool exclusive = ex != nullptr && ex->is_boolean() && ex->get<bool>();  // draft 4
      bound("minimum", exclusive ? value <= *min : value < *min, " is below minimum ", *min);
    }
    if (const auto max = number_keyword(schema, "maximum")) {
      const json* ex = keyword(schema, "exclusiveMaximum");
      const bool exclusive = ex != nullptr && ex->is_boolean() && ex->get<bool>();
      bound("maximum", exclusive ? value >= *max : value > *max, " is above maximum ", *max);
    }
    if (const auto ex = number_keyword(schema, "exclusiveMinimum")) {
      bound("exclusiveMinimum", value <= *ex, " is not above ", *ex);
    }
    if (const auto ex = number_keyword(schema, "exclusiveMaximum")) {
      bound("exclusiveMaximum", value >= *ex, " is not below ", *ex);
    }
    if (const auto step = number_keyword(schema, "multipleOf"); step && *step > 0) {
      const double quotient = value / *step;
      const double slack = 1e-9 * std::fmax(1.0, std::fabs(quotient));
      if (std::isfinite(quotient) && std::fabs(quotient - std::round(quotient)) > slack) {
        report(path, "multipleOf",
               number_text(value) + " is not a multiple of " + number_text(*step));
      }
    }
  }

  void check_string(const json& schema, const std::string& value, const std::string& path) {
    const std::size_t length = code_points(value);
    if (const auto min = count_keyword(schema, "minLength", kMaxCount); min && length < *min) {
      report(path, "minLength", "shorter than " + std::to_string(*min) + " characters");
    }
    if (const auto max = count_keyword(schema, "maxLength", kMaxCount); max && length > *max) {
      report(path, "maxLength", "longer than " + std::to_string(*max) + " characters");
    }
    if (const json* pattern = keyword(schema, "pattern");
        pattern != nullptr && pattern->is_string()) {
      const auto& text = pattern->get_ref<const std::string&>();
      state_.work.spend(static_cast<long>(value.size() / 64 + 1));
      if (pattern_matches(text, value) == false) report(path, "pattern", "does not match " + text);
    }
    if (const json* format = keyword(schema, "format"); format != nullptr && format->is_string()) {
      const auto& name = format->get_ref<const std::string&>();
      if (!matches_format(name, value)) report(path, "format", "is not a valid " + name);
    }
  }

  void check_array(const json& schema, const json& array, const std::string& path, int depth) {
    const json* prefix = keyword(schema, "prefixItems");
    const json* items = keyword(schema, "items");
    if (prefix == nullptr && items != nullptr && items->is_array()) {
      prefix = items;  // draft 4-7 tuple form
      items = nullptr;
    }
    std::size_t start = 0;
    if (prefix != nullptr && prefix->is_array()) {
      start = std::min(prefix->size(), array.size());
      for (std::size_t i = 0; i < start; ++i) {
        check((*prefix)[i], array[i], path + "/" + std::to_string(i), depth + 1);
      }
    }
    if (items != nullptr && items->is_boolean() && !items->get<bool>() && array.size() > start) {
      report(path + "/" + std::to_string(start), "items",
             "no items are allowed past position " + std::to_string(start));
    } else if (items != nullptr && items->is_object()) {
      for (std::size_t i = start; i < array.size(); ++i) {
        check(*items, array[i], path + "/" + std::to_string(i), depth + 1);
      }
    }
    if (const auto min = count_keyword(schema, "minItems", kMaxCount); min && array.size() < *min) {
      report(path, "minItems", "fewer than " + std::to_string(*min) + " items");
    }
    if (const auto max = count_keyword(schema, "maxItems", kMaxCount); max && array.size() > *max) {
      report(path, "maxItems", "more than " + std::to_string(*max) + " items");
    }
    if (const json* unique = keyword(schema, "uniqueItems");
        unique != nullptr && unique->is_boolean() && unique->get<bool>()) {
      state_.work.spend(static_cast<long>(array.size()));
      if (const auto equal = JsonIndex(array).duplicate()) {
        report(path, "uniqueItems",
               "items " + std::to_string(equal->first) + " and " + std::to_string(equal->second) +
                   " are equal");
      }
    }
  }

  void check_object(const json& schema, const json& object, const std::string& path, int depth) {
    if (const json* required = keyword(schema, "required");
        required != nullptr && required->is_array()) {
      for (const auto& name : *required) {
        if (name.is_string() && !object.contains(name.get_ref<const std::string&>())) {
          const auto& key = name.get_ref<const std::string&>();
          report(path + "/" + pointer_token(key), "required", "missing required property " + key);
        }
      }
    }
    const json* properties = keyword(schema, "properties");
    if (properties != nullptr && !properties->is_object()) properties = nullptr;
    const json* extra = keyword(schema, "additionalProperties");
    for (const auto& [key, value] : object.items()) {
      const std::string child = path + "/" + pointer_token(key);
      if (const json* declared = properties != nullptr ? keyword(*properties, key) : nullptr) {
        check(*declared, value, child, depth + 1);
      } else if (extra != nullptr && extra->is_boolean() && !extra->get<bool>()) {
        report(child, "additionalProperties", "property " + key + " is not allowed");
      } else if (extra != nullptr && extra->is_object()) {
        check(*extra, value, child, depth + 1);
      }
    }
  }

  void check_combinators(const json& schema, const json& instance, const std::string& path,
                         int depth) {
    if (const json* all = keyword(schema, "allOf"); all != nullptr && all->is_array()) {
      for (const auto& member : *all) check(member, instance, path, depth + 1);
    }
    if (const json* any = keyword(schema, "anyOf");
        any != nullptr && any->is_array() && !any->empty()) {
      bool matched = false;
      for (const auto& branch : *any) {
        if (passes(branch, instance, depth + 1)) {
          matched = true;
          break;
        }
      }
      if (!matched) report(path, "anyOf", "matches none of the alternatives");
    }
    if (const json* one = keyword(schema, "oneOf");
        one != nullptr && one->is_array() && !one->empty()) {
      std::size_t matches = 0;
      for (const auto& branch : *one) matches += passes(branch, instance, depth + 1) ? 1 : 0;
      if (matches != 1) {
        report(path, "oneOf",
               "matches " + std::to_string(matches) + " alternatives, not exactly one");
      }
    }
  }

  CheckState& state_;
  const json& root_;
  std::vector<SchemaViolation>& out_;
};

}  // namespace

std::vector<SchemaViolation> check_subschema(const json& root, const json& schema,
                                             const json& instance, SchemaWork& work) {
  std::vector<SchemaViolation> violations;
  CheckState state{root, work};
  try {
    SchemaChecker(state, violations).check(schema, instance, "", 0);
  } catch (const std::exception&) {
    // Only allocation failure can land here; what was found so far is still true.
  }
  return violations;
}

std::vector<SchemaViolation> check_subschema(const json& root, const json& schema,
                                             const json& instance) {
  budget::WorkBudget unlimited;
  SchemaWork work(unlimited);
  return check_subschema(root, schema, instance, work);
}

std::vector<SchemaViolation> check_instance(const json& schema, const json& instance,
                                            budget::WorkBudget& budget) {
  SchemaWork work(budget);
  return check_subschema(schema, schema, instance, work);
}

std::vector<SchemaViolation> check_instance(const json& schema, const json& instance) {
  budget::WorkBudget unlimited;
  return check_instance(schema, instance, unlimited);
}

}  // namespace chatmock::synthesis
