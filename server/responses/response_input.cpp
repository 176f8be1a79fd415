// Only what chatmock can answer is accepted: built-in tool calls are a 400 naming the supported
// types rather than being silently ignored. item_reference ids are resolved later, against the
// store (input_references.h); reasoning items are context only.
#include "responses/response_input.h"

#include "responses/response_errors.h"

namespace chatmock::responses {

namespace {
using reply::Expected;

constexpr std::string_view kItemTypes =
    "'message', 'function_call', 'function_call_output', 'reasoning', and 'item_reference'";
constexpr std::string_view kPartTypes =
    "'input_text', 'output_text', 'refusal', 'input_image', and 'input_file'";

bool one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  for (const auto option : options) {
    if (value == option) return true;
  }
  return false;
}

std::optional<api::ApiError> check_part(const Json& part, const std::string& path) {
  if (!part.is_object()) return wrong_type(path, "an object", kind_of(part));
  const auto type = part.find("type");
  if (type == part.end()) return missing_parameter(path + ".type");
  if (!type->is_string()) return wrong_type(path + ".type", "a string", kind_of(*type));
  const auto& name = type->get_ref<const std::string&>();
  if (!one_of(name, {"input_text", "output_text", "refusal", "input_image", "input_file"})) {
    return invalid_value(path + ".type", name, kPartTypes);
  }
  if (name == "input_text" || name == "output_text") {
    const auto text = part.find("text");
    if (text == part.end()) return missing_parameter(path + ".text");
    if (!text->is_string()) return wrong_type(path + ".text", "a string", kind_of(*text));
  }
  return std::nullopt;
}

std::optional<api::ApiError> check_message(const Json& item, const std::string& path) {
  const auto role = item.find("role");
  if (role == item.end()) return missing_parameter(path + ".role");
  if (!role->is_string()) return wrong_type(path + ".role", "a string", kind_of(*role));
  const auto& name = role->get_ref<const std::string&>();
  if (!one_of(name, {"user", "assistant", "system", "developer"})) {
    return invalid_value(path + ".role", name, "'user', 'assistant', 'system', and 'developer'");
  }
  const auto content = item.find("content");
  if (content == item.end()) return missing_parameter(path + ".content");
  if (content->is_string()) return std::nullopt;
  if (!content->is_array())
    return wrong_type(path + ".content", "a string or an array", kind_of(*content));
  for (std::size_t i = 0; i < content->size(); ++i) {
    if (auto error = check_part((*content)[i], path + ".content[" + std::to_string(i) + "]")) {
      return error;
    }
  }
  return std::nullopt;
}

std::optional<api::ApiError> require_string(const Json& item, const std::string& path,
                                            std::string_view key) {
  const auto value = item.find(std::string(key));
  const std::string member = path + "." + std::string(key);
  if (value == item.end()) return missing_parameter(member);
  if (!value->is_string()) return wrong_type(member, "a string", kind_of(*value));
  return std::nullopt;
}

std::optional<api::ApiError> check_item(Json& item, const std::string& path) {
  if (!item.is_object()) return wrong_type(path, "an object", kind_of(item));
  if (!item.contains("type")) item["type"] = "message";  // EasyInputMessage has no type
  const auto& type = item["type"];
  if (!type.is_string()) return wrong_type(path + ".type", "a string", kind_of(type));
  const auto& name = type.get_ref<const std::string&>();
  if (name == "message") return check_message(item, path);
  if (name == "function_call") {
    for (const auto key : {"call_id", "name", "arguments"}) {
      if (auto error = require_string(item, path, key)) return error;
    }
    return std::nullopt;
  }
  if (name == "function_call_output") {
    if (auto error = require_string(item, path, "call_id")) return error;
    const auto output = item.find("output");
    if (output == item.end()) return missing_parameter(path + ".output");
    if (!output->is_string() && !output->is_array()) {
      return wrong_type(path + ".output", "a string or an array", kind_of(*output));
    }
    return std::nullopt;
  }
  if (name == "item_reference") return require_string(item, path, "id");
  if (name == "reasoning") {
    const auto summary = item.find("summary");
    if (summary == item.end()) return missing_parameter(path + ".summary");
    if (!summary->is_array()) return wrong_type(path + ".summary", "an array", kind_of(*summary));
    return std::nullopt;
  }
  return invalid_value(path + ".type", name, kItemTypes);
}
}  // namespace

Expected<std::vector<Json>> parse_input(const Json& input) {
  std::vector<Json> items;
  if (input.is_null()) return items;
  if (input.is_string()) {
    items.push_back(Json{{"type", "message"}, {"role", "user"}, {"content", input}});
    return items;
  }
  if (!input.is_array()) return wrong_type("input", "a string or an array", kind_of(input));
  if (input.size() > kMaxInputItems) {
    return api::invalid_request(
        "Invalid 'input': array too long. Expected an array with maximum "
        "length " +
            std::to_string(kMaxInputItems) +
            ", but got an array "
            "with length " +
            std::to_string(input.size()) + " instead.",
        "input", "array_above_max_length");
  }
  items.reserve(input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    Json item = input[i];
    if (auto error = check_item(item, "input[" + std::to_string(i) + "]")) return *error;
    items.push_back(std::move(item));
  }
  return items;
}

std::string item_text(const Json& item) {
  const auto type = item.value("type", std::string("message"));
  if (type == "function_call") return item.value("name", "") + item.value("arguments", "");
  if (type == "function_call_output") {
    const auto output = item.find("output");
    if (output == item.end()) return {};
    return output->is_string() ? output->get<std::string>() : dump(*output);
  }
  const auto content = item.find("content");
  if (content == item.end()) return {};
  if (content->is_string()) return content->get<std::string>();
  std::string text;
  for (const auto& part : *content) {
    if (const auto found = part.find("text"); found != part.end() && found->is_string()) {
      text += found->get<std::string>();
    }
  }
  return text;
}

}  // namespace chatmock::responses
