// Unit tests for RetryPolicy: each rule of docs/openai-behaviour.md §3.3 with a fixed clock and
// jitter.
#include "chatmock/client/retry_policy.h"

#include <gtest/gtest.h>

namespace chatmock::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

// 2015-10-21 07:28:00 GMT, the `now` of every test.
const system_clock::time_point kNow = system_clock::time_point(seconds(1445412480));

RetryPolicy policy_with_jitter(double jitter, int max_retries = 2) {
  return RetryPolicy(
      max_retries, [jitter] { return jitter; }, [] { return kNow; });
}

TEST(RetryPolicyTest, RetriesTheSdkStatuses) {
  for (int status : {408, 409, 429, 500, 502, 503, 504, 599}) {
    EXPECT_TRUE(RetryPolicy::is_retryable(status, {})) << status;
  }
}

TEST(RetryPolicyTest, DoesNotRetryOtherStatuses) {
  for (int status : {200, 301, 400, 401, 403, 404, 410, 422, 499}) {
    EXPECT_FALSE(RetryPolicy::is_retryable(status, {})) << status;
  }
}

TEST(RetryPolicyTest, ShouldRetryTrueOverridesStatus) {
  EXPECT_TRUE(RetryPolicy::is_retryable(400, {{"x-should-retry", "true"}}));
}

TEST(RetryPolicyTest, ShouldRetryFalseOverridesStatus) {
  // http_429_insufficient_quota with x-should-retry:false (§5 #64, #65).
  EXPECT_FALSE(RetryPolicy::is_retryable(429, {{"x-should-retry", "false"}}));
  EXPECT_FALSE(RetryPolicy::is_retryable(503, {{"X-Should-Retry", "false"}}));
}

TEST(RetryPolicyTest, ShouldRetryOtherValuesFallBackToStatus) {
  EXPECT_FALSE(RetryPolicy::is_retryable(400, {{"x-should-retry", "yes"}}));
  EXPECT_TRUE(RetryPolicy::is_retryable(500, {{"x-should-retry", "TRUE1"}}));
}

TEST(RetryPolicyTest, RetryAfterMsWins) {
  const auto delay =
      policy_with_jitter(0).server_delay({{"retry-after-ms", "644"}, {"retry-after", "1"}});
  EXPECT_EQ(delay, milliseconds(644));
}

TEST(RetryPolicyTest, RetryAfterMsAcceptsFractions) {
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"retry-after-ms", "12.6"}}), milliseconds(13));
}

TEST(RetryPolicyTest, RetryAfterSecondsIntegerAndFloat) {
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"retry-after", "1"}}), milliseconds(1000));
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"Retry-After", " 1.5 "}}), milliseconds(1500));
}

TEST(RetryPolicyTest, RetryAfterHttpDate) {
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"retry-after", "Wed, 21 Oct 2015 07:28:05 GMT"}}),
            milliseconds(5000));
}

TEST(RetryPolicyTest, RetryAfterDateInThePastIsIgnored) {
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"retry-after", "Wed, 21 Oct 2015 07:27:00 GMT"}}),
            std::nullopt);
}

TEST(RetryPolicyTest, UnparsableMsFallsBackToRetryAfter) {
  EXPECT_EQ(policy_with_jitter(0).server_delay({{"retry-after-ms", "soon"}, {"retry-after", "2"}}),
            milliseconds(2000));
}

TEST(RetryPolicyTest, ServerDelayMustBePositiveAndAtMostSixtySeconds) {
  const RetryPolicy policy = policy_with_jitter(0);
  EXPECT_EQ(policy.server_delay({{"retry-after", "60"}}), milliseconds(60000));
  EXPECT_EQ(policy.server_delay({{"retry-after", "60.001"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({{"retry-after", "300"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({{"retry-after", "0"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({{"retry-after", "-1"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({{"retry-after", "nan"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({{"retry-after", "garbage"}}), std::nullopt);
  EXPECT_EQ(policy.server_delay({}), std::nullopt);
}

TEST(RetryPolicyTest, OutOfRangeServerDelayFallsBackToBackoff) {
  // retry-after: 300 (§5 #64): node ignores the header and backs off.
  const RetryDecision decision =
      policy_with_jitter(0).after_response(0, 429, {{"retry-after", "300"}});
  EXPECT_TRUE(decision.retry);
  EXPECT_EQ(decision.delay, milliseconds(500));
}

TEST(RetryPolicyTest, BackoffDoublesUpToEightSeconds) {
  const RetryPolicy policy = policy_with_jitter(0);
  EXPECT_EQ(policy.backoff(0), milliseconds(500));
  EXPECT_EQ(policy.backoff(1), milliseconds(1000));
  EXPECT_EQ(policy.backoff(2), milliseconds(2000));
  EXPECT_EQ(policy.backoff(3), milliseconds(4000));
  EXPECT_EQ(policy.backoff(4), milliseconds(8000));
  EXPECT_EQ(policy.backoff(10), milliseconds(8000));
  EXPECT_EQ(policy.backoff(1000), milliseconds(8000));
}

TEST(RetryPolicyTest, JitterShortensBackoffByUpToAQuarter) {
  EXPECT_EQ(policy_with_jitter(1.0).backoff(0), milliseconds(375));
  EXPECT_EQ(policy_with_jitter(0.5).backoff(1), milliseconds(875));
}

TEST(RetryPolicyTest, DefaultJitterStaysInRange) {
  const RetryPolicy policy;
  for (int i = 0; i < 100; ++i) {
    const milliseconds delay = policy.backoff(0);
    EXPECT_GE(delay, milliseconds(375));
    EXPECT_LE(delay, milliseconds(500));
  }
}

TEST(RetryPolicyTest, DefaultMaxRetriesIsTwo) {
  const RetryPolicy policy;
  EXPECT_EQ(policy.max_retries(), 2);
  EXPECT_TRUE(policy.after_response(0, 500, {}).retry);
  EXPECT_TRUE(policy.after_response(1, 500, {}).retry);
  EXPECT_FALSE(policy.after_response(2, 500, {}).retry);  // the third failure is final (§5 #66)
}

TEST(RetryPolicyTest, ZeroMaxRetriesNeverRetries) {
  const RetryPolicy policy = policy_with_jitter(0, 0);
  EXPECT_FALSE(policy.after_response(0, 500, {}).retry);
  EXPECT_FALSE(policy.after_connection_error(0).retry);
}

TEST(RetryPolicyTest, AfterResponseUsesServerDelay) {
  const RetryDecision decision =
      policy_with_jitter(0).after_response(1, 429, {{"retry-after-ms", "644"}});
  EXPECT_TRUE(decision.retry);
  EXPECT_EQ(decision.delay, milliseconds(644));
}

TEST(RetryPolicyTest, AfterResponseDoesNotRetryFinalStatuses) {
  EXPECT_FALSE(policy_with_jitter(0).after_response(0, 400, {{"retry-after", "1"}}).retry);
}

TEST(RetryPolicyTest, ConnectionErrorsAreRetriedWithBackoff) {
  const RetryPolicy policy = policy_with_jitter(0);
  EXPECT_EQ(policy.after_connection_error(0).delay, milliseconds(500));
  EXPECT_EQ(policy.after_connection_error(1).delay, milliseconds(1000));
  EXPECT_FALSE(policy.after_connection_error(2).retry);
}

TEST(RetryPolicyTest, ParsesImfFixdate) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            system_clock::time_point(seconds(784111777)));
  EXPECT_EQ(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), system_clock::time_point());
  EXPECT_EQ(parse_http_date("Tue, 29 Feb 2000 12:00:00 GMT"),
            system_clock::time_point(seconds(951825600)));
}

TEST(RetryPolicyTest, RejectsOtherDateForms) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("06 Nov 1994 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT trailing"), std::nullopt);
  EXPECT_EQ(parse_http_date(""), std::nullopt);
}

TEST(RetryPolicyTest, FindsHeadersCaseInsensitively) {
  const HeaderMap headers = {{"Retry-After", "1"}};
  EXPECT_EQ(find_header(headers, "retry-after"), "1");
  EXPECT_EQ(find_header(headers, "retry-after-ms"), std::nullopt);
}

}  // namespace
}  // namespace chatmock::client
