// Violation: one rule a Chat Completions request broke, as a value with a stable id. This file
// owns the value and its conversion to the ApiError the server sends; it does not decide which
// rules exist (request_validator.h) or how errors reach the wire (http/).
#pragma once

#include <optional>
#include <string>

#include "api/api_error.h"

namespace chatmock::validation {

/// One rule a request broke, with a stable `id` so that tests never match prose.
struct Violation {
  /// e.g. "validation.messages_empty"; never changes once published.
  std::string id;
  /// e.g. "temperature", "messages[2].tool_call_id"; null on the wire when absent.
  std::optional<std::string> param;
  /// e.g. "decimal_above_max_value", "unsupported_parameter"; null on the wire when absent.
  std::optional<std::string> code;
  /// The real API's wording.
  std::string message;
  int status = 400;

  bool operator==(const Violation&) const = default;
};

/// The invalid_request_error the API answers `violation` with (status, message, param, code).
inline api::ApiError to_api_error(const Violation& violation) {
  return {violation.status, violation.message, "invalid_request_error", violation.param,
          violation.code};
}

}  // namespace chatmock::validation
