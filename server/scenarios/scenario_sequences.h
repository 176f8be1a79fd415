// ScenarioSequences: per-session positions in scenario sequences (`error_500,error_500,default`).
// Keyed by (session, expression) so two tests with different sequences never share a counter.
// Bounded by count and bytes, least recently used dropped first: an evicted session simply
// restarts its sequence at the first step (docs/reliability.md, Limits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chatmock::scenarios {

/// What the sequences hold now against their bounds, for GET /_chatmock/state.
struct SequenceUsage {
  std::size_t count = 0;
  std::size_t bytes = 0;
  std::size_t max_count = 0;
  std::size_t max_bytes = 0;
  std::uint64_t evicted = 0;
};

class ScenarioSequences {
 public:
  static constexpr std::size_t kDefaultMaxCount = 10000;
  static constexpr std::size_t kDefaultMaxBytes = 16ULL * 1024 * 1024;
  explicit ScenarioSequences(std::size_t max_count = kDefaultMaxCount,
                             std::size_t max_bytes = kDefaultMaxBytes)
      : max_count_(max_count), max_bytes_(max_bytes) {}

  /// The step to serve now for `expression` in `session`, advancing the position; the last step
  /// repeats once reached.
  std::size_t next_step(const std::string& session, const std::string& expression,
                        std::size_t step_count);
  /// Every sequence back to its first step.
  void reset();
  /// The sequences of `session` only back to their first step.
  void reset_session(const std::string& session);
  SequenceUsage usage() const;

 private:
  struct Position {
    std::string key;  ///< session and expression, length-prefixed so no two pairs collide
    std::size_t position = 0;
  };
  using Recency = std::list<Position>;  ///< most recently used first

  mutable std::mutex mutex_;
  const std::size_t max_count_;
  const std::size_t max_bytes_;
  Recency recency_;
  std::unordered_map<std::string_view, Recency::iterator> index_;  ///< views into recency_ keys
  std::size_t bytes_ = 0;
  std::uint64_t evicted_ = 0;
};

}  // namespace chatmock::scenarios
