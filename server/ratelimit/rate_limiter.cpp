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

RateLimiter::Bucket& RateLimiter::refilled(const std::string& key, std::int64_t now_ms) {
  const auto rpm = static_cast<double>(config_.requests_per_minute);
  const auto tpm = static_cast<double>(config_.tokens_per_minute);
  auto [it, fresh] = buckets_.try_emplace(key);
  Bucket& bucket = it->second;
  if (fresh) {
    bucket = {rpm, tpm, now_ms};
  } else {
    const double elapsed = static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.updated_ms));
    bucket.requests = std::min(rpm, bucket.requests + elapsed * rpm / 60000.0);
    bucket.tokens = std::min(tpm, bucket.tokens + elapsed * tpm / 60000.0);
    bucket.updated_ms = now_ms;
  }
  return bucket;
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
  const std::lock_guard lock(mutex_);
  return report(refilled(key, now_ms));
}

RateLimitDecision RateLimiter::check(const std::string& key, std::int64_t tokens, std::int64_t now_ms) {
  const auto rpm = static_cast<double>(config_.requests_per_minute);
  const auto tpm = static_cast<double>(config_.tokens_per_minute);
  const std::lock_guard lock(mutex_);
  Bucket& bucket = refilled(key, now_ms);
  const auto cost = std::min(static_cast<double>(std::max<std::int64_t>(0, tokens)), tpm);
  const bool requests_short = bucket.requests < 1.0;
  const bool tokens_short = bucket.tokens < cost;
  if (config_.enforced && (requests_short || tokens_short)) {
    RateLimitDecision d = report(bucket);
    d.allowed = false;
    d.tokens_exhausted = !requests_short;
    d.retry_after_ms = requests_short ? ms_until(bucket.requests, 1.0, rpm)
                                      : ms_until(bucket.tokens, cost, tpm);
    return d;
  }
  bucket.requests = std::max(0.0, bucket.requests - 1.0);
  bucket.tokens = std::max(0.0, bucket.tokens - cost);
  return report(bucket);
}

void RateLimiter::reset() {
  const std::lock_guard lock(mutex_);
  buckets_.clear();
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
