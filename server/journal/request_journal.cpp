// The ring holds whole events; bodies are bounded by the caller so a 1 MiB reply scenario
// cannot make 10,000 entries cost 10 GB.
#include "journal/request_journal.h"

#include "wire/http_request.h"

namespace chatmock::journal {

std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers) {
  for (auto& [name, value] : headers) {
    const std::string key = wire::lower_ascii(name);
    const bool secret = key == "authorization" || key == "api-key" || key == "x-api-key" ||
                        key == "cookie" || key == "proxy-authorization" ||
                        key == "openai-organization" || key == "openai-project";
    if (!secret) continue;
    const bool bearer = wire::lower_ascii(value).starts_with("bearer ");
    value = bearer ? "Bearer [REDACTED]" : "[REDACTED]";
  }
  return headers;
}

nlohmann::json to_json_value(const ServeEvent& event) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : event.headers) headers[name] = value;
  nlohmann::json body = nlohmann::json::parse(event.body, nullptr, false);
  if (body.is_discarded()) body = event.body;
  nlohmann::json out = {{"id", event.id},
                        {"method", event.method},
                        {"path", event.path},
                        {"headers", std::move(headers)},
                        {"body", std::move(body)},
                        {"scenario", event.scenario},
                        {"status", event.status},
                        {"received_at_ms", event.received_at_ms},
                        {"duration_ms", event.duration_ms}};
  nlohmann::json response_headers = nlohmann::json::object();
  for (const auto& [name, value] : event.response_headers) response_headers[name] = value;
  out["response"] = {{"headers", std::move(response_headers)},
                     {"body", event.response_body ? *event.response_body : std::string()},
                     {"truncated", event.response_truncated}};
  return out;
}

void RequestJournal::record(ServeEvent event) {
  if (capacity_ == 0) return;
  const std::lock_guard lock(mutex_);
  if (events_.size() == capacity_) events_.pop_front();
  events_.push_back(std::move(event));
}

std::vector<ServeEvent> RequestJournal::snapshot() const {
  const std::lock_guard lock(mutex_);
  return {events_.begin(), events_.end()};
}

std::size_t RequestJournal::count() const {
  const std::lock_guard lock(mutex_);
  return events_.size();
}

void RequestJournal::reset() {
  const std::lock_guard lock(mutex_);
  events_.clear();
}

}  // namespace chatmock::journal
