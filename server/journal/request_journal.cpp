// The ring holds whole events; bodies are bounded (and redacted) by the caller, and the ring
// bounds their sum, so 10,000 entries of large bodies cannot cost gigabytes.
#include "journal/request_journal.h"

#include <string_view>
#include <utility>

namespace chatmock::journal {

std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers) {
  const SecretRedactor redactor(headers);
  return redact_headers(std::move(headers), redactor);
}

std::vector<std::pair<std::string, std::string>> redact_headers(
    std::vector<std::pair<std::string, std::string>> headers, const SecretRedactor& redactor) {
  for (auto& [name, value] : headers) {
    if (is_credential_header(name)) {
      value = redacted_header_value(value);
    } else if (redactor.contains_secret(value)) {
      value = redactor.redact(value);
    }
  }
  return headers;
}

HeaderBlock redacted_header_block(const std::vector<std::pair<std::string, std::string>>& headers,
                                  const SecretRedactor& redactor) {
  HeaderBlock block;
  std::size_t bytes = 0;
  for (const auto& [name, value] : headers) bytes += name.size() + value.size() + 8;
  block.reserve(bytes);
  for (const auto& [name, value] : headers) {
    if (is_credential_header(name)) {
      block.add(name, redacted_header_value(value));
    } else if (redactor.contains_secret(value)) {
      block.add(name, redactor.redact(value));
    } else {
      block.add(name, value);
    }
  }
  return block;
}

std::size_t ServeEvent::kept_bytes() const {
  std::size_t total = sizeof(ServeEvent) + id.size() + method.size() + path.size() +
                      headers.size_bytes() + body.size() + scenario.size() + session.size() +
                      chaos.size() + response_headers.size_bytes();
  if (response) {
    for (const auto& write : response->writes) total += write.bytes.size();
  }
  if (response_body) total += response_body->size();
  return total;
}

nlohmann::json to_json_value(const ServeEvent& event) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : event.headers) headers[std::string(name)] = value;
  // A cut body is shown as its text: a JSON prefix does not parse anyway.
  nlohmann::json body = event.body_truncated ? nlohmann::json(event.body)
                                             : nlohmann::json::parse(event.body, nullptr, false);
  if (body.is_discarded()) body = event.body;
  nlohmann::json out = {
      {"id", event.id},
      {"method", event.method},
      {"path", event.path},
      {"headers", std::move(headers)},
      {"body", std::move(body)},
      {"body_truncated", event.body_truncated},
      {"body_bytes", event.body_bytes},
      {"scenario", event.scenario},
      {"status", event.status},
      {"session", event.session.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.session)},
      {"chaos", event.chaos.empty() ? nlohmann::json(nullptr) : nlohmann::json(event.chaos)},
      {"unmatched", event.unmatched},
      {"received_at_ms", event.received_at_ms},
      {"duration_ms", event.duration_ms},
      {"time_to_first_byte_ms", event.time_to_first_byte_ms}};
  nlohmann::json response_headers = nlohmann::json::object();
  for (const auto& [name, value] : event.response_headers)
    response_headers[std::string(name)] = value;
  out["response"] = {{"headers", std::move(response_headers)},
                     {"body", event.response        ? event.response->body()
                              : event.response_body ? *event.response_body
                                                    : std::string()},
                     {"truncated", event.response_truncated},
                     {"bytes", event.response_bytes}};
  return out;
}

void RequestJournal::record(ServeEvent event) {
  if (capacity_ == 0) return;
  const std::size_t bytes = event.kept_bytes();
  // Freed after the lock is released, so other threads do not wait on it.
  std::vector<ServeEvent> evicted;
  const std::lock_guard lock(mutex_);
  if (bytes > max_bytes_) {
    ++evicted_;
    return;
  }
  while (!entries_.empty() && (entries_.size() >= capacity_ || bytes_ + bytes > max_bytes_)) {
    bytes_ -= entries_.front().bytes;
    evicted.push_back(std::move(entries_.front().event));
    entries_.pop_front();
    ++evicted_;
  }
  bytes_ += bytes;
  entries_.push_back({std::move(event), bytes});
}

std::vector<ServeEvent> RequestJournal::snapshot() const {
  const std::lock_guard lock(mutex_);
  std::vector<ServeEvent> out;
  out.reserve(entries_.size());
  for (const auto& entry : entries_) out.push_back(entry.event);
  return out;
}

std::size_t RequestJournal::count() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

JournalUsage RequestJournal::usage() const {
  const std::lock_guard lock(mutex_);
  return {entries_.size(), bytes_, capacity_, max_bytes_, evicted_};
}

void RequestJournal::reset() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  bytes_ = 0;
  evicted_ = 0;
}

std::size_t RequestJournal::reset_session(std::string_view session) {
  std::vector<ServeEvent> dropped;  // freed after the lock is released
  const std::lock_guard lock(mutex_);
  std::deque<Entry> kept;
  for (auto& entry : entries_) {
    if (entry.event.session == session) {
      bytes_ -= entry.bytes;
      dropped.push_back(std::move(entry.event));
    } else {
      kept.push_back(std::move(entry));
    }
  }
  entries_ = std::move(kept);
  return dropped.size();
}

}  // namespace chatmock::journal
