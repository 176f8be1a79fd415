// Turning the bytes of an HTTP request body into JSON, with the guards a public endpoint needs
// (content type, size, nesting depth) and the real API's error for malformed JSON. It does not
// check what the JSON says; that is validate_request (request_validator.h).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "api/api_error.h"

namespace chatmock::validation {

/// Limits on a request body, checked before any DOM is built.
struct BodyLimits {
  std::size_t max_bytes = std::size_t{16} * 1024 * 1024;
  std::size_t max_depth =
      128;  ///< arrays and objects nested inside each other, the top level counting as 1
};

/// A parsed body, or the error to answer with; converts to true when parsing succeeded.
struct ParsedBody {
  nlohmann::json json;
  std::optional<api::ApiError> error;
  explicit operator bool() const { return !error; }
};

/// Parses `body` into a JSON object, or returns the 400 / 413 the API would send; never throws
/// on any input and never recurses on nesting.
ParsedBody parse_request_body(std::string_view body, std::string_view content_type,
                              const BodyLimits& limits = {});

}  // namespace chatmock::validation
