// ResponseStore: the stored Responses (store:true) that GET, DELETE, input_items and
// previous_response_id read, keyed by session and id so one test's responses are invisible to
// another's. Bounded: least recently used entries go first past the count or byte bound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "responses/response_json.h"

namespace chatmock::responses {

inline constexpr std::size_t kDefaultMaxStoredResponses = 1000;
inline constexpr std::size_t kDefaultMaxStoredBytes = std::size_t{256} << 20;

/// One streamed event as POST /v1/responses wrote it, for GET …?stream=true replays.
struct StoredEvent {
  std::int64_t sequence_number = -1;  ///< of the event (raw frames take the one before theirs)
  std::string frame;                  ///< the bytes written, framing included
};

/// A stored Response keeps its JSON text, not its tree: GET answers the text as it is, the byte
/// bound counts what is held, and an eviction frees one string instead of a cold tree of a
/// hundred nodes (on a full store that made a store:true request 1.4x a store:false one).
struct StoredResponse {
  std::string response_json;        ///< the Response as the POST answered it and GET returns it
  std::vector<Json> input_items;    ///< with ids, in request order
  std::int64_t carried_tokens = 0;  ///< what a response chained onto this one inherits
  /// The Response's value (parsed again: chaining and item lookups, not the POST's hot path).
  Json response() const { return Json::parse(response_json, nullptr, false); }
  std::uint64_t stream_seed = 0;  ///< the request's seed: a replay renders the events with it
  /// The events a streamed POST sent (scenario edits included); empty after a JSON POST, whose
  /// replay renders `response` with `stream_seed` as the stream would have.
  std::vector<StoredEvent> stream_events;
  /// False for a stub's Response, or a JSON reply a scenario edited: their shape is not one
  /// chatmock renders events from, so there is no stream to replay.
  bool renders_events = true;
};

class ResponseStore {
 public:
  explicit ResponseStore(std::size_t max_responses = kDefaultMaxStoredResponses,
                         std::size_t max_bytes = kDefaultMaxStoredBytes);

  /// Stores (or replaces) `id` in `session`, evicting the least recently used past the bounds.
  /// `stored.response_json` is `response`'s JSON text when the caller has just serialised it
  /// (empty: it is serialised here); `response` also gives the output items' ids to index.
  void put(std::string_view session, std::string_view id, const Json& response,
           StoredResponse stored);
  /// The stored response, marked recently used; null when absent (never stored, deleted,
  /// evicted, or stored in another session).
  std::shared_ptr<const StoredResponse> find(std::string_view session, std::string_view id);
  /// The input or output item called `item_id` of a response stored in `session` (the target of
  /// an `item_reference`); null when none is.
  std::optional<Json> find_item(std::string_view session, std::string_view item_id);
  /// Removes `id` from `session`; false when it was not there.
  bool erase(std::string_view session, std::string_view id);

  /// Forgets every response (POST /_chatmock/reset), or only `session`'s.
  void reset();
  void reset_session(std::string_view session);

  std::size_t size() const;
  std::size_t bytes() const;
  std::uint64_t evictions() const;
  std::size_t max_responses() const { return max_responses_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const StoredResponse> stored;
    std::size_t bytes = 0;
    std::vector<std::string> item_keys;  ///< this entry's keys in items_
  };
  static std::string key_of(std::string_view session, std::string_view id);
  /// Unlinks `entry` and hands back its response, for the caller to release after unlocking.
  std::shared_ptr<const StoredResponse> drop(std::list<Entry>::iterator entry);

  const std::size_t max_responses_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  /// (session, item id) → key of the response holding the item; an id two responses share
  /// points at the newer one.
  std::unordered_map<std::string, std::string> items_;
  std::size_t bytes_ = 0;
  std::uint64_t evictions_ = 0;
};

}  // namespace chatmock::responses
