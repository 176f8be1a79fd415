// Wording follows the live API's error bodies (docs/interface.md, Responses API); the range
// messages share the Chat validator's "new style" sentences.
#include "responses/response_errors.h"

#include <sstream>

namespace chatmock::responses {

namespace {
std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}
}  // namespace

std::string_view kind_of(const Json& value) {
  if (value.is_string()) return "string";
  if (value.is_boolean()) return "boolean";
  if (value.is_number_integer()) return "integer";
  if (value.is_number()) return "number";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "null";
}

api::ApiError response_not_found(std::string_view id) {
  return {404, "Response with id '" + std::string(id) + "' not found.", "invalid_request_error",
          std::nullopt, std::nullopt};
}

api::ApiError previous_response_not_found(std::string_view id) {
  return api::invalid_request("Previous response with id '" + std::string(id) + "' not found.",
                              "previous_response_id", "previous_response_not_found");
}

api::ApiError item_not_found(std::string_view id) {
  return api::invalid_request("Item with id '" + std::string(id) + "' not found.", "input",
                              std::nullopt);
}

api::ApiError orphan_function_call_output(std::string_view call_id) {
  return api::invalid_request(
      "No tool call found for function call output with call_id " + std::string(call_id) + ".",
      "input", std::nullopt);
}

api::ApiError unknown_parameter(std::string_view name) {
  return api::invalid_request("Unknown parameter: '" + std::string(name) + "'.", std::string(name),
                              "unknown_parameter");
}

api::ApiError missing_parameter(const std::string& path) {
  return api::invalid_request("Missing required parameter: '" + path + "'.", path,
                              "missing_required_parameter");
}

api::ApiError wrong_type(const std::string& path, std::string_view expected, std::string_view got) {
  return api::invalid_request("Invalid type for '" + path + "': expected " + std::string(expected) +
                                  ", but got " + std::string(got) + " instead.",
                              path, "invalid_type");
}

api::ApiError invalid_value(const std::string& path, std::string_view value,
                            std::string_view supported) {
  return api::invalid_request("Invalid value: '" + std::string(value) +
                                  "'. Supported values are: " + std::string(supported) + ".",
                              path, "invalid_value");
}

api::ApiError integer_out_of_range(const std::string& path, std::int64_t got, std::int64_t bound,
                                   bool below) {
  const std::string side = below ? "below minimum" : "above maximum";
  return api::invalid_request("Invalid '" + path + "': integer " + side +
                                  " value. Expected a value " + (below ? ">= " : "<= ") +
                                  std::to_string(bound) + ", but got " + std::to_string(got) +
                                  " instead.",
                              path, below ? "integer_below_min_value" : "integer_above_max_value");
}

api::ApiError decimal_out_of_range(const std::string& path, double got, double bound, bool below) {
  const std::string side = below ? "below minimum" : "above maximum";
  return api::invalid_request("Invalid '" + path + "': decimal " + side +
                                  " value. Expected a value " + (below ? ">= " : "<= ") +
                                  number_text(bound) + ", but got " + number_text(got) +
                                  " instead.",
                              path, below ? "decimal_below_min_value" : "decimal_above_max_value");
}

api::ApiError unsupported_parameter(const std::string& name, std::string_view why) {
  return api::invalid_request("Unsupported parameter: '" + name + "' " + std::string(why), name,
                              "unsupported_parameter");
}

}  // namespace chatmock::responses
