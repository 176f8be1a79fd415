// Headers and body are redacted with the request journal's rules (journal/credentials.h) before
// they are kept, so the admin API never shows a credential twice over.
#include "stubbing/near_miss_journal.h"

#include "journal/serve_event.h"

namespace chatmock::stubbing {

namespace {
constexpr std::size_t kBodyBytesKept = 64 * 1024;
constexpr std::size_t kClosestShown = 3;
}  // namespace

void NearMissJournal::record(const wire::HttpRequest& request, std::int64_t received_at_ms) {
  if (capacity_ == 0) return;
  Entry entry{received_at_ms, {}};
  entry.request.method = request.method;
  entry.request.path = request.path;
  const journal::SecretRedactor redactor(request.headers);
  entry.request.headers = journal::redact_headers(request.headers, redactor);
  entry.request.body = redactor.redact(request.body, kBodyBytesKept);
  const std::lock_guard lock(mutex_);
  if (entries_.size() == capacity_) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

nlohmann::json NearMissJournal::to_json(const StubRegistry& registry) const {
  std::deque<Entry> entries;
  {
    const std::lock_guard lock(mutex_);
    entries = entries_;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& entry : entries) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : entry.request.headers) headers[name] = value;
    const auto body = nlohmann::json::parse(entry.request.body, nullptr, false);
    nlohmann::json closest = nlohmann::json::array();
    if (body.is_object()) {
      for (const auto& miss : registry.near_misses({body, entry.request}, kClosestShown)) {
        closest.push_back(to_json_value(miss));
      }
    }
    list.push_back({{"request",
                     {{"method", entry.request.method},
                      {"path", entry.request.path},
                      {"headers", std::move(headers)},
                      {"body", body.is_discarded() ? nlohmann::json(entry.request.body) : body}}},
                    {"received_at_ms", entry.received_at_ms},
                    {"closest", std::move(closest)}});
  }
  return {{"near_misses", std::move(list)}};
}

std::size_t NearMissJournal::count() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

void NearMissJournal::reset() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace chatmock::stubbing
