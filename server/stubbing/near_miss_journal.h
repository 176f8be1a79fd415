// NearMissJournal: the recent requests no stub matched (bounded; oldest dropped), behind
// GET /_chatmock/near-misses. It stores the request only; the closest stubs are ranked when the
// list is read, so serving an unmatched request costs a copy, not a ranking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>

#include "stubbing/stub_registry.h"
#include "wire/http_request.h"

namespace chatmock::stubbing {

class NearMissJournal {
 public:
  static constexpr std::size_t kDefaultCapacity = 100;
  explicit NearMissJournal(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  /// Keeps `request` (credentials redacted, body bounded) as unmatched.
  void record(const wire::HttpRequest& request, std::int64_t received_at_ms);
  /// {"near_misses":[{request, received_at_ms, closest:[NearMiss…]}]}, oldest first, each
  /// ranked against `registry` as it is now (scenario state included).
  nlohmann::json to_json(const StubRegistry& registry) const;
  /// Forgets every unmatched request.
  void reset();
  /// Requests kept now, and at most.
  std::size_t count() const;
  std::size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    std::int64_t received_at_ms = 0;
    wire::HttpRequest request;
  };
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
};

}  // namespace chatmock::stubbing
