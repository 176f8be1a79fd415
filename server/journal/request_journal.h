// RequestJournal: a bounded, thread-safe ring of ServeEvents (oldest dropped), the data behind
// GET/DELETE /_chatmock/requests and the conformance runner's ground truth.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "journal/serve_event.h"

namespace chatmock::journal {

class RequestJournal {
 public:
  static constexpr std::size_t kDefaultCapacity = 10000;
  explicit RequestJournal(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  /// Appends `event`, dropping the oldest when full; no-op when capacity is 0 (journal off).
  void record(ServeEvent event);
  /// Every kept event, oldest first.
  std::vector<ServeEvent> snapshot() const;
  /// Number of kept events.
  std::size_t count() const;
  /// Forgets every event.
  void reset();
  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<ServeEvent> events_;
};

}  // namespace chatmock::journal
