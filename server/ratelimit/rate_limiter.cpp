// Continuous-refill buckets (capacity per minute, refilled linearly), which is how the API
// describes its limits: "reset" is the time until the bucket is full again.
#include "ratelimit/rate_limiter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "wire/integer_knobs.h"

namespace chatmock::ratelimit {

namespace {
std::int64_t ms_until(double have, double want, double capacity) {
  if (have >= want) return 0;
  const double per_ms = capacity / 60000.0;
  return static_cast<std::int64_t>(std::ceil((want - have) / per_ms));
}
}  // namespace

RateLimiter::Bucket RateLimiter::full_bucket(std::int64_t now_ms) const {
  return {{},
          static_cast<double>(config_.requests_per_minute),
          static_cast<double>(config_.tokens_per_minute),
          now_ms};
}

void RateLimiter::refill(Bucket& bucket, std::int64_t now_ms) const {
  const auto rpm = static_cast<double>(config_.requests_per_minute);
  const auto tpm = static_cast<double>(config_.tokens_per_minute);
  const double elapsed = static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.updated_ms));
  bucket.requests = std::min(rpm, bucket.requests + elapsed * rpm / 60000.0);
  bucket.tokens = std::min(tpm, bucket.tokens + elapsed * tpm / 60000.0);
  bucket.updated_ms = now_ms;
}

RateLimiter::Bucket* RateLimiter::bucket_of(const std::string& key, bool create,
                                            std::int64_t now_ms) {
  if (const auto found = index_.find(key); found != index_.end()) {
    recency_.splice(recency_.begin(), recency_, found->second);
    refill(*found->second, now_ms);
    return &*found->second;
  }
  if (!create || config_.max_keys == 0) return nullptr;
  while (!recency_.empty() && recency_.size() >= config_.max_keys) {
    index_.erase(recency_.back().key);
    recency_.pop_back();
    ++evicted_;
  }
  recency_.push_front(full_bucket(now_ms));
  recency_.front().key = key;
  index_.emplace(recency_.front().key, recency_.begin());
  return &recency_.front();
}

RateLimitDecision RateLimiter::report(const Bucket& bucket) const {
  const auto rpm = static_cast<double>(config_.requests_per_minute);
  const auto tpm = static_cast<double>(config_.tokens_per_minute);
  RateLimitDecision d;
  d.limit_requests = config_.requests_per_minute;
  d.limit_tokens = config_.tokens_per_minute;
  d.remaining_requests = static_cast<std::int64_t>(std::floor(bucket.requests));
  d.remaining_tokens = static_cast<std::int64_t>(std::floor(bucket.tokens));
  d.reset_requests_ms = ms_until(bucket.requests, rpm, rpm);
  d.reset_tokens_ms = ms_until(bucket.tokens, tpm, tpm);
  return d;
}

RateLimitDecision RateLimiter::peek(const std::string& key, std::int64_t now_ms) {
  if (!config_.enforced) return report(full_bucket(now_ms));
  const std::lock_guard lock(mutex_);
  const Bucket* bucket = bucket_of(key, false, now_ms);
  return report(bucket != nullptr ? *bucket : full_bucket(now_ms));
}

RateLimitDecision RateLimiter::check(const std::string& key, std::int64_t tokens,
                                     std::int64_t now_ms) {
  const auto rpm = static_cast<double>(config_.requests_per_minute);
  const auto tpm = static_cast<double>(config_.tokens_per_minute);
  const auto cost = std::min(static_cast<double>(std::max<std::int64_t>(0, tokens)), tpm);
  const auto charge = [&](Bucket& bucket) {
    bucket.requests = std::max(0.0, bucket.requests - 1.0);
    bucket.tokens = std::max(0.0, bucket.tokens - cost);
    return report(bucket);
  };
  if (!config_.enforced) {  // reported as a fresh bucket charged once; nothing is kept
    Bucket fresh = full_bucket(now_ms);
    return charge(fresh);
  }
  const std::lock_guard lock(mutex_);
  Bucket* found = bucket_of(key, true, now_ms);
  Bucket fresh = full_bucket(now_ms);  // only when max_keys is 0: nothing can be remembered
  Bucket& bucket = found != nullptr ? *found : fresh;
  const bool requests_short = bucket.requests < 1.0;
  const bool tokens_short = bucket.tokens < cost;
  if (requests_short || tokens_short) {
    RateLimitDecision d = report(bucket);
    d.allowed = false;
    d.tokens_exhausted = !requests_short;
    d.retry_after_ms =
        requests_short ? ms_until(bucket.requests, 1.0, rpm) : ms_until(bucket.tokens, cost, tpm);
    return d;
  }
  return charge(bucket);
}

void RateLimiter::reset() {
  const std::lock_guard lock(mutex_);
  index_.clear();
  recency_.clear();
  evicted_ = 0;
}

std::size_t RateLimiter::key_count() const {
  const std::lock_guard lock(mutex_);
  return recency_.size();
}

std::uint64_t RateLimiter::evicted() const {
  const std::lock_guard lock(mutex_);
  return evicted_;
}

std::string format_reset(std::int64_t milliseconds) {
  if (milliseconds < 1000) return std::to_string(std::max<std::int64_t>(0, milliseconds)) + "ms";
  std::int64_t seconds = milliseconds / 1000;
  const std::int64_t millis = milliseconds % 1000;
  const std::int64_t hours = seconds / 3600;
  const std::int64_t minutes = (seconds % 3600) / 60;
  seconds %= 60;
  std::string out;
  if (hours > 0) out += std::to_string(hours) + "h";
  if (hours > 0 || minutes > 0) out += std::to_string(minutes) + "m";
  out += std::to_string(seconds);
  if (millis > 0) {
    std::string fraction = std::to_string(1000 + millis).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    out += "." + fraction;
  }
  return out + "s";
}

}  // namespace chatmock::ratelimit

namespace chatmock::ratelimit {

std::optional<RateLimitConfig> parse_rate_limit(std::string_view text) {
  const auto knobs = wire::parse_integer_knobs(text);
  if (!knobs) return std::nullopt;
  RateLimitConfig config;
  config.enforced = true;
  for (const auto& [key, value] : *knobs) {
    if (value <= 0) return std::nullopt;
    if (key == "rpm") {
      config.requests_per_minute = value;
    } else if (key == "tpm") {
      config.tokens_per_minute = value;
    } else {
      return std::nullopt;
    }
  }
  return config;
}

}  // namespace chatmock::ratelimit
