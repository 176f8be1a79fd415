// Builders for the error bodies the real API sends (docs/openai-behaviour.md §3.1), kept in one
// place so every route and scenario answers with the same wording.
#include "api/api_error.h"

#include "api/json_text.h"
#include "api/wire_tree.h"

namespace chatmock::api {

nlohmann::json ApiError::body() const {
  nlohmann::json error;
  wire::to_tree(error, *this);
  return {{"error", std::move(error)}};
}

std::string ApiError::body_text() const {
  // "error" is the body's only key, so the envelope is fixed text around the inner object.
  static constexpr std::string_view kOpen = "{\"error\":";
  const std::string inner = to_json_text(*this);
  std::string text;
  text.reserve(kOpen.size() + inner.size() + 1);
  text.append(kOpen).append(inner).push_back('}');
  return text;
}

ApiError invalid_request(std::string message, std::optional<std::string> param,
                         std::optional<std::string> code) {
  return {400, std::move(message), "invalid_request_error", std::move(param), std::move(code)};
}

ApiError missing_api_key() {
  // The real API's wording for a request without a bearer token (OpenAI error-codes guide).
  return {401,
          "You didn't provide an API key. You need to provide your API key in an Authorization "
          "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password "
          "field (with blank username) if you're accessing the API from your browser and are "
          "prompted for a username and password. You can obtain an API key from "
          "https://platform.openai.com/account/api-keys.",
          "invalid_request_error", std::nullopt, std::nullopt};
}

ApiError model_not_found(const std::string& model) {
  return {404, "The model `" + model + "` does not exist or you do not have access to it.",
          "invalid_request_error", std::nullopt, "model_not_found"};
}

ApiError unknown_route(const std::string& method, const std::string& path) {
  return {404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error", std::nullopt,
          std::nullopt};
}

ApiError method_not_allowed(const std::string& method, const std::string& path) {
  return {405, "Method " + method + " not allowed for " + path, "invalid_request_error",
          std::nullopt, std::nullopt};
}

ApiError server_error() {
  return {500, "The server had an error while processing your request. Sorry about that!",
          "server_error", std::nullopt, std::nullopt};
}

}  // namespace chatmock::api
