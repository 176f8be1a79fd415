// RetryPolicy: when and how long to wait before re-sending a request, mirroring the official SDKs
// (docs/openai-behaviour.md §3.3: node client.ts:1243-1323, python _base_client.py:753-856). Pure:
// the clock and the jitter source are injected; the client does the sleeping and the sending.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace chatmock::client {

/// Response headers by name; lookups are case-insensitive.
using HeaderMap = std::map<std::string, std::string>;

/// Whether to re-send, and after how long.
struct RetryDecision {
  bool retry = false;
  std::chrono::milliseconds delay{0};
};

/// The SDKs' retry rules: x-should-retry, then 408/409/429/≥500; retry-after-ms / retry-after
/// within (0, 60 s], else capped exponential backoff with jitter.
class RetryPolicy {
 public:
  /// Returns a value in [0, 1) for the backoff jitter.
  using JitterSource = std::function<double()>;
  /// Returns the current wall-clock time, for `retry-after` HTTP-dates.
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  static constexpr int kDefaultMaxRetries = 2;  ///< node client.ts:541, python _constants.py:8

  /// Empty `jitter`/`now` fall back to a random source and the system clock.
  explicit RetryPolicy(int max_retries = kDefaultMaxRetries, JitterSource jitter = {},
                       Clock now = {});

  int max_retries() const { return max_retries_; }

  /// Whether a response with this status and these headers is worth retrying, ignoring budget.
  static bool is_retryable(int status, const HeaderMap& headers);
  /// The server-requested delay, or nullopt when absent, unparsable or outside (0, 60 s].
  std::optional<std::chrono::milliseconds> server_delay(const HeaderMap& headers) const;
  /// The backoff before the retry that follows `retries_done` earlier retries.
  std::chrono::milliseconds backoff(int retries_done) const;

  /// The decision after attempt number `retries_done` (0 = first) got this response.
  RetryDecision after_response(int retries_done, int status, const HeaderMap& headers) const;
  /// The decision after attempt number `retries_done` got no response (connect/read failure).
  RetryDecision after_connection_error(int retries_done) const;

 private:
  int max_retries_;
  JitterSource jitter_;
  Clock now_;
};

/// The value of header `name` (case-insensitive), or nullopt.
std::optional<std::string_view> find_header(const HeaderMap& headers, std::string_view name);

/// Parses an IMF-fixdate (RFC 9110 §5.6.7, "Sun, 06 Nov 1994 08:49:37 GMT").
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

}  // namespace chatmock::client
