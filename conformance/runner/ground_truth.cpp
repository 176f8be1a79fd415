// The journal keeps the reply's bytes as one string, so the reference parser sees exactly what a
// client that read everything would have; write splits do not matter to the result.
#include "runner/ground_truth.h"

#include <cctype>
#include <string>

#include "chatmock/client/observation.h"
#include "chatmock/client/response_observation.h"

namespace chatmock::conform {
namespace {

using nlohmann::json;

std::optional<double> number_in(const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    while (used < text.size() && std::isspace(static_cast<unsigned char>(text[used]))) ++used;
    return used == text.size() ? std::optional<double>(value) : std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> response_header(const json& entry, const std::string& name) {
  const json& headers = entry.value("response", json::object()).value("headers", json::object());
  for (const auto& [key, value] : headers.items()) {
    std::string lowered = key;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lowered == name && value.is_string()) return value.get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

std::optional<json> served_observation(const json& entry, bool stream, client::ClientApi api) {
  const json response = entry.value("response", json::object());
  if (response.value("truncated", false)) return std::nullopt;
  const int status = entry.value("status", 0);
  const std::string body = response.value("body", std::string());
  if (api == client::ClientApi::responses) {
    if (stream && status >= 200 && status <= 299)
      return client::responses_observation_from_sse_body(body);
    return client::responses_observation_from_body(status, body);
  }
  if (stream && status >= 200 && status <= 299) return client::observation_from_sse_body(body);
  return client::observation_from_response(status, body);
}

std::optional<double> requested_retry_delay_ms(const json& entry) {
  constexpr double kHonouredMaxMs = 60000;  // node client.ts:1274-1304 (python allows 120 s)
  std::optional<double> delay;
  if (const auto ms = response_header(entry, "retry-after-ms")) delay = number_in(*ms);
  if (!delay) {
    if (const auto seconds = response_header(entry, "retry-after")) {
      if (const auto value = number_in(*seconds)) delay = *value * 1000;
    }
  }
  if (!delay || *delay < 0 || *delay > kHonouredMaxMs) return std::nullopt;
  return delay;
}

}  // namespace chatmock::conform
