// The official SDKs' retry rules (docs/openai-behaviour.md §3.3). Where node and python differ we
// take the node reading the brief fixed: a server delay is honoured only within (0, 60 s]
// (client.ts:1274-1304), otherwise the backoff of client.ts:1310-1323 applies.
#include "chatmock/client/retry_policy.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <random>

namespace chatmock::client {
namespace {

using std::chrono::milliseconds;

constexpr double kInitialRetryDelaySeconds = 0.5;  // node client.ts INITIAL_RETRY_DELAY
constexpr double kMaxRetryDelaySeconds = 8.0;      // node client.ts MAX_RETRY_DELAY
constexpr double kMaxServerDelayMs = 60'000.0;     // node: retry-after honoured up to 60 s

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// A finite decimal number filling the whole (trimmed) value; "1", "1.5", "644".
std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

double random_jitter() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible
// low-level date algorithms", days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

}  // namespace

std::optional<std::string_view> find_header(const HeaderMap& headers, std::string_view name) {
  if (auto exact = headers.find(std::string(name)); exact != headers.end()) return exact->second;
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT". The weekday is informative and skipped.
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  text = trim(text);
  const std::size_t comma = text.find(", ");
  if (comma == std::string_view::npos) return std::nullopt;
  const std::string rest(text.substr(comma + 2));
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, consumed = 0;
  std::array<char, 4> month_name{};
  if (std::sscanf(rest.c_str(), "%2d %3s %4d %2d:%2d:%2d GMT%n", &day, month_name.data(), &year,
                  &hour, &minute, &second, &consumed) != 6 ||
      static_cast<std::size_t>(consumed) != rest.size()) {
    return std::nullopt;
  }
  const auto month = std::find(kMonths.begin(), kMonths.end(), std::string_view(month_name.data()));
  if (month == kMonths.end() || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return std::nullopt;
  }
  const auto month_number = static_cast<unsigned>(month - kMonths.begin() + 1);
  const std::int64_t days = days_from_civil(year, month_number, static_cast<unsigned>(day));
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(days * 86400 + static_cast<std::int64_t>(hour) * 3600 +
                           static_cast<std::int64_t>(minute) * 60 + second));
}

RetryPolicy::RetryPolicy(int max_retries, JitterSource jitter, Clock now)
    : max_retries_(std::max(0, max_retries)),
      jitter_(jitter ? std::move(jitter) : JitterSource(random_jitter)),
      now_(now ? std::move(now) : Clock([] { return std::chrono::system_clock::now(); })) {}

bool RetryPolicy::is_retryable(int status, const HeaderMap& headers) {
  // x-should-retry overrides the status in both SDKs (node client.ts:1246-1251,
  // python _base_client.py:835-843); only the exact values count.
  if (auto should_retry = find_header(headers, "x-should-retry")) {
    if (*should_retry == "true") return true;
    if (*should_retry == "false") return false;
  }
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<milliseconds> RetryPolicy::server_delay(const HeaderMap& headers) const {
  std::optional<double> delay_ms;
  if (auto header = find_header(headers, "retry-after-ms")) delay_ms = parse_number(*header);
  if (!delay_ms) {
    if (auto header = find_header(headers, "retry-after")) {
      if (auto seconds = parse_number(*header)) {
        delay_ms = *seconds * 1000.0;
      } else if (auto date = parse_http_date(*header)) {
        delay_ms =
            static_cast<double>(std::chrono::duration_cast<milliseconds>(*date - now_()).count());
      }
    }
  }
  if (!delay_ms || !(*delay_ms > 0.0) || *delay_ms > kMaxServerDelayMs) return std::nullopt;
  return milliseconds(static_cast<std::int64_t>(std::llround(*delay_ms)));
}

milliseconds RetryPolicy::backoff(int retries_done) const {
  // min(0.5 * 2^n, 8) s, scaled by 1 - 0.25 * jitter (node client.ts:1310-1323).
  const int exponent = std::clamp(retries_done, 0, 16);
  const double seconds =
      std::min(kInitialRetryDelaySeconds * std::ldexp(1.0, exponent), kMaxRetryDelaySeconds);
  const double jitter = std::clamp(jitter_(), 0.0, 1.0);
  return milliseconds(
      static_cast<std::int64_t>(std::llround(seconds * (1.0 - 0.25 * jitter) * 1000.0)));
}

RetryDecision RetryPolicy::after_response(int retries_done, int status,
                                          const HeaderMap& headers) const {
  if (retries_done >= max_retries_ || !is_retryable(status, headers)) return {};
  if (auto delay = server_delay(headers)) return {true, *delay};
  return {true, backoff(retries_done)};
}

RetryDecision RetryPolicy::after_connection_error(int retries_done) const {
  // Connection errors and timeouts are retried (node client.ts:989-1002, python :1084-1105).
  if (retries_done >= max_retries_) return {};
  return {true, backoff(retries_done)};
}

}  // namespace chatmock::client
