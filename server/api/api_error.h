// ApiError: an OpenAI-shaped error value ({"error":{message,type,param,code}}) plus its HTTP
// status. Errors are values on the request path; http/ turns one into a body in one place.
// This file owns the status → SDK-class mapping; it does not know about transports.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/wire_fields.h"

namespace chatmock::api {

/// The `error` object the API returns, with the HTTP status it travels with.
struct ApiError {
  int status = 400;
  std::string message;
  std::string type = "invalid_request_error";
  std::optional<std::string> param;  ///< null on the wire when absent
  std::optional<std::string> code;   ///< null on the wire when absent

  /// The full body: {"error":{"message":…,"type":…,"param":…,"code":…}}.
  nlohmann::json body() const;
  /// body() as text, written directly. Invalid UTF-8 is replaced: messages quote what the
  /// client sent (a path, a header), and dump() would throw on it (http_handler fuzzer).
  std::string body_text() const;
};

namespace wire {
/// The inner `error` object; `status` travels as the HTTP status, not in the body.
constexpr auto field_list(Type<ApiError>) {
  return std::tuple{field("message", &ApiError::message), field("type", &ApiError::type),
                    field("param", &ApiError::param), field("code", &ApiError::code)};
}
}  // namespace wire

/// 400 invalid_request_error with param and code, the shape of every validation failure.
ApiError invalid_request(std::string message, std::optional<std::string> param,
                         std::optional<std::string> code);
/// 401 as the real API sends it for a missing bearer token.
ApiError missing_api_key();
/// 404 model_not_found for `model`.
ApiError model_not_found(const std::string& model);
/// 404 for an unknown route, as the API answers it.
ApiError unknown_route(const std::string& method, const std::string& path);
/// 405 for a known route with the wrong method.
ApiError method_not_allowed(const std::string& method, const std::string& path);
/// 500 server_error with the real API's message.
ApiError server_error();

}  // namespace chatmock::api
