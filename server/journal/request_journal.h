// RequestJournal: a thread-safe ring of ServeEvents bounded by count and by bytes (oldest
// dropped first), the data behind GET/DELETE /_chatmock/requests and the conformance runner's
// ground truth.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string_view>
#include <vector>

#include "journal/serve_event.h"

namespace chatmock::journal {

/// What the journal holds now against its bounds, for GET /_chatmock/state.
struct JournalUsage {
  std::size_t count = 0;
  std::size_t bytes = 0;
  std::size_t max_count = 0;
  std::size_t max_bytes = 0;
  std::uint64_t evicted = 0;  ///< events dropped to stay within a bound, since start or reset
};

class RequestJournal {
 public:
  static constexpr std::size_t kDefaultCapacity = 10000;
  static constexpr std::size_t kDefaultMaxBytes = 256ULL * 1024 * 1024;
  explicit RequestJournal(std::size_t capacity = kDefaultCapacity,
                          std::size_t max_bytes = kDefaultMaxBytes)
      : capacity_(capacity), max_bytes_(max_bytes) {}

  /// Appends `event`, dropping the oldest until both bounds hold; no-op when capacity is 0
  /// (journal off). An event bigger than the byte bound on its own is not kept.
  void record(ServeEvent event);
  /// Every kept event, oldest first.
  std::vector<ServeEvent> snapshot() const;
  /// Number of kept events.
  std::size_t count() const;
  /// Count and bytes held, with the bounds.
  JournalUsage usage() const;
  /// Forgets every event.
  void reset();
  /// Forgets the events of `session` only; returns how many.
  std::size_t reset_session(std::string_view session);
  std::size_t capacity() const { return capacity_; }
  std::size_t max_bytes() const { return max_bytes_; }

 private:
  struct Entry {
    ServeEvent event;
    std::size_t bytes = 0;
  };
  const std::size_t capacity_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
  std::size_t bytes_ = 0;
  std::uint64_t evicted_ = 0;
};

}  // namespace chatmock::journal
