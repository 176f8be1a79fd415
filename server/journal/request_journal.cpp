// The ring holds whole events; bodies are bounded by the caller so a 1 MiB reply scenario
// cannot make 10,000 entries cost 10 GB.
#include "journal/request_journal.h"

#include <algorithm>
#include <string_view>

namespace chatmock::journal {

namespace {
/// `text` equals the lower-case `lower` ignoring ASCII case, without building a lowered copy
/// (this runs for every header of every journaled request).
bool equals_lower(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() &&
         std::equal(text.begin(), text.end(), lower.begin(), [](char c, char l) {
           return (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == l;
         });
}

bool is_secret(std::string_view name) {
  for (const std::string_view secret : {"authorization", "api-key", "x-api-key", "cookie",
                                        "proxy-authorization", "openai-organization",
                                        "openai-project"}) {
    if (equals_lower(name, secret)) return true;
  }
  return false;
}


/// What a credential header's value becomes: a bearer token keeps its scheme.
std::string_view redacted_value(std::string_view value) {
  const bool bearer = value.size() >= 7 && equals_lower(value.substr(0, 7), "bearer ");
  return bearer ? "Bearer [REDACTED]" : "[REDACTED]";
}
}  // namespace

std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers) {
  for (auto& [name, value] : headers) {
    if (is_secret(name)) value = redacted_value(value);
  }
  return headers;
}

HeaderBlock redacted_header_block(const std::vector<std::pair<std::string, std::string>>& headers) {
  HeaderBlock block;
  std::size_t bytes = 0;
  for (const auto& [name, value] : headers) bytes += name.size() + value.size() + 8;
  block.reserve(bytes);
  for (const auto& [name, value] : headers) block.add(name, is_secret(name) ? redacted_value(value) : value);
  return block;
}

nlohmann::json to_json_value(const ServeEvent& event) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : event.headers) headers[std::string(name)] = value;
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
  for (const auto& [name, value] : event.response_headers) response_headers[std::string(name)] = value;
  out["response"] = {{"headers", std::move(response_headers)},
                     {"body", event.response         ? event.response->body()
                              : event.response_body ? *event.response_body
                                                    : std::string()},
                     {"truncated", event.response_truncated}};
  return out;
}

void RequestJournal::record(ServeEvent event) {
  if (capacity_ == 0) return;
  ServeEvent evicted;  // freed after the lock is released, so other threads do not wait on it
  const std::lock_guard lock(mutex_);
  if (events_.size() == capacity_) {
    evicted = std::move(events_.front());
    events_.pop_front();
  }
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
