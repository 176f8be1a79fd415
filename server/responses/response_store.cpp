// One mutex around a list + map LRU: operations are O(1) apart from measuring an entry's bytes
// once on put, so handler threads never wait on each other for long.
#include "responses/response_store.h"

#include <algorithm>

namespace chatmock::responses {

namespace {
constexpr std::size_t kItemIndexOverhead = 64;  // an items_ node and its two strings' headers
}  // namespace

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

std::shared_ptr<const StoredResponse> ResponseStore::drop(std::list<Entry>::iterator entry) {
  for (const auto& item_key : entry->item_keys) {
    const auto owner = items_.find(item_key);
    if (owner != items_.end() && owner->second == entry->key) items_.erase(owner);
  }
  bytes_ -= entry->bytes;
  index_.erase(entry->key);
  auto stored = std::move(entry->stored);
  entries_.erase(entry);
  return stored;
}

void ResponseStore::put(std::string_view session, std::string_view id, const Json& response,
                        StoredResponse stored) {
  if (stored.response_json.empty()) stored.response_json = dump(response);
  std::size_t size = stored.response_json.size() + id.size() + session.size();
  for (const auto& item : stored.input_items) size += dump(item).size();
  for (const auto& event : stored.stream_events) size += event.frame.size() + sizeof(event);
  std::vector<std::string> item_keys;
  const auto index_items = [&](const Json& items) {
    for (const auto& item : items) {
      const auto item_id = item.find("id");
      if (item_id == item.end() || !item_id->is_string()) continue;
      item_keys.push_back(key_of(session, item_id->get_ref<const std::string&>()));
      size += item_keys.back().size() * 2 + kItemIndexOverhead;
    }
  };
  index_items(stored.input_items);
  if (const auto output = response.find("output"); output != response.end()) {
    index_items(*output);
  }
  auto shared = std::make_shared<const StoredResponse>(std::move(stored));
  std::string key = key_of(session, id);
  // Declared before the lock, so the evicted responses are freed after it is released: freeing
  // an old, cold response tree is most of an eviction's time.
  std::vector<std::shared_ptr<const StoredResponse>> released;
  const std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) {
    released.push_back(drop(found->second));
  }
  for (const auto& item_key : item_keys) items_[item_key] = key;
  entries_.push_front({key, std::move(shared), size, std::move(item_keys)});
  index_.emplace(std::move(key), entries_.begin());
  bytes_ += size;
  // The newest entry stays even when it alone exceeds the byte bound (the body limit caps it).
  while (entries_.size() > 1 && (entries_.size() > max_responses_ || bytes_ > max_bytes_)) {
    released.push_back(drop(std::prev(entries_.end())));
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

std::optional<Json> ResponseStore::find_item(std::string_view session, std::string_view item_id) {
  const std::lock_guard lock(mutex_);
  const auto owner = items_.find(key_of(session, item_id));
  if (owner == items_.end()) return std::nullopt;
  const auto entry = index_.find(owner->second);
  if (entry == index_.end()) return std::nullopt;
  const StoredResponse& stored = *entry->second->stored;
  const auto is_wanted = [item_id](const Json& item) {
    return item.is_object() && item.value("id", std::string()) == item_id;
  };
  for (const auto& item : stored.input_items) {
    if (is_wanted(item)) return item;
  }
  const Json response = stored.response();
  if (const auto output = response.find("output"); output != response.end()) {
    for (const auto& item : *output) {
      if (is_wanted(item)) return item;
    }
  }
  return std::nullopt;
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
  items_.clear();
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
