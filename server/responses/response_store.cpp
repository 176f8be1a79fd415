// One mutex around a list + map LRU: operations are O(1) apart from measuring an entry's bytes
// once on put, so handler threads never wait on each other for long.
#include "responses/response_store.h"

#include <algorithm>

namespace chatmock::responses {

ResponseStore::ResponseStore(std::size_t max_responses, std::size_t max_bytes)
    : max_responses_(std::max<std::size_t>(max_responses, 1)), max_bytes_(max_bytes) {}

std::string ResponseStore::key_of(std::string_view session, std::string_view id) {
  // Length-prefixed, so no session/id pair can collide with another.
  std::string key = std::to_string(session.size());
  key += ':';
  key += session;
  key += id;
  return key;
}

void ResponseStore::drop(std::list<Entry>::iterator entry) {
  bytes_ -= entry->bytes;
  index_.erase(entry->key);
  entries_.erase(entry);
}

void ResponseStore::put(std::string_view session, std::string_view id, StoredResponse stored) {
  std::size_t size = dump(stored.response).size() + id.size() + session.size();
  for (const auto& item : stored.input_items) size += dump(item).size();
  auto shared = std::make_shared<const StoredResponse>(std::move(stored));
  std::string key = key_of(session, id);
  const std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) drop(found->second);
  entries_.push_front({key, std::move(shared), size});
  index_.emplace(std::move(key), entries_.begin());
  bytes_ += size;
  // The newest entry stays even when it alone exceeds the byte bound (the body limit caps it).
  while (entries_.size() > 1 && (entries_.size() > max_responses_ || bytes_ > max_bytes_)) {
    drop(std::prev(entries_.end()));
    ++evictions_;
  }
}

std::shared_ptr<const StoredResponse> ResponseStore::find(std::string_view session,
                                                          std::string_view id) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(key_of(session, id));
  if (found == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->stored;
}

bool ResponseStore::erase(std::string_view session, std::string_view id) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(key_of(session, id));
  if (found == index_.end()) return false;
  drop(found->second);
  return true;
}

void ResponseStore::reset() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  index_.clear();
  bytes_ = 0;
}

void ResponseStore::reset_session(std::string_view session) {
  const std::string prefix = key_of(session, "");
  const std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    const auto next = std::next(it);
    if (it->key.starts_with(prefix)) drop(it);
    it = next;
  }
}

std::size_t ResponseStore::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t ResponseStore::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

std::uint64_t ResponseStore::evictions() const {
  const std::lock_guard lock(mutex_);
  return evictions_;
}

}  // namespace chatmock::responses
