// Wording follows the real API where it has an equivalent (docs/openai-behaviour.md §3.1).
#include "http/error_pages.h"

#include "api/api_error.h"

namespace chatmock::http {

std::string error_page_for_status(int status, const std::string& method, const std::string& path) {
  api::ApiError error;
  switch (status) {
    case 413:
      error = {413, "Request body too large.", "invalid_request_error", std::nullopt,
               "request_too_large"};
      break;
    case 414:
    case 431:
      error = {status, "Request headers or URI too large.", "invalid_request_error", std::nullopt,
               std::nullopt};
      break;
    case 408:
      error = {408, "The request was not received in time.", "invalid_request_error", std::nullopt,
               "request_timeout"};
      break;
    case 503:
      // The real API's overload wording; here it means --max-connections was reached.
      error = {503, "The server is overloaded or not ready yet.", "server_error", std::nullopt,
               std::nullopt};
      break;
    case 404:
      error = api::unknown_route(method, path);
      break;
    case 500:
      error = api::server_error();
      break;
    default:
      error = {status, "The request could not be processed (HTTP " + std::to_string(status) + ").",
               status >= 500 ? "server_error" : "invalid_request_error", std::nullopt,
               std::nullopt};
  }
  error.status = status;
  return error.body_text();
}

std::string bad_framing_page(const std::string& message) {
  return api::ApiError{400, message, "invalid_request_error", std::nullopt,
                       "invalid_request_framing"}
      .body_text();
}

}  // namespace chatmock::http
