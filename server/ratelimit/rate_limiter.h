// RateLimiter: per-API-key token buckets for requests and tokens per minute, reporting the
// x-ratelimit-* values the real API sends (docs/openai-behaviour.md §3.2; resets as duration
// strings). Without --rate-limit it still reports (generous) limits so every response carries the
// headers, and keeps no per-key state. With it, buckets are kept for at most max_keys keys, least
// recently used dropped first: a dropped key starts again with a full bucket (docs/reliability.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chatmock::ratelimit {

struct RateLimitConfig {
  std::int64_t requests_per_minute = 10000;
  std::int64_t tokens_per_minute = 30000000;
  bool enforced = false;         ///< only --rate-limit turns on 429s (and per-key buckets)
  std::size_t max_keys = 10000;  ///< --max-rate-limit-keys: buckets kept at once
  bool operator==(const RateLimitConfig&) const = default;
};

/// The outcome of one request against the buckets, with everything the headers need.
struct RateLimitDecision {
  bool allowed = true;
  bool tokens_exhausted = false;  ///< which limit failed, for the 429 body's `type`
  std::int64_t limit_requests = 0;
  std::int64_t remaining_requests = 0;
  std::int64_t reset_requests_ms = 0;
  std::int64_t limit_tokens = 0;
  std::int64_t remaining_tokens = 0;
  std::int64_t reset_tokens_ms = 0;
  std::int64_t retry_after_ms = 0;  ///< time until the failing bucket has room
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimitConfig config) : config_(config) {}

  /// Charges one request and `tokens` to `key`'s buckets at `now_ms`; refuses when either is short.
  RateLimitDecision check(const std::string& key, std::int64_t tokens, std::int64_t now_ms);
  /// The current state of `key`'s buckets at `now_ms`, charging nothing.
  RateLimitDecision peek(const std::string& key, std::int64_t now_ms);
  /// Refills every bucket.
  void reset();
  /// Keys with a bucket now (0 unless enforced; never above config().max_keys).
  std::size_t key_count() const;
  /// Buckets dropped to stay within max_keys since start or reset.
  std::uint64_t evicted() const;
  const RateLimitConfig& config() const { return config_; }

 private:
  struct Bucket {
    std::string key;
    double requests = 0;
    double tokens = 0;
    std::int64_t updated_ms = 0;
  };
  using Recency = std::list<Bucket>;  ///< most recently used first
  Bucket full_bucket(std::int64_t now_ms) const;
  void refill(Bucket& bucket, std::int64_t now_ms) const;
  /// `key`'s bucket, created (evicting the least recently used) when `create`; else nullptr
  /// when it has none.
  Bucket* bucket_of(const std::string& key, bool create, std::int64_t now_ms);
  RateLimitDecision report(const Bucket& bucket) const;
  RateLimitConfig config_;
  mutable std::mutex mutex_;
  Recency recency_;
  std::unordered_map<std::string_view, Recency::iterator> index_;  ///< views into recency_ keys
  std::uint64_t evicted_ = 0;
};

/// A duration in the API's header format: "20ms", "1s", "1.5s", "6m0s", "1h2m3s".
std::string format_reset(std::int64_t milliseconds);

}  // namespace chatmock::ratelimit

namespace chatmock::ratelimit {
/// "rpm=N,tpm=N" (either or both) as an enforced config; nullopt when malformed.
std::optional<RateLimitConfig> parse_rate_limit(std::string_view text);
}  // namespace chatmock::ratelimit
