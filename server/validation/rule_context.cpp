// The message shapes of the API's newer validator (docs/openai-behaviour.md §4, "new style"), in
// one place so every rule words the same failure the same way.
#include "validation/rule_context.h"

#include <array>
#include <cmath>
#include <utility>

namespace chatmock::validation::detail {
namespace {

constexpr std::size_t kMaxQuotedBytes = 64;
constexpr std::size_t kMaxNameLength = 64;

// "string", "one of string or array", "one of string, array or object".
std::string describe_kinds(unsigned kinds) {
  static constexpr std::array<std::pair<unsigned, std::string_view>, 6> kNames = {{
      {kString, "string"},
      {kNumber, "number"},
      {kInteger, "integer"},
      {kBoolean, "boolean"},
      {kArray, "array"},
      {kObject, "object"},
  }};
  // Any number satisfies kNumber, so naming "integer" beside it would only confuse.
  if ((kinds & kNumber) != 0U) kinds &= ~static_cast<unsigned>(kInteger);
  std::vector<std::string_view> names;
  for (const auto& [kind, name] : kNames) {
    if ((kinds & kind) != 0U) names.push_back(name);
  }
  if (names.empty()) return "null";
  if (names.size() == 1) return std::string(names.front());
  std::string text = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

bool is_integral(const json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && std::trunc(number) == number;
}

}  // namespace

bool has_kind(const json& value, unsigned kinds) {
  switch (value.type()) {
    case json::value_t::string:
      return (kinds & kString) != 0U;
    case json::value_t::boolean:
      return (kinds & kBoolean) != 0U;
    case json::value_t::array:
      return (kinds & kArray) != 0U;
    case json::value_t::object:
      return (kinds & kObject) != 0U;
    case json::value_t::null:
      return (kinds & kNull) != 0U;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return (kinds & kNumber) != 0U || ((kinds & kInteger) != 0U && is_integral(value));
    case json::value_t::binary:
    case json::value_t::discarded:
      return false;
  }
  return false;
}

std::string_view kind_name(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return "string";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    case json::value_t::null:
      return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::binary:
    case json::value_t::discarded:
      return "unknown";
  }
  return "unknown";
}

std::string quote(std::string_view value) {
  if (value.size() <= kMaxQuotedBytes) return std::string(value);
  std::size_t end = kMaxQuotedBytes;
  // Never cut inside a UTF-8 sequence: the message must stay valid UTF-8 for json::dump().
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0U) == 0x80U) --end;
  return std::string(value.substr(0, end)) + "...";
}

bool is_identifier(std::string_view name) {
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string RuleContext::index(std::string_view base, std::size_t i) const {
  std::string path(base);
  if (options_.legacy_param_paths) path += '.';
  path += '[';
  path += std::to_string(i);
  path += ']';
  return path;
}

void RuleContext::report(std::string id, std::optional<std::string> param,
                         std::optional<std::string> code, std::string message, int status) {
  violations_.push_back(
      {std::move(id), std::move(param), std::move(code), std::move(message), status});
}

void RuleContext::missing(std::string id, const std::string& path) {
  report(std::move(id), path, "missing_required_parameter",
         "Missing required parameter: '" + path + "'.");
}

void RuleContext::wrong_type(const std::string& path, unsigned expected, const json& got) {
  report("validation.invalid_type", path, "invalid_type",
         "Invalid type for '" + path + "': expected " + describe_kinds(expected) + ", but got " +
             std::string(kind_name(got)) + " instead.");
}

bool RuleContext::expect(const json& value, unsigned kinds, const std::string& path) {
  if (has_kind(value, kinds)) return true;
  wrong_type(path, kinds, value);
  return false;
}

bool RuleContext::expect_one_of(std::string id, const json& value,
                                std::initializer_list<std::string_view> allowed,
                                const std::string& path) {
  if (!expect(value, kString, path)) return false;
  const auto& text = value.get_ref<const std::string&>();
  std::string supported;
  std::size_t i = 0;
  for (const std::string_view candidate : allowed) {
    if (candidate == text) return true;
    if (i > 0) supported += i + 1 == allowed.size() ? ", and " : ", ";
    supported += "'" + std::string(candidate) + "'";
    ++i;
  }
  report(std::move(id), path, "invalid_value",
         "Invalid value: '" + quote(text) + "'. Supported values are: " + supported + ".");
  return false;
}

void RuleContext::empty_array(std::string id, const std::string& path) {
  report(std::move(id), path, "empty_array",
         "Invalid '" + path +
             "': empty array. Expected an array with minimum length 1, but got an empty array "
             "instead.");
}

void RuleContext::array_too_long(std::string id, const std::string& path, std::size_t max,
                                 std::size_t got) {
  report(std::move(id), path, "array_above_max_length",
         "Invalid '" + path + "': array too long. Expected an array with maximum length " +
             std::to_string(max) + ", but got an array with length " + std::to_string(got) +
             " instead.");
}

const json* RuleContext::require(const json& object, std::string_view key, unsigned kinds,
                                 const std::string& parent, std::string id) {
  const std::string path = parent + "." + std::string(key);
  const json* value = member(object, key);
  if (value == nullptr) {
    missing(std::move(id), path);
    return nullptr;
  }
  return expect(*value, kinds, path) ? value : nullptr;
}

const json* RuleContext::optional_member(const json& object, std::string_view key, unsigned kinds,
                                         const std::string& parent) {
  const json* value = member(object, key);
  if (value == nullptr) return nullptr;
  return expect(*value, kinds, parent + "." + std::string(key)) ? value : nullptr;
}

void RuleContext::check_name(std::string id, const json& name, const std::string& path) {
  if (!expect(name, kString, path)) return;
  const auto& text = name.get_ref<const std::string&>();
  if (text.empty()) {
    report(std::move(id), path, "empty_string",
           "Invalid '" + path +
               "': empty string. Expected a string with minimum length 1, but got an empty "
               "string instead.");
  } else if (text.size() > kMaxNameLength) {
    report(std::move(id), path, "string_above_max_length",
           "Invalid '" + path + "': string too long. Expected a string with maximum length " +
               std::to_string(kMaxNameLength) + ", but got a string with length " +
               std::to_string(text.size()) + " instead.");
  } else if (!is_identifier(text)) {
    report(std::move(id), path, "invalid_value",
           "Invalid '" + path +
               "': string does not match pattern. Expected a string that matches the pattern "
               "'^[a-zA-Z0-9_-]+$'.");
  }
}

}  // namespace chatmock::validation::detail
