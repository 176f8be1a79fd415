// The rate limiter on its own: buckets refill continuously, refuse with the time until there is
// room, exist only under --rate-limit, and never number more than --max-rate-limit-keys.
#include "ratelimit/rate_limiter.h"

#include <gtest/gtest.h>

namespace chatmock::ratelimit {
namespace {

RateLimitConfig enforced(std::int64_t rpm, std::int64_t tpm, std::size_t max_keys = 10000) {
  RateLimitConfig config;
  config.enforced = true;
  config.requests_per_minute = rpm;
  config.tokens_per_minute = tpm;
  config.max_keys = max_keys;
  return config;
}

TEST(RateLimiterTest, UnenforcedNeverRefusesAndKeepsNoKeys) {
  RateLimiter limiter(RateLimitConfig{});
  for (int i = 0; i < 5000; ++i) {
    const auto decision = limiter.check("sk-key-" + std::to_string(i), 100, 0);
    EXPECT_TRUE(decision.allowed);
  }
  const auto again = limiter.check("sk-key-1", 100, 0);
  EXPECT_EQ(again.remaining_requests, RateLimitConfig{}.requests_per_minute - 1);
  EXPECT_EQ(limiter.key_count(), 0U);
}

TEST(RateLimiterTest, RefusesWhenRequestsRunOutAndSaysWhenThereIsRoom) {
  RateLimiter limiter(enforced(2, 1000000));
  EXPECT_TRUE(limiter.check("k", 1, 0).allowed);
  const auto second = limiter.check("k", 1, 0);
  EXPECT_TRUE(second.allowed);
  EXPECT_EQ(second.remaining_requests, 0);
  const auto third = limiter.check("k", 1, 0);
  EXPECT_FALSE(third.allowed);
  EXPECT_FALSE(third.tokens_exhausted);
  EXPECT_NEAR(static_cast<double>(third.retry_after_ms), 30000, 1);  // 2 a minute: 1 per 30 s
  EXPECT_FALSE(limiter.check("k", 1, 29999).allowed);
  EXPECT_TRUE(limiter.check("k", 1, 30000).allowed);
}

TEST(RateLimiterTest, RefusesWhenTokensRunOut) {
  RateLimiter limiter(enforced(1000, 600));
  EXPECT_TRUE(limiter.check("k", 500, 0).allowed);
  const auto refused = limiter.check("k", 500, 0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_TRUE(refused.tokens_exhausted);
  EXPECT_NEAR(static_cast<double>(refused.retry_after_ms), 40000, 1);  // 400 short, 10 a second
}

TEST(RateLimiterTest, KeysAreSeparateBuckets) {
  RateLimiter limiter(enforced(1, 1000));
  EXPECT_TRUE(limiter.check("a", 1, 0).allowed);
  EXPECT_FALSE(limiter.check("a", 1, 0).allowed);
  EXPECT_TRUE(limiter.check("b", 1, 0).allowed);
  EXPECT_EQ(limiter.key_count(), 2U);
}

TEST(RateLimiterTest, PeekChargesNothingAndCreatesNoBucket) {
  RateLimiter limiter(enforced(5, 1000));
  const auto peeked = limiter.peek("new", 0);
  EXPECT_EQ(peeked.remaining_requests, 5);
  EXPECT_EQ(limiter.key_count(), 0U);
  limiter.check("new", 10, 0);
  EXPECT_EQ(limiter.peek("new", 0).remaining_requests, 4);
  EXPECT_EQ(limiter.peek("new", 0).remaining_tokens, 990);
}

TEST(RateLimiterTest, KeysBeyondTheBoundEvictTheLeastRecentlyUsed) {
  RateLimiter limiter(enforced(1, 1000, 3));
  for (const char* key : {"a", "b", "c"}) EXPECT_TRUE(limiter.check(key, 1, 0).allowed);
  EXPECT_FALSE(limiter.check("a", 1, 0).allowed);  // a is now the most recently used
  EXPECT_TRUE(limiter.check("d", 1, 0).allowed);   // evicts b
  EXPECT_EQ(limiter.key_count(), 3U);
  EXPECT_EQ(limiter.evicted(), 1U);
  EXPECT_FALSE(limiter.check("a", 1, 0).allowed);  // still remembered
  EXPECT_TRUE(limiter.check("b", 1, 0).allowed);   // forgotten: a full bucket again
}

TEST(RateLimiterTest, FiveThousandKeysStayWithinTheBound) {
  RateLimiter limiter(enforced(100, 100000, 1000));
  for (int i = 0; i < 5000; ++i) limiter.check("sk-key-" + std::to_string(i), 10, i);
  EXPECT_EQ(limiter.key_count(), 1000U);
  EXPECT_EQ(limiter.evicted(), 4000U);
}

TEST(RateLimiterTest, ResetForgetsEveryBucket) {
  RateLimiter limiter(enforced(1, 1000));
  limiter.check("a", 1, 0);
  limiter.reset();
  EXPECT_EQ(limiter.key_count(), 0U);
  EXPECT_TRUE(limiter.check("a", 1, 0).allowed);
}

TEST(RateLimiterTest, ResetDurationsUseTheApisFormat) {
  EXPECT_EQ(format_reset(0), "0ms");
  EXPECT_EQ(format_reset(-5), "0ms");
  EXPECT_EQ(format_reset(20), "20ms");
  EXPECT_EQ(format_reset(1000), "1s");
  EXPECT_EQ(format_reset(1500), "1.5s");
  EXPECT_EQ(format_reset(360000), "6m0s");
  EXPECT_EQ(format_reset(3723000), "1h2m3s");
}

TEST(RateLimiterTest, ParsesRpmAndTpm) {
  const auto both = parse_rate_limit("rpm=60,tpm=1000");
  ASSERT_TRUE(both);
  EXPECT_TRUE(both->enforced);
  EXPECT_EQ(both->requests_per_minute, 60);
  EXPECT_EQ(both->tokens_per_minute, 1000);
  const auto one = parse_rate_limit("rpm=5");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->tokens_per_minute, RateLimitConfig{}.tokens_per_minute);
  EXPECT_FALSE(parse_rate_limit("rpm=0"));
  EXPECT_FALSE(parse_rate_limit("rpm=-1"));
  EXPECT_FALSE(parse_rate_limit("qps=5"));
  EXPECT_FALSE(parse_rate_limit("rpm"));
}

}  // namespace
}  // namespace chatmock::ratelimit
