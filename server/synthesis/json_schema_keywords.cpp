// Keyword readers. Every reader checks the JSON type of what it reads and treats anything
// unexpected as absent, which is how garbage schemas stay harmless everywhere else.
#include "synthesis/json_schema_keywords.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace chatmock::synthesis {

using nlohmann::json;

namespace {

constexpr std::array<std::pair<std::string_view, unsigned>, 7> kTypeNames = {{
    {"boolean", kTypeBoolean},
    {"integer", kTypeInteger},
    {"number", kTypeNumber},
    {"string", kTypeString},
    {"array", kTypeArray},
    {"object", kTypeObject},
    {"null", kTypeNull},
}};

unsigned type_bit(const json& name) {
  if (!name.is_string()) return 0;
  const auto& text = name.get_ref<const std::string&>();
  for (const auto& [type_name, bit] : kTypeNames) {
    if (text == type_name) return bit;
  }
  return 0;
}

}  // namespace

json type_json(unsigned mask) {
  if ((mask & kTypeNumber) != 0) mask &= ~kTypeInteger;
  json names = json::array();
  for (const auto& [type_name, bit] : kTypeNames) {
    if ((mask & bit) != 0) names.push_back(std::string(type_name));
  }
  return names.size() == 1 ? names[0] : names;
}

bool nests_deeper_than(const json& value, std::size_t limit) {
  std::vector<std::pair<const json*, std::size_t>> pending = {{&value, 0}};
  while (!pending.empty()) {
    const auto [node, depth] = pending.back();
    pending.pop_back();
    if (!node->is_structured() || node->empty()) continue;
    if (depth >= limit) return true;
    for (const auto& child : *node) pending.emplace_back(&child, depth + 1);
  }
  return false;
}

json pruned_copy(const json& value, std::size_t limit) {
  if (!value.is_structured()) return value;
  if (limit == 0) return json::object();
  json out = value.is_object() ? json::object() : json::array();
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (value.is_object()) {
      out[it.key()] = pruned_copy(it.value(), limit - 1);
    } else {
      out.push_back(pruned_copy(it.value(), limit - 1));
    }
  }
  return out;
}

const json* keyword(const json& schema, std::string_view key) {
  if (!schema.is_object()) return nullptr;
  const auto it = schema.find(key);
  return it == schema.end() ? nullptr : &*it;
}

unsigned declared_types(const json& schema) {
  const json* type = keyword(schema, "type");
  if (type == nullptr) return 0;
  if (!type->is_array()) return type_bit(*type);
  unsigned mask = 0;
  for (const auto& name : *type) mask |= type_bit(name);
  return mask;
}

unsigned instance_types(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return kTypeNull;
    case json::value_t::boolean:
      return kTypeBoolean;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return kTypeInteger | kTypeNumber;
    case json::value_t::number_float: {
      const double number = value.get<double>();
      return std::isfinite(number) && std::floor(number) == number ? kTypeInteger | kTypeNumber
                                                                   : kTypeNumber;
    }
    case json::value_t::string:
      return kTypeString;
    case json::value_t::array:
      return kTypeArray;
    case json::value_t::object:
      return kTypeObject;
    case json::value_t::binary:
    case json::value_t::discarded:
      return 0;
  }
  return 0;
}

std::string type_names(unsigned mask) {
  std::string names;
  for (const auto& [type_name, bit] : kTypeNames) {
    if ((mask & bit) == 0) continue;
    if (!names.empty()) names += " or ";
    names += type_name;
  }
  return names.empty() ? "unknown" : names;
}

std::optional<double> number_keyword(const json& schema, std::string_view key) {
  const json* value = keyword(schema, key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  const double number = value->get<double>();
  return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

std::optional<std::size_t> count_keyword(const json& schema, std::string_view key,
                                         std::size_t cap) {
  const auto number = number_keyword(schema, key);
  if (!number || *number < 0) return std::nullopt;
  const double capped = std::min(std::floor(*number), static_cast<double>(cap));
  return static_cast<std::size_t>(capped);
}

NumericBounds numeric_bounds(const json& schema) {
  NumericBounds bounds;
  bounds.lo = number_keyword(schema, "minimum");
  bounds.hi = number_keyword(schema, "maximum");
  // Draft 6+ spells exclusive bounds as numbers; draft 4 as booleans modifying minimum/maximum.
  if (const auto ex = number_keyword(schema, "exclusiveMinimum");
      ex && (!bounds.lo || *ex >= *bounds.lo)) {
    bounds.lo = ex;
    bounds.lo_exclusive = true;
  }
  if (const auto ex = number_keyword(schema, "exclusiveMaximum");
      ex && (!bounds.hi || *ex <= *bounds.hi)) {
    bounds.hi = ex;
    bounds.hi_exclusive = true;
  }
  if (const json* ex = keyword(schema, "exclusiveMinimum"); ex != nullptr && ex->is_boolean()) {
    bounds.lo_exclusive = bounds.lo_exclusive || (ex->get<bool>() && bounds.lo.has_value());
  }
  if (const json* ex = keyword(schema, "exclusiveMaximum"); ex != nullptr && ex->is_boolean()) {
    bounds.hi_exclusive = bounds.hi_exclusive || (ex->get<bool>() && bounds.hi.has_value());
  }
  return bounds;
}

const json* resolve_ref(const json& root, const json& ref) {
  if (!ref.is_string()) return nullptr;
  const auto& text = ref.get_ref<const std::string&>();
  if (text.empty() || text[0] != '#') return nullptr;
  if (text.size() == 1) return &root;
  if (text[1] != '/') return nullptr;
  const json* node = &root;
  std::size_t start = 2;
  while (node != nullptr) {
    const std::size_t end = std::min(text.find('/', start), text.size());
    std::string token;
    for (std::size_t i = start; i < end; ++i) {  // RFC 6901: ~1 is '/', ~0 is '~'.
      if (text[i] == '~' && i + 1 < end && (text[i + 1] == '0' || text[i + 1] == '1')) {
        token += text[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += text[i];
      }
    }
    if (node->is_object()) {
      node = keyword(*node, token);
    } else if (node->is_array() && !token.empty() && token.size() < 10 &&
               std::all_of(token.begin(), token.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      const auto index = std::stoul(token);
      node = index < node->size() ? &(*node)[index] : nullptr;
    } else {
      node = nullptr;
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return node;
}

}  // namespace chatmock::synthesis
