// One check per field, in the order the API reports them (unknown parameter first, then model).
// Wrong types are 400 invalid_type naming the field; ranges use the API's min/max sentences.
#include "responses/response_request.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "responses/response_errors.h"
#include "responses/response_input.h"

namespace chatmock::responses {

namespace {
using reply::Expected;
using Error = std::optional<api::ApiError>;

// Every top-level property of the API's CreateResponse request (docs/interface.md, Responses API).
constexpr std::array<std::string_view, 31> kKnownFields = {"background",
                                                           "context_management",
                                                           "conversation",
                                                           "include",
                                                           "input",
                                                           "instructions",
                                                           "max_output_tokens",
                                                           "max_tool_calls",
                                                           "metadata",
                                                           "model",
                                                           "moderation",
                                                           "parallel_tool_calls",
                                                           "previous_response_id",
                                                           "prompt",
                                                           "prompt_cache_key",
                                                           "prompt_cache_options",
                                                           "prompt_cache_retention",
                                                           "reasoning",
                                                           "safety_identifier",
                                                           "service_tier",
                                                           "store",
                                                           "stream",
                                                           "stream_options",
                                                           "temperature",
                                                           "text",
                                                           "tool_choice",
                                                           "tools",
                                                           "top_logprobs",
                                                           "top_p",
                                                           "truncation",
                                                           "user"};

const Json* present(const Json& body, const char* key) {
  const auto found = body.find(key);
  return found == body.end() || found->is_null() ? nullptr : &*found;
}

Error read_bool(const Json& body, const char* key, bool& out) {
  const Json* value = present(body, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) return wrong_type(key, "a boolean", kind_of(*value));
  out = value->get<bool>();
  return std::nullopt;
}

Error read_string(const Json& body, const char* key, std::optional<std::string>& out) {
  const Json* value = present(body, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) return wrong_type(key, "a string", kind_of(*value));
  out = value->get<std::string>();
  return std::nullopt;
}

Error read_decimal(const Json& body, const char* key, double max, double& out) {
  const Json* value = present(body, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) return wrong_type(key, "a decimal", kind_of(*value));
  const double number = value->get<double>();
  if (number < 0) return decimal_out_of_range(key, number, 0, true);
  if (number > max) return decimal_out_of_range(key, number, max, false);
  out = number;
  return std::nullopt;
}

Error read_max_output_tokens(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "max_output_tokens");
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    return wrong_type("max_output_tokens", "an integer", kind_of(*value));
  }
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX) {
    return integer_out_of_range("max_output_tokens", INT64_MAX, INT64_MAX, false);
  }
  const auto tokens = value->get<std::int64_t>();
  if (tokens < 16) return integer_out_of_range("max_output_tokens", tokens, 16, true);
  out.max_output_tokens = tokens;
  return std::nullopt;
}

Error read_top_logprobs(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "top_logprobs");
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_number_integer()) return wrong_type("top_logprobs", "an integer", kind_of(*value));
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX) {
    return integer_out_of_range("top_logprobs", INT64_MAX, 20, false);
  }
  const auto count = value->get<std::int64_t>();
  if (count < 0) return integer_out_of_range("top_logprobs", count, 0, true);
  if (count > 20) return integer_out_of_range("top_logprobs", count, 20, false);
  out.top_logprobs = count;
  return std::nullopt;
}

Error read_metadata(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "metadata");
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) return wrong_type("metadata", "an object", kind_of(*value));
  if (value->size() > 16) {
    return api::invalid_request(
        "Invalid 'metadata': too many properties. Expected an object "
        "with at most 16 properties, but got an object with " +
            std::to_string(value->size()) + " properties instead.",
        "metadata", "object_above_max_properties");
  }
  for (const auto& [key, item] : value->items()) {
    if (!item.is_string()) return wrong_type("metadata." + key, "a string", kind_of(item));
  }
  out.metadata = *value;
  return std::nullopt;
}

Error read_tools(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "tools");
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) return wrong_type("tools", "an array", kind_of(*value));
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string path = "tools[" + std::to_string(i) + "]";
    Json tool = (*value)[i];
    if (!tool.is_object()) return wrong_type(path, "an object", kind_of(tool));
    const auto type = tool.find("type");
    if (type == tool.end()) return missing_parameter(path + ".type");
    if (!type->is_string()) return wrong_type(path + ".type", "a string", kind_of(*type));
    if (*type == "function") {
      const auto name = tool.find("name");
      if (name == tool.end()) return missing_parameter(path + ".name");
      if (!name->is_string()) return wrong_type(path + ".name", "a string", kind_of(*name));
      // Echoed with the defaults the API fills in (reference §4: strict true when absent).
      if (!tool.contains("description")) tool["description"] = nullptr;
      if (!tool.contains("parameters")) tool["parameters"] = nullptr;
      if (!tool.contains("strict") || tool["strict"].is_null()) tool["strict"] = true;
    }
    out.tools.push_back(std::move(tool));
  }
  return std::nullopt;
}

Error read_tool_choice(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "tool_choice");
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    const auto& mode = value->get_ref<const std::string&>();
    if (mode != "none" && mode != "auto" && mode != "required") {
      return invalid_value("tool_choice", mode, "'none', 'auto', and 'required'");
    }
  } else if (!value->is_object()) {
    return wrong_type("tool_choice", "a string or an object", kind_of(*value));
  }
  out.tool_choice = *value;
  return std::nullopt;
}

Error read_text(const Json& body, ResponseRequest& out) {
  const Json* value = present(body, "text");
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) return wrong_type("text", "an object", kind_of(*value));
  const Json* format = present(*value, "format");
  if (format == nullptr) return std::nullopt;
  if (!format->is_object()) return wrong_type("text.format", "an object", kind_of(*format));
  const auto type = format->find("type");
  if (type == format->end()) return missing_parameter("text.format.type");
  if (!type->is_string()) return wrong_type("text.format.type", "a string", kind_of(*type));
  const auto& name = type->get_ref<const std::string&>();
  if (name == "json_schema") {
    if (!format->contains("name")) return missing_parameter("text.format.name");
    const auto schema = format->find("schema");
    if (schema == format->end()) return missing_parameter("text.format.schema");
    if (!schema->is_object())
      return wrong_type("text.format.schema", "an object", kind_of(*schema));
  } else if (name != "text" && name != "json_object") {
    return invalid_value("text.format.type", name, "'text', 'json_schema', and 'json_object'");
  }
  out.text_format = *format;
  return std::nullopt;
}

Error read_misc(const Json& body, ResponseRequest& out) {
  if (const Json* value = present(body, "truncation")) {
    if (!value->is_string()) return wrong_type("truncation", "a string", kind_of(*value));
    if (*value != "auto" && *value != "disabled") {
      return invalid_value("truncation", value->get<std::string>(), "'auto' and 'disabled'");
    }
    out.truncation = value->get<std::string>();
  }
  if (const Json* value = present(body, "reasoning")) {
    if (!value->is_object()) return wrong_type("reasoning", "an object", kind_of(*value));
    out.reasoning = Json{{"effort", value->value("effort", Json())},
                         {"summary", value->value("summary", Json())}};
  }
  if (const Json* value = present(body, "include")) {
    if (!value->is_array()) return wrong_type("include", "an array", kind_of(*value));
    for (std::size_t i = 0; i < value->size(); ++i) {
      const Json& entry = (*value)[i];
      if (!entry.is_string()) {
        return wrong_type("include[" + std::to_string(i) + "]", "a string", kind_of(entry));
      }
      out.include.push_back(entry.get<std::string>());
    }
  }
  if (const Json* value = present(body, "background"); value != nullptr && *value == true) {
    return unsupported_parameter("background", "is not supported by chatmock yet.");
  }
  if (present(body, "conversation") != nullptr) {
    return unsupported_parameter("conversation", "is not supported by chatmock yet.");
  }
  return std::nullopt;
}

Error read_model_and_input(const Json& body, ResponseRequest& out) {
  const Json* model = present(body, "model");
  if (model == nullptr) return missing_parameter("model");
  if (!model->is_string()) return wrong_type("model", "a string", kind_of(*model));
  out.model = model->get<std::string>();
  if (const Json* input = present(body, "input")) {
    auto items = parse_input(*input);
    if (!items) return items.error();
    out.input = std::move(*items);
  }
  return read_string(body, "instructions", out.instructions);
}
}  // namespace

Expected<ResponseRequest> parse_create_response(const nlohmann::json& raw,
                                                const ParseOptions& options) {
  if (!raw.is_object()) return wrong_type("body", "an object", kind_of(Json(raw)));
  const Json body = raw;
  if (!options.lenient_params) {
    for (const auto& [key, value] : body.items()) {
      if (std::find(kKnownFields.begin(), kKnownFields.end(), key) == kKnownFields.end()) {
        return unknown_parameter(key);
      }
    }
  }
  ResponseRequest out;
  for (Error error :
       {read_model_and_input(body, out), read_max_output_tokens(body, out),
        read_top_logprobs(body, out), read_bool(body, "stream", out.stream),
        read_bool(body, "store", out.store),
        read_string(body, "previous_response_id", out.previous_response_id),
        read_decimal(body, "temperature", 2.0, out.temperature),
        read_decimal(body, "top_p", 1.0, out.top_p), read_metadata(body, out),
        read_tools(body, out), read_tool_choice(body, out),
        read_bool(body, "parallel_tool_calls", out.parallel_tool_calls), read_text(body, out),
        read_string(body, "user", out.user), read_misc(body, out)}) {
    if (error) return *error;
  }
  return out;
}

}  // namespace chatmock::responses
